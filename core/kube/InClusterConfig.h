// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "kube/KubeCluster.h"
#include "kube/KubeContext.h"
#include "kube/KubeUser.h"

#include <QString>

#include <optional>

namespace Shipyard {

// The cluster a pod runs in, reached as the pod's service account, found the
// way client-go's rest.InClusterConfig finds it:
//  - the API server is https://$KUBERNETES_SERVICE_HOST:$KUBERNETES_SERVICE_PORT
//    (an IPv6 host in brackets); without both variables there is no cluster;
//  - the server's certificate authority is ca.crt, the bearer token is token
//    and the namespace is namespace, all in the service-account directory
//    (/var/run/secrets/kubernetes.io/serviceaccount, or
//    $SHIPYARD_SERVICEACCOUNT_DIR when set).
// The token is a tokenFile of the user, so CredentialSource re-reads it as
// client-go does: projected tokens are rotated by the kubelet while the pod
// runs, and a token cached forever would expire.
//
// Kubeconfig::load() adds it as the context "in-cluster" (contextName()).
class InClusterConfig
{
public:
    static QString contextName() { return QStringLiteral("in-cluster"); }
    static QString serviceAccountDirectory();
    // Both KUBERNETES_SERVICE_HOST and KUBERNETES_SERVICE_PORT are set.
    static bool isInCluster();

    // Nothing when not in a cluster (error empty) or when the service
    // account cannot be read (error says which file and why).
    static std::optional<InClusterConfig> load(QString *error);

    KubeCluster cluster;
    KubeUser user;
    KubeContext context;
};

} // namespace Shipyard
