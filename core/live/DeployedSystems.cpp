// SPDX-License-Identifier: GPL-2.0-or-later
#include "live/DeployedSystems.h"

#include "kube/KubeResourceType.h"

#include <QJsonArray>

namespace Shipyard {

QHash<QString, SystemState> DeployedSystems::read(const KubeClient &client, const QString &ns, KubeError *error)
{
    const KubeResourceType deployments = KubeResourceType::make(
        QStringLiteral("apps"), QStringLiteral("v1"), QStringLiteral("deployments"), QStringLiteral("Deployment"));
    const KubeResponse listed = client.get(deployments.path(ns)).result();
    QHash<QString, SystemState> states;
    if (!listed.ok()) {
        if (error)
            *error = listed.error;
        return states;
    }
    const QJsonArray items = listed.json().value(QLatin1String("items")).toArray();
    for (const QJsonValue &item : items) {
        const QJsonObject deployment = item.toObject();
        states.insert(deployment.value(QLatin1String("metadata")).toObject().value(QLatin1String("name")).toString(),
            SystemState::fromDeployment(deployment));
    }
    return states;
}

} // namespace Shipyard
