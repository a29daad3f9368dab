// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "support/Fault.h"

namespace Shipyard {

// How a delivery ends once a step says it cannot go on, decided in one place
// from what the delivery has changed by then (docs/delivery.md has the same
// table, with what each step changes and how it is undone):
//
//   the step says …              nothing applied yet   objects applied (or an `up` run)
//   ─────────────────────────    ───────────────────   ─────────────────────────────
//   not started (no lock)        end, nothing audited  –
//   end (gate, refusal, …)       end                   –
//   roll back                    end                   run the migrations' `down`s,
//                                                      restore the last good release,
//                                                      or keep it when the failed step
//                                                      keeps failed releases (never
//                                                      after a cancel)
//   interrupted (lock may be     stop: no write, no rollback, the record stays in
//     another's)                 progress for the next holder to restore over
//
// Upstream is changed only by the merge step, the last: when one system's push
// fails for good, the merge step itself reverts the pushes that landed (a
// revert commit, never a force push) and then says "roll back".
//
// Tasks go back to their developers only for the branch's faults
// (Fault::Branch), and never after a cancel or an interruption.
class FailurePolicy
{
public:
    enum class Said { NotStarted, End, RollBack, Interrupted };
    enum class Action { Finish, End, Restore, Keep, Interrupt };

    static Action decide(Said said, bool applied, bool cancelled, bool stepKeepsFailedRelease);
    static bool returnsTasks(Fault fault, bool cancelled, bool interrupted);
};

} // namespace Shipyard
