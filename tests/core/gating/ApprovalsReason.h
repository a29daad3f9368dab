// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "gating/GateEvaluator.h"

namespace Shipyard::TestSupport {

// What the approvals gate says of LOOKUP when REQUIRED approvals are needed.
inline QString approvalsReason(const ReviewLookup &lookup, int required)
{
    GateInput input;
    input.reviews = lookup;
    input.requiredApprovals = required;
    for (const GateVerdict &verdict : GateEvaluator(Gating()).evaluate(input))
        if (verdict.gate == GateVerdict::Gate::Approvals)
            return verdict.reason;
    return {};
}

} // namespace Shipyard::TestSupport
