// SPDX-License-Identifier: GPL-2.0-or-later
#include "gating/GateVerdict.h"

namespace Shipyard {

QString GateVerdict::gateName(Gate gate)
{
    switch (gate) {
    case Gate::TaskKey:
        return QStringLiteral("task-key");
    case Gate::BranchUpdateStatus:
        return QStringLiteral("branch-update-status");
    case Gate::Approvals:
        return QStringLiteral("approvals");
    case Gate::MergeStatus:
        return QStringLiteral("merge-status");
    case Gate::CleanIntegration:
        return QStringLiteral("clean-integration");
    }
    return {};
}

QString GateVerdict::stateName(State state)
{
    switch (state) {
    case State::Passed:
        return QStringLiteral("passed");
    case State::Failed:
        return QStringLiteral("failed");
    case State::Unknown:
        return QStringLiteral("unknown");
    }
    return {};
}

} // namespace Shipyard
