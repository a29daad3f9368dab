// SPDX-License-Identifier: GPL-2.0-or-later
#include "CtlCommand.h"

namespace Shipyard::Ctl {

QList<CtlCommand *> &CtlCommand::registry()
{
    static QList<CtlCommand *> commands;
    return commands;
}

} // namespace Shipyard::Ctl
