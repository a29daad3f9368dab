// SPDX-License-Identifier: GPL-2.0-or-later
#include "CtlCommand.h"

namespace Shipyard::Ctl {

std::vector<std::unique_ptr<CtlCommand>> &CtlCommand::registry()
{
    static std::vector<std::unique_ptr<CtlCommand>> commands;
    return commands;
}

} // namespace Shipyard::Ctl
