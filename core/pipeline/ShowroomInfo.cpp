// SPDX-License-Identifier: GPL-2.0-or-later
#include "pipeline/ShowroomInfo.h"

namespace Shipyard {

ShowroomInfo ShowroomInfo::fromNamespace(const QJsonObject &ns)
{
    const QJsonObject metadata = ns.value(QLatin1String("metadata")).toObject();
    const QJsonObject labels = metadata.value(QLatin1String("labels")).toObject();
    const QJsonObject annotations = metadata.value(QLatin1String("annotations")).toObject();
    ShowroomInfo info;
    info.namespaceName = metadata.value(QLatin1String("name")).toString();
    info.task = labels.value(QLatin1String("shipyard.dev/task")).toString();
    info.creator = annotations.value(QLatin1String("shipyard.dev/creator")).toString();
    info.created = QDateTime::fromString(metadata.value(QLatin1String("creationTimestamp")).toString(), Qt::ISODate);
    info.expiresAt =
        QDateTime::fromString(annotations.value(QLatin1String("shipyard.dev/expires-at")).toString(), Qt::ISODate);
    info.terminating = metadata.contains(QLatin1String("deletionTimestamp")) ||
        ns[QLatin1String("status")][QLatin1String("phase")].toString() == QLatin1String("Terminating");
    return info;
}

} // namespace Shipyard
