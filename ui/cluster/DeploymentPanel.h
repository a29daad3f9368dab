// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "kube/KubeClient.h"
#include "pipeline/DeploymentAction.h"

#include <QHash>
#include <QJsonObject>
#include <QWidget>

#include <memory>

class QLabel;
class QPushButton;
class QTableView;

namespace Shipyard {

class ReplicaTimeline;
class RolloutChartView;
class RolloutHistoryModel;

// One deployment's replicas over time since it was selected (a chart above),
// its rollout history with Undo, Scale… and Restart. Each action asks
// for confirmation first (the environment's name typed, for a protected
// one) and runs as deliveries change an environment (DeploymentAction):
// under the environment's lock, audited. An action the user may not take
// (per a SelfSubjectAccessReview) is disabled, the reason in its tooltip.
class DeploymentPanel : public QWidget
{
    Q_OBJECT
public:
    explicit DeploymentPanel(QWidget *parent = nullptr);

    // Which environment a namespace is (and whether protected) comes from
    // the ecosystem, else from the namespace's delivery lock.
    void setEcosystem(const Ecosystem &ecosystem);
    void setDeployment(const KubeClient &client, const QString &context, const QJsonObject &deployment);
    // The deployment's object changed in the cluster (a new revision, a scale).
    void updateDeployment(const QJsonObject &deployment);
    void clear();

    RolloutHistoryModel *historyModel() const { return m_history; }
    ReplicaTimeline *timeline() const { return m_timeline; }
    RolloutChartView *chartView() const { return m_chart; }
    QPushButton *undoButton() const { return m_undo; }
    QPushButton *scaleButton() const { return m_scale; }
    QPushButton *restartButton() const { return m_restart; }
    // Skips the confirmation dialogs; for tests.
    void setConfirmations(bool ask) { m_confirm = ask; }
    // Where audit records go; empty: the default journal. For tests.
    void setAuditJournal(const QString &path) { m_auditJournal = path; }
    void undo(qint64 toRevision);
    void scale(int replicas);
    void restart();
    QString statusText() const;

Q_SIGNALS:
    void historyLoaded();
    void actionFinished(bool ok, const QString &message);

private:
    void reloadHistory();
    void checkAccess();
    void setActionAllowed(QPushButton *button, const QString &verb, const QString &resource);
    // Finds the deployment's environment, asks QUESTION (with the name
    // typed when it is protected), then acts off the UI thread.
    void act(DeploymentAction::Kind kind, const DeploymentAction::Options &options, const QString &title,
        const QString &question, const QString &actionText);
    bool confirm(
        const QString &title, const QString &question, const QString &actionText, const DeploymentAction::Place &place);
    void finish(bool ok, const QString &message);
    qint64 selectedRevision() const;

    KubeClient m_client;
    QString m_context;
    QString m_ns;
    QString m_name;
    qint64 m_revision = 0;
    int m_replicas = 0;
    quint64 m_generation = 0; // drops answers about a deployment no longer shown
    bool m_confirm = true;
    bool m_acting = false; // one action at a time
    QString m_auditJournal;
    std::shared_ptr<const Ecosystem> m_ecosystem;
    QLabel *m_title = nullptr;
    QLabel *m_status = nullptr;
    QTableView *m_historyView = nullptr;
    RolloutHistoryModel *m_history = nullptr;
    ReplicaTimeline *m_timeline = nullptr;
    RolloutChartView *m_chart = nullptr;
    QPushButton *m_undo = nullptr;
    QPushButton *m_scale = nullptr;
    QPushButton *m_restart = nullptr;
    QHash<QPushButton *, QString> m_denied; // why an action is not allowed
};

} // namespace Shipyard
