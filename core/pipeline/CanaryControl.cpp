// SPDX-License-Identifier: GPL-2.0-or-later
#include "pipeline/CanaryControl.h"

#include "audit/AuditJournal.h"
#include "audit/AuditRecord.h"
#include "model/Labels.h"
#include "releases/CanaryDeployment.h"
#include "support/FutureWait.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSysInfo>
#include <QUrlQuery>

namespace Shipyard {

CanaryControl::CanaryControl(KubeClient client, QString ns) : m_client(std::move(client)), m_ns(std::move(ns))
{ }

QString CanaryControl::keyword(Decision decision)
{
    return decision == Decision::Promote ? QStringLiteral("promote") : QStringLiteral("abort");
}

QString CanaryControl::currentPerson()
{
    return AuditJournal::currentOsUser() + QLatin1Char('@') + QSysInfo::machineHostName();
}

std::optional<CanaryControl::Decision> CanaryControl::decisionFromKeyword(const QString &word)
{
    if (word == QLatin1String("promote"))
        return Decision::Promote;
    if (word == QLatin1String("abort"))
        return Decision::Abort;
    return std::nullopt;
}

QList<CanaryState> CanaryControl::list(const QString &system, KubeError *error) const
{
    const KubeResponse response =
        await(m_client.get(QStringLiteral("/apis/apps/v1/namespaces/%1/deployments").arg(m_ns),
            QUrlQuery { { QStringLiteral("labelSelector"), CanaryDeployment::selector(system) } }));
    if (!response.ok()) {
        if (error)
            *error = response.error;
        return {};
    }
    QList<CanaryState> canaries;
    for (const QJsonValue &item : response.json().value(QLatin1String("items")).toArray())
        canaries.append(CanaryState::read(item.toObject()));
    return canaries;
}

std::optional<CanaryState> CanaryControl::decide(
    const QString &system, Decision decision, const QString &who, KubeError *error) const
{
    KubeError listError;
    const QList<CanaryState> canaries = list(system, &listError);
    if (listError.isError() || canaries.isEmpty()) {
        if (error)
            *error = listError.isError()
                ? listError
                : KubeError::make(KubeError::Kind::Http, QStringLiteral("%1 runs no canary in %2").arg(system, m_ns));
        return std::nullopt;
    }
    for (const CanaryState &canary : canaries) {
        const QJsonObject patch { { QStringLiteral("metadata"),
            QJsonObject { { QStringLiteral("annotations"),
                QJsonObject { { Labels::canaryDecision, keyword(decision) }, { Labels::canaryDecidedBy, who },
                    { Labels::canaryDecidedFor, canary.release } } } } } };
        const KubeResponse response = await(
            m_client.patch(QStringLiteral("/apis/apps/v1/namespaces/%1/deployments/%2").arg(m_ns, canary.deployment),
                QJsonDocument(patch).toJson(QJsonDocument::Compact), "application/merge-patch+json"));
        if (!response.ok()) {
            if (error)
                *error = response.error;
            return std::nullopt;
        }
    }
    return canaries.first();
}

CanaryControl::Outcome CanaryControl::decideAudited(const Request &request, const AuditTrail &trail) const
{
    Outcome outcome;
    outcome.before = decide(request.system, request.decision, request.who, &outcome.error);
    const std::optional<CanaryState> &before = outcome.before;

    AuditRecord record;
    record.action = QStringLiteral("canary.") + keyword(request.decision);
    record.context = request.context;
    record.namespaceName = m_ns;
    record.result = before ? QStringLiteral("requested") : QStringLiteral("failed: ") + outcome.error.message;
    record.releaseId = before ? before->release : QString();
    QJsonObject details { { QStringLiteral("environment"), request.environment },
        { QStringLiteral("system"), request.system }, { QStringLiteral("step"), before ? before->step : 0 },
        { QStringLiteral("share"), before ? before->share : 0 } };
    if (!request.command.isEmpty())
        details.insert(QStringLiteral("command"), request.command);
    record.details = details;
    if (const AuditTrail::Outcome audited = trail.record(record); !audited.ok())
        outcome.auditError = audited.errorMessage();
    return outcome;
}

std::optional<CanaryControl::Decision> CanaryControl::decision(
    const QString &system, const QString &release, QString *who, KubeError *error) const
{
    for (const CanaryState &canary : list(system, error)) {
        // A decision left on the Deployment by an earlier release's canary
        // (its delivery killed before it read it) is not this one's.
        if (canary.decidedFor != release)
            continue;
        if (const std::optional<Decision> decided = decisionFromKeyword(canary.decision)) {
            if (who)
                *who = canary.decidedBy;
            return decided;
        }
    }
    return std::nullopt;
}

} // namespace Shipyard
