// SPDX-License-Identifier: GPL-2.0-or-later
#include "manifests/ClusterCapabilities.h"

#include "kube/KubeDiscovery.h"
#include "support/FutureWait.h"

#include <QSet>

namespace Shipyard {

ClusterCapabilities ClusterCapabilities::fetch(const KubeClient &client)
{
    ClusterCapabilities capabilities;
    const KubeResponse version = await(client.get(QStringLiteral("/version")));
    if (version.ok())
        capabilities.kubeVersion = version.json().value(QLatin1String("gitVersion")).toString();
    else
        capabilities.error = version.error.message;
    const KubeDiscovery discovery = await(KubeDiscovery::fetch(client));
    if (!discovery.isValid()) {
        capabilities.error = discovery.error().message;
        return capabilities;
    }
    QSet<QString> seen;
    for (const KubeResourceType &type : discovery.types()) {
        for (const QString &entry :
            QStringList { type.groupVersion(), type.groupVersion() + QLatin1Char('/') + type.kind }) {
            if (!type.kind.isEmpty() && !seen.contains(entry)) {
                seen.insert(entry);
                capabilities.apiVersions.append(entry);
            }
        }
    }
    return capabilities;
}

} // namespace Shipyard
