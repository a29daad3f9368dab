// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "kube/KubeClient.h"

#include <QHash>
#include <QJsonObject>
#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace Shipyard {

class ReplicaTimeline;
class RolloutChartView;
class RolloutHistoryModel;

// One deployment's replicas over time since it was selected (a chart above),
// its rollout history with Undo, Scale… and Restart. Each action asks
// for confirmation first; an action the user may not take (per a
// SelfSubjectAccessReview) is disabled, the reason in its tooltip.
class DeploymentPanel : public QWidget
{
    Q_OBJECT
public:
    explicit DeploymentPanel(QWidget *parent = nullptr);

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
    bool confirm(const QString &question);
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
