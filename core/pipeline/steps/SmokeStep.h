// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "pipeline/steps/DeliveryStep.h"

namespace Shipyard {

// Each system's smoke commands, against the release as it now runs.
class SmokeStep : public DeliveryStep
{
public:
    Verdict run(DeliveryContext &context) override;
    // The ecosystem may ask to leave a release that failed its smoke test in place.
    bool keepsFailedRelease(const DeliveryContext &context) const override;
};

} // namespace Shipyard
