// SPDX-License-Identifier: GPL-2.0-or-later
// The Cluster view's details against the local control plane: a
// deployment's events, YAML and rollout history; Scale, Restart and Undo
// through the panel; a pod's followed log with search, and the log of each
// container of a pod of two; the filter box; and
// actions disabled with the reason for a read-only user.
#include "cluster/ClusterFilterProxyModel.h"
#include "cluster/ClusterTreeModel.h"
#include "cluster/ClusterView.h"
#include "cluster/DeploymentPanel.h"
#include "cluster/EventListModel.h"
#include "cluster/PodLogView.h"
#include "cluster/RolloutHistoryModel.h"
#include "widgets/EcosystemSourceView.h"

#include "kube/ClusterAccess.h"
#include "kube/KubeClient.h"
#include "kube/Kubeconfig.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QLineEdit>
#include <QPushButton>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTest>

#include "LocalCluster.h"

using namespace Shipyard;
using Kind = ClusterTreeModel::Kind;

namespace {

QByteArray deployment(const QString &ns, int replicas)
{
    return QStringLiteral("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: app, namespace: %1}\n"
                          "spec:\n  replicas: %2\n  selector: {matchLabels: {app: app}}\n"
                          "  template:\n    metadata: {labels: {app: app}}\n"
                          "    spec: {containers: [{name: app, image: 'demo/app:1.0'}]}\n")
        .arg(ns)
        .arg(replicas)
        .toUtf8();
}

KubeClient clientFor(const QString &context)
{
    QString error;
    const KubeClient client = ClusterAccess::load(LocalCluster::kubeconfigPath()).client(context, &error);
    if (!client.isValid())
        qWarning("%s: %s", qPrintable(context), qPrintable(error));
    return client;
}

QString podsReady(ClusterTreeModel &model, const QModelIndex &deployment)
{
    return deployment.siblingAtColumn(ClusterTreeModel::ReadyColumn).data().toString() +
        QStringLiteral(" pods=%1").arg(model.count(Kind::Pod));
}

} // namespace

class tst_ClusterView : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        m_ns = QStringLiteral("ui-view-%1").arg(QCoreApplication::applicationPid());
        QVERIFY(LocalCluster::kubectl(
            QStringLiteral("local"), { QStringLiteral("create"), QStringLiteral("namespace"), m_ns }));
        QVERIFY(LocalCluster::kubectl(
            QStringLiteral("production"), { QStringLiteral("create"), QStringLiteral("namespace"), m_ns }));
    }

    void cleanupTestCase()
    {
        for (const QString &context : { QStringLiteral("local"), QStringLiteral("production") })
            LocalCluster::kubectl(context,
                { QStringLiteral("delete"), QStringLiteral("namespace"), m_ns, QStringLiteral("--wait=false") });
    }

    void podOfSeveralContainers()
    {
        // A namespace of its own: the other cases count the pods of theirs.
        const QString ns = m_ns + QStringLiteral("-pair");
        QVERIFY(LocalCluster::kubectl(
            QStringLiteral("local"), { QStringLiteral("create"), QStringLiteral("namespace"), ns }));
        const auto cleanup = qScopeGuard([&] {
            LocalCluster::kubectl(QStringLiteral("local"),
                { QStringLiteral("delete"), QStringLiteral("namespace"), ns, QStringLiteral("--wait=false") });
        });
        // kwok serves a log by container name: web gets frontend.log, worker worker.log.
        const QByteArray twoContainers =
            QStringLiteral("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: pair, namespace: %1}\n"
                           "spec:\n  replicas: 1\n  selector: {matchLabels: {app: pair}}\n"
                           "  template:\n    metadata: {labels: {app: pair}}\n"
                           "    spec: {containers: [{name: web, image: 'demo/web:1.0'}, "
                           "{name: worker, image: 'demo/worker:1.0'}]}\n")
                .arg(ns)
                .toUtf8();
        QVERIFY(LocalCluster::kubectl(QStringLiteral("local"),
            { QStringLiteral("apply"), QStringLiteral("-f"), QStringLiteral("-") }, twoContainers));
        ClusterTreeModel model;
        ClusterView view(&model);
        model.addContext(QStringLiteral("local"), clientFor(QStringLiteral("local")), { ns });
        const auto pod = [&] {
            const QModelIndex pair =
                model.findIndex(Kind::Deployment, QStringLiteral("local"), ns, QStringLiteral("pair"));
            for (int r = 0; pair.isValid() && r < model.rowCount(pair); ++r) {
                const QModelIndex replicaSet = model.index(r, 0, pair);
                if (model.rowCount(replicaSet) > 0)
                    return model.index(0, 0, replicaSet);
            }
            return QModelIndex();
        };
        QTRY_VERIFY_WITH_TIMEOUT(pod().isValid(), 60000);
        view.select(pod());
        PodLogView *log = view.logView();
        QCOMPARE(log->containers(), QStringList({ QStringLiteral("web"), QStringLiteral("worker") }));
        QCOMPARE(log->container(), QStringLiteral("web"));
        // The pod's log as a whole does not exist: the API would ask which container.
        QTRY_VERIFY_WITH_TIMEOUT(log->text().contains(QStringLiteral("nginx")), 30000);
        QVERIFY2(!log->statusText().contains(QStringLiteral("Cannot read")), qPrintable(log->statusText()));
        log->setContainer(QStringLiteral("worker"));
        QTRY_VERIFY_WITH_TIMEOUT(log->text().contains(QStringLiteral("worker starting")), 30000);
        QVERIFY(!log->text().contains(QStringLiteral("nginx")));
    }

    void detailsAndActions()
    {
        QVERIFY(LocalCluster::kubectl(QStringLiteral("local"),
            { QStringLiteral("apply"), QStringLiteral("-f"), QStringLiteral("-") }, deployment(m_ns, 1)));
        ClusterTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        ClusterView view(&model);
        QAbstractItemModelTester eventsTester(
            view.eventsModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester historyTester(
            view.deploymentPanel()->historyModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.addContext(QStringLiteral("local"), clientFor(QStringLiteral("local")), { m_ns });
        QTRY_VERIFY_WITH_TIMEOUT(
            model.findIndex(Kind::Deployment, QStringLiteral("local"), m_ns, QStringLiteral("app")).isValid(), 30000);
        const QPersistentModelIndex app =
            model.findIndex(Kind::Deployment, QStringLiteral("local"), m_ns, QStringLiteral("app"));
        QTRY_COMPARE_WITH_TIMEOUT(QModelIndex(app).siblingAtColumn(ClusterTreeModel::ReadyColumn).data().toString(),
            QStringLiteral("1/1"), 60000);

        // A deployment: its events (the controller scaled a replica set), its YAML, its history.
        view.select(app);
        EventListModel *events = view.eventsModel();
        const auto hasEvent = [events](const QString &reason) {
            for (int row = 0; row < events->rowCount(); ++row)
                if (events->index(row, EventListModel::ReasonColumn).data().toString() == reason)
                    return true;
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(hasEvent(QStringLiteral("ScalingReplicaSet")), 30000);
        const QString yaml = view.yamlView()->toPlainText();
        QVERIFY2(yaml.contains(QStringLiteral("kind: Deployment\n")), qPrintable(yaml));
        QVERIFY(yaml.contains(QStringLiteral("  name: app\n")));
        QVERIFY(yaml.contains(QStringLiteral("image: demo/app:1.0")));
        DeploymentPanel *panel = view.deploymentPanel();
        QTRY_COMPARE_WITH_TIMEOUT(panel->historyModel()->rowCount(), 1, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(panel->restartButton()->isEnabled(), 30000);
        QTRY_VERIFY(panel->scaleButton()->isEnabled());
        QTRY_VERIFY(panel->undoButton()->isEnabled());

        // Scale, then restart (a second revision), then undo to the first (now the third).
        panel->setConfirmations(false);
        QSignalSpy finished(panel, &DeploymentPanel::actionFinished);
        panel->scale(2);
        QVERIFY(finished.wait(30000));
        QVERIFY2(finished.last().at(0).toBool(), qPrintable(finished.last().at(1).toString()));
        QTRY_COMPARE_WITH_TIMEOUT(podsReady(model, app), QStringLiteral("2/2 pods=2"), 60000);
        panel->restart();
        QVERIFY(finished.wait(30000));
        QVERIFY2(finished.last().at(0).toBool(), qPrintable(finished.last().at(1).toString()));
        QTRY_COMPARE_WITH_TIMEOUT(panel->historyModel()->rowCount(), 2, 60000);
        QTRY_COMPARE_WITH_TIMEOUT(panel->historyModel()->currentRevision(), 2, 30000);
        QCOMPARE(panel->historyModel()->revisionAt(0), 2); // newest first
        QTRY_COMPARE_WITH_TIMEOUT(podsReady(model, app), QStringLiteral("2/2 pods=2"), 60000);
        panel->undo(1);
        QVERIFY(finished.wait(30000));
        QVERIFY2(finished.last().at(0).toBool(), qPrintable(finished.last().at(1).toString()));
        QVERIFY(finished.last().at(1).toString().contains(QStringLiteral("rolled back")));
        QTRY_COMPARE_WITH_TIMEOUT(panel->historyModel()->currentRevision(), 3, 60000);
        QTRY_COMPARE_WITH_TIMEOUT(panel->historyModel()->revisionAt(0), 3, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(podsReady(model, app), QStringLiteral("2/2 pods=2"), 60000);

        // The replica sets of the older revisions, scaled to zero, are folded away unless asked for.
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(app), 2, 30000);
        const auto shownReplicaSets = [&] {
            return view.proxyModel()->rowCount(view.proxyModel()->mapFromSource(app));
        };
        QTRY_COMPARE_WITH_TIMEOUT(shownReplicaSets(), 1, 60000);
        view.oldReplicaSetsBox()->setChecked(true);
        QCOMPARE(shownReplicaSets(), 2);
        view.oldReplicaSetsBox()->setChecked(false);
        QCOMPARE(shownReplicaSets(), 1);

        // A pod: its log, followed, searchable.
        const auto firstPod = [&] {
            for (int r = 0; r < model.rowCount(app); ++r) {
                const QModelIndex replicaSet = model.index(r, 0, app);
                if (model.rowCount(replicaSet) > 0)
                    return model.index(0, 0, replicaSet);
            }
            return QModelIndex();
        };
        QTRY_VERIFY_WITH_TIMEOUT(firstPod().isValid(), 30000);
        const QPersistentModelIndex pod = firstPod();
        view.select(pod);
        PodLogView *log = view.logView();
        QTRY_VERIFY_WITH_TIMEOUT(log->text().contains(QStringLiteral("Shipyard demo service starting")), 30000);
        QVERIFY(log->lineCount() > 0);
        QVERIFY(log->lineCount() <= PodLogView::maximumLines());
        log->setSearchText(QStringLiteral("healthz"));
        QVERIFY(log->findNext());
        log->setSearchText(QStringLiteral("no such text anywhere"));
        QVERIFY(!log->findNext());

        // The filter box keeps the matching rows and their ancestors.
        const QString podName = pod.data().toString();
        view.filterEdit()->setText(podName);
        ClusterFilterProxyModel *proxy = view.proxyModel();
        QVERIFY(proxy->mapFromSource(pod).isValid());
        QVERIFY(proxy->mapFromSource(app).isValid());
        view.filterEdit()->clear();
    }

    void readOnlyUserSeesWhy()
    {
        QVERIFY(LocalCluster::kubectl(QStringLiteral("production"),
            { QStringLiteral("apply"), QStringLiteral("-f"), QStringLiteral("-") }, deployment(m_ns, 1)));
        ClusterTreeModel model;
        ClusterView view(&model);
        // The developer may read production but change nothing there.
        model.addContext(
            QStringLiteral("production-developer"), clientFor(QStringLiteral("production-developer")), { m_ns });
        QTRY_VERIFY_WITH_TIMEOUT(
            model.findIndex(Kind::Deployment, QStringLiteral("production-developer"), m_ns, QStringLiteral("app"))
                .isValid(),
            30000);
        view.select(
            model.findIndex(Kind::Deployment, QStringLiteral("production-developer"), m_ns, QStringLiteral("app")));
        DeploymentPanel *panel = view.deploymentPanel();
        QTRY_VERIFY_WITH_TIMEOUT(panel->restartButton()->toolTip().contains(QStringLiteral("may not")), 30000);
        QVERIFY(!panel->restartButton()->isEnabled());
        QVERIFY(panel->restartButton()->toolTip().contains(QStringLiteral("patch deployments.apps")));
        QTRY_VERIFY(panel->scaleButton()->toolTip().contains(QStringLiteral("may not")));
        QVERIFY(!panel->scaleButton()->isEnabled());
        QVERIFY(!panel->undoButton()->isEnabled());
        // Asking anyway changes nothing.
        panel->setConfirmations(false);
        QSignalSpy finished(panel, &DeploymentPanel::actionFinished);
        panel->restart();
        QVERIFY(!finished.wait(1000));
        // Reading still works: the history is there.
        QTRY_COMPARE_WITH_TIMEOUT(panel->historyModel()->rowCount(), 1, 30000);
    }

private:
    QString m_ns;
};

QTEST_MAIN(tst_ClusterView)
#include "tst_clusterview.moc"
