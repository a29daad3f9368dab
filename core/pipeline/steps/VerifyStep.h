// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "pipeline/steps/DeliveryStep.h"

namespace Shipyard {

// Every image is in the ecosystem's registry before anything is applied.
class VerifyStep : public DeliveryStep
{
public:
    Verdict run(DeliveryContext &context) override;
};

} // namespace Shipyard
