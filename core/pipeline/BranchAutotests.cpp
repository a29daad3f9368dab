// SPDX-License-Identifier: GPL-2.0-or-later
#include "pipeline/BranchAutotests.h"

#include "gating/CommitStatusPublisher.h"
#include "gating/TaskReturner.h"
#include "git/Repository.h"
#include "model/TaskKeyExtractor.h"
#include "pipeline/CommitTest.h"
#include "tracker/Tracker.h"
#include "tracker/TrackerFactory.h"

#include <QCoreApplication>
#include <QSet>
#include <QSysInfo>

#include <algorithm>

namespace Shipyard {

// What one report says: a status for the commit and, unless empty, a comment for the task.
struct BranchAutotests::Report
{
    const System *system = nullptr;
    const CommitStatusPublisher *publisher = nullptr;
    CommitStatus::State state = CommitStatus::State::Pending;
    QString description;
    QString comment;
};

bool BranchAutotests::PassResult::succeeded() const
{
    return error.isEmpty() && std::all_of(tested.cbegin(), tested.cend(), [](const Tested &entry) {
        return entry.verdict == AutotestResult::Verdict::Passed;
    });
}

BranchAutotests::BranchAutotests(const Ecosystem &ecosystem) : BranchAutotests(ecosystem, Options {})
{ }

BranchAutotests::BranchAutotests(const Ecosystem &ecosystem, const Options &options)
    : m_ecosystem(ecosystem), m_options(options), m_masker(ecosystem.secretMasker())
{ }

void BranchAutotests::report(const Report &what, Tested &tested, Tracker *tracker) const
{
    if (what.publisher) {
        CommitStatus status;
        status.state = what.state;
        status.commit = tested.commit;
        status.branch = tested.branch;
        status.description = m_masker.mask(what.description);
        status.targetUrl = m_ecosystem.gating.autotests.targetUrl;
        status.targetUrl.replace(QLatin1String("{commit}"), tested.commit)
            .replace(QLatin1String("{system}"), tested.system)
            .replace(QLatin1String("{branch}"), QString::fromLatin1(QUrl::toPercentEncoding(tested.branch)));
        const QString error = what.publisher->publish(status);
        if (!error.isEmpty())
            tested.reportErrors.append(m_masker.mask(error));
    }
    if (!what.comment.isEmpty() && tracker) {
        const TrackerError error = tracker->addComment(tested.task, m_masker.mask(what.comment));
        if (error.isError())
            tested.reportErrors.append(
                m_masker.mask(QStringLiteral("no comment on %1: %2").arg(tested.task, error.message())));
    }
}

BranchAutotests::PassResult BranchAutotests::runOnce(const Progress &unmaskedProgress) const
{
    PassResult result;
    const Progress say = [&](const QString &line) {
        if (unmaskedProgress)
            unmaskedProgress(m_masker.mask(line));
    };
    AutotestResults store(m_options.results.isEmpty() ? AutotestResults::pathFor(m_ecosystem) : m_options.results);
    QString readError;
    // What is judged already, read once: a pass over unchanged branches
    // writes nothing and takes no lock.
    QSet<QString> judged; // "system commit branch"
    const QList<AutotestResult> allKnown = store.all(&readError);
    for (const AutotestResult &known : allKnown) {
        if (known.isFinal())
            for (const QString &branch : known.branches)
                judged.insert(known.system + QLatin1Char(' ') + known.commit + QLatin1Char(' ') + branch);
    }
    if (!readError.isEmpty()) {
        result.error = m_masker.mask(readError);
        return result;
    }
    Tracker *tracker = m_options.tracker;
    TrackerFactory::Result made;
    if (!tracker) {
        made = TrackerFactory::create(m_ecosystem);
        tracker = made.tracker.get();
        if (!tracker)
            result.warnings.append(m_masker.mask(
                QStringLiteral("results are not commented on tasks: no tracker: %1").arg(made.error.message())));
    }
    const QString tester = !m_options.tester.isEmpty()
        ? m_options.tester
        : QStringLiteral("%1:%2").arg(QSysInfo::machineHostName()).arg(QCoreApplication::applicationPid());
    const TaskKeyExtractor keys(m_ecosystem.gating.taskKeyPattern);
    const auto shortId = [](const QString &commit) { return commit.left(12); };

    for (const System &system : m_ecosystem.systems) {
        if (system.repository.isEmpty())
            continue;
        GitError gitError;
        Repository repository = Repository::open(m_ecosystem.resolvePath(system.repository), &gitError);
        if (gitError) {
            result.warnings.append(
                m_masker.mask(QStringLiteral("%1: not tested: %2").arg(system.name, gitError.message())));
            continue;
        }
        const QList<RemoteHead> heads = repository.remoteHeads(QStringLiteral("origin"), {}, &gitError);
        if (gitError) {
            result.warnings.append(
                m_masker.mask(QStringLiteral("%1: not tested: %2").arg(system.name, gitError.message())));
            continue;
        }
        QSet<QString> headCommits;
        for (const RemoteHead &head : heads)
            headCommits.insert(head.commitId);
        QString pruneError;
        if (const int forgotten =
                store.forgetGone(system.name, headCommits, allKnown, QDateTime::currentDateTimeUtc(), &pruneError))
            say(QStringLiteral("%1: forgot %2 verdicts of commits no branch is at any more")
                    .arg(system.name)
                    .arg(forgotten));
        if (!pruneError.isEmpty())
            result.warnings.append(m_masker.mask(pruneError));
        const CommitStatusPublisher::Made publisher =
            CommitStatusPublisher::create(m_ecosystem, system.name, m_options.transport);
        if (!publisher.error.isEmpty())
            result.warnings.append(
                m_masker.mask(QStringLiteral("%1: no commit statuses: %2").arg(system.name, publisher.error)));

        struct Pending
        {
            Tested tested;
            bool retried = false;
        };
        QList<Pending> toTest;
        for (const RemoteHead &head : heads) {
            const QString task = keys.extract(head.name);
            if (task.isEmpty() || head.name == system.upstream ||
                judged.contains(system.name + QLatin1Char(' ') + head.commitId + QLatin1Char(' ') + head.name))
                continue;
            const AutotestResults::Claim claim =
                store.claim(system.name, head.commitId, head.name, tester, QDateTime::currentDateTimeUtc());
            if (!claim.error.isEmpty()) {
                result.warnings.append(m_masker.mask(claim.error));
                continue;
            }
            Tested tested { system.name, head.name, task, head.commitId, AutotestResult::Verdict::Running, false, {},
                {} };
            if (claim.claimed) {
                toTest.append({ tested, claim.retried });
                continue;
            }
            // Judged before, or being tested by another robot: only a branch
            // that reached a judged commit anew has something to hear.
            if (!claim.newBranch || !claim.existing || !claim.existing->isFinal())
                continue;
            const AutotestResult &existing = *claim.existing;
            tested.verdict = existing.verdict;
            tested.reused = true;
            const QString where = existing.branches.value(0);
            tested.detail = QStringLiteral("%1 at %2, as tested on %3")
                                .arg(AutotestResult::verdictName(existing.verdict), shortId(head.commitId), where);
            // The task of the branch that was tested has heard already.
            bool taskHeard = false;
            for (const QString &branch : existing.branches)
                taskHeard = taskHeard || (branch != head.name && keys.extract(branch) == task);
            Report reused;
            if (!taskHeard)
                reused.comment =
                    QStringLiteral("Autotests %1 for %2 at %3 (branch %4): the same commit was tested on %5%6.")
                        .arg(AutotestResult::verdictName(existing.verdict), system.name, shortId(head.commitId),
                            head.name, where,
                            existing.isFinal() && existing.verdict == AutotestResult::Verdict::Failed
                                ? QStringLiteral(" (the step \"%1\" failed: %2)").arg(existing.step, existing.reason)
                                : QString());
            report(reused, tested, tracker);
            say(QStringLiteral("%1 %2: %3").arg(system.name, head.name, tested.detail));
            result.tested.append(tested);
        }
        if (toTest.isEmpty())
            continue;

        // Only the branches to test, each into its remote-tracking
        // reference, as a fetch of origin would leave them.
        QStringList refspecs;
        for (const Pending &pending : std::as_const(toTest))
            refspecs.append(QStringLiteral("+refs/heads/%1:refs/remotes/origin/%1").arg(pending.tested.branch));
        const GitError fetchError = repository.fetch(QStringLiteral("origin"), {}, refspecs);

        for (Pending &pending : toTest) {
            Tested &tested = pending.tested;
            Report report;
            report.publisher = publisher.publisher.get();
            report.state = CommitStatus::State::Pending;
            report.description =
                QStringLiteral("Shipyard is testing %1 at %2").arg(system.name, shortId(tested.commit));
            this->report(report, tested, tracker);
            say(QStringLiteral("%1: testing %2 at %3").arg(system.name, tested.branch, shortId(tested.commit)));

            AutotestResult stored { system.name, tested.commit, { tested.branch }, AutotestResult::Verdict::Error, {},
                {}, tester, QDateTime::currentDateTimeUtc(), {} };
            CommitTest::Result ran;
            if (fetchError) {
                ran.outcome = CommitTest::Result::Outcome::Error;
                ran.step = QStringLiteral("fetch");
                ran.reason = m_masker.mask(QStringLiteral("%1: %2").arg(system.name, fetchError.message()));
            } else {
                ran = CommitTest::run(m_ecosystem, system, repository, tested.commit, tested.branch, m_masker, say);
            }
            stored.finished = QDateTime::currentDateTimeUtc();
            stored.step = ran.step;
            stored.reason = ran.reason;
            const QString where =
                QStringLiteral("%1 at %2 (branch %3)").arg(system.name, shortId(tested.commit), tested.branch);
            switch (ran.outcome) {
            case CommitTest::Result::Outcome::Passed:
                stored.verdict = AutotestResult::Verdict::Passed;
                report.state = CommitStatus::State::Success;
                report.description = QStringLiteral("build and tests passed");
                report.comment = QStringLiteral("Autotests passed for %1.").arg(where);
                tested.detail = QStringLiteral("passed at %1").arg(shortId(tested.commit));
                break;
            case CommitTest::Result::Outcome::Failed:
                stored.verdict = AutotestResult::Verdict::Failed;
                report.state = CommitStatus::State::Failure;
                report.description = QStringLiteral("the step \"%1\" failed: %2").arg(ran.step, ran.reason);
                report.comment = QStringLiteral("Autotests failed for %1: the step \"%2\" failed: %3")
                                     .arg(where, ran.step, ran.reason);
                if (const QString tail = TaskReturner::excerpt(ran.log); !tail.isEmpty())
                    report.comment += QStringLiteral("\n\nEnd of the log:\n\n") + tail;
                tested.detail = report.description;
                break;
            case CommitTest::Result::Outcome::Error:
                stored.verdict = AutotestResult::Verdict::Error;
                report.state = CommitStatus::State::Error;
                report.description = QStringLiteral("could not test: %1").arg(ran.reason);
                // Once per commit: a machine that stays broken does not
                // write a comment on every pass.
                if (!pending.retried)
                    report.comment = QStringLiteral("Autotests could not be run for %1: %2\nThis is a problem of "
                                                    "Shipyard or its machine, not of the branch; the commit is "
                                                    "tested again on the next pass.")
                                         .arg(where, ran.reason);
                tested.detail = report.description;
                break;
            }
            tested.verdict = stored.verdict;
            if (const QString error = store.store(stored); !error.isEmpty())
                result.warnings.append(
                    m_masker.mask(QStringLiteral("%1: the result is not kept: %2").arg(where, error)));
            this->report(report, tested, tracker);
            say(QStringLiteral("%1 %2: %3").arg(system.name, tested.branch, m_masker.mask(tested.detail)));
            result.tested.append(tested);
        }
    }
    for (const Tested &tested : std::as_const(result.tested))
        for (const QString &error : tested.reportErrors)
            result.warnings.append(error);
    return result;
}

} // namespace Shipyard
