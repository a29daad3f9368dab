// SPDX-License-Identifier: GPL-2.0-or-later
#include "manifests/ToolRun.h"

#include <QElapsedTimer>
#include <QProcess>

namespace Shipyard {

QString ToolRun::Result::describe(std::chrono::milliseconds timeout) const
{
    QString what;
    switch (outcome) {
    case Outcome::Succeeded:
        return {};
    case Outcome::Failed:
        what = QStringLiteral("exit code %1").arg(exitCode);
        break;
    case Outcome::TimedOut:
        what = QStringLiteral("no result after %1 s").arg(timeout.count() / 1000);
        break;
    case Outcome::Cancelled:
        what = QStringLiteral("cancelled");
        break;
    case Outcome::FailedToStart:
        what = QStringLiteral("could not be started");
        break;
    case Outcome::OutputTooLarge:
        what = QStringLiteral("its output passed %1 MiB").arg(maximumOutput / (1024 * 1024));
        break;
    }
    return errorOutput.isEmpty() ? what : QStringLiteral("%1: %2").arg(what, errorOutput);
}

ToolRun::Result ToolRun::run(const QString &program, const QStringList &arguments, const QString &workingDirectory,
    std::chrono::milliseconds timeout, const std::atomic_bool *cancel)
{
    Result result;
    QElapsedTimer clock;
    clock.start();
    QProcess process;
    process.setWorkingDirectory(workingDirectory);
    process.setStandardInputFile(QProcess::nullDevice());
    process.start(program, arguments);
    if (!process.waitForStarted()) {
        result.errorOutput = process.errorString();
        return result;
    }
    QByteArray errors;
    auto drain = [&] {
        result.output += process.readAllStandardOutput();
        errors += process.readAllStandardError();
        if (errors.size() > 2 * keptErrorOutput)
            errors = errors.right(keptErrorOutput);
    };
    Outcome stopped = Outcome::Succeeded;
    while (!process.waitForFinished(100)) {
        drain();
        if (result.output.size() > maximumOutput)
            stopped = Outcome::OutputTooLarge;
        else if (cancel && *cancel)
            stopped = Outcome::Cancelled;
        else if (timeout.count() > 0 && clock.elapsed() > timeout.count())
            stopped = Outcome::TimedOut;
        if (stopped != Outcome::Succeeded) {
            process.kill();
            process.waitForFinished();
            break;
        }
    }
    drain();
    // One line, as diagnostics and step messages are: the tool's lines joined.
    QStringList lines = QString::fromUtf8(errors.right(keptErrorOutput)).split(QLatin1Char('\n'));
    for (QString &line : lines)
        line = line.trimmed();
    lines.removeAll(QString());
    result.errorOutput = lines.join(QStringLiteral("; "));
    result.duration = std::chrono::milliseconds(clock.elapsed());
    if (stopped != Outcome::Succeeded) {
        result.outcome = stopped;
        result.output.clear();
        return result;
    }
    if (result.output.size() > maximumOutput) {
        result.outcome = Outcome::OutputTooLarge;
        result.output.clear();
        return result;
    }
    result.exitCode = process.exitCode();
    result.outcome =
        process.exitStatus() == QProcess::NormalExit && result.exitCode == 0 ? Outcome::Succeeded : Outcome::Failed;
    return result;
}

} // namespace Shipyard
