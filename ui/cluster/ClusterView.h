// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "kube/KubeClient.h"

#include <QPersistentModelIndex>
#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QTabWidget;
class QTreeView;

namespace Shipyard {

class ApplyDiffView;
class ClusterFilterProxyModel;
class ClusterTreeModel;
class DeploymentPanel;
class EcosystemSourceView;
class EventListModel;
class PodLogView;
class SystemLogView;
struct Ecosystem;

// The Cluster view: the tree of what runs (filterable by name) and, for the
// selected object, its events, its YAML, a pod's followed log, a
// deployment's rollout history and actions, and its drift from what a
// delivery of its system would apply.
class ClusterView : public QWidget
{
    Q_OBJECT
public:
    explicit ClusterView(ClusterTreeModel *model, QWidget *parent = nullptr);
    ~ClusterView() override;

    QTreeView *treeView() const { return m_tree; }
    ClusterFilterProxyModel *proxyModel() const { return m_proxy; }
    QCheckBox *oldReplicaSetsBox() const { return m_showOld; }
    QLineEdit *filterEdit() const { return m_filter; }
    EventListModel *eventsModel() const { return m_events; }
    EcosystemSourceView *yamlView() const { return m_yaml; }
    PodLogView *logView() const { return m_logs; }
    DeploymentPanel *deploymentPanel() const { return m_deployment; }
    SystemLogView *systemLogView() const { return m_systemLog; }
    // Selects DEPLOYMENT's row and shows its System log tab; false when the tree has no such row (yet).
    bool showSystemLog(const QString &context, const QString &ns, const QString &deployment);
    QTabWidget *detailTabs() const { return m_details; }
    ApplyDiffView *diffView() const { return m_diff; }

    // The systems and environments the Diff tab compares against.
    void setEcosystem(const Ecosystem &ecosystem);

    // Selects a row of the source model (and scrolls to it).
    void select(const QModelIndex &sourceIndex);
    // The details of the selection have loaded (events listed, log begun); for screenshots.
    bool isDetailSettled() const;

private:
    void showSelected();
    void refreshSelected(const QModelIndex &topLeft, const QModelIndex &bottomRight);
    void expandNew(const QModelIndex &parent, int first, int last);
    void showDiffOf(const QModelIndex &index);

    ClusterTreeModel *m_model = nullptr;
    ClusterFilterProxyModel *m_proxy = nullptr;
    QLineEdit *m_filter = nullptr;
    QCheckBox *m_showOld = nullptr;
    QTreeView *m_tree = nullptr;
    QLabel *m_title = nullptr;
    QTabWidget *m_details = nullptr;
    EventListModel *m_events = nullptr;
    EcosystemSourceView *m_yaml = nullptr;
    PodLogView *m_logs = nullptr;
    DeploymentPanel *m_deployment = nullptr;
    SystemLogView *m_systemLog = nullptr;
    // The deployment the System log tab follows once it is shown: streams open only when looked at.
    struct SystemLogTarget
    {
        KubeClient client;
        QString ns;
        QString name;
    } m_systemLogTarget;
    void followSystemLog();
    ApplyDiffView *m_diff = nullptr;
    QWidget *m_eventsPage = nullptr;
    QLabel *m_eventsError = nullptr;
    QPersistentModelIndex m_selected; // in the source model
    // Until the user picks something, the first failing pod is shown with its log.
    bool m_autoSelect = true;
};

} // namespace Shipyard
