// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "kube/KubeClient.h"

#include <QString>
#include <QStringList>

namespace Shipyard {

class ReleaseStore;

// Old releases go with what was made for them. After a release is recorded
// (a delivery's or a rollback's), the records past `rollback.keepReleases`
// are deleted with their Secrets (ReleaseStore::prune), and so are the
// migration Jobs (see MigrationJob) of every release no longer recorded,
// with their pods: nothing could roll those releases back or back to them,
// so their Jobs only fill the namespace. Jobs of releases still recorded stay,
// since a Job kept is what stops a migration from running twice.
class ReleasePruning
{
public:
    ReleasePruning(KubeClient client, QString ns);

    struct Result
    {
        int records = 0;
        int jobs = 0;
        QStringList warnings; // what could not be deleted, for the log
    };
    Result prune(const ReleaseStore &store, int keep) const;

private:
    KubeClient m_client;
    QString m_ns;
};

} // namespace Shipyard
