// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "pipeline/steps/DeliveryStep.h"

namespace Shipyard {

// The environment's lock (EnvironmentLock), taken or waited for: one
// delivery per environment at a time. Reaches the cluster for the steps after
// it. A frozen environment (FreezeCalendar) is refused before the lock is
// asked for and again once it is held (a wait may end inside a window),
// unless the delivery says why it goes anyway (Options::freezeOverride).
// So is an environment whose Alertmanager alerts fire (AlertTrigger), before
// the lock and again if it had to be waited for, unless a person says why
// (Options::alertOverride).
class LockStep : public DeliveryStep
{
public:
    Verdict run(DeliveryContext &context) override;

private:
    static std::optional<Verdict> checkFreeze(DeliveryContext &context);
    static std::optional<Verdict> checkAlerts(DeliveryContext &context);
};

} // namespace Shipyard
