// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "kube/ClusterAccess.h"
#include "kube/KubeClient.h"
#include "kube/KubeError.h"
#include "kube/RolloutResult.h"
#include "model/Ecosystem.h"

#include <QJsonObject>
#include <QString>

#include <atomic>
#include <functional>

namespace Shipyard {

// A person's change to one Deployment (rollout undo, rollout restart,
// scale) made the way deliveries change an environment: in an environment's
// namespace under its lock (EnvironmentLock), so that it never lands in the
// middle of a delivery's rollout nor a delivery in the middle of it; and
// audited (AuditTrail: the journal and an Event) wherever it is, a refusal
// included. `shipyardctl rollout` and `scale` and the Cluster view's
// deployment panel share it.
//
// locate() and run() block: use them from a worker thread or the CLI.
class DeploymentAction
{
public:
    enum class Kind { Undo, Restart, Scale };

    // The environment a namespace belongs to, as far as can be told.
    struct Place
    {
        QString environment; // empty: no environment's namespace as far as is known
        bool isProtected = false;
        // How it is known: "ecosystem" (the ecosystem given names it) or
        // "lease" (the namespace's lock Lease, see EnvironmentLock::setEnvironment).
        QString knownFrom;
        // The Lease could not be read, so a namespace outside the ecosystem
        // given (or without one) may be an environment's all the same.
        KubeError error;
        bool isEnvironment() const { return !knownFrom.isEmpty(); }
    };
    // ECOSYSTEM (may be null) names the environment delivering into NS
    // through CLIENT's context, or through another context of CLUSTER on the
    // same server (production and production-developer are one cluster);
    // when it names none, the namespace's lock Lease tells, if a holder that
    // knew the environment ever took it.
    static Place locate(
        const Ecosystem *ecosystem, const KubeClient &client, const QString &ns, const ClusterAccess &cluster = {});

    struct Options
    {
        qint64 toRevision = 0; // undo: 0 is the revision before the current one
        int replicas = 0; // scale
        bool waitForLock = false;
        const std::atomic_bool *cancel = nullptr; // stops a wait for the lock
        QString identity; // empty: EnvironmentLock::defaultIdentity()
        QString auditJournal; // empty: the default journal
        QJsonObject auditDetails; // more for the audit record (a command line, masked)
        std::function<void(const QString &holder)> waiting; // told who holds the lock while waiting
    };

    struct Outcome
    {
        QString refused; // why the action did not run (the lock, a permission to hold it)
        RolloutResult rollout; // its answer, when it ran
        QString auditWarning; // the audit record or its Event could not be written
        bool ok() const { return refused.isEmpty() && rollout.ok(); }
        // For people: the refusal, the server's error or kubectl's words.
        QString message() const;
    };

    DeploymentAction(KubeClient client, QString ns, QString deployment);

    // Takes the lock when PLACE is an environment's (without waiting unless
    // asked), acts, audits, lets the lock go.
    Outcome run(Kind kind, const Place &place, const Options &options) const;

    // "rollout.undo", "rollout.restart", "scale": the audit record's action.
    static QString keyword(Kind kind);

private:
    QString describe(Kind kind, const Options &options) const;

    KubeClient m_client;
    QString m_ns;
    QString m_name;
};

} // namespace Shipyard
