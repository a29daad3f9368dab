// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "kube/KubeClient.h"
#include "kube/KubeError.h"
#include "kube/KubeResourceType.h"

#include <QFuture>
#include <QList>

namespace Shipyard {

// What a server serves, from aggregated discovery (apidiscovery.k8s.io/v2,
// two requests: /api and /apis). Resolves names the way kubectl does:
// "pods", "pod", "po", "Pod", "deployments.apps", "deploy.v1.apps".
class KubeDiscovery
{
public:
    static QFuture<KubeDiscovery> fetch(const KubeClient &client);

    bool isValid() const { return !m_error.isError(); }
    const KubeError &error() const { return m_error; }
    const QList<KubeResourceType> &types() const { return m_types; }

    // Preferred versions first, so "deployments" means apps/v1.
    KubeResourceType find(const QString &name) const;
    KubeResourceType findKind(const QString &apiVersion, const QString &kind) const;

    // Parses one APIGroupDiscoveryList; exposed for tests with captured answers.
    void addGroupDiscoveryList(const QJsonObject &list);

private:
    QList<KubeResourceType> m_types;
    KubeError m_error;
};

} // namespace Shipyard
