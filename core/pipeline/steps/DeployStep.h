// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "pipeline/steps/DeliveryStep.h"

namespace Shipyard {

// Every object of the prepared release (see PrepareStep) applied
// server-side, then the rollouts waited for. From the first object applied
// on, a failure is rolled back (see RollbackStep).
class DeployStep : public DeliveryStep
{
public:
    Verdict run(DeliveryContext &context) override;
    // The ecosystem may ask to leave a failed rollout in place.
    bool keepsFailedRelease(const DeliveryContext &context) const override;
};

} // namespace Shipyard
