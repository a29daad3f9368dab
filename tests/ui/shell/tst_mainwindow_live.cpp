// SPDX-License-Identifier: GPL-2.0-or-later
// The environments matrix against the local control plane: a deployment made
// with kubectl appears in its cell, changes only that cell, and a context that
// does not exist marks only its own column. Showrooms get a column each while
// they are up, inserted and removed without resetting the matrix.
#include "cluster/ClusterView.h"
#include "cluster/SystemLogView.h"
#include "environments/EnvironmentMatrixModel.h"
#include "shell/MainWindow.h"

#include "kube/ClusterAccess.h"
#include "pipeline/EnvironmentLock.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include "LocalCluster.h"

using namespace Shipyard;

class tst_MainWindowLive : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        qputenv("KUBECONFIG", LocalCluster::kubeconfigPath().toUtf8());
        m_ns = QStringLiteral("ui-live-%1").arg(QCoreApplication::applicationPid());
        QVERIFY(LocalCluster::kubectl(
            QStringLiteral("staging"), { QStringLiteral("create"), QStringLiteral("namespace"), m_ns }));
    }

    void cleanupTestCase()
    {
        LocalCluster::kubectl(QStringLiteral("staging"),
            { QStringLiteral("delete"), QStringLiteral("namespace"), m_ns, QStringLiteral("--wait=false") });
        for (const QString &ns : std::as_const(m_showroomNamespaces))
            LocalCluster::kubectl(QStringLiteral("showroom"),
                { QStringLiteral("delete"), QStringLiteral("namespace"), ns, QStringLiteral("--ignore-not-found"),
                    QStringLiteral("--wait=false") });
    }

    void cellFollowsTheCluster()
    {
        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("eco.yaml")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(
            QStringLiteral("name: Live\nsystems:\n"
                           "  - {name: api, template: backend, repository: r, image: demo/api, manifests: [m]}\n"
                           "  - {name: web, template: frontend, repository: r, image: demo/web, manifests: [m]}\n"
                           "environments:\n"
                           "  - {name: staging, kind: staging, context: staging, namespace: %1}\n"
                           "  - {name: elsewhere, kind: staging, context: no-such-context, namespace: x}\n")
                .arg(m_ns)
                .toUtf8());
        file.close();

        MainWindow window;
        EnvironmentMatrixModel *matrix = window.environmentMatrixModel();
        QAbstractItemModelTester tester(matrix, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(window.openEcosystem(file.fileName()));
        window.waitForLiveState(30000);

        QCOMPARE(matrix->index(0, 0).data().toString(), QStringLiteral("not deployed"));
        QCOMPARE(matrix->index(0, 1).data().toString(), QStringLiteral("no connection"));
        QVERIFY(matrix->index(0, 1)
                .data(EnvironmentMatrixModel::ConnectionErrorRole)
                .toString()
                .contains(QStringLiteral("no-such-context")));

        QSignalSpy changed(matrix, &QAbstractItemModel::dataChanged);
        QVERIFY(LocalCluster::kubectl(QStringLiteral("staging"),
            { QStringLiteral("apply"), QStringLiteral("-f"), QStringLiteral("-") },
            QStringLiteral("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api, namespace: %1}\n"
                           "spec:\n  replicas: 2\n  selector: {matchLabels: {app: api}}\n"
                           "  template:\n    metadata: {labels: {app: api}}\n"
                           "    spec: {containers: [{name: api, image: 'demo/api:v1'}]}\n")
                .arg(m_ns)
                .toUtf8()));
        QTRY_COMPARE_WITH_TIMEOUT(matrix->index(0, 0).data().toString(), QStringLiteral("v1\n✔ 2/2 ready"), 60000);
        QCOMPARE(matrix->index(0, 0).data(EnvironmentMatrixModel::ImageRole).toString(), QStringLiteral("demo/api:v1"));
        // Updates touch the api cell only, never the web row or the other column.
        QVERIFY(!changed.isEmpty());
        for (const QList<QVariant> &signal : std::as_const(changed)) {
            const QModelIndex topLeft = signal.at(0).toModelIndex();
            const QModelIndex bottomRight = signal.at(1).toModelIndex();
            QCOMPARE(topLeft, matrix->index(0, 0));
            QCOMPARE(bottomRight, matrix->index(0, 0));
        }
        QCOMPARE(matrix->index(1, 0).data().toString(), QStringLiteral("not deployed"));

        // As a delivery leaves it: the version people know, the task it
        // carried, who delivered it and how long ago.
        const QString twoHoursAgo = QDateTime::currentDateTimeUtc().addSecs(-2 * 3600 - 300).toString(Qt::ISODate);
        QVERIFY(LocalCluster::kubectl(QStringLiteral("staging"),
            { QStringLiteral("annotate"), QStringLiteral("--overwrite"), QStringLiteral("-n"), m_ns,
                QStringLiteral("deployment/api"), QStringLiteral("shipyard.dev/version=v1.5.0-2-g3f6a1b2"),
                QStringLiteral("shipyard.dev/tasks=SHOP-7,SHOP-9"),
                QStringLiteral("shipyard.dev/delivered-by=anna@release-laptop"),
                QStringLiteral("shipyard.dev/delivered-at=") + twoHoursAgo }));
        QTRY_COMPARE_WITH_TIMEOUT(matrix->index(0, 0).data().toString(),
            QStringLiteral("v1.5.0-2-g3f6a1b2\n✔ 2/2 ready\nSHOP-7, SHOP-9 · anna · 2 h ago"), 30000);
        const QString tip = matrix->index(0, 0).data(Qt::ToolTipRole).toString();
        QVERIFY2(tip.contains(QStringLiteral("✔ Healthy: rolled out, every replica ready.")), qPrintable(tip));
        QVERIFY2(tip.contains(QStringLiteral("Delivered by anna@release-laptop, 2 h ago")), qPrintable(tip));

        // Someone holds staging's delivery lock and another waits: the header says so.
        QString error;
        const KubeClient client = ClusterAccess::load().client(QStringLiteral("staging"), &error);
        QVERIFY2(client.isValid(), qPrintable(error));
        EnvironmentLock holder(client, m_ns, QStringLiteral("ben@dev-box/41"));
        holder.setReason(QStringLiteral("SHOP-9 to staging"));
        QVERIFY2(holder.acquire(false, nullptr, &error), qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(
            matrix->headerData(0, Qt::Horizontal).toString().endsWith(QStringLiteral("\n⚑ ben delivers")), 30000);
        QCOMPARE(matrix->headerData(0, Qt::Horizontal, EnvironmentMatrixModel::LockHolderRole).toString(),
            QStringLiteral("ben@dev-box/41"));
        QVERIFY(matrix->headerData(0, Qt::Horizontal, Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("held by ben@dev-box/41 since")));
        holder.release();
        QTRY_VERIFY_WITH_TIMEOUT(
            !matrix->headerData(0, Qt::Horizontal).toString().contains(QStringLiteral("⚑")), 30000);

        // A delivered cell opens its system's log (the matrix's context menu):
        // the Cluster view on the System log tab of the system's Deployment.
        const QModelIndex cell = matrix->index(0, 0);
        window.showSystemLog(cell.data(EnvironmentMatrixModel::ContextRole).toString(),
            cell.data(EnvironmentMatrixModel::NamespaceRole).toString(),
            cell.data(EnvironmentMatrixModel::SystemNameRole).toString());
        SystemLogView *log = window.clusterView()->systemLogView();
        QTRY_COMPARE_WITH_TIMEOUT(log->deployment(), QStringLiteral("api"), 30000);
        QTRY_COMPARE_WITH_TIMEOUT(log->shownLineCount(), 2 * 14, 30000);
    }

    void showroomColumnsComeAndGo()
    {
        const qint64 pid = QCoreApplication::applicationPid();
        const QString rooms = QStringLiteral("rooms-%1").arg(pid);
        const QString firstTask = QStringLiteral("TSA-%1").arg(pid);
        const QString secondTask = QStringLiteral("TSB-%1").arg(pid);
        m_showroomNamespaces = { QStringLiteral("ui-%1-tsa-%1").arg(pid), QStringLiteral("ui-%1-tsb-%1").arg(pid) };
        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("eco.yaml")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(
            QStringLiteral("name: Rooms\nsystems:\n"
                           "  - {name: api, template: backend, repository: r, image: demo/api, manifests: [m]}\n"
                           "  - {name: web, template: frontend, repository: r, image: demo/web, manifests: [m]}\n"
                           "environments:\n"
                           "  - {name: staging, kind: staging, context: staging, namespace: %1}\n"
                           "  - {name: %2, kind: showroom, context: showroom, namespacePattern: 'ui-%3-{task}', "
                           "ttl: 2h}\n"
                           "  - {name: elsewhere, kind: staging, context: no-such-context, namespace: x}\n")
                .arg(m_ns, rooms)
                .arg(pid)
                .toUtf8());
        file.close();

        MainWindow window;
        EnvironmentMatrixModel *matrix = window.environmentMatrixModel();
        QAbstractItemModelTester tester(matrix, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(window.openEcosystem(file.fileName()));
        window.show();
        window.waitForLiveState(30000);
        QSignalSpy resets(matrix, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(matrix, &QAbstractItemModel::columnsInserted);
        QSignalSpy removed(matrix, &QAbstractItemModel::columnsRemoved);

        // None up: one greyed column that says so.
        QCOMPARE(matrix->columnCount(), 3);
        const QString stagingApi = matrix->index(0, 0).data().toString();
        // The first case's api, when it ran before, as it left it: version v1.5.0-2-g3f6a1b2.
        QVERIFY2(stagingApi == QStringLiteral("not deployed") || stagingApi.startsWith(QStringLiteral("v1")),
            qPrintable(stagingApi));
        QVERIFY(matrix->index(0, 1).data(EnvironmentMatrixModel::ShowroomPlaceholderRole).toBool());
        QCOMPARE(matrix->index(0, 1).data().toString(), QStringLiteral("no showroom up"));
        QVERIFY(matrix->headerData(1, Qt::Horizontal, Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("No showroom of %1 is up").arg(rooms)));

        // A showroom with the api deployed, then a second one without.
        QVERIFY(createShowroom(m_showroomNamespaces[0], rooms, firstTask));
        QVERIFY(LocalCluster::kubectl(QStringLiteral("showroom"),
            { QStringLiteral("apply"), QStringLiteral("-f"), QStringLiteral("-") },
            QStringLiteral("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api, namespace: %1}\n"
                           "spec:\n  replicas: 1\n  selector: {matchLabels: {app: api}}\n"
                           "  template:\n    metadata: {labels: {app: api}}\n"
                           "    spec: {containers: [{name: api, image: 'demo/api:v7'}]}\n")
                .arg(m_showroomNamespaces[0])
                .toUtf8()));
        QTRY_COMPARE_WITH_TIMEOUT(
            matrix->index(0, 1).data(EnvironmentMatrixModel::TaskRole).toString(), firstTask, 30000);
        QCOMPARE(matrix->columnCount(), 3);
        QVERIFY(matrix->headerData(1, Qt::Horizontal)
                .toString()
                .startsWith(QStringLiteral("%1 %2\n").arg(rooms, firstTask)));
        QCOMPARE(matrix->index(0, 1).data(EnvironmentMatrixModel::NamespaceRole).toString(), m_showroomNamespaces[0]);
        QTRY_COMPARE_WITH_TIMEOUT(matrix->index(0, 1).data().toString(), QStringLiteral("v7\n✔ 1/1 ready"), 60000);
        QCOMPARE(matrix->index(1, 1).data().toString(), QStringLiteral("not deployed"));

        QElapsedTimer clock;
        clock.start();
        QVERIFY(createShowroom(m_showroomNamespaces[1], rooms, secondTask));
        QTRY_COMPARE_WITH_TIMEOUT(matrix->columnCount(), 4, 30000);
        qInfo("a showroom's column appeared %lld ms after kubectl began creating its namespace", clock.elapsed());
        QCOMPARE(matrix->index(0, 2).data(EnvironmentMatrixModel::TaskRole).toString(), secondTask);
        QTRY_COMPARE_WITH_TIMEOUT(matrix->index(0, 2).data().toString(), QStringLiteral("not deployed"), 30000);
        const QString tooltip = matrix->headerData(2, Qt::Horizontal, Qt::ToolTipRole).toString();
        QVERIFY2(tooltip.contains(secondTask) && tooltip.contains(QStringLiteral("tester@example")) &&
                tooltip.contains(QStringLiteral("Expires in 1 h")),
            qPrintable(tooltip));
        // Pinned and put to sleep (the annotations ShowroomManager writes): the header says so, as it changes.
        QVERIFY(LocalCluster::kubectl(QStringLiteral("showroom"),
            { QStringLiteral("annotate"), QStringLiteral("namespace"), m_showroomNamespaces[1],
                QStringLiteral("shipyard.dev/pinned-by=qa@example"), QStringLiteral("shipyard.dev/pin-reason=the demo"),
                QStringLiteral("shipyard.dev/sleeping-since=2026-12-07T09:00:00Z") }));
        QTRY_VERIFY_WITH_TIMEOUT(
            matrix->headerData(2, Qt::Horizontal).toString().contains(QStringLiteral("📌 pinned · ☾ asleep")), 30000);
        const QString restingTooltip = matrix->headerData(2, Qt::Horizontal, Qt::ToolTipRole).toString();
        QVERIFY2(restingTooltip.contains(QStringLiteral("Pinned by qa@example: the demo")) &&
                restingTooltip.contains(QStringLiteral("Asleep since")),
            qPrintable(restingTooltip));
        // The environments after the showrooms moved right and kept their own state.
        QVERIFY(matrix->headerData(3, Qt::Horizontal).toString().startsWith(QStringLiteral("elsewhere\n")));
        QCOMPARE(matrix->index(0, 3).data().toString(), QStringLiteral("no connection"));
        QCOMPARE(matrix->index(0, 0).data().toString(), stagingApi);

        // Clicking a showroom's cell details that showroom.
        QTableView *view = nullptr;
        for (QTableView *table : window.findChildren<QTableView *>()) {
            if (table->accessibleName() == QStringLiteral("Environment matrix"))
                view = table;
        }
        QVERIFY(view);
        QCOMPARE(view->model(), matrix);
        QLabel *details = nullptr;
        for (QLabel *label : window.findChildren<QLabel *>()) {
            if (label->accessibleName() == QStringLiteral("Details of the selected cell"))
                details = label;
        }
        QVERIFY(details);
        view->scrollTo(matrix->index(0, 1));
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(matrix->index(0, 1)).center());
        QCOMPARE(view->currentIndex(), matrix->index(0, 1));
        QVERIFY2(details->text().contains(QStringLiteral("api in showroom/%1").arg(m_showroomNamespaces[0])) &&
                details->text().contains(QStringLiteral("Image: demo/api:v7")) &&
                details->text().contains(QStringLiteral("Showroom of %1").arg(firstTask)),
            qPrintable(details->text()));
        view->setCurrentIndex(matrix->index(1, 2));
        QVERIFY2(details->text().contains(
                     QStringLiteral("web is not deployed in namespace %1").arg(m_showroomNamespaces[1])) &&
                details->text().contains(QStringLiteral("Created by tester@example")),
            qPrintable(details->text()));

        // The first goes: its column with it; the current cell follows the second.
        QVERIFY(LocalCluster::kubectl(QStringLiteral("showroom"),
            { QStringLiteral("delete"), QStringLiteral("namespace"), m_showroomNamespaces[0],
                QStringLiteral("--wait=false") }));
        clock.restart();
        QTRY_COMPARE_WITH_TIMEOUT(matrix->columnCount(), 3, 120000);
        qInfo("a showroom's column went %lld ms after its namespace's deletion was asked", clock.elapsed());
        QCOMPARE(matrix->index(0, 1).data(EnvironmentMatrixModel::TaskRole).toString(), secondTask);
        QCOMPARE(view->currentIndex().data(EnvironmentMatrixModel::TaskRole).toString(), secondTask);
        QVERIFY2(
            details->text().contains(QStringLiteral("Showroom of %1").arg(secondTask)), qPrintable(details->text()));

        // The last goes: the placeholder is back.
        QVERIFY(LocalCluster::kubectl(QStringLiteral("showroom"),
            { QStringLiteral("delete"), QStringLiteral("namespace"), m_showroomNamespaces[1],
                QStringLiteral("--wait=false") }));
        QTRY_VERIFY_WITH_TIMEOUT(
            matrix->index(0, 1).data(EnvironmentMatrixModel::ShowroomPlaceholderRole).toBool(), 120000);
        QCOMPARE(matrix->columnCount(), 3);
        QCOMPARE(matrix->index(0, 1).data().toString(), QStringLiteral("no showroom up"));
        QCOMPARE(matrix->index(0, 2).data().toString(), QStringLiteral("no connection"));

        // Incremental all along: two showrooms in, the placeholder out and back.
        QCOMPARE(resets.count(), 0);
        QCOMPARE(inserted.count(), 3);
        QCOMPARE(removed.count(), 3);
    }

private:
    static bool createShowroom(const QString &ns, const QString &environment, const QString &task)
    {
        // What ShowroomManager::up writes (tst_showroomdirectory checks that ShowroomManager agrees).
        return LocalCluster::kubectl(QStringLiteral("showroom"),
            { QStringLiteral("apply"), QStringLiteral("-f"), QStringLiteral("-") },
            QStringLiteral("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: %1\n"
                           "  labels: {shipyard.dev/showroom: 'true', shipyard.dev/task: '%3', "
                           "shipyard.dev/environment: '%2'}\n"
                           "  annotations: {shipyard.dev/creator: 'tester@example', shipyard.dev/expires-at: '%4'}\n")
                .arg(
                    ns, environment, task, QDateTime::currentDateTimeUtc().addSecs(2 * 3600 - 60).toString(Qt::ISODate))
                .toUtf8());
    }

    QString m_ns;
    QStringList m_showroomNamespaces;
};

QTEST_MAIN(tst_MainWindowLive)
#include "tst_mainwindow_live.moc"
