// SPDX-License-Identifier: GPL-2.0-or-later
#include "gating/GateEvaluator.h"

#include <QHash>

#include <algorithm>

namespace Shipyard {

using Gate = GateVerdict::Gate;
using State = GateVerdict::State;

namespace {

// Why approvals the review service has do not count: ": approved at abc1234
// by jane, delivering def5678". Empty when there are none to explain.
QString uncounted(const ReviewLookup &lookup)
{
    QStringList parts;
    if (!lookup.mismatch.isEmpty())
        parts.append(lookup.mismatch);
    QStringList commits; // in the order the source listed the reviewers
    QHash<QString, QStringList> reviewers;
    for (const Review &review : lookup.outdated) {
        if (!reviewers.contains(review.commit))
            commits.append(review.commit);
        reviewers[review.commit].append(review.reviewer);
    }
    QStringList at;
    for (const QString &commit : std::as_const(commits))
        at.append(QStringLiteral("at %1 by %2")
                .arg(commit.isEmpty() ? QStringLiteral("an unknown commit") : shortCommit(commit),
                    reviewers.value(commit).join(QStringLiteral(", "))));
    if (!at.isEmpty())
        parts.append(QStringLiteral("approved ") + at.join(QStringLiteral(" and ")));
    if (parts.isEmpty())
        return {};
    QString text = QStringLiteral(": ") + parts.join(QStringLiteral("; "));
    if (!lookup.commit.isEmpty())
        text += QStringLiteral(", delivering %1").arg(shortCommit(lookup.commit));
    return text;
}

} // namespace

GateEvaluator::GateEvaluator(const Gating &gating) : m_gating(gating), m_mergeStatuses(gating.mergeStatuses)
{ }

GateEvaluator::GateEvaluator(const Gating &gating, const QString &robotMergeStatus) : GateEvaluator(gating)
{
    const bool listed = std::any_of(m_mergeStatuses.cbegin(), m_mergeStatuses.cend(),
        [&](const QString &status) { return status.compare(robotMergeStatus, Qt::CaseInsensitive) == 0; });
    if (!robotMergeStatus.isEmpty() && !listed)
        m_mergeStatuses.append(robotMergeStatus);
}

QList<Gate> GateEvaluator::branchUpdateGates()
{
    return { Gate::TaskKey, Gate::BranchUpdateStatus, Gate::CleanIntegration };
}

QList<Gate> GateEvaluator::mergeGates()
{
    return { Gate::TaskKey, Gate::Approvals, Gate::MergeStatus, Gate::CleanIntegration };
}

QList<Gate> GateEvaluator::showroomGates()
{
    return { Gate::TaskKey, Gate::CleanIntegration };
}

std::optional<GateVerdict> GateEvaluator::firstFailure(const QList<GateVerdict> &verdicts, const QList<Gate> &gates)
{
    for (const GateVerdict &verdict : verdicts)
        if (gates.contains(verdict.gate) && !verdict.passed())
            return verdict;
    return std::nullopt;
}

GateVerdict GateEvaluator::statusVerdict(
    Gate gate, const GateInput &input, const QStringList &allowed, const QString &purpose) const
{
    GateVerdict verdict { gate, State::Unknown, QString() };
    if (input.taskKey.isEmpty()) {
        verdict.state = State::Failed;
        verdict.reason = QStringLiteral("no task: the branch name has no task key");
        return verdict;
    }
    if (!input.task) {
        verdict.reason = QStringLiteral("the status of %1 was not looked up").arg(input.taskKey);
        return verdict;
    }
    if (input.task->error) {
        verdict.state = input.task->error.kind() == TrackerError::Kind::NotFound ? State::Failed : State::Unknown;
        verdict.reason = input.task->error.message();
        return verdict;
    }
    const QString status = input.task->task->status;
    const bool ok = std::any_of(allowed.begin(), allowed.end(),
        [&](const QString &candidate) { return candidate.compare(status, Qt::CaseInsensitive) == 0; });
    verdict.state = ok ? State::Passed : State::Failed;
    verdict.reason = ok
        ? QStringLiteral("%1 is '%2', which allows %3").arg(input.taskKey, status, purpose)
        : QStringLiteral("%1 is '%2'; %3 needs %4")
              .arg(input.taskKey, status, purpose,
                  allowed.isEmpty() ? QStringLiteral("a status the ecosystem does not list")
                                    : QLatin1Char('\'') + allowed.join(QStringLiteral("' or '")) + QLatin1Char('\''));
    return verdict;
}

QList<GateVerdict> GateEvaluator::evaluate(const GateInput &input) const
{
    QList<GateVerdict> verdicts;

    GateVerdict key { Gate::TaskKey, State::Failed, QString() };
    if (!input.taskKey.isEmpty()) {
        key.state = State::Passed;
        key.reason = QStringLiteral("task %1").arg(input.taskKey);
    } else {
        key.reason = QStringLiteral("'%1' names no task: branch names must contain a key matching %2")
                         .arg(input.branch, m_gating.taskKeyPattern);
    }
    verdicts.append(key);

    verdicts.append(statusVerdict(
        Gate::BranchUpdateStatus, input, m_gating.branchUpdateStatuses, QStringLiteral("updating the branch")));

    GateVerdict approvals { Gate::Approvals, State::Unknown, QString() };
    if (!input.reviews) {
        approvals.reason = QStringLiteral("reviews were not looked up");
    } else if (!input.reviews->error.isEmpty()) {
        approvals.reason = QStringLiteral("cannot read the reviews: %1").arg(input.reviews->error);
    } else {
        const int count = input.reviews->approvals();
        QStringList rejecting;
        for (const Review &review : input.reviews->reviews)
            if (review.verdict == Review::Verdict::Rejected)
                rejecting.append(review.reviewer);
        if (!rejecting.isEmpty()) {
            approvals.state = State::Failed;
            approvals.reason = QStringLiteral("changes requested by %1").arg(rejecting.join(QStringLiteral(", ")));
        } else {
            const int required = input.requiredApprovals >= 0 ? input.requiredApprovals : m_gating.reviewsRequired;
            approvals.state = count >= required ? State::Passed : State::Failed;
            approvals.reason = QStringLiteral("%1 of %2 required approvals").arg(count).arg(required);
            if (count < required)
                approvals.reason += uncounted(*input.reviews);
        }
    }
    verdicts.append(approvals);

    verdicts.append(statusVerdict(Gate::MergeStatus, input, m_mergeStatuses, QStringLiteral("merging")));

    GateVerdict integration { Gate::CleanIntegration, State::Unknown, QString() };
    const QString verb =
        m_gating.integration == IntegrationMode::Rebase ? QStringLiteral("rebases") : QStringLiteral("merges");
    if (!input.integration) {
        integration.reason = QStringLiteral("not tried");
    } else if (!input.integration->error) {
        integration.state = State::Passed;
        integration.reason = input.integration->upToDate
            ? QStringLiteral("up to date with %1").arg(input.upstream)
            : QStringLiteral("%1 cleanly onto %2").arg(verb, input.upstream);
    } else if (input.integration->error.kind() == GitError::Kind::Conflict) {
        integration.state = State::Failed;
        integration.reason = QStringLiteral("conflicts with %1 in %2")
                                 .arg(input.upstream, input.integration->conflicts.join(QStringLiteral(", ")));
    } else {
        integration.reason = input.integration->error.message();
    }
    verdicts.append(integration);
    return verdicts;
}

} // namespace Shipyard
