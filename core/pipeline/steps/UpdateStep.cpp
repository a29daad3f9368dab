// SPDX-License-Identifier: GPL-2.0-or-later
#include "pipeline/steps/UpdateStep.h"

#include "git/Integrator.h"
#include "git/Repository.h"
#include "pipeline/DeliveryGate.h"
#include "support/EnglishCount.h"

namespace Shipyard {

DeliveryStep::Verdict UpdateStep::run(DeliveryContext &context)
{
    if (const std::optional<Verdict> refused = checkGates(context))
        return *refused;
    for (DeliveryContext::Work &work : context.work()) {
        if (const std::optional<Verdict> stop = stopped(context, Step::Update, work.system.name))
            return *stop;
        if (work.target.usesUpstream()) {
            if (work.isGit) {
                Repository repository = Repository::open(work.directory);
                work.commit = repository.resolve(work.system.upstream);
            }
            context.setState(Step::Update, work.system.name, State::Skipped, QStringLiteral("upstream"));
            continue;
        }
        const Verdict updated = update(context, work);
        if (updated.next != Verdict::Next::GoOn)
            return updated;
    }
    return goOn();
}

std::optional<DeliveryStep::Verdict> UpdateStep::checkGates(DeliveryContext &context)
{
    DeliveryGate gate(context.ecosystem(), context.environment());
    for (DeliveryContext::Work &work : context.work()) {
        if (work.target.usesUpstream() || !work.isGit)
            continue;
        if (const std::optional<Verdict> stop = stopped(context, Step::Update, work.system.name))
            return stop;
        GitError gitError;
        Repository repository = Repository::open(work.directory, &gitError);
        if (gitError)
            continue; // the update below names it
        const std::optional<GateVerdict> refusal = gate.refusal(
            repository, work.system.name, work.target.branch, repository.upstreamRef(work.system.upstream));
        if (!refusal)
            continue;
        const QString reason =
            QStringLiteral("%1: %2 fails the %3 gate: %4")
                .arg(work.system.name, work.target.branch, GateVerdict::gateName(refusal->gate), refusal->reason);
        if (context.options().skipGates) {
            context.log(QStringLiteral("gates skipped by %1: %2").arg(context.who(), reason));
            work.gateSkipped = reason;
            continue;
        }
        context.setState(Step::Update, work.system.name, State::Failed, reason);
        context.result().refusedByGate = true;
        // The branch's to fix, but a refusal changes nothing: no task goes
        // back (the robot says why in its own words).
        return end(Outcome::Failed, Step::Update, reason, Fault::Branch);
    }
    return std::nullopt;
}

DeliveryStep::Verdict UpdateStep::update(DeliveryContext &context, DeliveryContext::Work &work)
{
    context.setState(Step::Update, work.system.name, State::Running);
    if (!work.isGit) {
        return fail(context, Step::Update, work,
            QStringLiteral("%1: %2 is not a git repository").arg(work.system.name, work.directory), Fault::Environment);
    }
    GitError gitError;
    Repository repository = Repository::open(work.directory, &gitError);
    if (gitError)
        return fail(context, Step::Update, work, QStringLiteral("%1: %2").arg(work.system.name, gitError.message()),
            Fault::Environment);
    const GitError fetchError = repository.fetch(QStringLiteral("origin"));
    if (fetchError)
        context.log(QStringLiteral("%1: not fetched, using the local %2: %3")
                .arg(work.system.name, work.system.upstream, fetchError.message()));
    const QString onto = repository.upstreamRef(work.system.upstream);
    // Integrated in memory: the clone's branches, index and files stay as
    // they are until the delivery succeeds (see DeliveryContext::advanceBranches).
    Integrator integrator(repository);
    integrator.setKeepReferences(true);
    const IntegrationResult integration =
        integrator.updateBranch(work.target.branch, onto, context.ecosystem().gating.integration);
    if (integration.error) {
        const bool conflict = integration.error.kind() == GitError::Kind::Conflict;
        const QString reason = conflict
            ? QStringLiteral("%1: %2 conflicts with %3 in %4")
                  .arg(work.system.name, work.target.branch, onto, integration.conflicts.join(QStringLiteral(", ")))
            : QStringLiteral("%1: %2").arg(work.system.name, integration.error.message());
        return fail(context, Step::Update, work, reason, conflict ? Fault::Branch : Fault::Environment);
    }
    work.branchBefore = integration.oldHead;
    work.commit = integration.newHead;
    QString updated = integration.upToDate
        ? QStringLiteral("up to date at %1").arg(work.commit.left(12))
        : QStringLiteral("%1 onto %2").arg(countOf(integration.commitsApplied, "commit", "commits"), onto);
    if (!work.gateSkipped.isEmpty())
        updated += QStringLiteral("; gates skipped by %1 (%2)").arg(context.who(), work.gateSkipped);
    context.setState(Step::Update, work.system.name, State::Succeeded, updated);
    return goOn();
}

} // namespace Shipyard
