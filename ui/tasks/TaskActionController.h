// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "tasks/TaskBoardModel.h"

#include "kube/ClusterAccess.h"
#include "live/ShowroomInfo.h"
#include "model/Ecosystem.h"
#include "pipeline/Delivery.h"
#include "widgets/WorkerRelay.h"

#include <QMap>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include <atomic>
#include <memory>

class QWidget;

namespace Shipyard {

class PipelineView;

// What the Tasks board's buttons do, and the showrooms' teardown:
//   Deliver to Showroom  confirmed (namespace, which systems get the task's
//                        branch, the time to live), then ShowroomManager::up
//                        in a worker thread, drawn in the Pipeline view;
//   Deliver              the task's branches into the staging environment,
//                        through the Pipeline view's confirmation (staging
//                        merges them into their upstream);
//   Merge                the same into production: the release, with the
//                        environment's name typed;
//   Test Again           forgets the failed autotest verdicts of the
//                        task's heads (AutotestResults::forget), so that the
//                        robot's next pass tests them again;
//   Tear Down Showroom   a showroom picked from the cluster's list (or the
//                        card's), confirmed by namespace, then
//                        ShowroomManager::down in a worker thread.
// Git, the tracker and the cluster are only ever asked from worker threads.
class TaskActionController : public QObject
{
    Q_OBJECT
public:
    // DIALOGPARENT: the window the dialogs belong to.
    TaskActionController(PipelineView *pipeline, QWidget *dialogParent, QObject *parent = nullptr);
    ~TaskActionController() override;

    // CLUSTER: the clusters the window reads, for showrooms' clients.
    void setEcosystem(const Ecosystem &ecosystem, const ClusterAccess &cluster);
    // system → image delivered as given instead of built, as shipyardctl's
    // --image does (images prepared elsewhere; tests without a registry).
    void setImages(const QMap<QString, QString> &images) { m_images = images; }

    void requestAction(const QString &task, Shipyard::TaskBoardModel::Action action);
    void requestShowroom(const QString &task);
    void requestDelivery(const QString &task, bool toProduction);
    // Lists the showrooms, lets one be picked, then as requestTeardownOf().
    void requestTeardown();
    void requestTeardownOf(const QString &task);
    // RETESTS: "system commit" of the verdicts to forget.
    void requestTestAgain(const QString &task, const QStringList &retests);
    // Ends the wait for a showroom's namespace to be gone (its deletion is
    // accepted; Kubernetes goes on with it), when one is torn down.
    void stopWaitingForTeardown();
    bool isTearingDown() const { return m_teardownStop != nullptr; }
    // Reads the showrooms again (in the background); showroomsChanged follows.
    void refreshShowrooms();

    // The first showroom, staging and production environments; empty when none.
    QString showroomEnvironment() const;
    QString stagingEnvironment() const;
    QString productionEnvironment() const;
    QList<ShowroomInfo> showrooms() const { return m_showrooms; }
    QStringList showroomTasks() const;
    // A showroom is coming up or going down.
    bool isBusy() const { return m_busy; }
    QString statusText() const { return m_status; }

Q_SIGNALS:
    void statusChanged(const QString &text);
    void viewRequested(const QString &name);
    void showroomsChanged(const QStringList &tasks);
    void showroomFinished(const QString &task, bool succeeded, const QString &text);
    void teardownFinished(const QString &task, bool succeeded, const QString &text);
    // A teardown waits for its namespace to go (true), or no longer does.
    void teardownWaitingChanged(bool waiting);
    // Verdicts were forgotten: the board's test chips are stale.
    void autotestsForgotten(const QString &task);

private:
    void setStatus(const QString &text);
    QString environmentOfKind(EnvironmentKind kind) const;
    void confirmShowroom(const QString &task, const QList<Delivery::Target> &targets, const QString &error);
    void startShowroom(const QString &task, const QList<Delivery::Target> &targets);
    void confirmTeardown(const QString &task);

    QPointer<PipelineView> m_pipeline;
    QPointer<QWidget> m_dialogParent;
    Ecosystem m_ecosystem;
    ClusterAccess m_cluster;
    bool m_loaded = false;
    QMap<QString, QString> m_images;
    QList<ShowroomInfo> m_showrooms;
    bool m_listing = false;
    bool m_busy = false;
    std::shared_ptr<std::atomic_bool> m_teardownStop; // while a teardown waits
    QString m_status;
    quint64 m_generation = 0; // answers about an earlier ecosystem are dropped
    // Lines and steps from worker threads reach this object through it, and
    // nothing once it is gone.
    std::shared_ptr<WorkerRelay<TaskActionController>> m_relay;
};

} // namespace Shipyard
