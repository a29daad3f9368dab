// SPDX-License-Identifier: GPL-2.0-or-later
#include "pipeline/steps/MergeStep.h"

#include "git/Integrator.h"
#include "git/Repository.h"

#include <QList>
#include <QStringList>

namespace Shipyard {

namespace {

const QString remote = QStringLiteral("origin");

QString remoteUpstream(const DeliveryContext::Work &work)
{
    return remote + QLatin1Char('/') + work.system.upstream;
}

} // namespace

DeliveryStep::Verdict MergeStep::run(DeliveryContext &context)
{
    const bool merges = context.environment().isFinal();
    QList<Plan> plans;
    for (DeliveryContext::Work &work : context.work()) {
        if (!merges || work.target.usesUpstream()) {
            context.setState(Step::Merge, work.system.name, State::Skipped);
            continue;
        }
        context.setState(Step::Merge, work.system.name, State::Running);
        plans.append(Plan { &work, {}, {}, false });
    }
    if (plans.isEmpty())
        return goOn();

    // 1. Prepared in memory, every one of them before anything is pushed.
    for (Plan &plan : plans) {
        GitError gitError;
        Repository repository = Repository::open(plan.work->directory, &gitError);
        bool conflict = false;
        QString reason = gitError ? gitError.message() : prepare(context, repository, plan, &conflict);
        if (!reason.isEmpty()) {
            reason = QStringLiteral("%1: %2").arg(plan.work->system.name, reason);
            context.setState(Step::Merge, plan.work->system.name, State::Failed, reason);
            // What runs must be what upstream holds: without the merge the release is undone.
            return rollBack(Step::Merge, reason, conflict ? Fault::Branch : Fault::Environment);
        }
    }
    if (context.cancelled()) {
        for (const Plan &plan : std::as_const(plans))
            context.setState(Step::Merge, plan.work->system.name, State::Cancelled, QStringLiteral("cancelled"));
        return rollBack(Step::Merge, QStringLiteral("cancelled"), Fault::Environment);
    }

    // 2. Pushed; once the first push landed, a cancel no longer stops the
    // others: upstream must not be left half merged.
    for (Plan &plan : plans) {
        const QString system = plan.work->system.name;
        if (const QString why = context.whyNotWritable(); !why.isEmpty()) {
            context.setState(Step::Merge, system, State::Cancelled, why);
            return interrupted(Step::Merge, why);
        }
        bool conflict = false;
        const QString reason = push(context, plan, &conflict);
        if (reason.isEmpty()) {
            context.setState(Step::Merge, system, State::Succeeded,
                QStringLiteral("%1 at %2").arg(plan.work->system.upstream, plan.merged.left(12)));
            continue;
        }
        // 3. Taken back wherever it landed, then the release is rolled back.
        const QString failure = QStringLiteral("%1: %2").arg(system, reason);
        context.setState(Step::Merge, system, State::Failed, failure);
        QStringList outcomes { failure };
        for (const Plan &landed : std::as_const(plans)) {
            if (!landed.landed)
                continue;
            const QString reverted = revert(context, landed, failure);
            const QString outcome = reverted.isEmpty()
                ? QStringLiteral("%1: its merge was reverted in %2")
                      .arg(landed.work->system.name, landed.work->system.upstream)
                : QStringLiteral("%1: its merge stays in %2, the revert failed: %3")
                      .arg(landed.work->system.name, landed.work->system.upstream, reverted);
            context.setState(
                Step::Merge, landed.work->system.name, reverted.isEmpty() ? State::Cancelled : State::Failed, outcome);
            outcomes.append(outcome);
        }
        return rollBack(
            Step::Merge, outcomes.join(QStringLiteral("; ")), conflict ? Fault::Branch : Fault::Environment);
    }
    return goOn();
}

QString MergeStep::prepare(DeliveryContext &context, Repository &repository, Plan &plan, bool *conflict)
{
    const DeliveryContext::Work &work = *plan.work;
    if (const GitError fetched = repository.fetch(remote))
        return QStringLiteral("cannot fetch %1: %2").arg(remote, fetched.message());
    plan.before = repository.resolve(remoteUpstream(work));
    if (plan.work->upstreamBefore.isEmpty())
        plan.work->upstreamBefore = repository.resolve(QStringLiteral("refs/heads/") + work.system.upstream);
    if (plan.before.isEmpty())
        return QStringLiteral("%1 has no branch %2 to merge into").arg(remote, work.system.upstream);
    Integrator integrator(repository);
    integrator.setKeepReferences(true);
    QString commit = work.commit;
    // Upstream moved since the update step: the branch goes onto it again,
    // the way the update step put it there.
    const IntegrationResult onto =
        integrator.integrate(commit, plan.before, context.ecosystem().gating.integration, work.target.branch);
    if (onto.error) {
        *conflict = onto.error.kind() == GitError::Kind::Conflict;
        return onto.error.message();
    }
    if (onto.changed()) {
        context.log(QStringLiteral("%1: %2 moved since the update; %3 integrated again onto %4")
                .arg(work.system.name, remoteUpstream(work), work.target.branch, plan.before.left(12)));
        commit = onto.newHead;
    }
    const IntegrationResult merged = integrator.combine(
        commit, plan.before, context.ecosystem().gating.merge, work.target.branch, work.system.upstream);
    if (merged.error) {
        *conflict = merged.error.kind() == GitError::Kind::Conflict;
        return merged.error.message();
    }
    plan.merged = merged.newHead;
    plan.work->merged = plan.merged;
    return {};
}

QString MergeStep::push(DeliveryContext &context, Plan &plan, bool *conflict)
{
    const DeliveryContext::Work &work = *plan.work;
    GitError gitError;
    Repository repository = Repository::open(work.directory, &gitError);
    if (gitError)
        return gitError.message();
    for (int attempt = 1;; ++attempt) {
        if (plan.merged == plan.before) {
            plan.landed = false; // nothing to push: upstream has it already
            return {};
        }
        const GitError pushed = repository.pushCommit(remote, plan.merged, work.system.upstream);
        if (!pushed) {
            plan.landed = true;
            context.log(QStringLiteral("%1: %2 pushed to %3 (was %4)")
                    .arg(work.system.name, plan.merged.left(12), work.system.upstream, plan.before.left(12)));
            return {};
        }
        if (pushed.kind() != GitError::Kind::NonFastForward)
            return QStringLiteral("the push to %1 failed: %2").arg(work.system.upstream, pushed.message());
        if (attempt == 2)
            return QStringLiteral("%1 moved on the remote again while this delivery pushed; nothing was "
                                  "overwritten: update and deliver again")
                .arg(work.system.upstream);
        context.log(QStringLiteral("%1: %2 moved on the remote meanwhile; integrating again and pushing once more")
                .arg(work.system.name, work.system.upstream));
        if (const QString reason = prepare(context, repository, plan, conflict); !reason.isEmpty())
            return reason;
    }
}

QString MergeStep::revert(DeliveryContext &context, const Plan &plan, const QString &why)
{
    const DeliveryContext::Work &work = *plan.work;
    if (const QString refused = context.whyNotWritable(); !refused.isEmpty())
        return refused;
    GitError gitError;
    Repository repository = Repository::open(work.directory, &gitError);
    if (gitError)
        return gitError.message();
    Integrator integrator(repository);
    const QString message = QStringLiteral("Revert the delivery of %1 into %2\n\n%3\n\nThe delivery %4 took back "
                                           "what it merged (%5..%6): %7")
                                .arg(work.target.branch, work.system.upstream, work.task, context.result().releaseId,
                                    plan.before.left(12), plan.merged.left(12), why);
    // Whatever others pushed on top in the meantime stays: the revert goes
    // on the upstream as it is now, and is tried once more if beaten.
    for (int attempt = 1; attempt <= 2; ++attempt) {
        if (const GitError fetched = repository.fetch(remote))
            return QStringLiteral("cannot fetch %1: %2").arg(remote, fetched.message());
        const QString head = repository.resolve(remoteUpstream(work));
        const IntegrationResult reverted = integrator.revert(plan.before, plan.merged, head, message);
        if (reverted.error)
            return reverted.error.message();
        const GitError pushed = repository.pushCommit(remote, reverted.newHead, work.system.upstream);
        if (!pushed) {
            context.log(QStringLiteral("%1: %2 reverted in %3 by %4")
                    .arg(work.system.name, plan.merged.left(12), work.system.upstream, reverted.newHead.left(12)));
            return {};
        }
        if (pushed.kind() != GitError::Kind::NonFastForward)
            return pushed.message();
    }
    return QStringLiteral("%1 kept moving on the remote").arg(work.system.upstream);
}

} // namespace Shipyard
