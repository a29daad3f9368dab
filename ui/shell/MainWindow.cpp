// SPDX-License-Identifier: GPL-2.0-or-later
#include "shell/MainWindow.h"

#include "cluster/ClusterTreeModel.h"
#include "cluster/ClusterView.h"
#include "delivery/PipelineView.h"
#include "doctor/DoctorView.h"
#include "environments/CompareDialog.h"
#include "environments/DiagnosticsModel.h"
#include "environments/EnvironmentMatrixModel.h"
#include "history/HistoryView.h"
#include "history/MetricsView.h"
#include "shell/CommandPalette.h"
#include "shell/RecentEcosystems.h"
#include "shell/WindowLayoutSettings.h"
#include "tasks/TaskActionController.h"
#include "tasks/TaskBoardModel.h"
#include "tasks/TaskBoardView.h"
#include "widgets/EcosystemSourceView.h"

#include "kube/KubeClient.h"
#include "live/EnvironmentMonitor.h"
#include "live/EnvironmentWatch.h"
#include "model/EcosystemLoader.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDeadlineTimer>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <memory>

namespace Shipyard {

MainWindow::MainWindow(const QString &kubeconfigFile, QWidget *parent)
    : QMainWindow(parent)
    , m_kubeconfigFile(kubeconfigFile)
    , m_matrixModel(new EnvironmentMatrixModel(this))
    , m_diagnosticsModel(new DiagnosticsModel(this))
    , m_monitor(new EnvironmentMonitor(this))
    , m_clusterModel(new ClusterTreeModel(nullptr, this))
    , m_taskModel(new TaskBoardModel(this))
{
    m_matrixModel->setMonitor(m_monitor);
    setWindowTitle(tr("Shipyard"));
    setWindowIcon(QIcon(QStringLiteral(":/shipyard/icons/shipyard.svg")));
    m_views = new QTabWidget(this);
    m_views->setDocumentMode(true);
    m_views->addTab(createEnvironmentsView(), tr("&Environments"));
    m_pipelineView = new PipelineView;
    m_historyView = new HistoryView;
    m_metricsView = new MetricsView;
    m_views->addTab(m_pipelineView, tr("&Pipeline"));
    m_taskView = new TaskBoardView(m_taskModel);
    m_views->addTab(m_taskView, tr("&Tasks"));
    m_clusterView = new ClusterView(m_clusterModel);
    m_views->addTab(m_clusterView, tr("&Cluster"));
    m_views->addTab(m_historyView, tr("&History"));
    m_views->addTab(m_metricsView, tr("&Metrics"));
    m_doctorView = new DoctorView;
    m_views->addTab(m_doctorView, tr("Hea&lth"));
    connect(m_views, &QTabWidget::currentChanged, this, [this] {
        if (m_views->currentWidget() == m_clusterView)
            startClusterView();
        // The checks touch every server: only once the view is looked at.
        if (m_views->currentWidget() == m_doctorView)
            m_doctorView->checkIfStale();
    });
    // A delivery or rollback changes the history and the metrics.
    connect(m_pipelineView, &PipelineView::deliveryFinished, m_historyView, &HistoryView::refresh);
    connect(m_pipelineView, &PipelineView::deliveryFinished, m_metricsView, &MetricsView::refresh);
    connect(m_historyView, &HistoryView::rollbackFinished, m_metricsView, &MetricsView::refresh);
    setCentralWidget(m_views);
    createActions();
    m_statusLabel = new QLabel(this);
    statusBar()->addWidget(m_statusLabel, 1);
    // The board's buttons and the showrooms' teardown.
    m_taskActions = new TaskActionController(m_pipelineView, this, this);
    connect(m_taskView, &TaskBoardView::actionRequested, m_taskActions, &TaskActionController::requestAction);
    connect(m_taskView, &TaskBoardView::teardownRequested, m_taskActions, &TaskActionController::requestTeardownOf);
    connect(m_taskView, &TaskBoardView::testAgainRequested, m_taskActions, &TaskActionController::requestTestAgain);
    connect(m_taskActions, &TaskActionController::autotestsForgotten, m_taskModel, &TaskBoardModel::refresh);
    connect(m_taskActions, &TaskActionController::showroomsChanged, m_taskView, &TaskBoardView::setShowroomTasks);
    connect(m_taskActions, &TaskActionController::viewRequested, this, &MainWindow::showView);
    connect(m_taskActions, &TaskActionController::statusChanged, this, [this](const QString &text) {
        if (!text.isEmpty())
            m_statusLabel->setText(text);
    });
    // A namespace held by a finalizer can take minutes to go; whoever tore it down need not wait.
    m_stopWaiting = new QPushButton(tr("Stop &Waiting"), this);
    m_stopWaiting->setObjectName(QStringLiteral("stopWaitingForTeardown"));
    m_stopWaiting->setToolTip(
        tr("Kubernetes goes on deleting the showroom's namespace; Shipyard stops waiting for it."));
    m_stopWaiting->hide();
    statusBar()->addPermanentWidget(m_stopWaiting);
    connect(m_stopWaiting, &QPushButton::clicked, m_taskActions, &TaskActionController::stopWaitingForTeardown);
    connect(m_taskActions, &TaskActionController::teardownWaitingChanged, m_stopWaiting, &QWidget::setVisible);
    connect(m_taskModel, &TaskBoardModel::scanFinished, m_taskActions, &TaskActionController::refreshShowrooms);
    // A delivery moves branches (merged, rebased): the gates change.
    connect(m_pipelineView, &PipelineView::deliveryFinished, m_taskModel, &TaskBoardModel::refresh);
    m_statusLabel->setText(tr("Open an ecosystem file to begin (File → Open)."));

    const QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("mainWindow/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("mainWindow/state")).toByteArray());
    WindowLayoutSettings::restore(this, settings);
    if (!settings.contains(QStringLiteral("mainWindow/geometry")))
        resize(1400, 900);
}

MainWindow::~MainWindow() = default;

QWidget *MainWindow::createEnvironmentsView()
{
    auto *splitter = new QSplitter(Qt::Horizontal);

    auto *left = new QWidget;
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(6, 6, 6, 6);
    auto *matrixTitle = new QLabel(tr("<b>Systems × environments</b>"));
    auto *titleRow = new QHBoxLayout;
    titleRow->addWidget(matrixTitle, 1);
    m_matrixFilter = new QLineEdit;
    m_matrixFilter->setPlaceholderText(tr("Filter: system, tag, task…"));
    m_matrixFilter->setAccessibleName(tr("Filter the systems of the matrix"));
    m_matrixFilter->setClearButtonEnabled(true);
    titleRow->addWidget(m_matrixFilter, 1);
    leftLayout->addLayout(titleRow);

    m_matrixView = new QTableView;
    m_matrixView->setModel(m_matrixModel);
    m_matrixView->setAccessibleName(tr("Environment matrix"));
    m_matrixView->setWordWrap(true);
    m_matrixView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_matrixView->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_matrixView->horizontalHeader()->setDefaultAlignment(Qt::AlignCenter);
    // A row is as tall as its fullest cell: version, health, who and when,
    // the rendering source and a canary make five lines where most have three.
    m_matrixView->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_matrixView->verticalHeader()->setMinimumSectionSize(64);
    m_matrixView->verticalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    matrixTitle->setBuddy(m_matrixView);
    leftLayout->addWidget(m_matrixView, 3);
    // A delivered cell's system log: every pod of its Deployment, in the Cluster view.
    m_matrixView->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_matrixView, &QWidget::customContextMenuRequested, this, [this](const QPoint &at) {
        const QModelIndex cell = m_matrixView->indexAt(at);
        if (!cell.isValid() || !cell.data(EnvironmentMatrixModel::DeliveredRole).toBool())
            return;
        QMenu menu;
        menu.addAction(tr("System &Log"), this, [this, cell = QPersistentModelIndex(cell)] {
            if (cell.isValid())
                showSystemLog(cell.data(EnvironmentMatrixModel::ContextRole).toString(),
                    cell.data(EnvironmentMatrixModel::NamespaceRole).toString(),
                    cell.data(EnvironmentMatrixModel::SystemNameRole).toString());
        });
        menu.exec(m_matrixView->viewport()->mapToGlobal(at));
    });

    m_cellDetails = new QLabel(tr("Select a cell to see the system's details in that environment."));
    m_cellDetails->setAccessibleName(tr("Details of the selected cell"));
    m_cellDetails->setWordWrap(true);
    m_cellDetails->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_cellDetails->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_cellDetails->setFrameShape(QFrame::StyledPanel);
    m_cellDetails->setMargin(8);
    m_cellDetails->setMinimumHeight(110);
    leftLayout->addWidget(m_cellDetails);
    connect(m_matrixView->selectionModel(), &QItemSelectionModel::currentChanged, this, &MainWindow::showCellDetails);
    connect(m_matrixModel, &QAbstractItemModel::dataChanged, this,
        [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
            const QModelIndex current = m_matrixView->currentIndex();
            if (current.isValid() && QItemSelectionRange(topLeft, bottomRight).contains(current))
                showCellDetails();
        });
    // Systems are few: filtering hides rows of the one model the details and
    // the live updates address, rather than putting a proxy between them.
    const auto filterAll = [this] { filterMatrixRows(0, m_matrixModel->rowCount() - 1); };
    connect(m_matrixFilter, &QLineEdit::textChanged, this, filterAll);
    connect(m_matrixModel, &QAbstractItemModel::modelReset, this, filterAll);
    connect(m_matrixModel, &QAbstractItemModel::columnsInserted, this, filterAll);
    connect(m_matrixModel, &QAbstractItemModel::columnsRemoved, this, filterAll);
    // Live state repaints one cell at a time: only its row can change its match.
    connect(m_matrixModel, &QAbstractItemModel::dataChanged, this,
        [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
            if (!m_matrixFilter->text().trimmed().isEmpty())
                filterMatrixRows(topLeft.row(), bottomRight.row());
        });
    // Showroom columns come and go: the current cell may have moved, or gone with its column.
    connect(m_matrixModel, &QAbstractItemModel::columnsRemoved, this, &MainWindow::showCellDetails);
    connect(m_matrixModel, &QAbstractItemModel::columnsInserted, this, &MainWindow::showCellDetails);

    m_diagnosticsTitle = new QLabel(tr("<b>Problems</b>"));
    leftLayout->addWidget(m_diagnosticsTitle);
    m_diagnosticsView = new QListView;
    m_diagnosticsView->setModel(m_diagnosticsModel);
    m_diagnosticsView->setAccessibleName(tr("Problems in the ecosystem file"));
    m_diagnosticsView->setWordWrap(true);
    m_diagnosticsTitle->setBuddy(m_diagnosticsView);
    connect(m_diagnosticsView, &QListView::activated, this, &MainWindow::jumpToDiagnostic);
    connect(m_diagnosticsView, &QListView::clicked, this, &MainWindow::jumpToDiagnostic);
    leftLayout->addWidget(m_diagnosticsView, 1);

    m_sourceView = new EcosystemSourceView;
    splitter->addWidget(left);
    splitter->addWidget(m_sourceView);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    return splitter;
}

void MainWindow::createActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *open = file->addAction(
        QIcon::fromTheme(QStringLiteral("document-open")), tr("&Open Ecosystem…"), this, &MainWindow::openWithDialog);
    open->setShortcut(QKeySequence::Open);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    QAction *reload = file->addAction(QIcon::fromTheme(QStringLiteral("view-refresh")), tr("Re&load"), this, [this] {
        if (!m_path.isEmpty())
            openEcosystem(m_path);
    });
    reload->setShortcut(QKeySequence::Refresh);
    file->addSeparator();
    QAction *quit =
        file->addAction(QIcon::fromTheme(QStringLiteral("application-exit")), tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    QAction *palette = view->addAction(tr("&Command Palette…"), this, &MainWindow::showCommandPalette);
    palette->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    QAction *compare = view->addAction(tr("Co&mpare Environments…"), this, &MainWindow::showCompareDialog);
    compare->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M));
    view->addSeparator();
    const QStringList names = viewNames();
    for (int i = 0; i < names.size(); ++i) {
        QAction *show = view->addAction(
            m_views->tabText(i).remove(QLatin1Char('&')), this, [this, name = names[i]] { showView(name); });
        show->setShortcut(QKeySequence(Qt::ALT | Qt::Key(Qt::Key_1 + i)));
    }

    QMenu *delivery = menuBar()->addMenu(tr("&Delivery"));
    QAction *deliver = delivery->addAction(tr("&Deliver…"), this, [this] {
        showView(QStringLiteral("pipeline"));
        m_pipelineView->requestDelivery();
    });
    deliver->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
    delivery->addAction(tr("&Cancel Delivery"), this, [this] { m_pipelineView->cancelDelivery(); });
    delivery->addAction(tr("&Roll Back to the Selected Release…"), this, [this] {
        showView(QStringLiteral("history"));
        m_historyView->requestRollback();
    });
    delivery->addSeparator();
    delivery->addAction(tr("&Tear Down Showroom…"), this, [this] { m_taskActions->requestTeardown(); });

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Shipyard"), this, [this] {
        QMessageBox::about(this, tr("About Shipyard"),
            tr("<h3>Shipyard %1</h3><p>A control center for delivering microservices to "
               "Kubernetes: environments, deliveries, rollbacks and showrooms.</p>")
                .arg(QApplication::applicationVersion()));
    });
    updateRecentMenu();
}

CompareDialog *MainWindow::showCompareDialog()
{
    if (!m_ecosystem) {
        statusBar()->showMessage(tr("Open an ecosystem without errors to compare its environments."), 5000);
        return nullptr;
    }
    const Ecosystem ecosystem = *m_ecosystem;
    auto *dialog = new CompareDialog(
        ecosystem,
        [this, ecosystem](const QString &name) {
            QHash<QString, QString> commits;
            for (int i = 0; i < ecosystem.environments.size() && i < m_monitor->count(); ++i) {
                const EnvironmentWatch *watch = m_monitor->environment(i);
                if (!watch || ecosystem.environments[i].name != name)
                    continue;
                for (const System &system : ecosystem.systems) {
                    const QString commit = watch->state(system.name).gitSha;
                    if (!commit.isEmpty())
                        commits.insert(system.name, commit);
                }
            }
            return commits;
        },
        this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    return dialog;
}

void MainWindow::showCommandPalette()
{
    if (!m_palette)
        m_palette = new CommandPalette(this);
    m_palette->collectActions();
    m_palette->open();
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList files = RecentEcosystems().files();
    for (const QString &path : files) {
        m_recentMenu->addAction(QFileInfo(path).fileName() + QStringLiteral(" — ") + QFileInfo(path).absolutePath(),
            this, [this, path] { openEcosystem(path); });
    }
    m_recentMenu->setEnabled(!files.isEmpty());
}

void MainWindow::openWithDialog()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Ecosystem"), QFileInfo(m_path).absolutePath(),
        tr("Ecosystem files (*.yaml *.yml);;All files (*)"));
    if (!path.isEmpty())
        openEcosystem(path);
}

bool MainWindow::openEcosystem(const QString &path)
{
    const EcosystemLoadResult result = EcosystemLoader().loadFile(path);
    m_path = path;

    QFile file(path);
    if (file.size() <= EcosystemLoader::maximumFileSize && file.open(QIODevice::ReadOnly))
        m_sourceView->setSource(QString::fromUtf8(file.readAll()));
    else
        m_sourceView->setSource(QString());

    m_diagnosticsModel->setDiagnostics(result.diagnostics);
    QList<int> errorLines;
    QList<int> warningLines;
    for (const Diagnostic &d : result.diagnostics)
        (d.isError() ? errorLines : warningLines).append(d.location.line);
    m_sourceView->markLines(errorLines, warningLines);
    // An empty problems list only needs its title.
    m_diagnosticsView->setVisible(!result.diagnostics.isEmpty());
    m_diagnosticsTitle->setText(result.diagnostics.isEmpty()
            ? tr("<b>Problems</b> — none")
            : tr("<b>Problems</b> — %1 error(s), %2 warning(s)").arg(errorLines.size()).arg(warningLines.size()));

    if (result.ecosystem) {
        m_ecosystem = *result.ecosystem;
        m_matrixModel->setEcosystem(*result.ecosystem);
        // The kubeconfig as kubectl reads it (or --kubeconfig), read again
        // on every open, so that a reload (F5) sees a changed one; each
        // environment connects on its own.
        m_cluster = ClusterAccess::load(m_kubeconfigFile);
        m_monitor->watch(*result.ecosystem, m_cluster);
        m_matrixModel->setCluster(m_cluster);
        // The cluster tree: every environment's namespace, or a showroom's
        // namespaces (its pattern with any task), grouped by context.
        m_clusterModel->clear();
        m_clusterContexts.clear();
        m_clusterStarted = false;
        for (const Environment &environment : result.ecosystem->environments) {
            auto it = std::find_if(m_clusterContexts.begin(), m_clusterContexts.end(),
                [&](const ClusterContext &entry) { return entry.context == environment.context; });
            if (it == m_clusterContexts.end())
                it = m_clusterContexts.insert(m_clusterContexts.end(), ClusterContext { environment.context, {}, {} });
            if (!environment.namespacePattern.isEmpty()) {
                it->patterns.append(environment.namespaceRegex().pattern());
            } else if (!environment.namespaceName.isEmpty() && !it->namespaces.contains(environment.namespaceName)) {
                it->namespaces.append(environment.namespaceName);
            }
        }
        if (m_views->currentWidget() == m_clusterView)
            startClusterView();
        m_taskModel->setEcosystem(*result.ecosystem);
        m_pipelineView->setEcosystem(*result.ecosystem, m_cluster);
        m_historyView->setEcosystem(*result.ecosystem, m_cluster);
        m_metricsView->setEcosystem(*result.ecosystem, m_cluster);
        m_clusterView->setEcosystem(*result.ecosystem);
        m_taskActions->setEcosystem(*result.ecosystem, m_cluster);
        m_doctorView->setEcosystem(*result.ecosystem, m_cluster);
        if (m_views->currentWidget() == m_doctorView)
            m_doctorView->checkIfStale();
        if (m_matrixModel->rowCount() > 0 && m_matrixModel->columnCount() > 0)
            m_matrixView->setCurrentIndex(m_matrixModel->index(0, 0));
        setWindowTitle(tr("%1 — Shipyard").arg(result.ecosystem->name));
        m_statusLabel->setText(tr("%1: %2 systems, %3 environments.")
                .arg(QFileInfo(path).fileName())
                .arg(result.ecosystem->systems.size())
                .arg(result.ecosystem->environments.size()));
    } else {
        m_monitor->clear();
        m_ecosystem.reset();
        m_matrixModel->setEcosystem({});
        m_clusterModel->clear();
        m_clusterContexts.clear();
        m_taskModel->setEcosystem({});
        m_pipelineView->setEcosystem({}, {});
        m_historyView->setEcosystem({}, {});
        m_metricsView->setEcosystem({}, {});
        m_clusterView->setEcosystem({});
        m_taskActions->setEcosystem({}, {});
        m_doctorView->setEcosystem(std::nullopt, {});
        setWindowTitle(tr("%1 — Shipyard").arg(QFileInfo(path).fileName()));
        m_statusLabel->setText(tr("%1 has errors; fix them and reload (F5).").arg(QFileInfo(path).fileName()));
    }
    RecentEcosystems().add(path);
    updateRecentMenu();
    return result.ecosystem.has_value();
}

void MainWindow::showCellDetails()
{
    // A showroom's column goes with its showroom, and the current cell with it.
    const QModelIndex current = m_matrixView->currentIndex();
    m_cellDetails->setText(current.isValid() ? current.data(Qt::ToolTipRole).toString()
                                             : tr("Select a cell to see the system's details in that environment."));
}

void MainWindow::startClusterView()
{
    if (m_clusterStarted)
        return;
    m_clusterStarted = true;
    for (const ClusterContext &entry : std::as_const(m_clusterContexts)) {
        QString error;
        const KubeClient client = m_cluster.client(entry.context, &error);
        if (!client.isValid()) {
            m_clusterModel->addFailedContext(entry.context, error);
            continue;
        }
        QRegularExpression pattern;
        if (!entry.patterns.isEmpty())
            pattern.setPattern(QStringLiteral("^(?:%1)$").arg(entry.patterns.join(QLatin1Char('|'))));
        m_clusterModel->addContext(entry.context, client, entry.namespaces, pattern);
    }
}

void MainWindow::waitForLiveState(int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    const auto settled = [this] {
        // The history and the metrics read the cluster too.
        if (m_historyView->isLoading() || m_metricsView->isLoading() || m_doctorView->isChecking())
            return false;
        // Every environment, and every showroom that is up, has answered or failed.
        if (!m_monitor->isSettled())
            return false;
        if (m_clusterStarted) {
            for (const ClusterContext &entry : std::as_const(m_clusterContexts)) {
                if (!m_clusterModel->isContextLoaded(entry.context) &&
                    m_clusterModel->contextError(entry.context).isEmpty())
                    return false;
            }
            if (!m_clusterModel->isIdle() || !m_clusterView->isDetailSettled())
                return false;
        }
        return !m_taskModel->isScanning();
    };
    while (!settled() && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
}

void MainWindow::filterMatrixRows(int first, int last)
{
    const QString text = m_matrixFilter->text().trimmed();
    for (int row = first; row <= last; ++row) {
        bool matches = text.isEmpty() ||
            m_matrixModel->headerData(row, Qt::Vertical).toString().contains(text, Qt::CaseInsensitive);
        for (int column = 0; !matches && column < m_matrixModel->columnCount(); ++column)
            matches = m_matrixModel->index(row, column).data().toString().contains(text, Qt::CaseInsensitive);
        m_matrixView->setRowHidden(row, !matches);
    }
}

void MainWindow::jumpToDiagnostic(const QModelIndex &index)
{
    const int line = index.data(DiagnosticsModel::LineRole).toInt();
    if (line > 0)
        m_sourceView->goToLine(line, index.data(DiagnosticsModel::ColumnRole).toInt());
}

QStringList MainWindow::viewNames()
{
    return { QStringLiteral("environments"), QStringLiteral("pipeline"), QStringLiteral("tasks"),
        QStringLiteral("cluster"), QStringLiteral("history"), QStringLiteral("metrics"), QStringLiteral("doctor") };
}

void MainWindow::showSystemLog(const QString &context, const QString &ns, const QString &deployment)
{
    showView(QStringLiteral("cluster"));
    // The tree fills as the cluster answers: look for the deployment's row a while.
    auto *poll = new QTimer(this);
    auto deadline = std::make_shared<QDeadlineTimer>(15000);
    connect(poll, &QTimer::timeout, this, [this, poll, deadline, context, ns, deployment] {
        if (m_clusterView->showSystemLog(context, ns, deployment) || deadline->hasExpired())
            poll->deleteLater();
    });
    poll->start(100);
}

bool MainWindow::showView(const QString &name)
{
    const int index = int(viewNames().indexOf(name));
    if (index < 0)
        return false;
    m_views->setCurrentIndex(index);
    return true;
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(QStringLiteral("mainWindow/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("mainWindow/state"), saveState());
    WindowLayoutSettings::save(this, settings);
    event->accept();
}

} // namespace Shipyard
