// SPDX-License-Identifier: GPL-2.0-or-later
#include "pipeline/steps/DeployStep.h"

#include "releases/ReleaseApplier.h"

#include <QJsonArray>

namespace Shipyard {

bool DeployStep::keepsFailedRelease(const DeliveryContext &context) const
{
    return !context.ecosystem().rollback.onRolloutFailure;
}

DeliveryStep::Verdict DeployStep::run(DeliveryContext &context)
{
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
    for (const DeliveryContext::Work &work : context.work())
        all += work.objects;
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
            failedHere ? rollout.error : QString());
    }
    if (failure.isEmpty())
        return goOn();
    // The new pods never became ready: the branch's. The cluster out of
    // reach while waiting, or a cancel: not.
    const bool unreachable = rollout.errorKind == KubeError::Kind::Network ||
        rollout.errorKind == KubeError::Kind::Tls || rollout.errorKind == KubeError::Kind::Credentials;
    return rollBack(Step::Deploy, failure, rollout.cancelled || unreachable ? Fault::Environment : Fault::Branch);
}

} // namespace Shipyard
