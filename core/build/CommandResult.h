// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "support/Fault.h"

#include <QMetaType>
#include <QString>
#include <QStringList>

#include <chrono>

namespace Shipyard {

// How a command run by CommandRunner ended. Every text in it is already
// masked: it can go to a log, a tracker comment or the audit journal as is.
struct CommandResult
{
    enum class Outcome { Succeeded, Failed, Crashed, TimedOut, Cancelled, FailedToStart };

    Outcome outcome = Outcome::FailedToStart;
    int exitCode = -1;
    QString command; // as shown in the log
    QString errorText; // one sentence for people, empty on success
    QStringList lastLines; // the end of the output, for the error report
    std::chrono::milliseconds duration { 0 };

    bool succeeded() const { return outcome == Outcome::Succeeded; }
    // A command that ran and failed is the code's failure; one that could
    // not even start (a missing shell or tool) is the machine's.
    Fault fault() const { return outcome == Outcome::FailedToStart ? Fault::Environment : Fault::Branch; }
};

} // namespace Shipyard

Q_DECLARE_METATYPE(Shipyard::CommandResult)
