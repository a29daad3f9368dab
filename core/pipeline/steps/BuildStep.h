// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "pipeline/steps/DeliveryStep.h"

namespace Shipyard {

// An image per system, built from the commit the update step left checked
// out and pushed to the ecosystem's registry (ImageBuilder); a given image
// is delivered as it is.
class BuildStep : public DeliveryStep
{
public:
    Verdict run(DeliveryContext &context) override;
};

} // namespace Shipyard
