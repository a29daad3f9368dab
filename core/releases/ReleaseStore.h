// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "kube/KubeClient.h"
#include "kube/KubeError.h"
#include "releases/ReleaseRecord.h"

#include <QList>
#include <QString>

#include <optional>

namespace Shipyard {

// The release records of one environment: one ConfigMap per release in the
// environment's namespace, labelled app.kubernetes.io/managed-by=shipyard and
// shipyard.dev/release=true, the record as JSON in data["release.json"] and
// the end of its delivery's log (ReleaseRecord::log) as text in
// data["delivery.log"] (absent from records written before, and from rollbacks).
// Living in the cluster, the history is the same for every machine that can
// reach it, and goes away with the namespace (a showroom's with it).
//
// The values of the Secrets a record holds are not in its ConfigMap: they are
// in a Secret beside it, ReleaseSecrets::secretName(id), labelled like the
// record and owned by its ConfigMap (the garbage collector removes it with
// the record; prune() deletes it too). Reading records puts them back; where
// they cannot be read (missing, or no permission to read Secrets) the record
// comes back without them and says why (ReleaseRecord::secretValuesError),
// and ReleaseApplier::restore refuses it rather than apply an emptied Secret.
//
// Calls block on the network: use them from a worker thread.
class ReleaseStore
{
public:
    static constexpr const char *dataKey = "release.json";
    static constexpr const char *logKey = "delivery.log";
    // A ConfigMap's data may not exceed 1 MiB: the log gives way to the record, oldest lines first.
    static constexpr qsizetype maxDataBytes = 1024 * 1024 - 4096;

    ReleaseStore(KubeClient client, QString ns);

    static QString configMapName(const QString &releaseId);
    static QString labelSelector();

    // Creates the record, or replaces the one of the same id, and the Secret
    // with its Secrets' values when it has any. The record's log, reason and
    // step messages are written with those values masked.
    KubeError save(const ReleaseRecord &record) const;
    // Newest first. Objects that are not readable records are skipped. Values
    // of Secrets that cannot be read are no error here: a history is read by
    // many who may not read Secrets; see ReleaseRecord::secretValuesError.
    QList<ReleaseRecord> list(KubeError *error = nullptr) const;
    std::optional<ReleaseRecord> find(const QString &id, KubeError *error = nullptr) const;
    // The newest succeeded record: what a failed delivery goes back to. Its
    // Secrets' values not at hand are an ERROR, since it could not be restored.
    std::optional<ReleaseRecord> latestGood(KubeError *error = nullptr) const;
    // Deletes all but the newest `keep`, with their Secrets; returns how many
    // went. KEPT, when given, receives the ids of the records that stay.
    int prune(int keep, KubeError *error = nullptr, QStringList *kept = nullptr) const;
    // Records written before the values of their Secrets were kept apart
    // still hold them in the ConfigMap: writes each such record again as
    // save() does, so that they leave it. Returns how many were moved.
    int moveSecretValuesOut(KubeError *error = nullptr) const;

    // The log as save() writes it next to a record of RECORD_BYTES.
    static QString logText(const QStringList &log, qsizetype recordBytes);

private:
    QString collectionPath() const;
    // Newest first, as the ConfigMaps hold them: Secrets' values not put back.
    QList<ReleaseRecord> storedRecords(KubeError *error) const;
    // Puts back the values of the Secrets of RECORDS, read with one list.
    void putBackSecretValues(QList<ReleaseRecord> &records) const;

    KubeClient m_client;
    QString m_ns;
};

} // namespace Shipyard
