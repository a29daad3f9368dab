// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "pipeline/steps/DeliveryStep.h"

namespace Shipyard {

// Each system's test command, against its image, before anything is applied.
class TestStep : public DeliveryStep
{
public:
    Verdict run(DeliveryContext &context) override;
};

} // namespace Shipyard
