// SPDX-License-Identifier: GPL-2.0-or-later
#include "CtlCommand.h"
#include "Output.h"

namespace Shipyard::Ctl {

std::vector<std::unique_ptr<CtlCommand>> &CtlCommand::registry()
{
    static std::vector<std::unique_ptr<CtlCommand>> commands;
    return commands;
}

std::optional<int> CtlCommand::parse(QCommandLineParser &parser, const QStringList &arguments) const
{
    parser.setApplicationDescription(summary());
    parser.addHelpOption();
    if (!parser.parse(arguments)) {
        err() << arguments.value(0) << ": " << parser.errorText() << '\n';
        err().flush();
        return UsageError;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out() << parser.helpText();
        out().flush();
        return Success;
    }
    return std::nullopt;
}

} // namespace Shipyard::Ctl
