// SPDX-License-Identifier: GPL-2.0-or-later
#include "delivery/PipelineView.h"
#include "doctor/DoctorModel.h"
#include "doctor/DoctorView.h"
#include "environments/DiagnosticsModel.h"
#include "environments/EnvironmentMatrixModel.h"
#include "history/HistoryView.h"
#include "history/MetricsView.h"
#include "shell/CommandPalette.h"
#include "shell/MainWindow.h"
#include "shell/RecentEcosystems.h"
#include "widgets/EcosystemSourceView.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QLineEdit>
#include <QListView>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace Shipyard;

class tst_MainWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        // Never touch the user's settings.
        QStandardPaths::setTestModeEnabled(true);
        // No cluster here: every environment must say so on its own.
        qputenv("KUBECONFIG", "/nonexistent/kubeconfig");
        QCoreApplication::setOrganizationName(QStringLiteral("ShipyardTest"));
    }

    void demoFillsTheMatrix()
    {
        MainWindow window;
        QAbstractItemModelTester matrixTester(
            window.environmentMatrixModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester diagnosticsTester(
            window.diagnosticsModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(window.openEcosystem(QStringLiteral(SHIPYARD_SOURCE_DIR "/resources/demo/ecosystem.yaml")));

        const EnvironmentMatrixModel *matrix = window.environmentMatrixModel();
        QCOMPARE(matrix->rowCount(), 3);
        QCOMPARE(matrix->columnCount(), 4);
        QVERIFY(matrix->headerData(0, Qt::Vertical).toString().startsWith(QStringLiteral("storefront")));
        QVERIFY(matrix->headerData(3, Qt::Horizontal).toString().startsWith(QStringLiteral("production")));
        const QModelIndex catalogInStaging = matrix->index(1, 2);
        QCOMPARE(catalogInStaging.data(EnvironmentMatrixModel::SystemNameRole).toString(), QStringLiteral("catalog"));
        QCOMPARE(catalogInStaging.data(EnvironmentMatrixModel::NamespaceRole).toString(),
            QStringLiteral("shipyard-staging"));
        QCOMPARE(catalogInStaging.data(EnvironmentMatrixModel::ContextRole).toString(), QStringLiteral("staging"));
        // Without a cluster the cell says so instead of inventing a state, and says why.
        QCOMPARE(catalogInStaging.data().toString(), QStringLiteral("no connection"));
        QVERIFY2(catalogInStaging.data(EnvironmentMatrixModel::ConnectionErrorRole)
                     .toString()
                     .contains(QStringLiteral("staging")),
            qPrintable(catalogInStaging.data(EnvironmentMatrixModel::ConnectionErrorRole).toString()));
        // The showroom environment: one placeholder column, since its showrooms cannot be listed either.
        const QModelIndex catalogInShowroom = matrix->index(1, 1);
        QVERIFY(catalogInShowroom.data(EnvironmentMatrixModel::ShowroomPlaceholderRole).toBool());
        QCOMPARE(catalogInShowroom.data(EnvironmentMatrixModel::TaskRole).toString(), QString());
        QCOMPARE(catalogInShowroom.data(EnvironmentMatrixModel::NamespaceRole).toString(),
            QStringLiteral("showroom-{task}"));
        QCOMPARE(catalogInShowroom.data().toString(), QStringLiteral("no connection"));
        QVERIFY(catalogInShowroom.data(EnvironmentMatrixModel::ConnectionErrorRole)
                .toString()
                .contains(QStringLiteral("showroom")));
        QVERIFY(matrix->headerData(1, Qt::Horizontal).toString().startsWith(QStringLiteral("showroom\n")));
        QVERIFY(!matrix->index(0, 2).data(EnvironmentMatrixModel::ShowroomPlaceholderRole).toBool());
        QCOMPARE(window.diagnosticsModel()->rowCount(), 0);
        QVERIFY(window.sourceView()->toPlainText().contains(QStringLiteral("name: Demo Shop")));
        QVERIFY(window.windowTitle().startsWith(QStringLiteral("Demo Shop")));
        QCOMPARE(
            RecentEcosystems().files().first(), QStringLiteral(SHIPYARD_SOURCE_DIR "/resources/demo/ecosystem.yaml"));

        // The filter hides the systems that match nowhere: name, nor any cell.
        QLineEdit *filter = nullptr;
        for (QLineEdit *candidate : window.findChildren<QLineEdit *>())
            if (candidate->accessibleName() == QStringLiteral("Filter the systems of the matrix"))
                filter = candidate;
        QVERIFY(filter);
        QTableView *table = nullptr;
        for (QTableView *candidate : window.findChildren<QTableView *>())
            if (candidate->model() == matrix)
                table = candidate;
        QVERIFY(table);
        filter->setText(QStringLiteral("CATA"));
        QVERIFY(table->isRowHidden(0));
        QVERIFY(!table->isRowHidden(1));
        QVERIFY(table->isRowHidden(2));
        filter->setText(QStringLiteral("no connection"));
        QVERIFY(!table->isRowHidden(0) && !table->isRowHidden(1) && !table->isRowHidden(2));
        filter->clear();
        QVERIFY(!table->isRowHidden(0));
    }

    void environmentLimitedToSomeSystems()
    {
        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("eco.yaml")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("name: Two\nsystems:\n"
                   "  - {name: a, template: backend, repository: r, image: i, manifests: [m]}\n"
                   "  - {name: b, template: worker, repository: r, image: i, manifests: [m]}\n"
                   "environments:\n"
                   "  - {name: qa, kind: staging, context: c, namespace: n, systems: [b]}\n");
        file.close();
        MainWindow window;
        QVERIFY(window.openEcosystem(file.fileName()));
        const EnvironmentMatrixModel *matrix = window.environmentMatrixModel();
        QCOMPARE(matrix->index(0, 0).data(EnvironmentMatrixModel::DeliveredRole).toBool(), false);
        QCOMPARE(matrix->index(0, 0).data().toString(), QStringLiteral("not delivered here"));
        QCOMPARE(matrix->index(1, 0).data(EnvironmentMatrixModel::DeliveredRole).toBool(), true);
    }

    void problemsJumpToTheLine()
    {
        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("broken.yaml")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("name: Broken\nsystems:\n  - name: api\n    template: backnd\nenvironments: []\n");
        file.close();

        MainWindow window;
        QAbstractItemModelTester tester(
            window.diagnosticsModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(!window.openEcosystem(file.fileName()));
        QCOMPARE(window.environmentMatrixModel()->rowCount(), 0);
        DiagnosticsModel *problems = window.diagnosticsModel();
        QVERIFY(problems->rowCount() >= 1);
        QVERIFY(problems->errorCount() >= 1);

        int templateRow = -1;
        for (int row = 0; row < problems->rowCount(); ++row) {
            if (problems->index(row).data().toString().contains(QStringLiteral("'template'")))
                templateRow = row;
        }
        QVERIFY(templateRow >= 0);
        const QModelIndex index = problems->index(templateRow);
        QCOMPARE(index.data(DiagnosticsModel::LineRole).toInt(), 4);
        QCOMPARE(index.data(DiagnosticsModel::ColumnRole).toInt(), 15);

        window.show();
        // The problems list, not the popup list of a combo box or a Tasks board column.
        QListView *list = nullptr;
        for (QListView *candidate : window.findChildren<QListView *>()) {
            if (candidate->model() == problems)
                list = candidate;
        }
        QVERIFY(list);
        Q_EMIT list->activated(index);
        QCOMPARE(window.sourceView()->textCursor().blockNumber(), 3);
        QCOMPARE(window.sourceView()->textCursor().positionInBlock(), 14);
    }

    void commandPaletteRunsMenuActions()
    {
        MainWindow window;
        QVERIFY(window.openEcosystem(QStringLiteral(SHIPYARD_SOURCE_DIR "/resources/demo/ecosystem.yaml")));
        window.show();
        window.showCommandPalette();
        CommandPalette *palette = window.commandPalette();
        QVERIFY(palette);
        QVERIFY(palette->isVisible());
        const int all = palette->visibleCount();
        QVERIFY2(all >= 4, qPrintable(QString::number(all)));
        palette->setFilterText(QStringLiteral("file rel"));
        QCOMPARE(palette->visibleCount(), 1);
        palette->setFilterText(QStringLiteral("no such action"));
        QCOMPARE(palette->visibleCount(), 0);
        palette->setFilterText(QStringLiteral("reload"));
        QSignalSpy reloaded(window.diagnosticsModel(), &QAbstractItemModel::modelReset);
        palette->triggerCurrent();
        QCOMPARE(reloaded.count(), 1);
        QVERIFY(!palette->isVisible());
    }

    void deliveryViewsAreReachable()
    {
        MainWindow window;
        QVERIFY(window.openEcosystem(QStringLiteral(SHIPYARD_SOURCE_DIR "/resources/demo/ecosystem.yaml")));
        auto *tabs = qobject_cast<QTabWidget *>(window.centralWidget());
        QVERIFY(tabs);
        QVERIFY(window.showView(QStringLiteral("history")));
        QCOMPARE(tabs->currentWidget(), static_cast<QWidget *>(window.historyView()));
        QVERIFY(window.showView(QStringLiteral("metrics")));
        QCOMPARE(tabs->currentWidget(), static_cast<QWidget *>(window.metricsView()));

        window.show();
        window.showCommandPalette();
        CommandPalette *palette = window.commandPalette();
        // Deliver…, Cancel Delivery, Roll Back to the Selected Release…, Tear Down Showroom…
        palette->setFilterText(QStringLiteral("delivery"));
        QCOMPARE(palette->visibleCount(), 4);
        palette->setFilterText(QStringLiteral("tear down showroom"));
        QCOMPARE(palette->visibleCount(), 1);
        palette->setFilterText(QStringLiteral("roll back selected"));
        QCOMPARE(palette->visibleCount(), 1);
        palette->setFilterText(QStringLiteral("view pipeline"));
        QCOMPARE(palette->visibleCount(), 1);
        palette->triggerCurrent();
        QCOMPARE(tabs->currentWidget(), static_cast<QWidget *>(window.pipelineView()));
    }

    // The Health view, from the palette: its checks start once it is shown.
    void healthViewIsReachable()
    {
        MainWindow window;
        QVERIFY(window.openEcosystem(QStringLiteral(SHIPYARD_SOURCE_DIR "/resources/demo/ecosystem.yaml")));
        auto *tabs = qobject_cast<QTabWidget *>(window.centralWidget());
        QVERIFY(tabs);
        QCOMPARE(window.doctorView()->model()->rowCount(), 0);
        window.show();
        window.showCommandPalette();
        CommandPalette *palette = window.commandPalette();
        palette->setFilterText(QStringLiteral("view health"));
        QCOMPARE(palette->visibleCount(), 1);
        palette->triggerCurrent();
        QCOMPARE(tabs->currentWidget(), static_cast<QWidget *>(window.doctorView()));
        QVERIFY(window.doctorView()->model()->rowCount() > 0);
        window.waitForLiveState(15000);
        QVERIFY(!window.doctorView()->isChecking());
        QVERIFY(window.showView(QStringLiteral("doctor")));
    }

    void unknownViewIsRefused()
    {
        MainWindow window;
        QVERIFY(window.showView(QStringLiteral("environments")));
        QVERIFY(!window.showView(QStringLiteral("nonsense")));
    }
};

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"
