// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "pipeline/steps/DeliveryStep.h"

namespace Shipyard {

// Every object of the prepared release (see PrepareStep) applied
// server-side, then the rollouts waited for. From the first object applied
// on, a failure is rolled back (see RollbackStep). The Deployments of a
// system with a canary plan wait for the canary step (see CanaryStep).
class DeployStep : public DeliveryStep
{
public:
    Verdict run(DeliveryContext &context) override;
    // The ecosystem may ask to leave a failed rollout in place.
    bool keepsFailedRelease(const DeliveryContext &context) const override;

private:
    // The Deployments of systems with a canary plan that already run here
    // are held back for the canary step (Work::heldForCanary); a system
    // delivered for the first time has nothing to run a canary beside.
    static std::optional<Verdict> holdForCanary(DeliveryContext &context);
};

} // namespace Shipyard
