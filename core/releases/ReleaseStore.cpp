// SPDX-License-Identifier: GPL-2.0-or-later
#include "releases/ReleaseStore.h"

#include "kube/KubeResourceType.h"
#include "model/Labels.h"
#include "releases/ReleaseSecrets.h"
#include "support/FutureWait.h"
#include "support/SecretMasker.h"

#include <QHash>
#include <QJsonArray>
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

const KubeResourceType &secrets()
{
    static const KubeResourceType type =
        KubeResourceType::make(QString(), QStringLiteral("v1"), QStringLiteral("secrets"), QStringLiteral("Secret"));
    return type;
}

// What of RECORD may be read by people: no value of its Secrets in the text.
ReleaseRecord masked(ReleaseRecord record, const SecretMasker &masker)
{
    if (masker.isEmpty())
        return record;
    record.reason = masker.mask(record.reason);
    for (QString &line : record.log)
        line = masker.mask(line);
    for (qsizetype i = 0; i < record.steps.size(); ++i) {
        QJsonObject step = record.steps[i].toObject();
        if (step.contains(QLatin1String("message")))
            step.insert(QStringLiteral("message"), masker.mask(step.value(QLatin1String("message")).toString()));
        record.steps[i] = step;
    }
    return record;
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
    // A record read without its Secrets' values is written again as it is,
    // and the Secret that may still keep them is left alone.
    const QStringList withheld = ReleaseSecrets::withheld(record);
    QJsonObject values;
    const ReleaseRecord stripped = ReleaseSecrets::withoutValues(record, &values);
    if (!withheld.isEmpty() && !values.isEmpty())
        return KubeError::make(KubeError::Kind::Decode,
            QStringLiteral("release %1 holds values for some Secrets and not for %2: it would not be restorable")
                .arg(record.id, withheld.join(QStringLiteral(", "))));
    SecretMasker masker;
    for (const QString &value : ReleaseSecrets::plainValues(values))
        masker.addSecret(value);
    const ReleaseRecord stored = masked(stripped, masker);

    const QString json = QString::fromUtf8(QJsonDocument(stored.toJson()).toJson(QJsonDocument::Compact));
    QJsonObject data { { QLatin1String(dataKey), json } };
    const QString log = logText(stored.log, json.toUtf8().size());
    if (!log.isEmpty())
        data.insert(QLatin1String(logKey), log);
    const QJsonObject labels {
        { Labels::managedBy, Labels::managedByShipyard },
        { Labels::release, QStringLiteral("true") },
        { Labels::result, ReleaseRecord::keyword(record.result) },
    };
    const QJsonObject configMap {
        { QStringLiteral("apiVersion"), QStringLiteral("v1") },
        { QStringLiteral("kind"), QStringLiteral("ConfigMap") },
        { QStringLiteral("metadata"),
            QJsonObject {
                { QStringLiteral("name"), configMapName(record.id) },
                { QStringLiteral("namespace"), m_ns },
                { QStringLiteral("labels"), labels },
            } },
        { QStringLiteral("data"), data },
    };
    // Apply creates or replaces in one request, whoever wrote the record before.
    KubeClient::ApplyOptions options;
    options.force = true;
    const QString configMapPath = configMaps().path(m_ns, configMapName(record.id));
    const KubeResponse response = await(m_client.apply(configMapPath, configMap, options));
    if (!response.ok() || values.isEmpty())
        return response.error;

    const QJsonObject written = response.json().value(QLatin1String("metadata")).toObject();
    const QString secretName = ReleaseSecrets::secretName(record.id);
    const QJsonObject secret {
        { QStringLiteral("apiVersion"), QStringLiteral("v1") },
        { QStringLiteral("kind"), QStringLiteral("Secret") },
        { QStringLiteral("metadata"),
            QJsonObject {
                { QStringLiteral("name"), secretName },
                { QStringLiteral("namespace"), m_ns },
                { QStringLiteral("labels"), labels },
                // Goes with the record, whoever deletes it.
                { QStringLiteral("ownerReferences"),
                    QJsonArray { QJsonObject {
                        { QStringLiteral("apiVersion"), QStringLiteral("v1") },
                        { QStringLiteral("kind"), QStringLiteral("ConfigMap") },
                        { QStringLiteral("name"), configMapName(record.id) },
                        { QStringLiteral("uid"), written.value(QLatin1String("uid")) },
                    } } },
            } },
        { QStringLiteral("type"), QStringLiteral("Opaque") },
        { QStringLiteral("data"),
            QJsonObject { { QLatin1String(ReleaseSecrets::dataKey),
                QString::fromLatin1(QJsonDocument(values).toJson(QJsonDocument::Compact).toBase64()) } } },
    };
    const KubeResponse kept = await(m_client.apply(secrets().path(m_ns, secretName), secret, options));
    if (kept.ok())
        return {};
    // A new record whose Secrets' values are nowhere could never be restored:
    // better no record. One written before keeps the values it had.
    if (response.httpStatus == 201)
        await(m_client.remove(configMapPath));
    KubeError error = kept.error;
    error.message =
        QStringLiteral("secret %1, for the values of the record's Secrets: %2").arg(secretName, error.message);
    return error;
}

void ReleaseStore::putBackSecretValues(QList<ReleaseRecord> &records) const
{
    QList<ReleaseRecord *> pending;
    for (ReleaseRecord &record : records) {
        if (!ReleaseSecrets::withheld(record).isEmpty())
            pending.append(&record);
    }
    if (pending.isEmpty())
        return;
    // One record: its Secret by name, which needs only "get"; a history: one list.
    QHash<QString, QJsonObject> found; // name → Secret
    KubeError readError;
    if (pending.size() == 1) {
        const QString name = ReleaseSecrets::secretName(pending.first()->id);
        const KubeResponse response = await(m_client.get(secrets().path(m_ns, name)));
        if (response.ok())
            found.insert(name, response.json());
        else if (!response.error.isNotFound())
            readError = response.error;
    } else {
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("labelSelector"), labelSelector());
        const KubeResponse response = await(m_client.get(secrets().path(m_ns), query));
        if (response.ok()) {
            for (const QJsonValue &item : response.json().value(QLatin1String("items")).toArray())
                found.insert(item[QLatin1String("metadata")][QLatin1String("name")].toString(), item.toObject());
        } else {
            readError = response.error;
        }
    }
    for (ReleaseRecord *record : std::as_const(pending)) {
        const QString keeper =
            QStringLiteral("secret %1, which keeps them,").arg(ReleaseSecrets::secretName(record->id));
        const auto secret = found.constFind(ReleaseSecrets::secretName(record->id));
        if (readError.isError()) {
            record->secretValuesError = QStringLiteral("%1 cannot be read: %2").arg(keeper, readError.message);
        } else if (secret == found.cend()) {
            record->secretValuesError = QStringLiteral("%1 does not exist").arg(keeper);
        } else {
            const QString encoded = (*secret)[QLatin1String("data")][QLatin1String(ReleaseSecrets::dataKey)].toString();
            const QJsonObject values = QJsonDocument::fromJson(QByteArray::fromBase64(encoded.toLatin1())).object();
            QString missing;
            if (!ReleaseSecrets::restoreValues(*record, values, &missing))
                record->secretValuesError = QStringLiteral("%1 has %2").arg(keeper, missing);
        }
    }
}

QList<ReleaseRecord> ReleaseStore::storedRecords(KubeError *error) const
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

QList<ReleaseRecord> ReleaseStore::list(KubeError *error) const
{
    QList<ReleaseRecord> records = storedRecords(error);
    putBackSecretValues(records);
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
    if (!record) {
        if (error)
            *error = KubeError::make(KubeError::Kind::Decode,
                QStringLiteral("configmap %1 in %2 holds no readable release record").arg(configMapName(id), m_ns));
        return record;
    }
    QList<ReleaseRecord> one { *record };
    putBackSecretValues(one);
    return one.first();
}

std::optional<ReleaseRecord> ReleaseStore::latestGood(KubeError *error) const
{
    for (const ReleaseRecord &record : list(error)) {
        if (!record.isGood())
            continue;
        if (!record.secretValuesError.isEmpty() && error)
            *error = KubeError::make(KubeError::Kind::Decode,
                QStringLiteral("release %1 could not be restored without the values of %2: %3")
                    .arg(record.id, ReleaseSecrets::withheld(record).join(QStringLiteral(", ")),
                        record.secretValuesError));
        return record;
    }
    return std::nullopt;
}

int ReleaseStore::prune(int keep, KubeError *error, QStringList *kept) const
{
    if (keep <= 0)
        return 0;
    // What goes needs no Secret's values: the records as stored will do.
    KubeError listError;
    const QList<ReleaseRecord> records = storedRecords(&listError);
    if (listError.isError()) {
        if (error)
            *error = listError;
        return 0;
    }
    for (qsizetype i = 0; kept && i < std::min<qsizetype>(keep, records.size()); ++i)
        kept->append(records[i].id);
    int removed = 0;
    for (qsizetype i = keep; i < records.size(); ++i) {
        const KubeResponse response = await(m_client.remove(configMaps().path(m_ns, configMapName(records[i].id))));
        if (response.ok() || response.error.isNotFound())
            ++removed;
        else if (error)
            *error = response.error;
        if (!response.ok() && !response.error.isNotFound()) {
            // Still there, so still recorded.
            if (kept)
                kept->append(records[i].id);
            continue;
        }
        // The garbage collector would get it too, in its own time.
        const bool hasSecrets = std::any_of(
            records[i].systems.cbegin(), records[i].systems.cend(), [](const ReleaseRecord::SystemRelease &release) {
                return std::any_of(release.objects.begin(), release.objects.end(),
                    [](const QJsonValue &object) { return ReleaseSecrets::isSecret(object.toObject()); });
            });
        if (!hasSecrets)
            continue;
        const KubeResponse secret =
            await(m_client.remove(secrets().path(m_ns, ReleaseSecrets::secretName(records[i].id))));
        if (!secret.ok() && !secret.error.isNotFound() && error)
            *error = secret.error;
    }
    return removed;
}

int ReleaseStore::moveSecretValuesOut(KubeError *error) const
{
    const QList<ReleaseRecord> records = storedRecords(error);
    int moved = 0;
    for (const ReleaseRecord &record : records) {
        // As stored, before any value is put back: values found here are
        // values the ConfigMap holds.
        QJsonObject values;
        ReleaseSecrets::withoutValues(record, &values);
        if (values.isEmpty())
            continue;
        const KubeError saved = save(record);
        if (!saved.isError())
            ++moved;
        else if (error)
            *error = saved;
    }
    return moved;
}

} // namespace Shipyard
