// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "model/Ecosystem.h"
#include "support/SecretMasker.h"

#include <QString>

#include <functional>

namespace Shipyard {

class Repository;

// A system's build and test commands run on one commit, as the robot's
// autotests run them: the commit's files exported into a temporary
// directory (the clone's working tree, index and branches stay as they
// are), the commands without Shipyard's credentials (CommandEnvironment),
// every line masked. Blocks until the commands end.
class CommitTest
{
public:
    struct Result
    {
        // Error: Shipyard or the machine could not test (no temporary
        // directory, the commit missing, a tool the shell cannot find);
        // the commit is neither passed nor failed.
        enum class Outcome { Passed, Failed, Error };
        Outcome outcome = Outcome::Error;
        QString step; // "build" or "test" for a failure or an error in a command
        QString reason; // masked; empty when passed
        QString log; // every masked line, the commands' first
    };

    static Result run(const Ecosystem &ecosystem, const System &system, Repository &repository, const QString &commit,
        const QString &branch, const SecretMasker &masker, const std::function<void(const QString &)> &progress);
};

} // namespace Shipyard
