// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "kube/KubeClient.h"

#include <QString>
#include <QStringList>

namespace Shipyard {

// What `helm install` learns from the cluster before rendering a chart: the
// server's version (.Capabilities.KubeVersion) and every group/version and
// group/version/Kind it serves (.Capabilities.APIVersions). A chart that
// renders an Ingress only where networking.k8s.io/v1 is served renders here
// as it would there; `helm template` alone assumes Helm's defaults.
struct ClusterCapabilities
{
    QString kubeVersion; // "v1.33.13"
    QStringList apiVersions; // "v1", "v1/Pod", "apps/v1", "apps/v1/Deployment", …
    QString error; // empty when both were read

    bool isEmpty() const { return kubeVersion.isEmpty() && apiVersions.isEmpty(); }
    // Blocking: two discovery requests and /version.
    static ClusterCapabilities fetch(const KubeClient &client);
};

} // namespace Shipyard
