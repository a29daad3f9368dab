// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QMainWindow>

class QLabel;
class QListView;
class QMenu;
class QTableView;
class QTabWidget;

namespace Shipyard {

class DiagnosticsModel;
class CommandPalette;
class EcosystemSourceView;
class EnvironmentMonitor;
class EnvironmentMatrixModel;
class HistoryView;
class MetricsView;
class PipelineView;
class RecentEcosystems;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Loads and shows an ecosystem; problems are listed, never fatal.
    // Returns false when the file has errors.
    bool openEcosystem(const QString &path);
    QString ecosystemPath() const { return m_path; }

    static QStringList viewNames();
    bool showView(const QString &name);

    EnvironmentMatrixModel *environmentMatrixModel() const { return m_matrixModel; }
    DiagnosticsModel *diagnosticsModel() const { return m_diagnosticsModel; }
    EcosystemSourceView *sourceView() const { return m_sourceView; }
    CommandPalette *commandPalette() const { return m_palette; }
    void showCommandPalette();
    EnvironmentMonitor *environmentMonitor() const { return m_monitor; }
    PipelineView *pipelineView() const { return m_pipelineView; }
    HistoryView *historyView() const { return m_historyView; }
    MetricsView *metricsView() const { return m_metricsView; }
    // Waits (processing events) until every watched environment has answered
    // or failed and the history and metrics have read their releases, at
    // most `timeoutMs`; for screenshots and tests.
    void waitForLiveState(int timeoutMs);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    QWidget *createEnvironmentsView();
    void updateRecentMenu();
    void openWithDialog();
    void jumpToDiagnostic(const QModelIndex &index);
    void showCellDetails();

    QString m_path;
    QTabWidget *m_views = nullptr;
    QTableView *m_matrixView = nullptr;
    QListView *m_diagnosticsView = nullptr;
    QLabel *m_diagnosticsTitle = nullptr;
    EcosystemSourceView *m_sourceView = nullptr;
    EnvironmentMatrixModel *m_matrixModel = nullptr;
    DiagnosticsModel *m_diagnosticsModel = nullptr;
    QMenu *m_recentMenu = nullptr;
    QLabel *m_statusLabel = nullptr;
    QLabel *m_cellDetails = nullptr;
    CommandPalette *m_palette = nullptr;
    EnvironmentMonitor *m_monitor = nullptr;
    PipelineView *m_pipelineView = nullptr;
    HistoryView *m_historyView = nullptr;
    MetricsView *m_metricsView = nullptr;
};

} // namespace Shipyard
