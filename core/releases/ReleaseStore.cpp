// SPDX-License-Identifier: GPL-2.0-or-later
#include "releases/ReleaseStore.h"

#include "kube/KubeResourceType.h"
#include "model/Labels.h"
#include "support/FutureWait.h"

#include <QJsonDocument>
#include <QUrlQuery>

#include <algorithm>

namespace Shipyard {

namespace {

const KubeResourceType &configMaps()
{
    static const KubeResourceType type = KubeResourceType::make(
        QString(), QStringLiteral("v1"), QStringLiteral("configmaps"), QStringLiteral("ConfigMap"));
    return type;
}

std::optional<ReleaseRecord> recordOf(const QJsonObject &configMap)
{
    const QJsonObject data = configMap.value(QLatin1String("data")).toObject();
    auto record = ReleaseRecord::fromJson(
        QJsonDocument::fromJson(data.value(QLatin1String(ReleaseStore::dataKey)).toString().toUtf8()).object());
    const QString log = data.value(QLatin1String(ReleaseStore::logKey)).toString();
    if (record && !log.isEmpty())
        record->log = log.split(QLatin1Char('\n'));
    return record;
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
    return QStringLiteral("%1=%2,%3=true").arg(Labels::managedBy, Labels::managedByShipyard, Labels::release);
}

QString ReleaseStore::collectionPath() const
{
    return configMaps().path(m_ns);
}

QString ReleaseStore::logText(const QStringList &log, qsizetype recordBytes)
{
    QString text = log.join(QLatin1Char('\n'));
    const qsizetype room = maxDataBytes - recordBytes;
    if (text.toUtf8().size() <= room)
        return text;
    // Rare: manifests big enough to crowd the log out. Cut whole lines from the start.
    QStringList kept = log;
    qsizetype bytes = text.toUtf8().size();
    while (!kept.isEmpty() && bytes > room - 80) {
        bytes -= kept.first().toUtf8().size() + 1;
        kept.removeFirst();
    }
    if (kept.isEmpty())
        return {};
    kept.prepend(QStringLiteral("… the log's start is not kept: the record needs the room"));
    return kept.join(QLatin1Char('\n'));
}

KubeError ReleaseStore::save(const ReleaseRecord &record) const
{
    const QString json = QString::fromUtf8(QJsonDocument(record.toJson()).toJson(QJsonDocument::Compact));
    QJsonObject data { { QLatin1String(dataKey), json } };
    const QString log = logText(record.log, json.toUtf8().size());
    if (!log.isEmpty())
        data.insert(QLatin1String(logKey), log);
    const QJsonObject configMap {
        { QStringLiteral("apiVersion"), QStringLiteral("v1") },
        { QStringLiteral("kind"), QStringLiteral("ConfigMap") },
        { QStringLiteral("metadata"),
            QJsonObject {
                { QStringLiteral("name"), configMapName(record.id) },
                { QStringLiteral("namespace"), m_ns },
                { QStringLiteral("labels"),
                    QJsonObject {
                        { Labels::managedBy, Labels::managedByShipyard },
                        { Labels::release, QStringLiteral("true") },
                        { Labels::result, ReleaseRecord::keyword(record.result) },
                    } },
            } },
        { QStringLiteral("data"), data },
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
        if (auto record = recordOf(item.toObject()))
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
    auto record = recordOf(response.json());
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
