// SPDX-License-Identifier: GPL-2.0-or-later
#include "audit/AuditRecord.h"

namespace Shipyard {

QJsonObject AuditRecord::toJson() const
{
    return QJsonObject {
        { QStringLiteral("time"), time.toUTC().toString(Qt::ISODateWithMs) },
        { QStringLiteral("who"),
            QJsonObject { { QStringLiteral("user"), osUser }, { QStringLiteral("kubernetes"), kubernetesIdentity } } },
        { QStringLiteral("what"), action },
        { QStringLiteral("where"),
            QJsonObject { { QStringLiteral("context"), context }, { QStringLiteral("namespace"), namespaceName } } },
        { QStringLiteral("result"), result },
        { QStringLiteral("release"), releaseId },
        { QStringLiteral("details"), details },
    };
}

std::optional<AuditRecord> AuditRecord::fromJson(const QJsonObject &object)
{
    AuditRecord record;
    record.time = QDateTime::fromString(object.value(QLatin1String("time")).toString(), Qt::ISODateWithMs);
    record.action = object.value(QLatin1String("what")).toString();
    if (!record.time.isValid() || record.action.isEmpty())
        return std::nullopt;
    record.time = record.time.toUTC();
    const QJsonObject who = object.value(QLatin1String("who")).toObject();
    record.osUser = who.value(QLatin1String("user")).toString();
    record.kubernetesIdentity = who.value(QLatin1String("kubernetes")).toString();
    const QJsonObject where = object.value(QLatin1String("where")).toObject();
    record.context = where.value(QLatin1String("context")).toString();
    record.namespaceName = where.value(QLatin1String("namespace")).toString();
    record.result = object.value(QLatin1String("result")).toString();
    record.releaseId = object.value(QLatin1String("release")).toString();
    record.details = object.value(QLatin1String("details")).toObject();
    return record;
}

} // namespace Shipyard
