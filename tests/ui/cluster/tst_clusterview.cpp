// SPDX-License-Identifier: GPL-2.0-or-later
// The Cluster view's details against the local control plane: a
// deployment's events, YAML and rollout history; Scale, Restart and Undo
// through the panel; a pod's followed log with search, and the log of each
// container of a pod of two; the filter box; actions disabled with the reason
// for a read-only user; and in a protected environment, actions that want its
// name typed, are refused while a delivery holds the environment's lock, and
// are audited.
#include "cluster/ClusterFilterProxyModel.h"
#include "cluster/ClusterTreeModel.h"
#include "cluster/ClusterView.h"
#include "cluster/DeploymentPanel.h"
#include "cluster/EventListModel.h"
#include "cluster/PodLogView.h"
#include "cluster/RolloutHistoryModel.h"
#include "widgets/ConfirmationDialog.h"
#include "widgets/EcosystemSourceView.h"

#include "audit/AuditJournal.h"
#include "pipeline/EnvironmentLock.h"

#include "kube/ClusterAccess.h"
#include "kube/KubeClient.h"
#include "kube/Kubeconfig.h"
#include "model/Ecosystem.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

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

QString kubectlOutput(const QStringList &arguments)
{
    QProcess process;
    process.start(QStringLiteral("kubectl"),
        QStringList { QStringLiteral("--kubeconfig"), LocalCluster::kubeconfigPath(), QStringLiteral("--context"),
            QStringLiteral("local") } +
            arguments);
    process.waitForFinished(60000);
    return QString::fromUtf8(process.readAllStandardOutput());
}

// Answers the confirmations that open meanwhile as a person would: types
// TYPED where the name is wanted. Counts those that wanted it.
class ConfirmationAnswerer
{
public:
    explicit ConfirmationAnswerer(const QString &typed)
    {
        m_timer.setInterval(50);
        QObject::connect(&m_timer, &QTimer::timeout, [this, typed] {
            auto *confirm = qobject_cast<ConfirmationDialog *>(QApplication::activeModalWidget());
            if (!confirm)
                return;
            if (!confirm->nameField() || confirm->actionButton()->isEnabled()) {
                confirm->reject();
                return;
            }
            QTest::keyClicks(confirm->nameField(), typed);
            ++m_typed;
            QTest::mouseClick(confirm->actionButton(), Qt::LeftButton);
        });
        m_timer.start();
    }
    int typed() const { return m_typed; }

private:
    QTimer m_timer;
    int m_typed = 0;
};

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
        QTemporaryDir journal;
        panel->setAuditJournal(journal.filePath(QStringLiteral("audit.jsonl")));
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

    void protectedEnvironmentActions()
    {
        const QString ns = m_ns + QStringLiteral("-env");
        QVERIFY(LocalCluster::kubectl(
            QStringLiteral("local"), { QStringLiteral("create"), QStringLiteral("namespace"), ns }));
        const auto cleanup = qScopeGuard([&] {
            LocalCluster::kubectl(QStringLiteral("local"),
                { QStringLiteral("delete"), QStringLiteral("namespace"), ns, QStringLiteral("--wait=false") });
        });
        QVERIFY(LocalCluster::kubectl(QStringLiteral("local"),
            { QStringLiteral("apply"), QStringLiteral("-f"), QStringLiteral("-") }, deployment(ns, 1)));
        Ecosystem ecosystem;
        Environment shop;
        shop.name = QStringLiteral("shop-production");
        shop.kind = EnvironmentKind::Production;
        shop.context = QStringLiteral("local");
        shop.namespaceName = ns;
        shop.isProtected = true;
        ecosystem.environments.append(shop);

        ClusterTreeModel model;
        ClusterView view(&model);
        view.setEcosystem(ecosystem);
        QTemporaryDir dir;
        const QString journal = dir.filePath(QStringLiteral("audit.jsonl"));
        DeploymentPanel *panel = view.deploymentPanel();
        panel->setAuditJournal(journal);
        model.addContext(QStringLiteral("local"), clientFor(QStringLiteral("local")), { ns });
        QTRY_VERIFY_WITH_TIMEOUT(
            model.findIndex(Kind::Deployment, QStringLiteral("local"), ns, QStringLiteral("app")).isValid(), 30000);
        view.select(model.findIndex(Kind::Deployment, QStringLiteral("local"), ns, QStringLiteral("app")));
        QTRY_VERIFY_WITH_TIMEOUT(panel->restartButton()->isEnabled(), 30000);
        QTRY_VERIFY(panel->scaleButton()->isEnabled());
        QSignalSpy finished(panel, &DeploymentPanel::actionFinished);
        ConfirmationAnswerer answerer(shop.name);

        // A delivery holds the environment: Restart, confirmed, is refused and changes nothing.
        {
            EnvironmentLock delivery(clientFor(QStringLiteral("local")), ns, QStringLiteral("carol@elsewhere/42"));
            QString error;
            QVERIFY2(delivery.acquire(false, nullptr, &error), qPrintable(error));
            QTest::mouseClick(panel->restartButton(), Qt::LeftButton);
            QVERIFY(finished.wait(30000));
            QCOMPARE(finished.last().at(0).toBool(), false);
            QVERIFY2(finished.last().at(1).toString().contains(QStringLiteral("held by carol@elsewhere/42")),
                qPrintable(finished.last().at(1).toString()));
            QCOMPARE(kubectlOutput({ QStringLiteral("-n"), ns, QStringLiteral("get"), QStringLiteral("deployment"),
                         QStringLiteral("app"), QStringLiteral("-o"),
                         QStringLiteral("jsonpath={.spec.template.metadata.annotations}") }),
                QString());
        }

        // Free again: Scale, its name typed, takes the lock and is audited.
        panel->scale(2);
        QVERIFY(finished.wait(30000));
        QVERIFY2(finished.last().at(0).toBool(), qPrintable(finished.last().at(1).toString()));
        QCOMPARE(answerer.typed(), 2);
        QCOMPARE(kubectlOutput({ QStringLiteral("-n"), ns, QStringLiteral("get"), QStringLiteral("deployment"),
                     QStringLiteral("app"), QStringLiteral("-o"), QStringLiteral("jsonpath={.spec.replicas}") }),
            QStringLiteral("2"));
        QCOMPARE(kubectlOutput({ QStringLiteral("-n"), ns, QStringLiteral("get"), QStringLiteral("lease"),
                     QString::fromLatin1(EnvironmentLock::leaseName), QStringLiteral("-o"),
                     QStringLiteral("jsonpath={.metadata.annotations.shipyard\\.dev/reason}") }),
            QStringLiteral("scale deployment/app to 2 replicas"));
        QStringList audited;
        for (const AuditRecord &record : AuditJournal(journal).read().records) {
            QCOMPARE(record.namespaceName, ns);
            QCOMPARE(record.details.value(QLatin1String("environment")).toString(), shop.name);
            audited.append(record.action + QStringLiteral(": ") + record.result);
        }
        QCOMPARE(audited.size(), 2);
        QVERIFY2(audited.first().startsWith(QStringLiteral("rollout.restart: failed: another delivery is running")),
            qPrintable(audited.first()));
        QCOMPARE(audited.last(), QStringLiteral("scale: succeeded"));
    }

private:
    QString m_ns;
};

QTEST_MAIN(tst_ClusterView)
#include "tst_clusterview.moc"
