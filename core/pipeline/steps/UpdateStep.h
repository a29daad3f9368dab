// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "pipeline/steps/DeliveryStep.h"

namespace Shipyard {

// Feature branches onto their upstream, once every one of them has passed
// the ecosystem's gates (DeliveryGate): a refusal changes nothing, not even
// one system's branch. Systems delivered from their upstream get its commit.
class UpdateStep : public DeliveryStep
{
public:
    Verdict run(DeliveryContext &context) override;

private:
    // A refusal of a gate (the delivery ends), or nothing when every branch
    // passed or --skip-gates overrode the refusals.
    static std::optional<Verdict> checkGates(DeliveryContext &context);
    static Verdict update(DeliveryContext &context, DeliveryContext::Work &work);
};

} // namespace Shipyard
