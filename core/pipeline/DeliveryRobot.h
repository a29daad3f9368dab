// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "kube/ClusterAccess.h"
#include "model/Ecosystem.h"
#include "support/SecretMasker.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <chrono>
#include <functional>

namespace Shipyard {

class Tracker;
struct Task;

// The delivery robot: polls the tracker and moves tasks along by their
// status (TrackerSettings::statuses). One pass takes the stages in order, so
// a task may go through several of them in one pass:
//   (branches)         with gating.autotests.branches, BranchAutotests:
//                      each new head of a task branch built and tested,
//                      reported as a commit status and a comment; no task moves.
//   awaitingAutotests  update each of the task's branches onto upstream,
//                      run its system's build and test commands on a copy of
//                      the branch (the developer's working tree is left
//                      alone) without Shipyard's credentials
//                      (CommandEnvironment); success → awaitingShowroom,
//                      failure → the task goes back (Gating::returnStatus)
//                      with the log, masked. The verdict is kept per
//                      commit (AutotestResults): a commit judged before
//                      is not tested again.
//   awaitingShowroom   ShowroomManager::up; success → inQa with a comment
//                      naming the namespace; failure → returned.
//   awaitingDelivery   a Delivery of the task's branches into the staging
//                      environment (which merges them into upstream);
//                      success → done; a busy environment is tried again
//                      on the next pass; other failures are returned by
//                      the Delivery itself.
//   done / expired     ShowroomManager::sweep.
// Deliveries take the environments' Leases like every other delivery.
//
// runOnce() blocks: call it from shipyardctl or a worker thread.
class DeliveryRobot
{
public:
    using Progress = std::function<void(const QString &line)>;

    struct Options
    {
        ClusterAccess cluster; // the clusters the program read at its start
        QString auditJournal; // empty: AuditJournal::defaultPath()
        QMap<QString, QString> images; // system → image delivered as given instead of built
        QString showroomEnvironment; // empty: the ecosystem's only showroom environment
        // Asked before each task is acted on: false ends the pass there (a
        // robot that no longer leads, see RobotLeadership). Unset: always.
        std::function<bool()> mayAct;
        QString autotestResults; // empty: AutotestResults::pathFor(ecosystem)
    };

    struct Action
    {
        Action() = default;
        Action(QString task_, QString stage_, bool succeeded_, QString detail_)
            : task(std::move(task_)), stage(std::move(stage_)), succeeded(succeeded_), detail(std::move(detail_))
        { }

        QString task;
        QString stage; // "branch-autotests", "autotests", "showroom", "staging", "sweep"
        bool succeeded = false;
        QString detail; // the new status, or why not
        // For a delivery it ran: where, how it ended (Delivery::keyword of
        // its Outcome), the step that failed, and how long it took.
        QString environment;
        QString outcome;
        QString failedStep;
        std::chrono::milliseconds duration { 0 };
    };

    // An environment's delivery lock as the pass left it (EnvironmentLock).
    struct Queue
    {
        bool held = false;
        int waiting = 0; // deliveries queued behind the holder
    };

    struct PassResult
    {
        QList<Action> actions;
        // Per environment (showrooms aside: one per task), read after the
        // stages; an environment whose cluster does not answer is missing.
        QMap<QString, Queue> queues;
        QStringList warnings; // stages skipped (no staging environment, …)
        QString error; // the pass could not run (no tracker)
        bool succeeded() const;
    };

    DeliveryRobot(const Ecosystem &ecosystem, const Options &options);

    PassResult runOnce(const Progress &progress = {}) const;

private:
    // runOnce() before its warnings and error are masked.
    PassResult pass(const Progress &progress) const;
    Action autotest(Tracker &tracker, const Task &task, const Progress &progress) const;
    Action showroom(Tracker &tracker, const Task &task, const Progress &progress) const;
    Action deliver(Tracker &tracker, const Task &task, const Environment &staging, const Progress &progress) const;
    QMap<QString, Queue> queues() const;

    Ecosystem m_ecosystem;
    Options m_options;
    // What its progress, its actions' details and its tracker comments are
    // masked with, as a Delivery's (Ecosystem::secretMasker()).
    SecretMasker m_masker;
};

} // namespace Shipyard
