// SPDX-License-Identifier: GPL-2.0-or-later
#include "gating/GateEvaluator.h"

#include <QTest>

using namespace Shipyard;
using Gate = GateVerdict::Gate;
using State = GateVerdict::State;

namespace {

TaskLookup taskWithStatus(const QString &status)
{
    TaskLookup lookup;
    lookup.task = Task { QStringLiteral("TASK-1"), QStringLiteral("Login"), status, QStringLiteral("Alice"), QUrl() };
    return lookup;
}

ReviewLookup approvals(int count, bool rejection = false)
{
    ReviewLookup lookup;
    for (int i = 0; i < count; ++i)
        lookup.reviews.append({ QStringLiteral("reviewer%1").arg(i), Review::Verdict::Approved });
    if (rejection)
        lookup.reviews.append({ QStringLiteral("grumpy"), Review::Verdict::Rejected });
    return lookup;
}

GateInput input(const QString &status, int reviewCount, bool clean)
{
    GateInput in;
    in.branch = QStringLiteral("feature/TASK-1-login");
    in.upstream = QStringLiteral("origin/main");
    in.taskKey = QStringLiteral("TASK-1");
    in.task = taskWithStatus(status);
    in.reviews = approvals(reviewCount);
    IntegrationResult integration;
    if (!clean) {
        integration.conflicts = { QStringLiteral("README") };
        integration.error = GitError(GitError::Kind::Conflict, QStringLiteral("conflicts"));
    }
    in.integration = integration;
    return in;
}

State stateOf(const QList<GateVerdict> &verdicts, Gate gate)
{
    for (const GateVerdict &verdict : verdicts)
        if (verdict.gate == gate)
            return verdict.state;
    return State::Unknown;
}

} // namespace

class tst_GateEvaluator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void verdicts_data()
    {
        QTest::addColumn<GateInput>("in");
        QTest::addColumn<int>("gate");
        QTest::addColumn<int>("state");
        QTest::addColumn<QString>("reasonPart");

        GateInput noKey = input(QStringLiteral("In Progress"), 1, true);
        noKey.taskKey.clear();
        noKey.task.reset();
        QTest::newRow("no key") << noKey << int(Gate::TaskKey) << int(State::Failed) << QStringLiteral("names no task");
        QTest::newRow("no key fails the status gates too")
            << noKey << int(Gate::MergeStatus) << int(State::Failed) << QStringLiteral("no task");
        QTest::newRow("in progress allows updates")
            << input(QStringLiteral("in progress"), 1, true) << int(Gate::BranchUpdateStatus) << int(State::Passed)
            << QStringLiteral("allows");
        QTest::newRow("in QA forbids updates")
            << input(QStringLiteral("In QA"), 1, true) << int(Gate::BranchUpdateStatus) << int(State::Failed)
            << QStringLiteral("'In Progress'");
        QTest::newRow("for delivery allows merge")
            << input(QStringLiteral("For Delivery"), 1, true) << int(Gate::MergeStatus) << int(State::Passed)
            << QStringLiteral("For Delivery");
        QTest::newRow("in progress forbids merge")
            << input(QStringLiteral("In Progress"), 1, true) << int(Gate::MergeStatus) << int(State::Failed)
            << QStringLiteral("needs 'For Delivery'");
        QTest::newRow("too few approvals") << input(QStringLiteral("For Delivery"), 1, true) << int(Gate::Approvals)
                                           << int(State::Failed) << QStringLiteral("1 of 2");
        QTest::newRow("enough approvals") << input(QStringLiteral("For Delivery"), 3, true) << int(Gate::Approvals)
                                          << int(State::Passed) << QStringLiteral("3 of 2");
        GateInput rejected = input(QStringLiteral("For Delivery"), 3, true);
        rejected.reviews = approvals(3, true);
        QTest::newRow("a rejection blocks")
            << rejected << int(Gate::Approvals) << int(State::Failed) << QStringLiteral("grumpy");
        QTest::newRow("conflicts") << input(QStringLiteral("For Delivery"), 2, false) << int(Gate::CleanIntegration)
                                   << int(State::Failed) << QStringLiteral("README");
        QTest::newRow("clean") << input(QStringLiteral("For Delivery"), 2, true) << int(Gate::CleanIntegration)
                               << int(State::Passed) << QStringLiteral("rebases cleanly onto origin/main");
        GateInput trackerDown = input(QStringLiteral("x"), 2, true);
        trackerDown.task =
            TaskLookup { std::nullopt, TrackerError(TrackerError::Kind::Timeout, QStringLiteral("Redmine timed out")) };
        QTest::newRow("tracker down: unknown, not failed")
            << trackerDown << int(Gate::MergeStatus) << int(State::Unknown) << QStringLiteral("timed out");
        GateInput noTask = input(QStringLiteral("x"), 2, true);
        noTask.task =
            TaskLookup { std::nullopt, TrackerError(TrackerError::Kind::NotFound, QStringLiteral("no task TASK-1")) };
        QTest::newRow("task missing in the tracker")
            << noTask << int(Gate::BranchUpdateStatus) << int(State::Failed) << QStringLiteral("no task");
        GateInput reviewsDown = input(QStringLiteral("x"), 2, true);
        reviewsDown.reviews = ReviewLookup { {}, QStringLiteral("GitLab: HTTP 503") };
        QTest::newRow("reviews unavailable")
            << reviewsDown << int(Gate::Approvals) << int(State::Unknown) << QStringLiteral("503");
    }

    void verdicts()
    {
        QFETCH(GateInput, in);
        QFETCH(int, gate);
        QFETCH(int, state);
        QFETCH(QString, reasonPart);
        Gating gating;
        gating.reviewsRequired = 2;
        const QList<GateVerdict> verdicts = GateEvaluator(gating).evaluate(in);
        QCOMPARE(verdicts.size(), 5);
        for (const GateVerdict &verdict : verdicts) {
            QVERIFY2(!verdict.reason.isEmpty(), qPrintable(GateVerdict::gateName(verdict.gate)));
            if (int(verdict.gate) != gate)
                continue;
            QCOMPARE(int(verdict.state), state);
            QVERIFY2(verdict.reason.contains(reasonPart), qPrintable(verdict.reason));
        }
    }

    // Approvals the review service holds for another commit than the one
    // delivered: the reason says where they went, so that whoever reads it
    // knows a new approval is what is missing.
    void approvalsOfAnotherCommit_data()
    {
        QTest::addColumn<ReviewLookup>("lookup");
        QTest::addColumn<int>("required");
        QTest::addColumn<QString>("reason");
        const QString delivering = QStringLiteral("def5678def5678def5678def5678def5678def56");
        const QString older = QStringLiteral("abc1234abc1234abc1234abc1234abc1234abc12");
        const QString oldest = QStringLiteral("9f8e7d69f8e7d69f8e7d69f8e7d69f8e7d69f8e7");
        const auto approved = [](const char *who, const QString &commit) {
            return Review { QString::fromLatin1(who), Review::Verdict::Approved, commit };
        };
        ReviewLookup onlyOlder;
        onlyOlder.commit = delivering;
        onlyOlder.outdated = { approved("jane", older) };
        QTest::newRow("approved only at an older commit")
            << onlyOlder << 1
            << QStringLiteral("0 of 1 required approvals: approved at abc1234 by jane, delivering def5678");
        ReviewLookup mixed;
        mixed.commit = delivering;
        mixed.reviews = { approved("bob", delivering) };
        mixed.outdated = { approved("jane", older), approved("joe", older), approved("ann", oldest) };
        QTest::newRow("one current, three at older commits")
            << mixed << 2
            << QStringLiteral("1 of 2 required approvals: approved at abc1234 by jane, joe and at 9f8e7d6 by ann, "
                              "delivering def5678");
        QTest::newRow("enough: older approvals are not mentioned")
            << mixed << 1 << QStringLiteral("1 of 1 required approvals");
        ReviewLookup moved;
        moved.commit = delivering;
        moved.mismatch = QStringLiteral("pull request #12 is at abc1234");
        QTest::newRow("the service is at another commit")
            << moved << 1
            << QStringLiteral("0 of 1 required approvals: pull request #12 is at abc1234, delivering def5678");
        ReviewLookup none;
        none.commit = delivering;
        QTest::newRow("no approvals at all") << none << 1 << QStringLiteral("0 of 1 required approvals");
        ReviewLookup unbound;
        unbound.reviews = { approved("jane", QString()) };
        QTest::newRow("a source that binds no commit (trailers)")
            << unbound << 2 << QStringLiteral("1 of 2 required approvals");
    }

    void approvalsOfAnotherCommit()
    {
        QFETCH(ReviewLookup, lookup);
        QFETCH(int, required);
        QFETCH(QString, reason);
        GateInput in = input(QStringLiteral("For Delivery"), 0, true);
        in.reviews = lookup;
        in.requiredApprovals = required;
        for (const GateVerdict &verdict : GateEvaluator(Gating()).evaluate(in)) {
            if (verdict.gate != Gate::Approvals)
                continue;
            QCOMPARE(verdict.reason, reason);
            QCOMPARE(verdict.passed(), lookup.approvals() >= required);
        }
    }

    void stepGates()
    {
        Gating gating;
        const QList<GateVerdict> ready = GateEvaluator(gating).evaluate(input(QStringLiteral("For Delivery"), 1, true));
        QVERIFY(!GateEvaluator::firstFailure(ready, GateEvaluator::mergeGates()));
        const auto blocked = GateEvaluator::firstFailure(ready, GateEvaluator::branchUpdateGates());
        QVERIFY(blocked);
        QCOMPARE(blocked->gate, Gate::BranchUpdateStatus);
        QCOMPARE(stateOf(ready, Gate::TaskKey), State::Passed);
    }
};

QTEST_GUILESS_MAIN(tst_GateEvaluator)
#include "tst_gateevaluator.moc"
