// SPDX-License-Identifier: GPL-2.0-or-later
#include "pipeline/FailurePolicy.h"

namespace Shipyard {

FailurePolicy::Action FailurePolicy::decide(Said said, bool applied, bool cancelled, bool stepKeepsFailedRelease)
{
    switch (said) {
    case Said::NotStarted:
        return Action::Finish;
    case Said::End:
        return Action::End;
    case Said::Interrupted:
        return Action::Interrupt;
    case Said::RollBack:
        if (!applied)
            return Action::End;
        return !cancelled && stepKeepsFailedRelease ? Action::Keep : Action::Restore;
    }
    return Action::End;
}

bool FailurePolicy::returnsTasks(Fault fault, bool cancelled, bool interrupted)
{
    return fault == Fault::Branch && !cancelled && !interrupted;
}

} // namespace Shipyard
