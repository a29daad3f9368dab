// SPDX-License-Identifier: GPL-2.0-or-later
#include "tasks/TaskActionController.h"

#include "delivery/PipelineView.h"
#include "widgets/BackgroundTask.h"
#include "widgets/ConfirmationDialog.h"
#include "widgets/WorkerRelay.h"

#include "pipeline/AutotestResults.h"
#include "pipeline/ShowroomManager.h"
#include "pipeline/TaskBranches.h"

#include <QDateTime>
#include <QInputDialog>
#include <QLocale>
#include <QMetaObject>
#include <QWidget>

#include <utility>

namespace Shipyard {

namespace {

QString duration(std::chrono::seconds seconds)
{
    const qint64 s = seconds.count();
    if (s > 0 && s % 86400 == 0)
        return TaskActionController::tr("%1 d").arg(s / 86400);
    if (s > 0 && s % 3600 == 0)
        return TaskActionController::tr("%1 h").arg(s / 3600);
    if (s > 0 && s % 60 == 0)
        return TaskActionController::tr("%1 min").arg(s / 60);
    return TaskActionController::tr("%1 s").arg(s);
}

} // namespace

TaskActionController::TaskActionController(PipelineView *pipeline, QWidget *dialogParent, QObject *parent)
    : QObject(parent)
    , m_pipeline(pipeline)
    , m_dialogParent(dialogParent)
    , m_relay(std::make_shared<WorkerRelay<TaskActionController>>(this))
{ }

TaskActionController::~TaskActionController()
{
    m_relay->detach();
}

void TaskActionController::setEcosystem(const Ecosystem &ecosystem, const ClusterAccess &cluster)
{
    m_ecosystem = ecosystem;
    m_cluster = cluster;
    m_loaded = true;
    ++m_generation;
    m_listing = false;
    m_showrooms.clear();
    Q_EMIT showroomsChanged({});
    refreshShowrooms();
}

void TaskActionController::setStatus(const QString &text)
{
    m_status = text;
    Q_EMIT statusChanged(text);
}

QString TaskActionController::environmentOfKind(EnvironmentKind kind) const
{
    const Environment *environment = m_ecosystem.firstEnvironment(kind);
    return environment ? environment->name : QString();
}

QString TaskActionController::showroomEnvironment() const
{
    return environmentOfKind(EnvironmentKind::Showroom);
}

QString TaskActionController::stagingEnvironment() const
{
    return environmentOfKind(EnvironmentKind::Staging);
}

QString TaskActionController::productionEnvironment() const
{
    return environmentOfKind(EnvironmentKind::Production);
}

QStringList TaskActionController::showroomTasks() const
{
    QStringList tasks;
    for (const ShowroomInfo &showroom : m_showrooms) {
        if (!showroom.terminating && !showroom.task.isEmpty())
            tasks.append(showroom.task);
    }
    return tasks;
}

void TaskActionController::requestAction(const QString &task, TaskBoardModel::Action action)
{
    switch (action) {
    case TaskBoardModel::Action::DeliverToShowroom:
        requestShowroom(task);
        break;
    case TaskBoardModel::Action::Deliver:
        requestDelivery(task, false);
        break;
    case TaskBoardModel::Action::Merge:
        requestDelivery(task, true);
        break;
    }
}

void TaskActionController::requestShowroom(const QString &task)
{
    const QString environment = showroomEnvironment();
    if (!m_loaded || environment.isEmpty()) {
        setStatus(tr("%1: the ecosystem has no showroom environment to deliver into.").arg(task));
        return;
    }
    if (m_busy || (m_pipeline && m_pipeline->isBusy())) {
        setStatus(tr("%1: a delivery is still running; wait for it to end.").arg(task));
        return;
    }
    setStatus(tr("%1: looking for its branches…").arg(task));
    const quint64 generation = m_generation;
    runInBackground([ecosystem = m_ecosystem, cluster = m_cluster, environment, task, images = m_images] {
        const ShowroomManager manager(ecosystem, environment, cluster);
        QString error = manager.error();
        QList<Delivery::Target> targets;
        if (error.isEmpty())
            targets = manager.targetsFor(task, images, &error);
        if (error.isEmpty() && TaskBranches::branchesOnly(targets).isEmpty())
            error = tr("no system's repository has a branch naming %1: nothing to show").arg(task);
        return std::make_pair(targets, error);
    }).then(this, [this, generation, task](const std::pair<QList<Delivery::Target>, QString> &found) {
        if (generation == m_generation)
            confirmShowroom(task, found.first, found.second);
    });
}

void TaskActionController::confirmShowroom(
    const QString &task, const QList<Delivery::Target> &targets, const QString &error)
{
    if (!error.isEmpty()) {
        setStatus(tr("%1 not delivered to a showroom: %2").arg(task, error));
        return;
    }
    const Environment *environment = m_ecosystem.environment(showroomEnvironment());
    const QString ns = environment->namespaceFor(task);
    const bool exists = showroomTasks().contains(task);
    QString text =
        tr("<p>Shipyard will deliver <b>%1</b> into the showroom environment <b>%2</b> "
           "(context <tt>%3</tt>), namespace <tt>%4</tt>, %5:</p><ul>")
            .arg(task.toHtmlEscaped(), environment->name.toHtmlEscaped(), environment->context.toHtmlEscaped(),
                ns.toHtmlEscaped(), exists ? tr("which exists already and is updated") : tr("created for it"));
    for (const Delivery::Target &target : targets) {
        const System *system = m_ecosystem.system(target.system);
        const QString how = target.image.isEmpty()
            ? tr("built into <tt>%1</tt>").arg((system ? system->image : target.system).toHtmlEscaped())
            : tr("as the image <tt>%1</tt>").arg(target.image.toHtmlEscaped());
        if (target.usesUpstream())
            text += tr("<li><b>%1</b>: its upstream <tt>%2</tt>, %3</li>")
                        .arg(target.system.toHtmlEscaped(),
                            (system ? system->upstream : QStringLiteral("main")).toHtmlEscaped(), how);
        else
            text += tr("<li><b>%1</b>: the task's branch <tt>%2</tt>, %3</li>")
                        .arg(target.system.toHtmlEscaped(), target.branch.toHtmlEscaped(), how);
    }
    const QDateTime expires = QDateTime::currentDateTime().addSecs(environment->timeToLive.count());
    text +=
        tr("</ul><p>The showroom lives for %1 (until about %2%3), then the sweep removes it; it also goes "
           "once the task is done or its branches are merged. Nothing is merged into upstream.</p>")
            .arg(duration(environment->timeToLive), QLocale().toString(expires, QLocale::ShortFormat).toHtmlEscaped(),
                exists ? tr(", or later if it was asked for longer") : QString());
    ConfirmationDialog confirm(tr("Deliver %1 to a showroom").arg(task), text, tr("Deliver to &Showroom"),
        environment->isProtected ? environment->name : QString(), m_dialogParent);
    confirm.setObjectName(QStringLiteral("showroomConfirmation"));
    if (confirm.exec() != QDialog::Accepted) {
        setStatus(tr("%1: not delivered to a showroom.").arg(task));
        return;
    }
    startShowroom(task, targets);
}

void TaskActionController::startShowroom(const QString &task, const QList<Delivery::Target> &targets)
{
    const QString environment = showroomEnvironment();
    const QString ns = m_ecosystem.environment(environment)->namespaceFor(task);
    const QString title = tr("Showroom %1 in %2").arg(task, ns);
    if (m_busy || !m_pipeline || !m_pipeline->beginExternalDelivery(title)) {
        setStatus(tr("%1: a delivery is still running; wait for it to end.").arg(task));
        return;
    }
    m_busy = true;
    Q_EMIT viewRequested(QStringLiteral("pipeline"));
    setStatus(tr("%1: delivering to showroom %2…").arg(task, ns));
    QMap<QString, QString> images;
    for (const Delivery::Target &target : targets) {
        if (!target.image.isEmpty())
            images.insert(target.system, target.image);
    }
    const auto relay = m_relay;
    // The Pipeline view's Cancel stops this delivery as it stops its own.
    const std::shared_ptr<const std::atomic_bool> cancel = m_pipeline->externalCancelFlag();
    runInBackground([ecosystem = m_ecosystem, cluster = m_cluster, environment, task, images, relay, cancel] {
        const ShowroomManager manager(ecosystem, environment, cluster);
        ShowroomManager::UpOptions options;
        options.images = images;
        options.cancel = cancel.get();
        options.steps = [relay](const QList<Delivery::StepState> &steps) {
            relay->post([steps](TaskActionController *receiver) {
                if (receiver->m_pipeline)
                    receiver->m_pipeline->showExternalSteps(steps);
            });
        };
        return manager.up(task, options, [relay](const QString &line) {
            relay->post([line](TaskActionController *receiver) {
                if (receiver->m_pipeline)
                    receiver->m_pipeline->appendExternalLog(line);
            });
        });
    }).then(this, [this, task](const ShowroomManager::UpResult &result) {
        m_busy = false;
        QString text;
        if (result.succeeded())
            text = tr("%1 is in showroom %2 until %3 (release %4).")
                       .arg(task, result.namespaceName,
                           QLocale().toString(result.expiresAt.toLocalTime(), QLocale::ShortFormat),
                           result.delivery->releaseId);
        else if (!result.error.isEmpty())
            text = tr("%1 not delivered to a showroom: %2").arg(task, result.error);
        else if (result.delivery->outcome == Delivery::Outcome::Cancelled)
            text = tr("Showroom %1 cancelled; what was applied is rolled back.").arg(result.namespaceName);
        else
            text = tr("Showroom %1 failed at %2: %3")
                       .arg(result.namespaceName, result.delivery->failedStep, result.delivery->reason);
        if (m_pipeline) {
            if (!result.error.isEmpty())
                m_pipeline->appendExternalLog(result.error);
            m_pipeline->endExternalDelivery(text, result.succeeded());
        }
        setStatus(text);
        refreshShowrooms();
        Q_EMIT showroomFinished(task, result.succeeded(), text);
    });
}

void TaskActionController::requestDelivery(const QString &task, bool toProduction)
{
    const QString environment = toProduction ? productionEnvironment() : stagingEnvironment();
    if (!m_loaded || environment.isEmpty()) {
        setStatus(toProduction ? tr("%1: the ecosystem has no production environment to merge through.").arg(task)
                               : tr("%1: the ecosystem has no staging environment to deliver into.").arg(task));
        return;
    }
    if (!m_pipeline || m_pipeline->isBusy()) {
        setStatus(tr("%1: a delivery is still running; wait for it to end.").arg(task));
        return;
    }
    setStatus(tr("%1: looking for its branches…").arg(task));
    const quint64 generation = m_generation;
    runInBackground([ecosystem = m_ecosystem, environment, task, images = m_images] {
        QString error;
        const QList<Delivery::Target> targets = TaskBranches::branchesOnly(
            TaskBranches::targets(ecosystem, ecosystem.environment(environment)->systems, task, images, &error));
        if (error.isEmpty() && targets.isEmpty())
            error = tr("no repository of %1's systems has a branch naming %2").arg(environment, task);
        return std::make_pair(targets, error);
    })
        .then(this,
            [this, generation, task, environment, toProduction](
                const std::pair<QList<Delivery::Target>, QString> &found) {
                if (generation != m_generation)
                    return;
                if (!found.second.isEmpty()) {
                    setStatus(tr("%1 not delivered: %2").arg(task, found.second));
                    return;
                }
                Q_EMIT viewRequested(QStringLiteral("pipeline"));
                const QString note = toProduction
                    ? tr("<p><b>Merge %1</b>: its branches go to production, the release; once every rollout is ready "
                         "they "
                         "are merged into their upstream. The systems without a branch for %1 stay as they are.</p>")
                          .arg(task.toHtmlEscaped())
                    : tr("<p><b>Deliver %1</b>: its branches go to staging; once every rollout is ready they are "
                         "merged into "
                         "their upstream. The systems without a branch for %1 stay as they are.</p>")
                          .arg(task.toHtmlEscaped());
                if (m_pipeline && m_pipeline->confirmDelivery(environment, found.first, note))
                    setStatus(tr("%1: delivering into %2…").arg(task, environment));
                else
                    setStatus(tr("%1: not delivered into %2.").arg(task, environment));
            });
}

void TaskActionController::refreshShowrooms()
{
    const QString environment = showroomEnvironment();
    if (!m_loaded || environment.isEmpty() || m_listing)
        return;
    m_listing = true;
    const quint64 generation = m_generation;
    runInBackground([ecosystem = m_ecosystem, cluster = m_cluster, environment] {
        QString error;
        const QList<ShowroomInfo> showrooms = ShowroomManager(ecosystem, environment, cluster).list(&error);
        return std::make_pair(showrooms, error);
    }).then(this, [this, generation](const std::pair<QList<ShowroomInfo>, QString> &listed) {
        if (generation != m_generation)
            return;
        m_listing = false;
        // An unreachable cluster keeps what was known; the board's buttons say no more than that.
        if (!listed.second.isEmpty())
            return;
        m_showrooms = listed.first;
        Q_EMIT showroomsChanged(showroomTasks());
    });
}

void TaskActionController::requestTeardown()
{
    const QString environment = showroomEnvironment();
    if (!m_loaded || environment.isEmpty()) {
        setStatus(tr("The ecosystem has no showroom environment."));
        return;
    }
    setStatus(tr("Listing the showrooms of %1…").arg(environment));
    const quint64 generation = m_generation;
    runInBackground([ecosystem = m_ecosystem, cluster = m_cluster, environment] {
        QString error;
        const QList<ShowroomInfo> showrooms = ShowroomManager(ecosystem, environment, cluster).list(&error);
        return std::make_pair(showrooms, error);
    }).then(this, [this, generation, environment](const std::pair<QList<ShowroomInfo>, QString> &listed) {
        if (generation != m_generation)
            return;
        if (!listed.second.isEmpty()) {
            setStatus(tr("Showrooms not listed: %1").arg(listed.second));
            return;
        }
        m_showrooms = listed.first;
        Q_EMIT showroomsChanged(showroomTasks());
        QStringList items;
        QStringList tasks;
        for (const ShowroomInfo &showroom : std::as_const(m_showrooms)) {
            if (showroom.terminating || showroom.task.isEmpty())
                continue;
            tasks.append(showroom.task);
            items.append(tr("%1 — %2, %3/%4 pods ready, expires %5")
                    .arg(showroom.namespaceName, showroom.task)
                    .arg(showroom.podsReady)
                    .arg(showroom.podsTotal)
                    .arg(showroom.expiresAt.isValid()
                            ? QLocale().toString(showroom.expiresAt.toLocalTime(), QLocale::ShortFormat)
                            : tr("never")));
        }
        if (items.isEmpty()) {
            setStatus(tr("%1 has no showroom to tear down.").arg(environment));
            return;
        }
        setStatus({});
        bool ok = false;
        const QString chosen = QInputDialog::getItem(
            m_dialogParent, tr("Tear Down Showroom"), tr("Showrooms of %1:").arg(environment), items, 0, false, &ok);
        if (!ok)
            return;
        const qsizetype index = items.indexOf(chosen);
        if (index >= 0)
            confirmTeardown(tasks[index]);
    });
}

void TaskActionController::requestTeardownOf(const QString &task)
{
    if (!m_loaded || showroomEnvironment().isEmpty()) {
        setStatus(tr("The ecosystem has no showroom environment."));
        return;
    }
    confirmTeardown(task);
}

void TaskActionController::requestTestAgain(const QString &task, const QStringList &retests)
{
    if (!m_loaded || retests.isEmpty())
        return;
    setStatus(tr("%1: forgetting its failed autotests…").arg(task));
    runInBackground([results = AutotestResults::pathFor(m_ecosystem), retests] {
        AutotestResults store(results);
        QStringList forgotten;
        QStringList errors;
        for (const QString &retest : retests) {
            const QString system = retest.section(QLatin1Char(' '), 0, 0);
            const QString commit = retest.section(QLatin1Char(' '), 1);
            QString error;
            if (store.forget(system, commit, &error))
                forgotten.append(QStringLiteral("%1 at %2").arg(system, commit.left(12)));
            else
                errors.append(error);
        }
        return std::make_pair(forgotten, errors);
    }).then(this, [this, task](const std::pair<QStringList, QStringList> &done) {
        const auto &[forgotten, errors] = done;
        QString text;
        if (!forgotten.isEmpty())
            text = tr("%1: the robot's next pass tests %2 again.").arg(task, forgotten.join(QStringLiteral(", ")));
        if (!errors.isEmpty())
            text += (text.isEmpty() ? QString() : QStringLiteral(" ")) +
                tr("Not forgotten: %1").arg(errors.join(QStringLiteral("; ")));
        setStatus(text);
        Q_EMIT autotestsForgotten(task);
    });
}

void TaskActionController::stopWaitingForTeardown()
{
    if (!m_teardownStop || *m_teardownStop)
        return;
    *m_teardownStop = true;
    setStatus(tr("No longer waiting for the showroom's namespace to go…"));
}

void TaskActionController::confirmTeardown(const QString &task)
{
    if (m_busy) {
        setStatus(tr("%1: a showroom is still coming up or going down; wait for it.").arg(task));
        return;
    }
    const Environment *environment = m_ecosystem.environment(showroomEnvironment());
    const QString ns = environment->namespaceFor(task);
    QString what;
    for (const ShowroomInfo &showroom : std::as_const(m_showrooms)) {
        if (showroom.namespaceName == ns)
            what = tr(" (deployments: %1, pods: %2)").arg(showroom.deployments).arg(showroom.podsTotal);
    }
    const QString text =
        tr("<p>Shipyard will delete the namespace <tt>%1</tt>%2 in context <tt>%3</tt>: the "
           "showroom of <b>%4</b> and everything in it. Its branches and the tracker are "
           "not touched.</p>")
            .arg(ns.toHtmlEscaped(), what.toHtmlEscaped(), environment->context.toHtmlEscaped(), task.toHtmlEscaped());
    ConfirmationDialog confirm(tr("Tear down %1").arg(ns), text, tr("&Tear Down"),
        environment->isProtected ? environment->name : QString(), m_dialogParent);
    confirm.setObjectName(QStringLiteral("teardownConfirmation"));
    if (confirm.exec() != QDialog::Accepted) {
        setStatus(tr("%1: kept.").arg(ns));
        return;
    }
    m_busy = true;
    m_teardownStop = std::make_shared<std::atomic_bool>(false);
    Q_EMIT teardownWaitingChanged(true);
    setStatus(tr("Tearing down %1…").arg(ns));
    const auto relay = m_relay;
    runInBackground([ecosystem = m_ecosystem, cluster = m_cluster, environment = environment->name, task, ns, relay,
                        stop = std::shared_ptr<const std::atomic_bool>(m_teardownStop)] {
        return ShowroomManager(ecosystem, environment, cluster)
            .down(
                task,
                [relay, ns](const QString &line) {
                    relay->post([line, ns](TaskActionController *receiver) {
                        receiver->setStatus(tr("Tearing down %1: %2").arg(ns, line));
                    });
                },
                stop);
    }).then(this, [this, task](const ShowroomManager::DownResult &result) {
        m_busy = false;
        m_teardownStop.reset();
        Q_EMIT teardownWaitingChanged(false);
        QString outcome;
        if (!result.succeeded())
            outcome = tr("Showroom of %1 not torn down: %2").arg(task, result.error);
        else if (result.stoppedWaiting)
            outcome = tr("Showroom %1 of %2 is being deleted; Kubernetes goes on without Shipyard waiting.")
                          .arg(result.namespaceName, task);
        else
            outcome = tr("Showroom %1 of %2 torn down.").arg(result.namespaceName, task);
        setStatus(outcome);
        refreshShowrooms();
        Q_EMIT teardownFinished(task, result.succeeded(), outcome);
    });
}

} // namespace Shipyard
