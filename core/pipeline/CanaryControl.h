// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "audit/AuditTrail.h"
#include "kube/KubeClient.h"
#include "kube/KubeError.h"
#include "releases/CanaryState.h"

#include <QList>
#include <QString>

#include <optional>

namespace Shipyard {

// A person's word on a running canary. `shipyardctl canary promote|abort`
// writes it on the canary Deployments of a system (the decision and who
// took it, as annotations); the delivery running that canary reads it at
// its next check — twice a second while it holds a step — and acts on it:
// a promote skips the remaining steps and updates the main Deployments, an
// abort removes the canary and rolls the delivery back. The cluster is the
// only channel: whoever can annotate the Deployment can decide, from any
// machine, and the delivery need not listen anywhere.
//
// Calls block: use them from a worker thread or a command-line tool.
class CanaryControl
{
public:
    enum class Decision { Promote, Abort };

    CanaryControl(KubeClient client, QString ns);

    // The canaries in the namespace, of SYSTEM only when given, as they say they stand.
    QList<CanaryState> list(const QString &system, KubeError *error) const;
    // Writes DECISION by WHO on every canary Deployment of SYSTEM; the
    // state before, or nothing with ERROR (also when SYSTEM runs no canary).
    std::optional<CanaryState> decide(
        const QString &system, Decision decision, const QString &who, KubeError *error) const;
    // A person's decision as the audit keeps it: where, and how it was given.
    struct Request
    {
        QString system;
        Decision decision = Decision::Promote;
        QString who; // currentPerson() unless someone else's word is relayed
        QString environment;
        QString context;
        QString command; // the masked command line, when a command gave it
    };
    struct Outcome
    {
        std::optional<CanaryState> before; // nothing when the decision was not written
        KubeError error;
        QString auditError; // the decision stands; only its record is missing
        bool ok() const { return before.has_value(); }
    };
    // decide(), then its record in TRAIL (`canary.promote` or `canary.abort`,
    // "requested" or "failed: …"): the command line and the window audit a
    // decision alike, failed ones too, since a refused word matters as much.
    Outcome decideAudited(const Request &request, const AuditTrail &trail) const;
    // What a person decided about RELEASE's canary of SYSTEM, if anything (WHO: by whom).
    std::optional<Decision> decision(
        const QString &system, const QString &release, QString *who, KubeError *error) const;

    static QString keyword(Decision decision);
    // "user@host", whom a decision taken on this machine is by.
    static QString currentPerson();
    static std::optional<Decision> decisionFromKeyword(const QString &word);

private:
    KubeClient m_client;
    QString m_ns;
};

} // namespace Shipyard
