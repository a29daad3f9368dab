// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "pipeline/steps/DeliveryStep.h"

namespace Shipyard {

// The partial rollout of each system whose Deployments the deploy step held
// back (see CanaryPlan, DeployStep::holdForCanary), one system after the
// other. The new version first runs beside the old one as a canary
// Deployment (CanaryDeployment) with about each share of the pods in turn;
// each share is held for the plan's pause and judged (CanaryJudge), or
// waits for a person (CanaryControl). Then it is promoted — the main
// Deployments applied and rolled out as the deploy step would have, the
// canary removed — or aborted: the canary removed, the main Deployments
// never touched, and the delivery rolled back with the reason.
//
// Its progress lives on the canary's annotations (CanaryState) for other
// processes, in the Delivery's canary() and in the release record.
class CanaryStep : public DeliveryStep
{
public:
    Verdict run(DeliveryContext &context) override;
};

} // namespace Shipyard
