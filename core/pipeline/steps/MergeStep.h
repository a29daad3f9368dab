// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "pipeline/steps/DeliveryStep.h"

namespace Shipyard {

// Into upstream: only where a delivery is final (staging, production).
// Every merge is tried in memory first, so that one system's conflict
// pushes nothing; a merge that fails has the release rolled back.
class MergeStep : public DeliveryStep
{
public:
    Verdict run(DeliveryContext &context) override;

private:
    // Empty, or why WORK's branch did not go into its upstream.
    static QString merge(const DeliveryContext &context, const DeliveryContext::Work &work, bool dryRun);
};

} // namespace Shipyard
