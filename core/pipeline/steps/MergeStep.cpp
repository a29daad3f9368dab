// SPDX-License-Identifier: GPL-2.0-or-later
#include "pipeline/steps/MergeStep.h"

#include "git/Integrator.h"
#include "git/Repository.h"

namespace Shipyard {

DeliveryStep::Verdict MergeStep::run(DeliveryContext &context)
{
    const bool merges = context.environment().isFinal();
    for (const bool dryRun : { true, false }) {
        for (const DeliveryContext::Work &work : context.work()) {
            if (!merges || work.target.usesUpstream()) {
                if (!dryRun)
                    context.setState(Step::Merge, work.system.name, State::Skipped);
                continue;
            }
            if (dryRun)
                context.setState(Step::Merge, work.system.name, State::Running);
            QString reason = merge(context, work, dryRun);
            if (!reason.isEmpty()) {
                reason = QStringLiteral("%1: %2").arg(work.system.name, reason);
                context.setState(Step::Merge, work.system.name, State::Failed, reason);
                // What runs must be what upstream holds: without the merge the
                // release is undone.
                return rollBack(Step::Merge, reason);
            }
            if (!dryRun)
                context.setState(Step::Merge, work.system.name, State::Succeeded);
        }
    }
    return goOn();
}

QString MergeStep::merge(const DeliveryContext &context, const DeliveryContext::Work &work, bool dryRun)
{
    Repository repository = Repository::open(work.directory);
    Integrator integrator(repository);
    integrator.setDryRun(dryRun);
    const QString remoteUpstream = QStringLiteral("origin/") + work.system.upstream;
    if (!repository.resolve(remoteUpstream).isEmpty()) {
        Integrator follower(repository);
        const IntegrationResult follow =
            follower.mergeInto(remoteUpstream, work.system.upstream, MergeMode::FastForward);
        if (follow.error)
            return QStringLiteral("the local %1 has diverged from %2: %3")
                .arg(work.system.upstream, remoteUpstream, follow.error.message());
    }
    const IntegrationResult merged =
        integrator.mergeInto(work.target.branch, work.system.upstream, context.ecosystem().gating.merge);
    if (merged.error)
        return merged.error.message();
    if (dryRun)
        return QString();
    const QString ref = QStringLiteral("refs/heads/") + work.system.upstream;
    const GitError pushed = repository.push(QStringLiteral("origin"), { ref + QLatin1Char(':') + ref });
    if (pushed.kind() == GitError::Kind::NonFastForward)
        return QStringLiteral("%1 moved on the remote meanwhile; nothing was overwritten: update and deliver again")
            .arg(work.system.upstream);
    return pushed ? pushed.message() : QString();
}

} // namespace Shipyard
