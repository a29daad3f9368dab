// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "kube/ClusterAccess.h"
#include "model/Ecosystem.h"
#include "pipeline/Delivery.h"

#include <QPointer>
#include <QWidget>

#include <atomic>
#include <memory>

class QComboBox;
class QLabel;
class QListView;
class QPushButton;
class QToolButton;

namespace Shipyard {

class EnvironmentComboBox;

class CanaryDecisionBar;
class CanaryStepsView;
class DeliveryCanaryModel;
class DeliveryLogView;
class FreezeWatch;
struct ReleaseRecord;
class DeliveryPipelineModel;
class DeliveryQueueModel;
class DeliveryRolloutView;
class PipelineGraphView;

// The Pipeline view: the delivery started from this window, drawn step by
// step and system by system, its log streaming below, the environment's
// lock holder, the buttons to start (Deliver…) and cancel one, and those to
// promote or abort a canary of the environment that waits for a person.
class PipelineView : public QWidget
{
    Q_OBJECT
public:
    explicit PipelineView(QWidget *parent = nullptr);
    ~PipelineView() override;

    // CLUSTER: the clusters the window reads, for the environments' clients.
    void setEcosystem(const Ecosystem &ecosystem, const ClusterAccess &cluster);
    QString environment() const;
    bool setEnvironment(const QString &name);

    // Asks what to deliver, then confirms (protected environments: the name
    // is typed), then starts.
    void requestDelivery();
    // What requestDelivery() does once confirmed. Nullptr (with the reason
    // in the status line) when a delivery is still running or nothing is loaded.
    Delivery *startDelivery(
        const QString &environment, const QList<Delivery::Target> &targets, const Delivery::Options &options = {});
    // What requestDelivery() does once the targets are chosen: the
    // confirmation (NOTE, if any, above the summary; a protected
    // environment's name typed), then startDelivery(). Nullptr when refused.
    Delivery *confirmDelivery(const QString &environment, const QList<Delivery::Target> &targets,
        const QString &note = {}, const Delivery::Options &options = {});
    void cancelDelivery();
    // Enabled while this view's delivery or the one it follows runs.
    QPushButton *cancelButton() const { return m_cancel; }
    // After a delivery refused because alerts fire: asks why it cannot wait
    // (and a protected environment's name), then delivers the same again
    // with that reason (Delivery::Options::alertOverride).
    void deliverDespiteAlerts();
    // Shown while the last delivery was refused because alerts fire.
    QPushButton *deliverAnywayButton() const { return m_deliverAnyway; }
    // A delivery that another part runs and owns (a showroom's, in a worker
    // thread): the view draws the steps and the log it is handed, and starts
    // no delivery of its own meanwhile. False when something else runs.
    bool beginExternalDelivery(const QString &title);
    // Set when the person cancels the delivery followed since
    // beginExternalDelivery(); its runner hands it to the delivery.
    std::shared_ptr<const std::atomic_bool> externalCancelFlag() const { return m_externalCancel; }
    void showExternalSteps(const QList<Delivery::StepState> &steps);
    void appendExternalLog(const QString &line);
    void endExternalDelivery(const QString &text, bool succeeded);
    // A delivery of this view's or an external one is running.
    bool isBusy() const;
    Delivery *delivery() const { return m_delivery; }

    DeliveryPipelineModel *model() const { return m_model; }
    DeliveryLogView *logView() const { return m_log; }
    // The replicas of the deployments this window's delivery rolls out; hidden until one does.
    DeliveryRolloutView *rolloutView() const { return m_rollouts; }
    CanaryStepsView *canaryView() const { return m_canaryView; }
    // Promote / Abort for a canary of the environment shown that waits for a person.
    CanaryDecisionBar *canaryDecisions() const { return m_canaryDecisions; }
    DeliveryCanaryModel *canaryModel() const { return m_canaryModel; }
    PipelineGraphView *graphView() const { return m_graph; }
    // The environment's lock holder, live from the queue's watch (empty: free).
    QString lockHolder() const { return m_lockHolder; }
    // "❄ Frozen until …" or "Next freeze: …" for the environment shown; empty without windows.
    QString freezeText() const;
    // The environment's lock holder and its queue, live ("Queue: 2 waiting" opens the list).
    DeliveryQueueModel *queueModel() const { return m_queueModel; }
    QToolButton *queueButton() const { return m_queue; }
    QString statusText() const;
    QString titleText() const;
    // With no delivery of this window to show: the latest one recorded in the
    // environment, by anyone, from any machine.
    void showLatestRecord();

Q_SIGNALS:
    void deliveryStarted(const QString &environment);
    void deliveryFinished(const Shipyard::Delivery::Result &result);
    void lockHolderChanged(const QString &holder);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void watchCanaries();
    // What a person reads for a record still in progress: who runs it and
    // where it stands, or that it stopped before it ended.
    QString unfinishedText(const ReleaseRecord &record, const QString &environment) const;
    void finished(const Delivery::Result &result);
    void updateButtons();
    void showLock();
    void watchQueue();
    void showQueueSummary();
    void showFreezes();

    Ecosystem m_ecosystem;
    ClusterAccess m_cluster;
    bool m_loaded = false;
    DeliveryPipelineModel *m_model = nullptr;
    PipelineGraphView *m_graph = nullptr;
    DeliveryLogView *m_log = nullptr;
    DeliveryRolloutView *m_rollouts = nullptr;
    DeliveryCanaryModel *m_canaryModel = nullptr;
    CanaryStepsView *m_canaryView = nullptr; // shown once a canary runs
    CanaryDecisionBar *m_canaryDecisions = nullptr; // shown while a canary waits for a person
    EnvironmentComboBox *m_environment = nullptr;
    QLabel *m_lock = nullptr;
    QLabel *m_freeze = nullptr;
    DeliveryQueueModel *m_queueModel = nullptr;
    QToolButton *m_queue = nullptr;
    QListView *m_queueList = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_title = nullptr;
    QPushButton *m_deliver = nullptr;
    QPushButton *m_cancel = nullptr;
    QPushButton *m_deliverAnyway = nullptr;
    QPointer<Delivery> m_delivery;
    QString m_deliveryEnvironment;
    // What the last delivery of this view delivered, for delivering it anyway.
    QList<Delivery::Target> m_deliveryTargets;
    Delivery::Options m_deliveryOptions;
    QString m_refusalReason;
    // An external delivery (a showroom's) that was not asked to stop yet.
    bool externalCancellable() const;

    bool m_external = false;
    std::shared_ptr<std::atomic_bool> m_externalCancel;
    int m_recordQuery = 0; // answers of older reads are dropped
    QString m_lockHolder;
    FreezeWatch *m_freezes = nullptr;
};

} // namespace Shipyard
