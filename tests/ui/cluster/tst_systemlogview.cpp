// SPDX-License-Identifier: GPL-2.0-or-later
// The System log tab against the local control plane: a deployment's pods
// merged, each line led by "[pod/container]", reached from the Cluster
// view's deployment; the filter (text, regular expression, pod), pause and
// follow, and the status with its counts. kwok serves
// resources/kwok/logs/backend.log (14 lines) to a "backend" container.
#include "cluster/ClusterTreeModel.h"
#include "cluster/ClusterView.h"
#include "cluster/SystemLogView.h"

#include "kube/ClusterAccess.h"
#include "kube/KubeClient.h"
#include "kube/Kubeconfig.h"
#include "live/SystemLogStream.h"

#include <QTabWidget>
#include <QTest>

#include "LocalCluster.h"

using namespace Shipyard;
using Kind = ClusterTreeModel::Kind;

namespace {

const QString context = QStringLiteral("local");

KubeClient clientFor(const QString &name)
{
    const Kubeconfig config = Kubeconfig::load(LocalCluster::kubeconfigPath());
    return ClusterAccess(config, {}).client(name);
}

} // namespace

class tst_SystemLogView : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        m_ns = QStringLiteral("syslog-view-%1").arg(QCoreApplication::applicationPid());
        QVERIFY(LocalCluster::kubectl(context, { QStringLiteral("create"), QStringLiteral("namespace"), m_ns }));
        QVERIFY(LocalCluster::kubectl(context, { QStringLiteral("apply"), QStringLiteral("-f"), QStringLiteral("-") },
            LocalCluster::deploymentYaml(m_ns, QStringLiteral("api"), 3, QStringLiteral("demo/api:1"))));
        QVERIFY(LocalCluster::waitRolledOut(context, m_ns, QStringLiteral("api")));
    }

    void cleanupTestCase()
    {
        LocalCluster::kubectl(
            context, { QStringLiteral("delete"), QStringLiteral("namespace"), m_ns, QStringLiteral("--wait=false") });
    }

    void fromTheClusterView()
    {
        ClusterTreeModel model;
        ClusterView view(&model);
        view.resize(1200, 800);
        model.addContext(context, clientFor(context), { m_ns });
        QTRY_VERIFY_WITH_TIMEOUT(view.showSystemLog(context, m_ns, QStringLiteral("api")), 30000);
        SystemLogView *log = view.systemLogView();
        QTRY_COMPARE_WITH_TIMEOUT(log->shownLineCount(), 3 * 14, 30000);
        QCOMPARE(log->deployment(), QStringLiteral("api"));
        // Leaving the deployment stops its streams.
        view.select(model.findIndex(Kind::Namespace, context, m_ns));
        QTRY_VERIFY(!log->stream());
    }

    void filterPauseAndStatus()
    {
        SystemLogView log;
        log.resize(1000, 600);
        log.setDeployment(clientFor(context), m_ns, QStringLiteral("api"));
        QTRY_COMPARE_WITH_TIMEOUT(log.shownLineCount(), 3 * 14, 30000);
        QTRY_COMPARE(log.podChoices().size(), 3);
        const QStringList lines = log.text().split(QLatin1Char('\n'));
        for (const QString &line : lines)
            QVERIFY2(line.startsWith(QLatin1String("[api-")) && line.contains(QLatin1String("/backend] ")),
                qPrintable(line));
        // Merged by time: the three pods' first lines come first.
        for (int i = 0; i < 3; ++i)
            QVERIFY2(lines[i].contains(QLatin1String("starting backend")), qPrintable(lines[i]));
        // "%n line(s)": the English translation, loaded by the app, says "42 lines".
        QVERIFY2(log.statusText().startsWith(QStringLiteral("42 line")) &&
                log.statusText().contains(QStringLiteral("(0 dropped)")),
            qPrintable(log.statusText()));

        log.setFilterText(QStringLiteral("database"));
        QCOMPARE(log.shownLineCount(), 3);
        QVERIFY2(log.statusText().contains(QStringLiteral("3 shown")), qPrintable(log.statusText()));
        log.setFilterText(QStringLiteral("\"status\":(404|201)"), true);
        QCOMPARE(log.shownLineCount(), 6);
        const QString pod = log.podChoices().first();
        log.setPodFilter(pod);
        QCOMPARE(log.shownLineCount(), 2);
        QVERIFY(log.text().startsWith(QLatin1Char('[') + pod + QLatin1Char('/')));
        log.setFilterText(QStringLiteral("(unclosed"), true);
        QCOMPARE(log.shownLineCount(), 0);
        QVERIFY2(log.statusText().contains(QStringLiteral("not a regular expression")), qPrintable(log.statusText()));
        log.setPodFilter({});
        log.setFilterText({});
        QCOMPARE(log.shownLineCount(), 3 * 14);

        // Paused: lines are collected, not shown, until following again.
        log.setFollowing(false);
        QVERIFY(LocalCluster::kubectl(context,
            { QStringLiteral("-n"), m_ns, QStringLiteral("scale"), QStringLiteral("deployment/api"),
                QStringLiteral("--replicas=4") }));
        QVERIFY(LocalCluster::waitReadyPods(context, m_ns, QStringLiteral("api"), 4));
        QTRY_COMPARE_WITH_TIMEOUT(log.stream()->lineCount(), 4 * 14, 30000);
        QCOMPARE(log.shownLineCount(), 3 * 14);
        QVERIFY2(log.statusText().contains(QStringLiteral("paused")), qPrintable(log.statusText()));
        log.setFollowing(true);
        QCOMPARE(log.shownLineCount(), 4 * 14);
        QTRY_COMPARE(log.podChoices().size(), 4);
    }

    void boundedLikeItsStream()
    {
        SystemLogView log;
        log.setMaximumLines(10);
        log.setDeployment(clientFor(context), m_ns, QStringLiteral("api"));
        QTRY_COMPARE_WITH_TIMEOUT(log.stream()->receivedCount(), 4 * 14, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(log.stream()->droppedCount(), 4 * 14 - 10, 10000);
        QCOMPARE(log.shownLineCount(), 10);
        QVERIFY2(log.statusText().startsWith(QStringLiteral("10 line")) &&
                log.statusText().contains(QStringLiteral("(46 dropped)")),
            qPrintable(log.statusText()));
    }

private:
    QString m_ns;
};

QTEST_MAIN(tst_SystemLogView)
#include "tst_systemlogview.moc"
