// SPDX-License-Identifier: GPL-2.0-or-later
#include "pipeline/DeploymentAction.h"

#include "audit/AuditTrail.h"
#include "kube/DeploymentRollout.h"
#include "kube/KubeResourceType.h"
#include "pipeline/EnvironmentLock.h"
#include "pipeline/WritePermissions.h"
#include "releases/ApplyPreview.h"
#include "support/FutureWait.h"

#include <memory>
#include <utility>

namespace Shipyard {

QString DeploymentAction::Outcome::message() const
{
    if (!refused.isEmpty())
        return refused;
    return rollout.ok() ? rollout.message : rollout.error.message;
}

DeploymentAction::DeploymentAction(KubeClient client, QString ns, QString deployment)
    : m_client(std::move(client)), m_ns(std::move(ns)), m_name(std::move(deployment))
{ }

QString DeploymentAction::keyword(Kind kind)
{
    switch (kind) {
    case Kind::Undo:
        return QStringLiteral("rollout.undo");
    case Kind::Restart:
        return QStringLiteral("rollout.restart");
    case Kind::Scale:
        break;
    }
    return QStringLiteral("scale");
}

QString DeploymentAction::describe(Kind kind, const Options &options) const
{
    switch (kind) {
    case Kind::Undo:
        return options.toRevision > 0
            ? QStringLiteral("rollout undo deployment/%1 to revision %2").arg(m_name).arg(options.toRevision)
            : QStringLiteral("rollout undo deployment/%1").arg(m_name);
    case Kind::Restart:
        return QStringLiteral("rollout restart deployment/%1").arg(m_name);
    case Kind::Scale:
        break;
    }
    return QStringLiteral("scale deployment/%1 to %2 replicas").arg(m_name).arg(options.replicas);
}

DeploymentAction::Place DeploymentAction::locate(
    const Ecosystem *ecosystem, const KubeClient &client, const QString &ns, const ClusterAccess &cluster)
{
    Place place;
    const Environment *found = nullptr;
    if (ecosystem) {
        found = ApplyPreview::environmentOf(*ecosystem, client.connection().contextName, ns);
        for (const Environment &environment : ecosystem->environments) {
            if (found)
                break;
            if (!environment.namespaceRegex().match(ns).hasMatch())
                continue;
            const KubeClient other = cluster.client(environment.context);
            if (other.isValid() && other.connection().cluster.server == client.connection().cluster.server)
                found = &environment;
        }
    }
    if (found) {
        place.environment = found->name;
        place.isProtected = found->isProtected;
        place.knownFrom = QStringLiteral("ecosystem");
        return place;
    }
    const EnvironmentLock::Guarded guarded = EnvironmentLock::guardedBy(client, ns);
    place.error = guarded.error;
    if (guarded.exists) {
        place.environment = guarded.environment;
        place.isProtected = guarded.isProtected;
        place.knownFrom = QStringLiteral("lease");
    }
    return place;
}

DeploymentAction::Outcome DeploymentAction::run(Kind kind, const Place &place, const Options &options) const
{
    Outcome outcome;
    const QString what = describe(kind, options);
    AuditRecord record;
    record.action = keyword(kind);
    record.context = m_client.connection().contextName;
    record.namespaceName = m_ns;
    record.details = options.auditDetails;
    record.details.insert(QStringLiteral("deployment"), m_name);
    if (place.isEnvironment() && !place.environment.isEmpty())
        record.details.insert(QStringLiteral("environment"), place.environment);
    if (kind == Kind::Undo)
        record.details.insert(QStringLiteral("toRevision"), options.toRevision);
    if (kind == Kind::Scale)
        record.details.insert(QStringLiteral("replicas"), options.replicas);
    const auto audit = [&](const QString &result) {
        record.result = result;
        const AuditTrail::Outcome audited = AuditTrail(m_client, options.auditJournal).record(record);
        if (!audited.ok())
            outcome.auditWarning = audited.errorMessage();
    };

    // Outside any environment there is no lock to take: nobody delivers there.
    std::unique_ptr<EnvironmentLock> lock;
    KubeClient writer = m_client;
    if (place.isEnvironment()) {
        // The lock is taken only for an action the user may do: asked together.
        WritePermissions permissions(m_client, m_ns);
        permissions.addLock();
        const KubeResourceType deployments = KubeResourceType::make(
            QStringLiteral("apps"), QStringLiteral("v1"), QStringLiteral("deployments"), QStringLiteral("Deployment"));
        switch (kind) {
        case Kind::Undo:
            // The revision to go back to is a ReplicaSet's template.
            permissions.add(QStringLiteral("get"), deployments);
            permissions.add(QStringLiteral("patch"), deployments);
            permissions.add(QStringLiteral("list"),
                KubeResourceType::make(QStringLiteral("apps"), QStringLiteral("v1"), QStringLiteral("replicasets"),
                    QStringLiteral("ReplicaSet")));
            break;
        case Kind::Restart:
            permissions.add(QStringLiteral("patch"), deployments);
            break;
        case Kind::Scale:
            permissions.add(QStringLiteral("patch"), deployments, QStringLiteral("scale"));
            break;
        }
        QString refused = permissions.check();
        if (refused.isEmpty()) {
            lock = std::make_unique<EnvironmentLock>(
                m_client, m_ns, options.identity.isEmpty() ? EnvironmentLock::defaultIdentity() : options.identity);
            lock->setReason(what);
            if (!place.environment.isEmpty())
                lock->setEnvironment(place.environment, place.isProtected);
            lock->acquire(options.waitForLock, options.cancel, &refused, options.waiting);
        }
        if (!refused.isEmpty()) {
            outcome.refused = refused;
            audit(QStringLiteral("failed: ") + refused);
            return outcome;
        }
        // Its requests give up in time for the lease, as a delivery's do.
        writer = lock->writeClient();
    }

    const DeploymentRollout rollout(writer, m_ns, m_name);
    switch (kind) {
    case Kind::Undo:
        outcome.rollout = await(rollout.undo(options.toRevision));
        break;
    case Kind::Restart:
        outcome.rollout = await(rollout.restart());
        break;
    case Kind::Scale:
        outcome.rollout = await(rollout.scale(options.replicas));
        break;
    }
    audit(outcome.rollout.ok() ? (outcome.rollout.skipped ? QStringLiteral("skipped: ") + outcome.rollout.message
                                                          : QStringLiteral("succeeded"))
                               : QStringLiteral("failed: ") + outcome.rollout.error.message);
    // The lock goes when LOCK does, after the audit: a delivery that was
    // waiting begins with this action recorded.
    return outcome;
}

} // namespace Shipyard
