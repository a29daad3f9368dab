// SPDX-License-Identifier: GPL-2.0-or-later
#include "pipeline/ShowroomSleep.h"

#include "model/Labels.h"
#include "pipeline/EnvironmentLock.h"
#include "support/FutureWait.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Shipyard {

namespace {

QByteArray mergePatch(const QJsonObject &patch)
{
    return QJsonDocument(patch).toJson(QJsonDocument::Compact);
}

QString deploymentPath(const QString &ns, const QString &name)
{
    return QStringLiteral("/apis/apps/v1/namespaces/%1/deployments/%2").arg(ns, name);
}

} // namespace

ShowroomSleep::ShowroomSleep(KubeClient client, QString ns, QString identity)
    : m_client(std::move(client)), m_ns(std::move(ns)), m_identity(std::move(identity))
{ }

ShowroomSleep::Result ShowroomSleep::underLock(const QString &reason, const std::function<Result()> &action) const
{
    EnvironmentLock lock(m_client, m_ns, m_identity);
    lock.setReason(reason);
    QString error;
    if (!lock.acquire(false, nullptr, &error))
        return { {}, QStringLiteral("showroom %1: %2").arg(m_ns, error) };
    Result result = action();
    lock.release();
    return result;
}

std::optional<QJsonArray> ShowroomSleep::deployments(QString *error) const
{
    const KubeResponse listed =
        await(m_client.get(QStringLiteral("/apis/apps/v1/namespaces/%1/deployments").arg(m_ns)));
    if (!listed.ok()) {
        *error = QStringLiteral("deployments in %1: %2").arg(m_ns, listed.error.message);
        return std::nullopt;
    }
    return listed.json().value(QLatin1String("items")).toArray();
}

QString ShowroomSleep::markNamespace(const QJsonValue &sleepingSince) const
{
    const QJsonObject patch { { QStringLiteral("metadata"),
        QJsonObject {
            { QStringLiteral("annotations"), QJsonObject { { QString(Labels::sleepingSince), sleepingSince } } } } } };
    const KubeResponse patched = await(m_client.patch(
        QStringLiteral("/api/v1/namespaces/") + m_ns, mergePatch(patch), "application/merge-patch+json"));
    return patched.ok() ? QString() : QStringLiteral("namespace %1: %2").arg(m_ns, patched.error.message);
}

ShowroomSleep::Result ShowroomSleep::sleep(const QDateTime &now, const Progress &progress) const
{
    return underLock(QStringLiteral("putting the showroom to sleep"), [&] {
        Result result;
        const std::optional<QJsonArray> items = deployments(&result.error);
        if (!items)
            return result;
        // The namespace first: a sleep cut short is still seen as one, and
        // wake restores what was scaled down.
        if (const QString error = markNamespace(now.toUTC().toString(Qt::ISODate)); !error.isEmpty()) {
            result.error = error;
            return result;
        }
        for (const QJsonValue &item : *items) {
            const QJsonObject metadata = item[QLatin1String("metadata")].toObject();
            const QString name = metadata.value(QLatin1String("name")).toString();
            const int replicas = item[QLatin1String("spec")][QLatin1String("replicas")].toInt(1);
            // Already asleep (a second sleep): what it had before stays remembered.
            if (metadata[QLatin1String("annotations")].toObject().contains(Labels::replicasBeforeSleep))
                continue;
            const QJsonObject patch {
                { QStringLiteral("metadata"),
                    QJsonObject { { QStringLiteral("annotations"),
                        QJsonObject { { QString(Labels::replicasBeforeSleep), QString::number(replicas) } } } } },
                { QStringLiteral("spec"), QJsonObject { { QStringLiteral("replicas"), 0 } } }
            };
            const KubeResponse patched =
                await(m_client.patch(deploymentPath(m_ns, name), mergePatch(patch), "application/merge-patch+json"));
            if (!patched.ok()) {
                result.error = QStringLiteral("deployment %1: %2").arg(name, patched.error.message);
                return result;
            }
            result.deployments.append(QStringLiteral("%1: %2 → 0").arg(name).arg(replicas));
            if (progress)
                progress(result.deployments.last());
        }
        return result;
    });
}

ShowroomSleep::Result ShowroomSleep::wake(const Progress &progress) const
{
    return underLock(QStringLiteral("waking the showroom"), [&] {
        Result result;
        const std::optional<QJsonArray> items = deployments(&result.error);
        if (!items)
            return result;
        for (const QJsonValue &item : *items) {
            const QJsonObject metadata = item[QLatin1String("metadata")].toObject();
            const QString name = metadata.value(QLatin1String("name")).toString();
            const QJsonObject annotations = metadata.value(QLatin1String("annotations")).toObject();
            if (!annotations.contains(Labels::replicasBeforeSleep))
                continue;
            bool ok = false;
            const int replicas = annotations.value(Labels::replicasBeforeSleep).toString().toInt(&ok);
            // null removes the annotation (JSON merge patch).
            QJsonObject patch { { QStringLiteral("metadata"),
                QJsonObject { { QStringLiteral("annotations"),
                    QJsonObject { { QString(Labels::replicasBeforeSleep), QJsonValue::Null } } } } } };
            if (ok && replicas >= 0)
                patch.insert(QStringLiteral("spec"), QJsonObject { { QStringLiteral("replicas"), replicas } });
            const KubeResponse patched =
                await(m_client.patch(deploymentPath(m_ns, name), mergePatch(patch), "application/merge-patch+json"));
            if (!patched.ok()) {
                result.error = QStringLiteral("deployment %1: %2").arg(name, patched.error.message);
                return result;
            }
            const int now = item[QLatin1String("spec")][QLatin1String("replicas")].toInt();
            result.deployments.append(ok ? QStringLiteral("%1: %2 → %3").arg(name).arg(now).arg(replicas)
                                         : QStringLiteral("%1: unreadable replicas, left at %2").arg(name).arg(now));
            if (progress)
                progress(result.deployments.last());
        }
        result.error = markNamespace(QJsonValue::Null);
        return result;
    });
}

} // namespace Shipyard
