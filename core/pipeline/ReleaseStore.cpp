// SPDX-License-Identifier: GPL-2.0-or-later
#include "pipeline/ReleaseStore.h"

#include "kube/KubeResourceType.h"

#include <QJsonDocument>
#include <QUrlQuery>

#include <algorithm>

namespace Shipyard {

namespace {

KubeResponse await(QFuture<KubeResponse> future)
{
    future.waitForFinished();
    return future.result();
}

const KubeResourceType &configMaps()
{
    static const KubeResourceType type = KubeResourceType::make(
        QString(), QStringLiteral("v1"), QStringLiteral("configmaps"), QStringLiteral("ConfigMap"));
    return type;
}

} // namespace

ReleaseStore::ReleaseStore(KubeClient client, QString ns) : m_client(std::move(client)), m_ns(std::move(ns))
{ }

QString ReleaseStore::configMapName(const QString &releaseId)
{
    return QStringLiteral("shipyard-release-") + releaseId;
}

QString ReleaseStore::labelSelector()
{
    return QStringLiteral("app.kubernetes.io/managed-by=shipyard,shipyard.dev/release=true");
}

QString ReleaseStore::collectionPath() const
{
    return configMaps().path(m_ns);
}

KubeError ReleaseStore::save(const ReleaseRecord &record) const
{
    const QJsonObject configMap {
        { QStringLiteral("apiVersion"), QStringLiteral("v1") },
        { QStringLiteral("kind"), QStringLiteral("ConfigMap") },
        { QStringLiteral("metadata"),
            QJsonObject {
                { QStringLiteral("name"), configMapName(record.id) },
                { QStringLiteral("namespace"), m_ns },
                { QStringLiteral("labels"),
                    QJsonObject {
                        { QStringLiteral("app.kubernetes.io/managed-by"), QStringLiteral("shipyard") },
                        { QStringLiteral("shipyard.dev/release"), QStringLiteral("true") },
                        { QStringLiteral("shipyard.dev/result"), ReleaseRecord::keyword(record.result) },
                    } },
            } },
        { QStringLiteral("data"),
            QJsonObject { { QLatin1String(dataKey),
                QString::fromUtf8(QJsonDocument(record.toJson()).toJson(QJsonDocument::Compact)) } } },
    };
    // Apply creates or replaces in one request, whoever wrote the record before.
    KubeClient::ApplyOptions options;
    options.force = true;
    const KubeResponse response =
        await(m_client.apply(configMaps().path(m_ns, configMapName(record.id)), configMap, options));
    return response.error;
}

QList<ReleaseRecord> ReleaseStore::list(KubeError *error) const
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("labelSelector"), labelSelector());
    const KubeResponse response = await(m_client.get(collectionPath(), query));
    if (!response.ok()) {
        if (error)
            *error = response.error;
        return {};
    }
    QList<ReleaseRecord> records;
    for (const QJsonValue &item : response.json().value(QLatin1String("items")).toArray()) {
        const QString text = item[QLatin1String("data")][QLatin1String(dataKey)].toString();
        if (auto record = ReleaseRecord::fromJson(QJsonDocument::fromJson(text.toUtf8()).object()))
            records.append(*record);
    }
    std::sort(records.begin(), records.end(), [](const ReleaseRecord &a, const ReleaseRecord &b) {
        return a.time != b.time ? a.time > b.time : a.id > b.id;
    });
    return records;
}

std::optional<ReleaseRecord> ReleaseStore::find(const QString &id, KubeError *error) const
{
    const KubeResponse response = await(m_client.get(configMaps().path(m_ns, configMapName(id))));
    if (!response.ok()) {
        if (error)
            *error = response.error;
        return std::nullopt;
    }
    const QString text = response.json()[QLatin1String("data")][QLatin1String(dataKey)].toString();
    auto record = ReleaseRecord::fromJson(QJsonDocument::fromJson(text.toUtf8()).object());
    if (!record && error)
        *error = KubeError::make(KubeError::Kind::Decode,
            QStringLiteral("configmap %1 in %2 holds no readable release record").arg(configMapName(id), m_ns));
    return record;
}

std::optional<ReleaseRecord> ReleaseStore::latestGood(KubeError *error) const
{
    for (const ReleaseRecord &record : list(error)) {
        if (record.isGood())
            return record;
    }
    return std::nullopt;
}

int ReleaseStore::prune(int keep, KubeError *error) const
{
    if (keep <= 0)
        return 0;
    const QList<ReleaseRecord> records = list(error);
    int removed = 0;
    for (qsizetype i = keep; i < records.size(); ++i) {
        const KubeResponse response = await(m_client.remove(configMaps().path(m_ns, configMapName(records[i].id))));
        if (response.ok() || response.error.isNotFound())
            ++removed;
        else if (error)
            *error = response.error;
    }
    return removed;
}

} // namespace Shipyard
