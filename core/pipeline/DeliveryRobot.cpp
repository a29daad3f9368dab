// SPDX-License-Identifier: GPL-2.0-or-later
#include "pipeline/DeliveryRobot.h"

#include "gating/TaskReturner.h"
#include "git/Integrator.h"
#include "git/Repository.h"
#include "model/TaskKeyExtractor.h"
#include "pipeline/AutotestResults.h"
#include "pipeline/BranchAutotests.h"
#include "pipeline/CommitTest.h"
#include "pipeline/Delivery.h"
#include "pipeline/EnvironmentLock.h"
#include "pipeline/ShowroomManager.h"
#include "pipeline/TaskBranches.h"
#include "support/EnglishCount.h"
#include "tracker/TrackerFactory.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QEventLoop>
#include <QSysInfo>

#include <algorithm>

namespace Shipyard {

bool DeliveryRobot::PassResult::succeeded() const
{
    return error.isEmpty() &&
        std::all_of(actions.cbegin(), actions.cend(), [](const Action &action) { return action.succeeded; });
}

DeliveryRobot::DeliveryRobot(const Ecosystem &ecosystem, const Options &options)
    : m_ecosystem(ecosystem), m_options(options), m_masker(ecosystem.secretMasker())
{ }

DeliveryRobot::PassResult DeliveryRobot::runOnce(const Progress &progress) const
{
    // A tracker's or a showroom's error may quote what it was given.
    PassResult result = pass(progress);
    result.error = m_masker.mask(result.error);
    for (QString &warning : result.warnings)
        warning = m_masker.mask(warning);
    return result;
}

DeliveryRobot::PassResult DeliveryRobot::pass(const Progress &unmaskedProgress) const
{
    PassResult result;
    // Every line the stages say passes here: a showroom's or a delivery's,
    // the branch's commands', the robot's own.
    const Progress progress = [&](const QString &line) {
        if (unmaskedProgress)
            unmaskedProgress(m_masker.mask(line));
    };
    const auto say = progress;
    TrackerFactory::Result made = TrackerFactory::create(m_ecosystem);
    if (!made.tracker) {
        result.error = QStringLiteral("no tracker: %1").arg(made.error.message());
        return result;
    }
    Tracker &tracker = *made.tracker;
    const TrackerStatuses &statuses = m_ecosystem.tracker.statuses;

    const TaskKeyExtractor keys(m_ecosystem.gating.taskKeyPattern);
    const auto tasksIn = [&](const QString &status, QList<Task> *tasks) {
        const TaskListing listing = tracker.tasksWithStatus(status);
        if (listing.error.isError()) {
            result.error = QStringLiteral("tasks in %1: %2").arg(status, listing.error.message());
            return false;
        }
        // A tracker shared with other teams lists their tasks too: only this
        // ecosystem's keys are touched, never returned for lacking our branches.
        tasks->clear();
        for (const Task &task : listing.tasks) {
            if (keys.extract(task.key) == task.key)
                tasks->append(task);
            else
                say(QStringLiteral("%1: not a task key of %2 (%3), left alone")
                        .arg(task.key, m_ecosystem.name, m_ecosystem.gating.taskKeyPattern));
        }
        return true;
    };
    const auto record = [&](Action action) {
        action.detail = m_masker.mask(action.detail);
        say(QStringLiteral("%1 %2: %3%4")
                .arg(action.task, action.stage, action.succeeded ? QString() : QStringLiteral("failed: "),
                    action.detail));
        result.actions.append(action);
    };

    // Another robot may have taken over: it does the rest.
    const auto mayAct = [&] {
        if (!m_options.mayAct || m_options.mayAct())
            return true;
        if (result.error.isEmpty())
            result.error = QStringLiteral("stopped acting: this robot no longer leads");
        return false;
    };

    // New heads of task branches first: a task's status does not matter to them.
    if (m_ecosystem.gating.autotests.branches && mayAct()) {
        BranchAutotests::Options options;
        options.results = m_options.autotestResults;
        options.tracker = &tracker;
        const BranchAutotests::PassResult branches = BranchAutotests(m_ecosystem, options).runOnce(progress);
        if (!branches.error.isEmpty())
            result.warnings.append(QStringLiteral("branches not tested: %1").arg(branches.error));
        result.warnings += branches.warnings;
        for (const BranchAutotests::Tested &tested : branches.tested)
            record({ tested.task, QStringLiteral("branch-autotests"), tested.verdict == AutotestResult::Verdict::Passed,
                QStringLiteral("%1 %2: %3").arg(tested.system, tested.branch, tested.detail) });
    }

    QList<Task> tasks;
    if (!tasksIn(statuses.awaitingAutotests, &tasks))
        return result;
    for (const Task &task : std::as_const(tasks)) {
        if (!mayAct())
            return result;
        record(autotest(tracker, task, progress));
    }

    const Environment *showroomEnvironment =
        m_options.showroomEnvironment.isEmpty() ? m_ecosystem.firstEnvironment(EnvironmentKind::Showroom) : nullptr;
    for (const Environment *candidate : m_ecosystem.environmentsOf(EnvironmentKind::Showroom)) {
        if (!showroomEnvironment && candidate->name == m_options.showroomEnvironment)
            showroomEnvironment = candidate;
    }
    const Environment *staging = m_ecosystem.firstEnvironment(EnvironmentKind::Staging);

    if (!tasksIn(statuses.awaitingShowroom, &tasks))
        return result;
    if (!showroomEnvironment && !tasks.isEmpty())
        result.warnings.append(QStringLiteral("%1 in %2, but the ecosystem has no showroom environment")
                .arg(countOf(tasks.size(), "task", "tasks"), statuses.awaitingShowroom));
    for (const Task &task : std::as_const(tasks)) {
        if (!mayAct())
            return result;
        if (showroomEnvironment)
            record(showroom(tracker, task, progress));
    }

    if (!tasksIn(statuses.awaitingDelivery, &tasks))
        return result;
    if (!staging && !tasks.isEmpty())
        result.warnings.append(QStringLiteral("%1 in %2, but the ecosystem has no staging environment")
                .arg(countOf(tasks.size(), "task", "tasks"), statuses.awaitingDelivery));
    for (const Task &task : std::as_const(tasks)) {
        if (!mayAct())
            return result;
        if (staging)
            record(deliver(tracker, task, *staging, progress));
    }

    if (showroomEnvironment && mayAct()) {
        ShowroomManager showrooms(m_ecosystem, showroomEnvironment->name, m_options.cluster);
        showrooms.setAuditJournal(m_options.auditJournal);
        const ShowroomManager::SweepResult swept = showrooms.sweep(QDateTime::currentDateTimeUtc(), false, progress);
        if (!swept.error.isEmpty())
            result.warnings.append(QStringLiteral("showrooms not swept: %1").arg(swept.error));
        result.warnings += swept.warnings;
        for (const ShowroomManager::SweepEntry &entry : swept.removed)
            record({ entry.showroom.task, QStringLiteral("sweep"), entry.removed,
                entry.removed ? QStringLiteral("%1 removed: %2")
                                    .arg(entry.showroom.namespaceName, entry.reasons.join(QStringLiteral("; ")))
                              : entry.error });
    }
    result.queues = queues();
    return result;
}

QMap<QString, DeliveryRobot::Queue> DeliveryRobot::queues() const
{
    QMap<QString, Queue> queues;
    for (const Environment &environment : m_ecosystem.environments) {
        if (environment.kind == EnvironmentKind::Showroom)
            continue;
        const KubeClient client = m_options.cluster.client(environment.context);
        if (!client.isValid())
            continue;
        const EnvironmentLock::Status status = EnvironmentLock::read(client, environment.namespaceName);
        if (status.error.isError())
            continue;
        queues.insert(environment.name,
            { status.isHeld(),
                int(std::count_if(status.queue.cbegin(), status.queue.cend(),
                    [](const EnvironmentLock::Waiter &waiter) { return !waiter.expired; })) });
    }
    return queues;
}

DeliveryRobot::Action DeliveryRobot::autotest(Tracker &tracker, const Task &task, const Progress &progress) const
{
    Action action { task.key, QStringLiteral("autotests"), false, {} };
    QStringList log;
    const auto say = [&](const QString &unmasked) {
        // What the branch's commands print may quote anything they could reach.
        const QString line = m_masker.mask(unmasked);
        log.append(line);
        progress(line);
    };
    const TaskReturner returner(tracker, m_ecosystem.gating.returnStatus, m_masker);
    const auto giveBack = [&](const QString &step, const QString &reason) {
        action.detail = reason;
        const TrackerError error = returner.returnTask(task.key, step, reason, log.join(QLatin1Char('\n')));
        if (error.isError())
            action.detail += QStringLiteral(" (and the task was not returned: %1)").arg(error.message());
        else
            action.detail += QStringLiteral(" (returned to %1)").arg(m_ecosystem.gating.returnStatus);
        return action;
    };
    // A failure of the machine or the tools: the task stays, the next pass tries again.
    const auto leave = [&](const QString &reason) {
        action.detail = reason +
            QStringLiteral(" (not the branch's fault: %1 stays in %2)")
                .arg(task.key, m_ecosystem.tracker.statuses.awaitingAutotests);
        return action;
    };

    QString error;
    const QList<Delivery::Target> branches =
        TaskBranches::branchesOnly(TaskBranches::targets(m_ecosystem, {}, task.key, {}, &error));
    if (!error.isEmpty())
        return giveBack(QStringLiteral("update"), error);
    if (branches.isEmpty())
        return giveBack(
            QStringLiteral("update"), QStringLiteral("no system's repository has a branch naming %1").arg(task.key));

    AutotestResults results(
        m_options.autotestResults.isEmpty() ? AutotestResults::pathFor(m_ecosystem) : m_options.autotestResults);
    const QString tester =
        QStringLiteral("%1:%2").arg(QSysInfo::machineHostName()).arg(QCoreApplication::applicationPid());
    QStringList tested;
    for (const Delivery::Target &target : branches) {
        const System &system = *m_ecosystem.system(target.system);
        const QString directory = m_ecosystem.resolvePath(system.repository);
        GitError gitError;
        Repository repository = Repository::open(directory, &gitError);
        if (gitError)
            return leave(QStringLiteral("%1: %2").arg(system.name, gitError.message()));
        // As a delivery does: the branch is tested as it would land.
        const GitError fetchError = repository.fetch(QStringLiteral("origin"));
        if (fetchError)
            say(QStringLiteral("%1: not fetched, using the local %2: %3")
                    .arg(system.name, system.upstream, fetchError.message()));
        const QString onto = repository.upstreamRef(system.upstream);
        // In memory: the clone's branches, index and files stay as they are.
        Integrator integrator(repository);
        integrator.setKeepReferences(true);
        const IntegrationResult integration =
            integrator.updateBranch(target.branch, onto, m_ecosystem.gating.integration);
        if (integration.error && integration.error.kind() == GitError::Kind::Conflict)
            return giveBack(QStringLiteral("update"),
                QStringLiteral("%1: %2 conflicts with %3 in %4")
                    .arg(system.name, target.branch, onto, integration.conflicts.join(QStringLiteral(", "))));
        if (integration.error)
            return leave(QStringLiteral("%1: %2").arg(system.name, integration.error.message()));
        say(QStringLiteral("%1: %2 at %3").arg(system.name, target.branch, integration.newHead.left(12)));

        // A commit judged before (on its branch as pushed, or in an earlier
        // pass) keeps its verdict; an untested one is claimed and tested.
        const AutotestResults::Claim claim =
            results.claim(system.name, integration.newHead, target.branch, tester, QDateTime::currentDateTimeUtc());
        if (!claim.error.isEmpty())
            say(QStringLiteral("%1: results not kept: %2").arg(system.name, claim.error));
        if (!claim.claimed && claim.existing && claim.existing->isFinal()) {
            say(QStringLiteral("%1: %2 at %3 was tested before: %4")
                    .arg(system.name, target.branch, integration.newHead.left(12),
                        AutotestResult::verdictName(claim.existing->verdict)));
            if (claim.existing->verdict == AutotestResult::Verdict::Failed)
                return giveBack(claim.existing->step,
                    claim.existing->reason +
                        QStringLiteral(" (tested before at %1)").arg(integration.newHead.left(12)));
            tested.append(system.name + QLatin1Char('=') + target.branch);
            continue;
        }
        const QDateTime started = QDateTime::currentDateTimeUtc();
        const CommitTest::Result ran =
            CommitTest::run(m_ecosystem, system, repository, integration.newHead, target.branch, m_masker, say);
        AutotestResult stored { system.name, integration.newHead, { target.branch },
            ran.outcome == CommitTest::Result::Outcome::Passed       ? AutotestResult::Verdict::Passed
                : ran.outcome == CommitTest::Result::Outcome::Failed ? AutotestResult::Verdict::Failed
                                                                     : AutotestResult::Verdict::Error,
            ran.step, ran.reason, tester, started, QDateTime::currentDateTimeUtc() };
        if (claim.error.isEmpty()) {
            if (const QString notKept = results.store(stored); !notKept.isEmpty())
                say(QStringLiteral("%1: result not kept: %2").arg(system.name, notKept));
        }
        if (ran.outcome == CommitTest::Result::Outcome::Failed)
            return giveBack(ran.step, ran.reason);
        if (ran.outcome == CommitTest::Result::Outcome::Error)
            return leave(ran.reason);
        tested.append(system.name + QLatin1Char('=') + target.branch);
    }
    const QString next = m_ecosystem.tracker.statuses.awaitingShowroom;
    const TrackerError commented =
        tracker.addComment(task.key, QStringLiteral("Autotests passed: %1").arg(tested.join(QStringLiteral(", "))));
    const TrackerError moved = commented.isError() ? commented : tracker.transition(task.key, next);
    if (moved.isError()) {
        action.detail =
            QStringLiteral("autotests passed, but the task did not move to %1: %2").arg(next, moved.message());
        return action;
    }
    action.succeeded = true;
    action.detail = next;
    return action;
}

DeliveryRobot::Action DeliveryRobot::showroom(Tracker &tracker, const Task &task, const Progress &progress) const
{
    Action action { task.key, QStringLiteral("showroom"), false, {} };
    ShowroomManager showrooms(m_ecosystem, m_options.showroomEnvironment, m_options.cluster);
    showrooms.setAuditJournal(m_options.auditJournal);
    ShowroomManager::UpOptions options;
    options.images = m_options.images;
    options.creator = QStringLiteral("shipyard-robot@") + QSysInfo::machineHostName();
    // Another delivery into the showroom: try again on the next pass rather than stall this one.
    options.waitForLock = false;
    QStringList log;
    const ShowroomManager::UpResult up = showrooms.up(task.key, options, [&](const QString &line) {
        log.append(line);
        if (progress)
            progress(line);
    });
    if (up.succeeded()) {
        const QString next = m_ecosystem.tracker.statuses.inQa;
        const TrackerError commented = tracker.addComment(task.key,
            QStringLiteral("Showroom ready in namespace %1 (expires at %2)")
                .arg(up.namespaceName, up.expiresAt.toString(Qt::ISODate)));
        const TrackerError moved = commented.isError() ? commented : tracker.transition(task.key, next);
        action.succeeded = !moved.isError();
        action.detail = moved.isError() ? QStringLiteral("showroom %1 is up, but the task did not move to %2: %3")
                                              .arg(up.namespaceName, next, moved.message())
                                        : next;
        return action;
    }
    const QString reason = !up.error.isEmpty() ? up.error : up.delivery->reason;
    action.detail = reason;
    // Only what the task's branch can fix sends it back; a busy, unreachable
    // or broken environment is tried again on the next pass.
    const Fault fault = up.delivery ? up.delivery->fault : up.fault;
    if (fault == Fault::Environment)
        return action;
    if (!up.delivery || !up.delivery->returnedTasks.contains(task.key)) {
        const TaskReturner returner(tracker, m_ecosystem.gating.returnStatus, m_masker);
        const TrackerError error = returner.returnTask(task.key,
            up.delivery ? up.delivery->failedStep : QStringLiteral("showroom"), reason, log.join(QLatin1Char('\n')));
        if (error.isError())
            action.detail += QStringLiteral(" (and the task was not returned: %1)").arg(error.message());
    }
    return action;
}

DeliveryRobot::Action DeliveryRobot::deliver(
    Tracker &tracker, const Task &task, const Environment &staging, const Progress &progress) const
{
    Action action { task.key, QStringLiteral("staging"), false, {} };
    QString error;
    const QList<Delivery::Target> targets = TaskBranches::branchesOnly(
        TaskBranches::targets(m_ecosystem, staging.systems, task.key, m_options.images, &error));
    const TaskReturner returner(tracker, m_ecosystem.gating.returnStatus, m_masker);
    if (error.isEmpty() && targets.isEmpty())
        error = QStringLiteral("no system of %1 has a branch naming %2").arg(staging.name, task.key);
    if (!error.isEmpty()) {
        action.detail = error;
        returner.returnTask(task.key, QStringLiteral("update"), error, {});
        return action;
    }
    Delivery::Options options;
    options.cluster = m_options.cluster;
    options.auditJournal = m_options.auditJournal;
    options.taskKey = task.key;
    Delivery delivery(m_ecosystem, staging.name, targets, options);
    if (progress)
        QObject::connect(&delivery, &Delivery::logLine, &delivery, progress, Qt::DirectConnection);
    delivery.start();
    delivery.wait();
    const Delivery::Result result = delivery.result();
    action.environment = staging.name;
    action.outcome = Delivery::keyword(result.outcome);
    action.failedStep = result.failedStep;
    action.duration = result.duration;
    if (!result.succeeded()) {
        action.detail = result.reason;
        // A gate the task fails (reviews, status) is for its developer to
        // fix, and nobody watches the robot: the task goes back with the
        // reason. A busy environment is no fault of the task: the next pass
        // tries again. Other failures the delivery returned itself.
        if (result.refusedByGate) {
            const TrackerError returned = returner.returnTask(task.key, QStringLiteral("gates"), result.reason, {});
            if (returned.isError())
                action.detail += QStringLiteral(" (and the task was not returned: %1)").arg(returned.message());
        }
        return action;
    }
    const QString next = m_ecosystem.tracker.statuses.done;
    const TrackerError commented = tracker.addComment(
        task.key, QStringLiteral("Delivered to %1 as release %2").arg(staging.name, result.releaseId));
    const TrackerError moved = commented.isError() ? commented : tracker.transition(task.key, next);
    action.succeeded = !moved.isError();
    action.detail = moved.isError()
        ? QStringLiteral("delivered, but the task did not move to %1: %2").arg(next, moved.message())
        : next;
    return action;
}

} // namespace Shipyard
