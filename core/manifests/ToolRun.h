// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <atomic>
#include <chrono>

namespace Shipyard {

// One run of a rendering tool to its end, in the calling thread (which
// needs no event loop): its whole output, the end of its error output, and
// how it ended. The output is bounded: a chart that renders without end
// must not take the machine's memory with it.
class ToolRun
{
public:
    enum class Outcome { Succeeded, Failed, TimedOut, Cancelled, FailedToStart, OutputTooLarge };

    struct Result
    {
        Outcome outcome = Outcome::FailedToStart;
        int exitCode = -1;
        QByteArray output;
        QString errorOutput; // its last lines, trimmed and joined into one by "; "
        std::chrono::milliseconds duration { 0 };
        bool succeeded() const { return outcome == Outcome::Succeeded; }
        // "exit code 1: Error: …", "timed out after 120 s"…
        QString describe(std::chrono::milliseconds timeout) const;
    };

    static constexpr qsizetype maximumOutput = 64 * 1024 * 1024;
    static constexpr qsizetype keptErrorOutput = 8 * 1024;

    // CANCEL, when given, is looked at ten times a second.
    static Result run(const QString &program, const QStringList &arguments, const QString &workingDirectory,
        std::chrono::milliseconds timeout, const std::atomic_bool *cancel = nullptr);
};

} // namespace Shipyard
