// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "kube/KubeError.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace Shipyard {

// The answer of a DeploymentRollout operation.
struct RolloutResult
{
    KubeError error;
    QString message; // kubectl's words: "deployment.apps/web rolled back"
    bool skipped = false; // undo: the template already matched
    bool done = false; // status: rolled out
    QJsonObject object; // the deployment as the last request returned it

    bool ok() const { return !error.isError(); }
};

// One entry of `rollout history`.
struct RolloutRevision
{
    qint64 revision = 0;
    QString changeCause;
    QString replicaSet;
    QJsonObject podTemplate;
};

struct RolloutHistory
{
    KubeError error;
    QList<RolloutRevision> revisions; // oldest first
};

} // namespace Shipyard
