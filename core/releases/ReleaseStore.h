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

    // Creates the record, or replaces the one of the same id.
    KubeError save(const ReleaseRecord &record) const;
    // Newest first. Objects that are not readable records are skipped.
    QList<ReleaseRecord> list(KubeError *error = nullptr) const;
    std::optional<ReleaseRecord> find(const QString &id, KubeError *error = nullptr) const;
    std::optional<ReleaseRecord> latestGood(KubeError *error = nullptr) const;
    // Deletes all but the newest `keep`; returns how many went.
    int prune(int keep, KubeError *error = nullptr) const;

    // The log as save() writes it next to a record of RECORD_BYTES.
    static QString logText(const QStringList &log, qsizetype recordBytes);

private:
    QString collectionPath() const;

    KubeClient m_client;
    QString m_ns;
};

} // namespace Shipyard
