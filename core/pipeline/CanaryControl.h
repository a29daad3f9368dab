// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

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
    // What a person decided about SYSTEM's canary, if anything (WHO: by whom).
    std::optional<Decision> decision(const QString &system, QString *who, KubeError *error) const;

    static QString keyword(Decision decision);
    static std::optional<Decision> decisionFromKeyword(const QString &word);

private:
    KubeClient m_client;
    QString m_ns;
};

} // namespace Shipyard
