// SPDX-License-Identifier: GPL-2.0-or-later
#include "releases/ReleaseApplier.h"

#include "kube/DeploymentRollout.h"
#include "manifests/ManifestReader.h"
#include "model/Labels.h"
#include "releases/CanaryDeployment.h"
#include "releases/ReleaseSecrets.h"
#include "support/FutureWait.h"

#include <QDeadlineTimer>
#include <QSet>
#include <QThread>
#include <QUrlQuery>

#include <functional>

namespace Shipyard {

namespace {

bool isDeployment(const QJsonObject &object)
{
    return object.value(QLatin1String("kind")).toString() == QLatin1String("Deployment");
}

QString nameOf(const QJsonObject &object)
{
    return object[QLatin1String("metadata")][QLatin1String("name")].toString();
}

} // namespace

ReleaseApplier::ReleaseApplier(KubeClient client, QString ns) : m_client(std::move(client)), m_ns(std::move(ns))
{ }

QString ReleaseApplier::describe(const QJsonObject &object)
{
    return object.value(QLatin1String("kind")).toString().toLower() + QLatin1Char('/') + nameOf(object);
}

QString ReleaseApplier::apply(const QJsonObject &object, bool *unreachable, KubeError *error) const
{
    if (unreachable)
        *unreachable = false;
    if (const QString refused = m_guard ? m_guard() : QString(); !refused.isEmpty()) {
        if (error)
            *error = KubeError::make(KubeError::Kind::Cancelled, refused);
        return QStringLiteral("%1 not applied: %2").arg(describe(object), refused);
    }
    // When the first change reached the cluster: an attempt that could not
    // reach it (a rollback waiting out an outage) changed nothing.
    const QDateTime attempted = QDateTime::currentDateTimeUtc();
    const KubeResponse response = await(send(object, false));
    if (unreachable)
        *unreachable = response.error.isOutOfReach();
    if (error)
        *error = response.error;
    if (!response.ok())
        return QStringLiteral("%1: %2").arg(describe(object), response.error.message);
    if (!m_firstApply.isValid())
        m_firstApply = attempted;
    log(QStringLiteral("%1 applied in %2").arg(describe(object), m_ns));
    return {};
}

QJsonObject ReleaseApplier::normalized(const QJsonObject &object)
{
    if (!ReleaseSecrets::isSecret(object) || !object.contains(QLatin1String("stringData")))
        return object;
    QJsonObject secret = object;
    QJsonObject data = secret.value(QLatin1String("data")).toObject();
    const QJsonObject strings = secret.take(QLatin1String("stringData")).toObject();
    // As the server merges them: stringData wins over data.
    for (auto it = strings.begin(); it != strings.end(); ++it)
        data.insert(it.key(), QString::fromLatin1(it.value().toString().toUtf8().toBase64()));
    secret.insert(QStringLiteral("data"), data);
    return secret;
}

QFuture<KubeResponse> ReleaseApplier::send(const QJsonObject &object, bool dryRun) const
{
    QJsonObject placed = normalized(object);
    QJsonObject metadata = placed.value(QLatin1String("metadata")).toObject();
    metadata.insert(QStringLiteral("namespace"), m_ns);
    placed.insert(QStringLiteral("metadata"), metadata);
    KubeClient::ApplyOptions options;
    options.force = true;
    options.dryRun = dryRun;
    return m_client.apply(ManifestReader::pathOf(placed, m_ns), placed, options);
}

QJsonObject ReleaseApplier::dryRun(const QJsonObject &object, QString *error) const
{
    const KubeResponse response = await(send(object, true));
    if (!response.ok()) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(describe(object), response.error.message);
        return {};
    }
    return response.json();
}

QString ReleaseApplier::remove(const QJsonObject &object, bool *unreachable) const
{
    if (unreachable)
        *unreachable = false;
    if (const QString refused = m_guard ? m_guard() : QString(); !refused.isEmpty())
        return QStringLiteral("%1 not deleted: %2").arg(describe(object), refused);
    const KubeResponse response = await(m_client.remove(ManifestReader::pathOf(object, m_ns)));
    if (unreachable)
        *unreachable = response.error.isOutOfReach();
    if (!response.ok() && !response.error.isNotFound())
        return QStringLiteral("%1: %2").arg(describe(object), response.error.message);
    log(QStringLiteral("%1 deleted from %2").arg(describe(object), m_ns));
    return {};
}

QString ReleaseApplier::removeCanaries(const QStringList &systems, bool *unreachable) const
{
    if (unreachable)
        *unreachable = false;
    const KubeResponse listed = await(m_client.get(QStringLiteral("/apis/apps/v1/namespaces/%1/deployments").arg(m_ns),
        QUrlQuery { { QStringLiteral("labelSelector"), CanaryDeployment::selector() } }));
    if (!listed.ok()) {
        if (unreachable)
            *unreachable = listed.error.isOutOfReach();
        return QStringLiteral("the canaries in %1 not listed: %2").arg(m_ns, listed.error.message);
    }
    for (const QJsonValue &item : listed.json().value(QLatin1String("items")).toArray()) {
        QJsonObject canary = item.toObject();
        if (!systems.contains(canary[QLatin1String("metadata")][QLatin1String("labels")][Labels::system].toString()))
            continue;
        // A listed item has no kind; describe() and the path want it.
        canary.insert(QStringLiteral("apiVersion"), QStringLiteral("apps/v1"));
        canary.insert(QStringLiteral("kind"), QStringLiteral("Deployment"));
        if (const QString error = remove(canary, unreachable); !error.isEmpty())
            return error;
    }
    return {};
}

ReleaseApplier::RolloutOutcome ReleaseApplier::waitForRollouts(
    const QList<QJsonObject> &objects, std::chrono::seconds timeout, bool wholeTimeout) const
{
    // Every progress deadline condition counts as older than this.
    const QDateTime changedAt = wholeTimeout ? QDateTime::currentDateTimeUtc().addYears(100) : m_firstApply;
    RolloutOutcome outcome;
    QList<std::pair<QString, QFuture<RolloutResult>>> waits;
    for (const QJsonObject &object : objects) {
        if (!isDeployment(object))
            continue;
        const QString name = nameOf(object);
        const auto log = m_log;
        waits.append({ name,
            DeploymentRollout(m_client, m_ns, name)
                .status(
                    timeout,
                    [log, name](const QString &line) {
                        if (log)
                            log(QStringLiteral("deployment/%1: %2").arg(name, line));
                    },
                    changedAt, m_observer, m_cancel) });
    }
    for (auto &[name, future] : waits) {
        // On cancel every wait stops within moments; they are waited for, so
        // that no thread outlives the delivery whose flag it reads.
        future.waitForFinished();
        if (m_cancel && *m_cancel) {
            for (auto &wait : waits)
                wait.second.waitForFinished();
            outcome.cancelled = true;
            return outcome;
        }
        const RolloutResult result = future.result();
        if (!result.ok() || !result.done) {
            if (outcome.error.isEmpty()) {
                outcome.failedObject = QStringLiteral("deployment/") + name;
                outcome.errorKind = result.error.kind;
                outcome.error = QStringLiteral("deployment/%1: %2")
                                    .arg(name, result.error.isError() ? result.error.message : result.message);
            }
            continue;
        }
        outcome.revisions.insert(name,
            result
                .object[QLatin1String("metadata")][QLatin1String("annotations")]
                       [QLatin1String("deployment.kubernetes.io/revision")]
                .toString()
                .toLongLong());
        log(QStringLiteral("deployment/%1: %2").arg(name, result.message));
    }
    return outcome;
}

QJsonArray ReleaseApplier::capture(const QList<QJsonObject> &manifests, QString *error) const
{
    QJsonArray captured;
    for (const QJsonObject &manifest : manifests) {
        const KubeResponse response = await(m_client.get(ManifestReader::pathOf(manifest, m_ns)));
        if (response.error.isNotFound())
            continue;
        if (!response.ok()) {
            if (error)
                *error = QStringLiteral("%1: %2").arg(describe(manifest), response.error.message);
            return {};
        }
        QJsonObject object = response.json();
        object.remove(QStringLiteral("status"));
        const QJsonObject metadata = object.value(QLatin1String("metadata")).toObject();
        QJsonObject kept;
        kept.insert(QStringLiteral("name"), metadata.value(QLatin1String("name")));
        if (metadata.contains(QLatin1String("labels")))
            kept.insert(QStringLiteral("labels"), metadata.value(QLatin1String("labels")));
        QJsonObject annotations = metadata.value(QLatin1String("annotations")).toObject();
        // Written by the server or kubectl, never by the owner of the object.
        annotations.remove(QStringLiteral("deployment.kubernetes.io/revision"));
        annotations.remove(QStringLiteral("kubectl.kubernetes.io/last-applied-configuration"));
        if (!annotations.isEmpty())
            kept.insert(QStringLiteral("annotations"), annotations);
        object.insert(QStringLiteral("metadata"), kept);
        captured.append(object);
    }
    return captured;
}

QString ReleaseApplier::restore(const ReleaseRecord &target, const QStringList &systems,
    const QHash<QString, QList<QJsonObject>> &current, std::chrono::seconds timeout,
    QHash<QString, qint64> *revisions) const
{
    // Applied without its values, a Secret would be emptied: rather nothing.
    const QStringList withheld = ReleaseSecrets::withheld(target, systems);
    if (!withheld.isEmpty())
        return QStringLiteral("release %1 cannot be restored without the values of %2: %3; nothing was changed")
            .arg(target.id, withheld.join(QStringLiteral(", ")),
                target.secretValuesError.isEmpty()
                    ? QStringLiteral("they were not read from secret %1").arg(ReleaseSecrets::secretName(target.id))
                    : target.secretValuesError);
    QList<QJsonObject> restored;
    QString firstError;
    QDeadlineTimer patience { std::chrono::duration_cast<std::chrono::milliseconds>(timeout) };
    const auto retried = [&](const std::function<QString(bool *)> &attempt) {
        bool unreachable = false;
        QString error = attempt(&unreachable);
        while (!error.isEmpty() && unreachable && !patience.hasExpired()) {
            log(QStringLiteral("the cluster cannot be reached; the rollback tries again: %1").arg(error));
            QThread::sleep(std::chrono::seconds(1));
            error = attempt(&unreachable);
        }
        return error;
    };
    // A refused write means this applier may no longer change anything.
    const auto refused = [this] { return m_guard ? m_guard() : QString(); };
    // Only Deployments have canaries; a release without any is not asked to
    // list them (a rollback's permissions were checked for its own objects).
    bool deployments = false;
    for (const QString &system : systems) {
        if (const ReleaseRecord::SystemRelease *release = target.system(system)) {
            for (const QJsonValue &object : release->objects)
                deployments |= isDeployment(object.toObject());
        }
        for (const QJsonObject &object : current.value(system))
            deployments |= isDeployment(object);
    }
    if (const QString error =
            deployments ? retried([&](bool *unreachable) { return removeCanaries(systems, unreachable); }) : QString();
        !error.isEmpty()) {
        if (!refused().isEmpty())
            return error;
        firstError = error;
    }
    for (const QString &system : systems) {
        const ReleaseRecord::SystemRelease *release = target.system(system);
        QSet<QString> kept;
        if (release) {
            for (const QJsonValue &value : release->objects) {
                const QJsonObject object = value.toObject();
                kept.insert(describe(object));
                const QString error = retried([&](bool *unreachable) { return apply(object, unreachable); });
                if (!error.isEmpty() && firstError.isEmpty())
                    firstError = error;
                if (!error.isEmpty() && !refused().isEmpty())
                    return error;
                restored.append(object);
            }
        }
        for (const QJsonObject &object : current.value(system)) {
            if (kept.contains(describe(object)))
                continue;
            const QString error = retried([&](bool *unreachable) { return remove(object, unreachable); });
            if (!error.isEmpty() && firstError.isEmpty())
                firstError = error;
            if (!error.isEmpty() && !refused().isEmpty())
                return error;
        }
    }
    if (!firstError.isEmpty())
        return firstError;
    RolloutOutcome outcome = waitForRollouts(restored, timeout, true);
    // An apiserver that goes away while the restored rollouts are watched
    // says nothing about them: watch again once it is back, within TIMEOUT.
    while (
        !outcome.ok() && !outcome.cancelled && KubeError::isOutOfReach(outcome.errorKind) && !patience.hasExpired()) {
        log(QStringLiteral("the cluster cannot be reached; the rollback watches its rollouts again: %1")
                .arg(outcome.error));
        QThread::sleep(std::chrono::seconds(1));
        outcome = waitForRollouts(restored,
            std::chrono::duration_cast<std::chrono::seconds>(std::chrono::milliseconds(patience.remainingTime())),
            true);
    }
    if (revisions)
        *revisions = outcome.revisions;
    if (outcome.cancelled)
        return QStringLiteral("cancelled while waiting for the restored rollouts");
    return outcome.error;
}

} // namespace Shipyard
