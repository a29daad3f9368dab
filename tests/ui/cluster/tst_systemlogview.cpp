// SPDX-License-Identifier: GPL-2.0-or-later
// The System log tab against the local control plane: a deployment's pods
// merged, each line led by its local time and "[pod/container]", reached
// from the Cluster view's deployment; the times shown, dimmed, hidden and
// remembered; the filter (text, regular expression, pod; never the time),
// pause and follow, and the status with its counts. kwok serves
// resources/kwok/logs/backend.log (14 lines, the first at
// 2025-06-02T09:14:03.137Z) to a "backend" container.
#include "cluster/ClusterTreeModel.h"
#include "cluster/ClusterView.h"
#include "cluster/SystemLogView.h"

#include "kube/ClusterAccess.h"
#include "kube/KubeClient.h"
#include "kube/Kubeconfig.h"
#include "live/SystemLogStream.h"

#include <QGuiApplication>
#include <QPalette>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTest>
#include <QTextBlock>
#include <QTextLayout>

#include "LocalCluster.h"

using namespace Shipyard;
using Kind = ClusterTreeModel::Kind;

namespace {

const QString context = QStringLiteral("local");
// The backend log's first line, 09:14:03.137 UTC, in the test's time zone
// (TZ below: UTC+5:30, a POSIX rule that needs no time zone data).
const QString firstTime = QStringLiteral("14:44:03.137");
const QRegularExpression timed(QStringLiteral("^\\d\\d:\\d\\d:\\d\\d\\.\\d\\d\\d \\[api-[^/]+/backend\\] "));

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
        // Never touch the user's settings (the Times box is remembered).
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("ShipyardTest"));
        QSettings().remove(QStringLiteral("systemLog"));
        // Local time, not UTC: half an hour apart from any whole-hour zone.
        qputenv("TZ", "IST-5:30");
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
        QVERIFY(log.isShowingTimes());
        const QStringList lines = log.text().split(QLatin1Char('\n'));
        for (const QString &line : lines)
            QVERIFY2(timed.match(line).hasMatch(), qPrintable(line));
        QVERIFY2(lines.first().startsWith(firstTime + QLatin1String(" [api-")), qPrintable(lines.first()));
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
        // As `shipyardctl logs --grep`: the line's text, never its time or pod.
        log.setFilterText(firstTime);
        QCOMPARE(log.shownLineCount(), 0);
        log.setFilterText(QStringLiteral("api-"));
        QCOMPARE(log.shownLineCount(), 0);
        log.setFilterText(QStringLiteral("\"status\":(404|201)"), true);
        QCOMPARE(log.shownLineCount(), 6);
        const QString pod = log.podChoices().first();
        log.setPodFilter(pod);
        QCOMPARE(log.shownLineCount(), 2);
        QVERIFY(log.text().section(QLatin1Char(' '), 1).startsWith(QLatin1Char('[') + pod + QLatin1Char('/')));
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

    void timesShownAndHidden()
    {
        SystemLogView log;
        log.resize(1000, 600);
        log.setDeployment(clientFor(context), m_ns, QStringLiteral("api"));
        QTRY_COMPARE_WITH_TIMEOUT(log.shownLineCount(), 4 * 14, 30000);
        QVERIFY(log.isShowingTimes());
        QVERIFY2(log.text().startsWith(firstTime + QLatin1Char(' ')), qPrintable(log.text().left(80)));

        // The time dimmed, the pod's tag after it in the pod's color.
        auto *edit = log.findChild<QPlainTextEdit *>();
        QVERIFY(edit);
        const auto formatAt = [edit](int position) {
            const QTextBlock block = edit->document()->firstBlock();
            for (const QTextLayout::FormatRange &range : block.layout()->formats())
                if (position >= range.start && position < range.start + range.length)
                    return range.format;
            return QTextCharFormat();
        };
        QTRY_COMPARE(formatAt(0).foreground().color(), QGuiApplication::palette().color(QPalette::PlaceholderText));
        QCOMPARE(formatAt(11).foreground().color(), QGuiApplication::palette().color(QPalette::PlaceholderText));
        QCOMPARE(formatAt(13).fontWeight(), int(QFont::DemiBold));
        QVERIFY(formatAt(13).foreground().color() != QGuiApplication::palette().color(QPalette::PlaceholderText));

        // Hidden: every line as before, led by its pod; remembered for the next view.
        log.setShowingTimes(false);
        QCOMPARE(log.shownLineCount(), 4 * 14);
        const QStringList lines = log.text().split(QLatin1Char('\n'));
        for (const QString &line : lines)
            QVERIFY2(line.startsWith(QLatin1String("[api-")) && line.contains(QLatin1String("/backend] ")),
                qPrintable(line));
        QCOMPARE(formatAt(0).fontWeight(), int(QFont::DemiBold));
        QVERIFY(formatAt(0).foreground().color() != QGuiApplication::palette().color(QPalette::PlaceholderText));
        {
            SystemLogView next;
            QVERIFY(!next.isShowingTimes());
        }
        log.setShowingTimes(true);
        QVERIFY(log.text().startsWith(firstTime + QLatin1Char(' ')));
        QCOMPARE(log.shownLineCount(), 4 * 14);
        SystemLogView next;
        QVERIFY(next.isShowingTimes());
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
