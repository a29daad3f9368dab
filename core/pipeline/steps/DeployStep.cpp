// SPDX-License-Identifier: GPL-2.0-or-later
#include "pipeline/steps/DeployStep.h"

#include "manifests/ManifestReader.h"
#include "releases/ReleaseApplier.h"
#include "support/FutureWait.h"

#include <QJsonArray>

namespace Shipyard {

bool DeployStep::keepsFailedRelease(const DeliveryContext &context) const
{
    return !context.ecosystem().rollback.onRolloutFailure;
}

DeliveryStep::Verdict DeployStep::run(DeliveryContext &context)
{
    if (const std::optional<Verdict> unread = holdForCanary(context))
        return *unread;
    ReleaseApplier applier = context.applier();
    applier.setDeploymentObserver(context.deploymentObserver());
    QString failure;
    Fault fault = Fault::Environment;
    for (const DeliveryContext::Work &work : context.work()) {
        if (context.cancelled()) {
            failure = QStringLiteral("cancelled");
            break;
        }
        context.setState(Step::Deploy, work.system.name, State::Running);
        for (const QJsonObject &object : work.objects) {
            if (work.heldForCanary.contains(object)) {
                context.log(QStringLiteral("%1 held back for the canary").arg(ReleaseApplier::describe(object)));
                continue;
            }
            KubeError error;
            const QString refused = applier.apply(object, nullptr, &error);
            if (error.kind == KubeError::Kind::Cancelled) {
                // The lock may be another's: not a write more, rollback included.
                context.setState(Step::Deploy, work.system.name, State::Cancelled, refused);
                return interrupted(Step::Deploy, refused);
            }
            context.setApplied();
            if (!refused.isEmpty()) {
                failure = QStringLiteral("%1: %2").arg(work.system.name, refused);
                // The server refused the branch's manifests as they are.
                fault = error.httpStatus == 400 || error.httpStatus == 422 ? Fault::Branch : Fault::Environment;
                break;
            }
        }
        if (!failure.isEmpty()) {
            context.setState(Step::Deploy, work.system.name, State::Failed, failure);
            break;
        }
    }
    if (!failure.isEmpty())
        return rollBack(Step::Deploy, failure, fault);

    QList<QJsonObject> all;
    for (const DeliveryContext::Work &work : context.work()) {
        for (const QJsonObject &object : work.objects) {
            if (!work.heldForCanary.contains(object))
                all.append(object);
        }
    }
    const ReleaseApplier::RolloutOutcome rollout =
        applier.waitForRollouts(all, context.ecosystem().rollback.rolloutTimeout);
    context.recordSystems(rollout.revisions);
    if (rollout.cancelled)
        failure = QStringLiteral("cancelled");
    else if (!rollout.ok())
        failure = rollout.error;
    for (const DeliveryContext::Work &work : context.work()) {
        bool failedHere = false;
        for (const QJsonObject &object : work.objects)
            failedHere |= ReleaseApplier::describe(object) == rollout.failedObject;
        context.setState(Step::Deploy, work.system.name,
            rollout.cancelled ? State::Cancelled
                : failedHere  ? State::Failed
                              : State::Succeeded,
            failedHere                         ? rollout.error
                : work.heldForCanary.isEmpty() ? QString()
                                               : QStringLiteral("its Deployments wait for the canary"));
    }
    if (failure.isEmpty())
        return goOn();
    // The new pods never became ready: the branch's. The cluster out of
    // reach while waiting, or a cancel: not.
    const bool unreachable = KubeError::isOutOfReach(rollout.errorKind) || rollout.errorKind == KubeError::Kind::Tls ||
        rollout.errorKind == KubeError::Kind::Credentials;
    return rollBack(Step::Deploy, failure, rollout.cancelled || unreachable ? Fault::Environment : Fault::Branch);
}

std::optional<DeliveryStep::Verdict> DeployStep::holdForCanary(DeliveryContext &context)
{
    for (DeliveryContext::Work &work : context.work()) {
        if (!CanaryPlan::forDelivery(work.system, context.environment()))
            continue;
        QList<QJsonObject> held;
        QHash<QString, int> replicas;
        for (const QJsonObject &object : std::as_const(work.objects)) {
            if (object.value(QLatin1String("kind")).toString() != QLatin1String("Deployment"))
                continue;
            const KubeResponse live =
                await(context.client().get(ManifestReader::pathOf(object, context.namespaceName())));
            if (live.error.isNotFound())
                continue;
            if (!live.ok())
                return end(Outcome::Failed, Step::Deploy,
                    QStringLiteral("%1: %2").arg(ReleaseApplier::describe(object), live.error.message));
            const int running = live.json()[QLatin1String("spec")][QLatin1String("replicas")].toInt(1);
            if (running <= 0)
                continue;
            held.append(object);
            replicas.insert(object[QLatin1String("metadata")][QLatin1String("name")].toString(), running);
        }
        if (held.isEmpty()) {
            context.log(QStringLiteral("%1: no canary, none of its Deployments runs in %2 yet: delivered at once")
                    .arg(work.system.name, context.namespaceName()));
            continue;
        }
        work.heldForCanary = held;
        work.runningReplicas = replicas;
    }
    return std::nullopt;
}

} // namespace Shipyard
