// SPDX-License-Identifier: GPL-2.0-or-later
// A context that is unreachable or hung never delays the others: beside the
// local control plane's staging context, one context points at a closed port
// and one at a server that accepts TCP and never answers (DeadContexts.h).
// The environments matrix and the cluster tree show staging's live data
// within 2 s of opening the ecosystem while the hung context is still
// connecting; the dead ones then show an error of their own, naming the
// server, once their connect timeout has passed.
#include "cluster/ClusterTreeModel.h"
#include "environments/EnvironmentMatrixModel.h"
#include "history/HistoryView.h"
#include "history/MetricsView.h"
#include "history/ReleaseHistoryModel.h"
#include "shell/MainWindow.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include "DeadContexts.h"
#include "LocalCluster.h"

using namespace Shipyard;

class tst_MainWindowDeadContexts : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        QVERIFY(m_dead.start());
        const QString dead = m_dir.filePath(QStringLiteral("dead.yaml"));
        QVERIFY(m_dead.writeKubeconfig(dead));
        qputenv("KUBECONFIG", (LocalCluster::kubeconfigPath() + QLatin1Char(':') + dead).toUtf8());
        m_ns = QStringLiteral("ui-dead-%1").arg(QCoreApplication::applicationPid());
        QVERIFY(LocalCluster::kubectl(
            QStringLiteral("staging"), { QStringLiteral("create"), QStringLiteral("namespace"), m_ns }));
    }

    void cleanupTestCase()
    {
        LocalCluster::kubectl(QStringLiteral("staging"),
            { QStringLiteral("delete"), QStringLiteral("namespace"), m_ns, QStringLiteral("--wait=false") });
    }

    void liveContextIsNotDelayed()
    {
        // The dead environments come first, as they would for a loop that waits for each in turn.
        QFile file(m_dir.filePath(QStringLiteral("eco.yaml")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QStringLiteral("name: Dead\nsystems:\n"
                                  "  - {name: api, template: backend, repository: r, image: demo/api, manifests: [m]}\n"
                                  "environments:\n"
                                  "  - {name: hung, kind: staging, context: hung, namespace: x}\n"
                                  "  - {name: closed, kind: staging, context: closed, namespace: x}\n"
                                  "  - {name: staging, kind: staging, context: staging, namespace: %1}\n")
                .arg(m_ns)
                .toUtf8());
        file.close();

        MainWindow window;
        EnvironmentMatrixModel *matrix = window.environmentMatrixModel();
        ClusterTreeModel *tree = window.clusterTreeModel();
        QElapsedTimer clock;
        clock.start();
        QVERIFY(window.openEcosystem(file.fileName()));
        QVERIFY(window.showView(QStringLiteral("cluster")));
        const QModelIndex hung = matrix->index(0, 0);
        const QModelIndex closed = matrix->index(0, 1);
        const QModelIndex staging = matrix->index(0, 2);

        QTRY_VERIFY_WITH_TIMEOUT(staging.data().toString() == QStringLiteral("not deployed") &&
                tree->isContextLoaded(QStringLiteral("staging")),
            5000);
        const qint64 live = clock.elapsed();
        qInfo("staging live in the matrix and the cluster tree after %lld ms; hung: \"%s\"", live,
            qPrintable(hung.data().toString()));
        QVERIFY2(live <= 2000, qPrintable(QStringLiteral("the live context took %1 ms").arg(live)));
        // Still waiting for the hung server: nothing waited for it.
        QCOMPARE(hung.data().toString(), QStringLiteral("connecting…"));
        QVERIFY(!tree->isContextLoaded(QStringLiteral("hung")));
        QVERIFY(tree->contextError(QStringLiteral("hung")).isEmpty());
        QVERIFY(tree->findIndex(ClusterTreeModel::Kind::Namespace, QStringLiteral("staging"), m_ns).isValid());
        QTRY_VERIFY_WITH_TIMEOUT(m_dead.acceptedConnections() > 0, 5000);

        // The History and Metrics views on the hung environment wait for its
        // releases in the background; the releases of the live one come
        // meanwhile.
        HistoryView *history = window.historyView();
        QVERIFY(window.metricsView()->setEnvironment(QStringLiteral("hung")));
        QVERIFY(history->setEnvironment(QStringLiteral("hung")));
        QSignalSpy loaded(history->model(), &ReleaseHistoryModel::loaded);
        QElapsedTimer historyClock;
        historyClock.start();
        QVERIFY(history->setEnvironment(QStringLiteral("staging")));
        QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty(), 60000);
        const qint64 historyMs = historyClock.elapsed();
        qInfo("staging's release history read in %lld ms while the hung one's was pending (%lld ms after opening)",
            historyMs, clock.elapsed());
        QCOMPARE(loaded.first().first().toString(), QString());
        QVERIFY2(historyMs <= 2000, qPrintable(QStringLiteral("%1 ms").arg(historyMs)));
        QCOMPARE(hung.data().toString(), QStringLiteral("connecting…"));

        // The closed port is refused at once; the hung server fails by its timeout.
        QTRY_COMPARE_WITH_TIMEOUT(closed.data().toString(), QStringLiteral("no connection"), 15000);
        const QString closedError = closed.data(EnvironmentMatrixModel::ConnectionErrorRole).toString();
        QVERIFY2(
            closedError.contains(QStringLiteral("127.0.0.1:%1").arg(m_dead.closedPort())), qPrintable(closedError));
        QTRY_COMPARE_WITH_TIMEOUT(hung.data().toString(), QStringLiteral("no connection"), 60000);
        const qint64 hungFailed = clock.elapsed();
        const QString hungError = hung.data(EnvironmentMatrixModel::ConnectionErrorRole).toString();
        qInfo("hung context failed after %lld ms: %s", hungFailed, qPrintable(hungError));
        QVERIFY2(hungError.contains(QStringLiteral("127.0.0.1:%1").arg(m_dead.hungPort())), qPrintable(hungError));
        QTRY_VERIFY_WITH_TIMEOUT(!tree->contextError(QStringLiteral("hung")).isEmpty(), 60000);
        qInfo("cluster tree, hung: %s", qPrintable(tree->contextError(QStringLiteral("hung"))));
        QTRY_VERIFY_WITH_TIMEOUT(!tree->contextError(QStringLiteral("closed")).isEmpty(), 5000);
        // And staging stayed live throughout.
        QCOMPARE(staging.data().toString(), QStringLiteral("not deployed"));
    }

private:
    QTemporaryDir m_dir;
    DeadContexts m_dead;
    QString m_ns;
};

QTEST_MAIN(tst_MainWindowDeadContexts)
#include "tst_mainwindow_deadcontexts.moc"
