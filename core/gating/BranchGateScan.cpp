// SPDX-License-Identifier: GPL-2.0-or-later
#include "gating/BranchGateScan.h"

#include "gating/GateEvaluator.h"
#include "gating/ReviewSourceFactory.h"
#include "git/Integrator.h"
#include "git/Repository.h"
#include "model/TaskKeyExtractor.h"
#include "tracker/TrackerFactory.h"

#include <QCoreApplication>
#include <QHash>

namespace Shipyard {

BranchGateScan::Result BranchGateScan::run(const Ecosystem &ecosystem)
{
    Result result;
    const TaskKeyExtractor extractor(ecosystem.gating.taskKeyPattern);
    if (!extractor.isValid()) {
        result.error = extractor.errorString();
        return result;
    }
    TrackerFactory::Result tracker = TrackerFactory::create(ecosystem);
    if (tracker.error)
        result.trackerError = tracker.error.message();
    QHash<QString, TaskLookup> tasks; // a key may have branches in several systems
    const GateEvaluator evaluator(ecosystem.gating, ecosystem.tracker.statuses.awaitingDelivery);

    for (const Shipyard::System &system : ecosystem.systems) {
        System scanned;
        scanned.name = system.name;
        // Per system: the review project may name the system ("shop/{system}").
        const ReviewSourceFactory::Result reviews = ReviewSourceFactory::create(ecosystem, system.name);
        scanned.reviewError = reviews.error;
        GitError error;
        Repository repository;
        if (system.repository.contains(QLatin1String("://")) || system.repository.startsWith(QLatin1String("git@")))
            error = GitError(GitError::Kind::InvalidArgument,
                QCoreApplication::translate(
                    "Shipyard::BranchGateScan", "%1 is a remote repository; Shipyard reads branches from a local clone")
                    .arg(system.repository));
        else
            repository = Repository::open(ecosystem.resolvePath(system.repository), &error);
        if (error) {
            scanned.error = error.message();
            result.systems.append(scanned);
            continue;
        }
        // The remote's upstream is the truth when there is one; a local one otherwise.
        scanned.upstream = repository.upstreamRef(system.upstream);

        const QList<BranchInfo> branches = repository.branches(Repository::BranchScope::Local, &error);
        if (error)
            scanned.error = error.message();
        for (const BranchInfo &info : branches) {
            if (info.name == system.upstream)
                continue;
            GateInput input;
            input.branch = info.name;
            input.upstream = scanned.upstream;
            input.taskKey = extractor.extract(info.name);
            if (input.taskKey.isEmpty()) {
                result.withoutKey.append(system.name + QLatin1Char(':') + info.name);
            } else if (tracker.tracker) {
                if (!tasks.contains(input.taskKey))
                    tasks.insert(input.taskKey, tracker.tracker->task(input.taskKey));
                input.task = tasks.value(input.taskKey);
            }
            if (reviews.source)
                input.reviews = reviews.source->reviews({ &repository, info.name, scanned.upstream, info.commitId });
            else
                input.reviews = ReviewLookup { {}, reviews.error };
            Integrator integrator(repository);
            integrator.setDryRun(true);
            input.integration = integrator.updateBranch(info.name, scanned.upstream, ecosystem.gating.integration);

            Branch branch;
            branch.system = system.name;
            branch.name = info.name;
            branch.commit = info.commitId;
            branch.upstream = scanned.upstream;
            branch.taskKey = input.taskKey;
            branch.task = input.task;
            branch.reviews = *input.reviews;
            branch.verdicts = evaluator.evaluate(input);
            branch.readyToUpdate = !GateEvaluator::firstFailure(branch.verdicts, GateEvaluator::branchUpdateGates());
            branch.readyForShowroom = !GateEvaluator::firstFailure(branch.verdicts, GateEvaluator::showroomGates());
            branch.readyToMerge = !GateEvaluator::firstFailure(branch.verdicts, GateEvaluator::mergeGates());
            scanned.branches.append(branch);
        }
        result.systems.append(scanned);
    }
    return result;
}

} // namespace Shipyard
