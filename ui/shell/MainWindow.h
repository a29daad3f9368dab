// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "kube/ClusterAccess.h"
#include "model/Ecosystem.h"

#include <optional>

#include <QMainWindow>
#include <QStringList>

class QLabel;
class QPushButton;
class QLineEdit;
class QListView;
class QMenu;
class QTableView;
class QTabWidget;

namespace Shipyard {

class ClusterTreeModel;
class ClusterView;
class DiagnosticsModel;
class DoctorView;
class CommandPalette;
class CompareDialog;
class EcosystemSourceView;
class EnvironmentMonitor;
class EnvironmentMatrixModel;
class HistoryView;
class MetricsView;
class PipelineView;
class RecentEcosystems;
class TaskActionController;
class TaskBoardModel;
class TaskBoardView;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    // KUBECONFIGFILE: --kubeconfig, the one file to read; empty: the files
    // kubectl reads. They are read again whenever an ecosystem is (re)opened.
    explicit MainWindow(const QString &kubeconfigFile = {}, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Loads and shows an ecosystem; problems are listed, never fatal.
    // Returns false when the file has errors.
    bool openEcosystem(const QString &path);
    QString ecosystemPath() const { return m_path; }

    static QStringList viewNames();
    bool showView(const QString &name);
    // The Cluster view on DEPLOYMENT's System log tab, once the tree has its row.
    void showSystemLog(const QString &context, const QString &ns, const QString &deployment);

    EnvironmentMatrixModel *environmentMatrixModel() const { return m_matrixModel; }
    DiagnosticsModel *diagnosticsModel() const { return m_diagnosticsModel; }
    EcosystemSourceView *sourceView() const { return m_sourceView; }
    CommandPalette *commandPalette() const { return m_palette; }
    void showCommandPalette();
    // The release notes between two environments, from what they run now.
    CompareDialog *showCompareDialog();
    EnvironmentMonitor *environmentMonitor() const { return m_monitor; }
    // The clusters every view reads, as read when the ecosystem was opened.
    const ClusterAccess &clusterAccess() const { return m_cluster; }
    ClusterTreeModel *clusterTreeModel() const { return m_clusterModel; }
    ClusterView *clusterView() const { return m_clusterView; }
    TaskBoardModel *taskBoardModel() const { return m_taskModel; }
    TaskBoardView *taskBoardView() const { return m_taskView; }
    PipelineView *pipelineView() const { return m_pipelineView; }
    HistoryView *historyView() const { return m_historyView; }
    MetricsView *metricsView() const { return m_metricsView; }
    DoctorView *doctorView() const { return m_doctorView; }
    TaskActionController *taskActionController() const { return m_taskActions; }
    // Waits (processing events) until every watched environment has answered
    // or failed, the history and metrics have read their releases and the
    // Health view's checks (when started) have ended, at most `timeoutMs`;
    // for screenshots and tests.
    void waitForLiveState(int timeoutMs);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    QWidget *createEnvironmentsView();
    void updateRecentMenu();
    void openWithDialog();
    void jumpToDiagnostic(const QModelIndex &index);
    void filterMatrixRows(int first, int last);
    void showCellDetails();
    void startClusterView();

    QString m_path;
    QString m_kubeconfigFile;
    ClusterAccess m_cluster;
    std::optional<Ecosystem> m_ecosystem; // the loaded file, when it has no errors
    QTabWidget *m_views = nullptr;
    QTableView *m_matrixView = nullptr;
    QLineEdit *m_matrixFilter = nullptr;
    QListView *m_diagnosticsView = nullptr;
    QLabel *m_diagnosticsTitle = nullptr;
    EcosystemSourceView *m_sourceView = nullptr;
    EnvironmentMatrixModel *m_matrixModel = nullptr;
    DiagnosticsModel *m_diagnosticsModel = nullptr;
    QMenu *m_recentMenu = nullptr;
    QLabel *m_statusLabel = nullptr;
    QPushButton *m_stopWaiting = nullptr; // while a showroom's teardown waits
    QLabel *m_cellDetails = nullptr;
    CommandPalette *m_palette = nullptr;
    EnvironmentMonitor *m_monitor = nullptr;
    ClusterTreeModel *m_clusterModel = nullptr;
    ClusterView *m_clusterView = nullptr;
    TaskBoardModel *m_taskModel = nullptr;
    TaskBoardView *m_taskView = nullptr;
    // The cluster tree watches only once it is first shown: a cheaper start.
    struct ClusterContext
    {
        QString context;
        QStringList namespaces;
        QStringList patterns; // showrooms' namespace patterns, as regular expressions
    };
    QList<ClusterContext> m_clusterContexts;
    bool m_clusterStarted = false;
    PipelineView *m_pipelineView = nullptr;
    HistoryView *m_historyView = nullptr;
    MetricsView *m_metricsView = nullptr;
    DoctorView *m_doctorView = nullptr;
    TaskActionController *m_taskActions = nullptr;
};

} // namespace Shipyard
