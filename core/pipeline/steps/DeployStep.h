// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "pipeline/steps/DeliveryStep.h"

namespace Shipyard {

class ReleaseApplier;

// The systems' manifests rendered for their images (from the delivered
// commits' files), an interrupted release found and undone, what a rollback
// would restore settled and recorded, the release recorded as in progress,
// then every object applied (server-side) and the rollouts waited for. What
// all of that needs is asked of the server before the first of it (see
// WritePermissions). From the first object applied on, a failure is rolled
// back (see RollbackStep). The Deployments of a system with a canary plan
// wait for the canary step (see CanaryStep).
class DeployStep : public DeliveryStep
{
public:
    Verdict run(DeliveryContext &context) override;
    // The ecosystem may ask to leave a failed rollout in place.
    bool keepsFailedRelease(const DeliveryContext &context) const override;

private:
    static std::optional<Verdict> render(DeliveryContext &context);
    // The environment's settings Secret is there with the keys the objects use.
    static std::optional<Verdict> checkSettingsSecret(DeliveryContext &context);
    // Every permission the rest of the delivery needs, asked before its first
    // write; the end of the delivery, changing nothing, when one is missing.
    static std::optional<Verdict> checkPermissions(DeliveryContext &context);
    // An earlier delivery that never ended: restored over, or refused.
    static std::optional<Verdict> recoverInterrupted(DeliveryContext &context, const ReleaseApplier &applier);
    // Settles context.rollbackTarget(); the end of the delivery when it cannot.
    static std::optional<Verdict> settleRollbackTarget(DeliveryContext &context, const ReleaseApplier &applier);
    // The Deployments of systems with a canary plan that already run here
    // are held back for the canary step (Work::heldForCanary); a system
    // delivered for the first time has nothing to run a canary beside.
    static std::optional<Verdict> holdForCanary(DeliveryContext &context);
    // Applies every object but those held for a canary and waits for the
    // rollouts: the verdict.
    static Verdict apply(DeliveryContext &context, const ReleaseApplier &applier);
    // The record's systems as applied.
    static void recordSystems(DeliveryContext &context, const QHash<QString, qint64> &revisions);
};

} // namespace Shipyard
