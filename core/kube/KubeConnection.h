// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "kube/KubeCluster.h"
#include "kube/KubeUser.h"

#include <QString>

namespace Shipyard {

// Everything needed to talk to one cluster as one user: a context resolved.
struct KubeConnection
{
    QString contextName;
    QString ns = QStringLiteral("default");
    KubeCluster cluster;
    KubeUser user;
};

} // namespace Shipyard
