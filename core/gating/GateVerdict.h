// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QString>

namespace Shipyard {

// One rule's answer for one branch, with the reason a person can act on.
struct GateVerdict
{
    enum class Gate { TaskKey, BranchUpdateStatus, Approvals, MergeStatus, CleanIntegration };
    enum class State { Passed, Failed, Unknown }; // Unknown: could not be checked (tracker down…)

    Gate gate = Gate::TaskKey;
    State state = State::Unknown;
    QString reason;

    bool passed() const { return state == State::Passed; }
    static QString gateName(Gate gate); // stable, for JSON: "task-key"
    static QString stateName(State state); // "passed", "failed", "unknown"
};

} // namespace Shipyard
