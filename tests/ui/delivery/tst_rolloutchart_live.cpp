// SPDX-License-Identifier: GPL-2.0-or-later
// The rollout chart against the local control plane: the Cluster view's
// Rollout tab follows a deployment's watched states through an image change
// (a start, a dip in ready replicas, the end) and a broken image (a failure
// on the progress deadline); the Pipeline view charts the deployments its
// delivery rolls out. What is checked is what the chart draws: its series'
// points and marks, and the timeline model behind them.
#include "cluster/ClusterTreeModel.h"
#include "cluster/ClusterView.h"
#include "cluster/DeploymentPanel.h"
#include "delivery/DeliveryLogView.h"
#include "delivery/DeliveryRolloutView.h"
#include "delivery/PipelineView.h"
#include "shell/WindowScreenshot.h"
#include "widgets/ColorScheme.h"
#include "widgets/RolloutChartView.h"

#include "kube/ClusterAccess.h"
#include "kube/KubeClient.h"
#include "kube/Kubeconfig.h"
#include "live/ReplicaTimeline.h"
#include "model/EcosystemLoader.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLineSeries>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

#include "LocalCluster.h"

using namespace Shipyard;
using Kind = ClusterTreeModel::Kind;

namespace {

// Four replicas replaced one at a time, never one more than asked: each step
// takes one ready replica away until its replacement is ready.
QByteArray deployment(const QString &ns, const QString &image)
{
    return QStringLiteral("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: app, namespace: %1}\n"
                          "spec:\n  replicas: 4\n  progressDeadlineSeconds: 10\n"
                          "  strategy: {type: RollingUpdate, rollingUpdate: {maxSurge: 0, maxUnavailable: 1}}\n"
                          "  selector: {matchLabels: {app: app}}\n"
                          "  template:\n    metadata: {labels: {app: app}}\n"
                          "    spec: {containers: [{name: app, image: '%2'}]}\n")
        .arg(ns, image)
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

// The first row at or after FROM whose events include EVENT; -1 when none.
int rowWith(const ReplicaTimeline *timeline, ReplicaTimeline::Event event, int from = 0)
{
    for (int row = from; row < timeline->sampleCount(); ++row) {
        if (timeline->sample(row).events.testFlag(event))
            return row;
    }
    return -1;
}

QString describe(const ReplicaTimeline *timeline)
{
    QStringList rows;
    for (const ReplicaTimeline::Sample &sample : timeline->samples())
        rows.append(QStringLiteral("%1 desired=%2 updated=%3 ready=%4 rev=%5 %6")
                .arg(sample.time.toString(QStringLiteral("HH:mm:ss.zzz")))
                .arg(sample.desired)
                .arg(sample.updated)
                .arg(sample.ready)
                .arg(sample.revision)
                .arg(ReplicaTimeline::describe(sample.events, sample.message)));
    return rows.join(QLatin1Char('\n'));
}

// The lowest and the last value a series draws between FROM and TO (ms since the epoch).
std::pair<double, double> lowestAndLast(const QLineSeries *series, double from, double to)
{
    double lowest = std::numeric_limits<double>::max();
    double last = -1;
    for (const QPointF &point : series->points()) {
        if (point.x() < from || point.x() > to)
            continue;
        lowest = std::min(lowest, point.y());
        last = point.y();
    }
    return { lowest, last };
}

} // namespace

class tst_RolloutChartLive : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_ns;

    static void screenshot(QWidget *widget, const QString &name)
    {
        const QString directory = qEnvironmentVariable("SHIPYARD_SCREENSHOT_DIR");
        if (directory.isEmpty())
            return;
        const QString scheme = qEnvironmentVariable("SHIPYARD_SCREENSHOT_SCHEME", QStringLiteral("light"));
        const QString suffix = scheme == QLatin1String("dark") ? QStringLiteral("-dark") : QString();
        const QString error =
            WindowScreenshot::save(widget, QStringLiteral("%1/%2%3.png").arg(directory, name, suffix));
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

private Q_SLOTS:
    void initTestCase()
    {
        ColorScheme::Scheme scheme;
        if (ColorScheme::parse(qEnvironmentVariable("SHIPYARD_SCREENSHOT_SCHEME"), &scheme))
            ColorScheme::apply(scheme);
        QVERIFY(m_dir.isValid());
        QStandardPaths::setTestModeEnabled(true);
        if (!QFile::exists(LocalCluster::kubeconfigPath()))
            QFAIL("the local cluster is not up (packaging/localcluster/cluster up)");
        qputenv("KUBECONFIG", LocalCluster::kubeconfigPath().toUtf8());
        qputenv("XDG_STATE_HOME", m_dir.filePath(QStringLiteral("state")).toUtf8());
        m_ns = QStringLiteral("ui-rolloutchart-%1").arg(QCoreApplication::applicationPid());
        QVERIFY(LocalCluster::kubectl(
            QStringLiteral("local"), { QStringLiteral("create"), QStringLiteral("namespace"), m_ns }));
        // Pods are refused until the namespace's default service account exists.
        QTRY_VERIFY_WITH_TIMEOUT(LocalCluster::kubectl(QStringLiteral("local"),
                                     { QStringLiteral("-n"), m_ns, QStringLiteral("get"),
                                         QStringLiteral("serviceaccount"), QStringLiteral("default") }),
            20000);
    }

    void cleanupTestCase()
    {
        LocalCluster::kubectl(QStringLiteral("local"),
            { QStringLiteral("delete"), QStringLiteral("namespace"), m_ns, QStringLiteral("--wait=false") });
    }

    void clusterViewChartsARollout()
    {
        QVERIFY(LocalCluster::kubectl(QStringLiteral("local"),
            { QStringLiteral("apply"), QStringLiteral("-f"), QStringLiteral("-") },
            deployment(m_ns, QStringLiteral("demo/app:1.0"))));
        ClusterTreeModel model;
        ClusterView view(&model);
        view.resize(1400, 900);
        view.show();
        DeploymentPanel *panel = view.deploymentPanel();
        ReplicaTimeline *timeline = panel->timeline();
        QAbstractItemModelTester tester(timeline, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.addContext(QStringLiteral("local"), clientFor(QStringLiteral("local")), { m_ns });
        QTRY_VERIFY_WITH_TIMEOUT(
            model.findIndex(Kind::Deployment, QStringLiteral("local"), m_ns, QStringLiteral("app")).isValid(), 30000);
        const QPersistentModelIndex app =
            model.findIndex(Kind::Deployment, QStringLiteral("local"), m_ns, QStringLiteral("app"));
        QTRY_COMPARE_WITH_TIMEOUT(QModelIndex(app).siblingAtColumn(ClusterTreeModel::ReadyColumn).data().toString(),
            QStringLiteral("4/4"), 60000);
        view.select(app);
        view.detailTabs()->setCurrentWidget(panel);
        RolloutChartView *chart = panel->chartView();
        QCOMPARE(chart->timeline(), timeline);
        QVERIFY(!chart->accessibleName().isEmpty());
        QTRY_VERIFY(timeline->sampleCount() >= 1);
        QCOMPARE(timeline->sample(0).ready, 4);

        // A new image: the chart sees the rollout start, ready replicas dip and come back, the end.
        QVERIFY(LocalCluster::kubectl(QStringLiteral("local"),
            { QStringLiteral("-n"), m_ns, QStringLiteral("set"), QStringLiteral("image"),
                QStringLiteral("deployment/app"), QStringLiteral("app=demo/app:2.0") }));
        QTRY_VERIFY2_WITH_TIMEOUT(rowWith(timeline, ReplicaTimeline::RolloutCompleted,
                                      std::max(0, rowWith(timeline, ReplicaTimeline::RolloutStarted))) > 0,
            qPrintable(describe(timeline)), 90000);
        const int started = rowWith(timeline, ReplicaTimeline::RolloutStarted);
        const int completed = rowWith(timeline, ReplicaTimeline::RolloutCompleted, started);
        QVERIFY2(started > 0 && completed >= started, qPrintable(describe(timeline)));
        int lowest = 4;
        for (int row = started; row <= completed; ++row)
            lowest = std::min(lowest, timeline->sample(row).ready);
        QVERIFY2(lowest < 4, qPrintable(describe(timeline)));
        QCOMPARE(timeline->sample(completed).ready, 4);
        QCOMPARE(timeline->sample(completed).updated, 4);
        QCOMPARE(timeline->sample(completed).revision, 2);
        qInfo("rollout of 4 replicas one by one: %lld ms from the image change seen to rolled out, %d samples",
            timeline->sample(started).time.msecsTo(timeline->sample(completed).time), completed - started + 1);

        // The chart draws the same: one start and one end mark, the ready line's dip and rise.
        QCOMPARE(chart->marks(RolloutChartView::Mark::Started), QList<QDateTime> { timeline->sample(started).time });
        QCOMPARE(
            chart->marks(RolloutChartView::Mark::Completed), QList<QDateTime> { timeline->sample(completed).time });
        const double from = double(timeline->sample(started).time.toMSecsSinceEpoch());
        const double to = double(timeline->sample(completed).time.toMSecsSinceEpoch());
        const auto [readyLowest, readyLast] = lowestAndLast(chart->series(RolloutChartView::Line::Ready), from, to);
        QCOMPARE(readyLowest, double(lowest));
        QCOMPARE(readyLast, 4.0);
        const auto [desiredLowest, desiredLast] =
            lowestAndLast(chart->series(RolloutChartView::Line::Desired), from, to);
        QCOMPARE(desiredLowest, 4.0);
        QCOMPARE(desiredLast, 4.0);
        // The lines are steps: every change of value happens at one instant.
        const QList<QPointF> points = chart->series(RolloutChartView::Line::Ready)->points();
        for (qsizetype i = 1; i < points.size(); ++i) {
            if (points[i].y() != points[i - 1].y())
                QCOMPARE(points[i].x(), points[i - 1].x());
        }
        // Drawn anew from the whole timeline (another deployment shown, then this one again): the same lines.
        const QList<QPointF> drawn = chart->series(RolloutChartView::Line::Ready)->points();
        chart->setTimeline(timeline, QStringLiteral("Replicas of app"));
        const QList<QPointF> redrawn = chart->series(RolloutChartView::Line::Ready)->points();
        QCOMPARE(redrawn.size(), drawn.size());
        // All but the last point, which follows the clock.
        QCOMPARE(redrawn.first(redrawn.size() - 1), drawn.first(drawn.size() - 1));
        QCOMPARE(chart->marks(RolloutChartView::Mark::Started).size(), 1);
        QVERIFY2(chart->summary().contains(QStringLiteral("rolled out at")), qPrintable(chart->summary()));
        QCOMPARE(chart->accessibleDescription(), chart->summary());
        screenshot(&view, QStringLiteral("cluster-rollout"));

        // A broken image never becomes ready: the rollout fails on its 10 s progress deadline.
        QVERIFY(LocalCluster::kubectl(QStringLiteral("local"),
            { QStringLiteral("-n"), m_ns, QStringLiteral("set"), QStringLiteral("image"),
                QStringLiteral("deployment/app"), QStringLiteral("app=demo/app:3-broken") }));
        QTRY_VERIFY2_WITH_TIMEOUT(rowWith(timeline, ReplicaTimeline::RolloutFailed, completed + 1) > 0,
            qPrintable(describe(timeline)), 90000);
        const int failed = rowWith(timeline, ReplicaTimeline::RolloutFailed, completed + 1);
        QCOMPARE(rowWith(timeline, ReplicaTimeline::RolloutStarted, completed + 1) > completed, true);
        QVERIFY2(timeline->sample(failed).message.contains(QStringLiteral("exceeded its progress deadline")),
            qPrintable(timeline->sample(failed).message));
        QVERIFY(timeline->sample(failed).ready < 4);
        QCOMPARE(chart->marks(RolloutChartView::Mark::Failed).size(), 1);
        QCOMPARE(chart->marks(RolloutChartView::Mark::Started).size(), 2);
        QVERIFY2(chart->summary().contains(QStringLiteral("rollout failed")), qPrintable(chart->summary()));
        screenshot(&view, QStringLiteral("cluster-rollout-failed"));

        // Another deployment selected: the chart starts over.
        view.select(QModelIndex(app).parent());
        QCOMPARE(timeline->sampleCount(), 0);
        QCOMPARE(chart->series(RolloutChartView::Line::Ready)->count(), 0);
    }

    void pipelineViewChartsTheDeliveredRollouts()
    {
        const QString repository = m_dir.filePath(QStringLiteral("systems/web"));
        QVERIFY(QDir().mkpath(repository + QStringLiteral("/deploy")));
        QFile manifest(repository + QStringLiteral("/deploy/deployment.yaml"));
        QVERIFY(manifest.open(QIODevice::WriteOnly));
        manifest.write("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 3\n"
                       "  progressDeadlineSeconds: 15\n"
                       "  strategy: {type: RollingUpdate, rollingUpdate: {maxSurge: 0, maxUnavailable: 1}}\n"
                       "  selector:\n    matchLabels: {app: web}\n  template:\n"
                       "    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n"
                       "        - name: web\n          image: demo/web\n");
        manifest.close();
        QFile file(m_dir.filePath(QStringLiteral("ecosystem.yaml")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QStringLiteral("apiVersion: shipyard/v1\nname: Rollout Chart Test\n"
                                  "rollback:\n  rolloutTimeout: 60s\n"
                                  "systems:\n  - name: web\n    template: backend\n    repository: systems/web\n"
                                  "    image: demo/web\n    manifests: [deploy/]\n"
                                  "environments:\n  - name: ui\n    kind: local\n    context: local\n"
                                  "    namespace: %1\n")
                .arg(m_ns)
                .toUtf8());
        file.close();
        const EcosystemLoadResult loaded = EcosystemLoader().loadFile(file.fileName());
        QVERIFY(loaded.ecosystem);

        PipelineView pipeline;
        pipeline.resize(1200, 900);
        pipeline.show();
        pipeline.setEcosystem(*loaded.ecosystem, ClusterAccess::load());
        DeliveryRolloutView *rollouts = pipeline.rolloutView();
        QVERIFY(rollouts->isHidden());
        Delivery::Options options;
        options.cluster = ClusterAccess::load(LocalCluster::kubeconfigPath());
        options.auditJournal = m_dir.filePath(QStringLiteral("audit.jsonl"));
        QSignalSpy finished(&pipeline, &PipelineView::deliveryFinished);
        const auto deliver = [&](const QString &image) {
            const qsizetype before = finished.size();
            QVERIFY(pipeline.startDelivery(QStringLiteral("ui"), { { QStringLiteral("web"), {}, image } }, options));
            QTRY_COMPARE_WITH_TIMEOUT(finished.size(), before + 1, 120000);
            const auto result = finished.last().at(0).value<Delivery::Result>();
            QVERIFY2(result.succeeded(), qPrintable(result.reason + QLatin1Char('\n') + pipeline.logView()->text()));
        };
        deliver(QStringLiteral("demo/web:1.0"));
        // The first delivery creates the deployment: its rollout is charted to its end.
        QVERIFY(rollouts->isVisibleTo(&pipeline));
        QCOMPARE(rollouts->keys(), QStringList { QStringLiteral("web") });
        ReplicaTimeline *first = rollouts->timeline(QStringLiteral("web"));
        QVERIFY(first);
        QVERIFY2(rowWith(first, ReplicaTimeline::RolloutCompleted) >= 0, qPrintable(describe(first)));

        deliver(QStringLiteral("demo/web:2.0"));
        ReplicaTimeline *second = rollouts->timeline(QStringLiteral("web"));
        QVERIFY(second);
        QAbstractItemModelTester tester(second, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(rollouts->currentKey(), QStringLiteral("web"));
        QCOMPARE(rollouts->chartView()->timeline(), second);
        QCOMPARE(rollouts->deploymentBox()->count(), 1);
        // What the delivery read while waiting: the start (its first state,
        // right after the apply), replicas going over, the end.
        QCOMPARE(rowWith(second, ReplicaTimeline::RolloutStarted), 0);
        QCOMPARE(rowWith(second, ReplicaTimeline::RolloutStarted, 1), -1);
        const int completed = rowWith(second, ReplicaTimeline::RolloutCompleted);
        QVERIFY2(completed > 0, qPrintable(describe(second)));
        QCOMPARE(second->sample(completed).updated, 3);
        QCOMPARE(second->sample(completed).ready, 3);
        int fewestUpdated = 3;
        for (int row = 0; row <= completed; ++row)
            fewestUpdated = std::min(fewestUpdated, second->sample(row).updated);
        QVERIFY2(fewestUpdated < 3, qPrintable(describe(second)));
        QCOMPARE(rollouts->chartView()->marks(RolloutChartView::Mark::Started).size(), 1);
        QCOMPARE(rollouts->chartView()->marks(RolloutChartView::Mark::Completed).size(), 1);
        screenshot(&pipeline, QStringLiteral("pipeline-rollout"));
    }
};

QTEST_MAIN(tst_RolloutChartLive)
#include "tst_rolloutchart_live.moc"
