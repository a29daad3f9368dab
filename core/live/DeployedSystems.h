// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "kube/KubeClient.h"
#include "kube/KubeError.h"
#include "live/SystemState.h"

#include <QHash>
#include <QString>

namespace Shipyard {

// One look at what runs in a namespace: its Deployments as SystemStates, by
// name. For commands that answer once; views watch with EnvironmentWatch.
class DeployedSystems
{
public:
    static QHash<QString, SystemState> read(const KubeClient &client, const QString &ns, KubeError *error = nullptr);
};

} // namespace Shipyard
