// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace Shipyard {

// One action in the audit journal: who did what, where, when, with which result.
struct AuditRecord
{
    QString osUser; // the account Shipyard runs as
    QString kubernetesIdentity; // as the cluster sees it (SelfSubjectReview), given by the caller
    QString action; // "deliver", "rollback", "showroom.up", …
    QString context; // kubeconfig context
    QString namespaceName;
    QDateTime time; // stored in UTC, RFC 3339 with milliseconds
    QString result; // "succeeded", "failed: …", "cancelled", …
    QString releaseId;
    QJsonObject details; // free-form; secret values are masked before writing

    QJsonObject toJson() const;
    // Empty when OBJECT lacks what every record has (action and time).
    static std::optional<AuditRecord> fromJson(const QJsonObject &object);
};

} // namespace Shipyard
