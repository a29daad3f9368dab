// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "model/Ecosystem.h"
#include "pipeline/AutotestResults.h"
#include "support/SecretMasker.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

namespace Shipyard {

class HttpTransport;
class Tracker;

// Tests the new heads of task branches (gating.autotests.branches): per
// system, the branches its repository's origin advertises (one connection,
// as `git ls-remote --heads`; nothing is cloned), those whose name holds a
// task key, and of those each head that AutotestResults has no verdict
// for. Such a head is fetched into the system's clone (as the robot's
// fetch does, with the same credentials), then built and tested as pushed
// (CommitTest). A commit already judged on another branch is not tested
// again: its verdict is reused.
//
// What people see: a pending commit status when a test starts and the
// final one when it ends (CommitStatusPublisher; GitHub, GitLab, Gerrit),
// and a comment on the task. A commit that could not be tested (a tool
// missing, a server down) gets an error status and a "could not test"
// comment, once per commit; it is tried again on the next pass, and the
// task is never sent back for it. Task statuses are left alone: moving a
// task is the Awaiting Autotests stage's work.
//
// runOnce() blocks: call it from shipyardctl or a worker thread.
class BranchAutotests
{
public:
    using Progress = std::function<void(const QString &line)>;

    struct Options
    {
        QString results; // the results file; empty: AutotestResults::pathFor(ecosystem)
        Tracker *tracker = nullptr; // for comments; null: the ecosystem's, made per pass
        std::shared_ptr<HttpTransport> transport; // for commit statuses; null: the network
        QString tester; // who claims commits; empty: "host:pid"
    };

    struct Tested
    {
        QString system;
        QString branch;
        QString task;
        QString commit;
        AutotestResult::Verdict verdict = AutotestResult::Verdict::Error;
        bool reused = false; // judged before, on another branch
        QString detail; // the failing step and reason, or where it was judged
        QStringList reportErrors; // statuses or comments that could not be published
    };

    struct PassResult
    {
        QList<Tested> tested;
        QStringList warnings; // systems skipped (no clone, origin unreachable), reports that failed
        QString error; // the pass could not run (the results file unreadable)
        // No error and no failed or untestable commit.
        bool succeeded() const;
    };

    explicit BranchAutotests(const Ecosystem &ecosystem);
    BranchAutotests(const Ecosystem &ecosystem, const Options &options);

    PassResult runOnce(const Progress &progress = {}) const;

private:
    struct Report;
    void report(const Report &what, Tested &tested, Tracker *tracker) const;

    Ecosystem m_ecosystem;
    Options m_options;
    SecretMasker m_masker;
};

} // namespace Shipyard
