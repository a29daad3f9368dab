// SPDX-License-Identifier: GPL-2.0-or-later
// The environments matrix against the local control plane: a deployment made
// with kubectl appears in its cell, changes only that cell, and a context that
// does not exist marks only its own column.
#include "EnvironmentMatrixModel.h"
#include "MainWindow.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
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
        QTRY_COMPARE_WITH_TIMEOUT(matrix->index(0, 0).data().toString(), QStringLiteral("v1\n2/2 ready"), 60000);
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
    }

private:
    QString m_ns;
};

QTEST_MAIN(tst_MainWindowLive)
#include "tst_mainwindow_live.moc"
