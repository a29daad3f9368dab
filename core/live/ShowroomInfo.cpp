// SPDX-License-Identifier: GPL-2.0-or-later
#include "live/ShowroomInfo.h"

#include "model/Labels.h"

namespace Shipyard {

ShowroomInfo ShowroomInfo::fromNamespace(const QJsonObject &ns)
{
    const QJsonObject metadata = ns.value(QLatin1String("metadata")).toObject();
    const QJsonObject labels = metadata.value(QLatin1String("labels")).toObject();
    const QJsonObject annotations = metadata.value(QLatin1String("annotations")).toObject();
    ShowroomInfo info;
    info.namespaceName = metadata.value(QLatin1String("name")).toString();
    info.task = labels.value(Labels::task).toString();
    info.creator = annotations.value(Labels::creator).toString();
    info.created = QDateTime::fromString(metadata.value(QLatin1String("creationTimestamp")).toString(), Qt::ISODate);
    info.expiresAt = QDateTime::fromString(annotations.value(Labels::expiresAt).toString(), Qt::ISODate);
    info.deliveredAt = QDateTime::fromString(annotations.value(Labels::deliveredAt).toString(), Qt::ISODate);
    info.pinnedBy = annotations.value(Labels::pinnedBy).toString();
    info.pinReason = annotations.value(Labels::pinReason).toString();
    info.sleepingSince = QDateTime::fromString(annotations.value(Labels::sleepingSince).toString(), Qt::ISODate);
    info.expiryNotified = QDateTime::fromString(annotations.value(Labels::expiryNotified).toString(), Qt::ISODate);
    info.terminating = metadata.contains(QLatin1String("deletionTimestamp")) ||
        ns[QLatin1String("status")][QLatin1String("phase")].toString() == QLatin1String("Terminating");
    return info;
}

QString ShowroomInfo::labelSelector(const QString &environment)
{
    return QStringLiteral("%1=true,%2=%3").arg(Labels::showroom, Labels::environment, environment);
}

} // namespace Shipyard
