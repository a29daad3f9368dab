// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "pipeline/steps/DeliveryStep.h"

namespace Shipyard {

// The environment's lock (EnvironmentLock), taken or waited for: one
// delivery per environment at a time. Reaches the cluster for the steps after it.
class LockStep : public DeliveryStep
{
public:
    Verdict run(DeliveryContext &context) override;
};

} // namespace Shipyard
