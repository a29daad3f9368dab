// SPDX-License-Identifier: GPL-2.0-or-later
#include "pipeline/CommitTest.h"

#include "build/CommandEnvironment.h"
#include "build/CommandRunner.h"
#include "git/CommitExport.h"
#include "git/Repository.h"

#include <QTemporaryDir>

namespace Shipyard {

CommitTest::Result CommitTest::run(const Ecosystem &ecosystem, const System &system, Repository &repository,
    const QString &commit, const QString &branch, const SecretMasker &masker,
    const std::function<void(const QString &)> &progress)
{
    Result result;
    QStringList log;
    const auto say = [&](const QString &unmasked) {
        // What the branch's commands print may quote anything they could reach.
        const QString line = masker.mask(unmasked);
        log.append(line);
        if (progress)
            progress(line);
    };
    const auto finish = [&](Result::Outcome outcome, const QString &step, const QString &reason) {
        result.outcome = outcome;
        result.step = step;
        result.reason = masker.mask(reason);
        result.log = log.join(QLatin1Char('\n'));
        return result;
    };

    QTemporaryDir copy;
    if (!copy.isValid())
        return finish(Result::Outcome::Error, {}, QStringLiteral("no temporary directory: %1").arg(copy.errorString()));
    if (const GitError exported = CommitExport::run(repository, commit, copy.path()))
        return finish(Result::Outcome::Error, {}, QStringLiteral("%1: %2").arg(system.name, exported.message()));
    // The branch's code, as in a delivery: without Shipyard's credentials.
    CommandEnvironment environment = CommandEnvironment::forSystem(ecosystem, system);
    if (!environment.withheld().isEmpty())
        say(QStringLiteral("%1: its commands run without %2 (credentials; a system passes one with 'env:')")
                .arg(system.name, environment.withheld().join(QStringLiteral(", "))));
    environment.insert(QStringLiteral("SHIPYARD_SYSTEM"), system.name);
    environment.insert(QStringLiteral("SHIPYARD_BRANCH"), branch);
    environment.insert(QStringLiteral("SHIPYARD_COMMIT"), commit);
    for (const auto &[step, command] : { std::pair { QStringLiteral("build"), system.buildCommand },
             std::pair { QStringLiteral("test"), system.testCommand } }) {
        if (command.isEmpty())
            continue;
        const CommandResult ran = CommandRunner::runToEnd(command, copy.path(), environment.environment(), masker, say);
        if (ran.succeeded())
            continue;
        // The shell's 127 and 126: a tool it cannot find or run, which
        // is the machine's to provide, not the branch's to fix.
        const bool toolMissing =
            ran.outcome == CommandResult::Outcome::Failed && (ran.exitCode == 127 || ran.exitCode == 126);
        if (ran.fault() == Fault::Branch && !toolMissing)
            return finish(Result::Outcome::Failed, step, QStringLiteral("%1: %2").arg(system.name, ran.errorText));
        return finish(Result::Outcome::Error, step,
            QStringLiteral("%1: %2%3")
                .arg(system.name, ran.errorText,
                    toolMissing ? QStringLiteral(" (a program it runs is missing on this machine)") : QString()));
    }
    return finish(Result::Outcome::Passed, {}, {});
}

} // namespace Shipyard
