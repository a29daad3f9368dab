// SPDX-License-Identifier: GPL-2.0-or-later
// `shipyardctl logs deployment/NAME` (and -l SELECTOR) against the local
// control plane: every pod's lines, tagged "[pod/container]" and merged by
// time, with --tail, --since, --grep, JSON, and -f until a stop signal. kwok
// serves resources/kwok/logs/backend.log (14 lines) to a "backend" container.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

#include "LocalCluster.h"

#include <csignal>

namespace {

const QString context = QStringLiteral("local");

struct Run
{
    int exitCode = -1;
    QStringList lines;
    QByteArray output;
    QByteArray errors;
};

} // namespace

class tst_ShipyardctlLogs : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        m_ns = QStringLiteral("ctl-logs-%1").arg(QCoreApplication::applicationPid());
        QVERIFY(LocalCluster::kubectl(context, { QStringLiteral("create"), QStringLiteral("namespace"), m_ns }));
        QVERIFY(LocalCluster::kubectl(context, { QStringLiteral("apply"), QStringLiteral("-f"), QStringLiteral("-") },
            LocalCluster::deploymentYaml(m_ns, QStringLiteral("api"), 2, QStringLiteral("demo/api:1"))));
        QVERIFY(LocalCluster::waitRolledOut(context, m_ns, QStringLiteral("api")));
    }

    void cleanupTestCase()
    {
        LocalCluster::kubectl(
            context, { QStringLiteral("delete"), QStringLiteral("namespace"), m_ns, QStringLiteral("--wait=false") });
    }

    void printsEveryPodMergedByTime()
    {
        const Run run = ctl({ QStringLiteral("logs"), QStringLiteral("deployment/api") });
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.lines.size(), 28);
        static const QRegularExpression prefixed(QStringLiteral("^\\[(api-[a-z0-9]+-[a-z0-9]+)/backend\\] (.*)$"));
        QSet<QString> pods;
        for (const QString &line : run.lines) {
            const auto match = prefixed.match(line);
            QVERIFY2(match.hasMatch(), qPrintable(line));
            pods.insert(match.captured(1));
        }
        QCOMPARE(pods.size(), 2);
        // Merged by time: both pods' first lines (the same moment) before either's second.
        QVERIFY2(run.lines[0].contains(QLatin1String("starting backend")), qPrintable(run.lines[0]));
        QVERIFY2(run.lines[1].contains(QLatin1String("starting backend")), qPrintable(run.lines[1]));
        QVERIFY2(run.lines[0].section(u']', 0, 0) != run.lines[1].section(u']', 0, 0), qPrintable(run.lines[1]));
        QVERIFY2(run.lines[2].contains(QLatin1String("loaded configuration")), qPrintable(run.lines[2]));

        // The same by selector; --tail per container; --grep; --timestamps.
        QCOMPARE(ctl({ QStringLiteral("logs"), QStringLiteral("-l"), QStringLiteral("app=api") }).lines.size(), 28);
        QCOMPARE(
            ctl({ QStringLiteral("logs"), QStringLiteral("deploy/api"), QStringLiteral("--tail"), QStringLiteral("3") })
                .lines.size(),
            6);
        const Run grep = ctl({ QStringLiteral("logs"), QStringLiteral("deployment/api"), QStringLiteral("--grep"),
            QStringLiteral("PAYMENT provider (timeout|down)") });
        QCOMPARE(grep.lines.size(), 2);
        QVERIFY(grep.lines[0].contains(QLatin1String("acme-pay")));
        const Run stamped = ctl({ QStringLiteral("logs"), QStringLiteral("deployment/api"), QStringLiteral("--tail"),
            QStringLiteral("1"), QStringLiteral("--timestamps") });
        QCOMPARE(stamped.lines.size(), 2);
        QVERIFY2(
            stamped.lines[0].startsWith(QLatin1String("2025-06-02T09:14:13.780Z [api-")), qPrintable(stamped.lines[0]));
        // The simulated log is from 2025: nothing in the last hour.
        QCOMPARE(ctl({ QStringLiteral("logs"), QStringLiteral("deployment/api"), QStringLiteral("--since"),
                         QStringLiteral("1h") })
                     .lines.size(),
            0);
    }

    void json()
    {
        const Run run = ctl({ QStringLiteral("logs"), QStringLiteral("deployment/api"), QStringLiteral("--tail"),
            QStringLiteral("2"), QStringLiteral("-o"), QStringLiteral("json") });
        QCOMPARE(run.exitCode, 0);
        const QJsonObject object = QJsonDocument::fromJson(run.output).object();
        QCOMPARE(object.value(QLatin1String("deployment")).toString(), QStringLiteral("api"));
        QCOMPARE(object.value(QLatin1String("pods")).toArray().size(), 2);
        const QJsonArray lines = object.value(QLatin1String("lines")).toArray();
        QCOMPARE(lines.size(), 4);
        QCOMPARE(lines[0][QLatin1String("container")].toString(), QStringLiteral("backend"));
        QCOMPARE(lines[0][QLatin1String("time")].toString(), QStringLiteral("2025-06-02T09:14:12.377Z"));
        QVERIFY(lines[3][QLatin1String("line")].toString().contains(QLatin1String("/api/v1/orders")));
    }

    void followsUntilStopped()
    {
        QProcess process;
        process.start(QStringLiteral(SHIPYARD_BINARY_DIR "/bin/shipyardctl"),
            QStringList { QStringLiteral("logs"), QStringLiteral("deployment/api"), QStringLiteral("-f"),
                QStringLiteral("--tail"), QStringLiteral("2") } +
                kube());
        QVERIFY(process.waitForStarted());
        QByteArray output;
        QTRY_VERIFY_WITH_TIMEOUT((output += process.readAllStandardOutput()).count('\n') >= 4, 30000);
        // A third pod joins while followed.
        QVERIFY(LocalCluster::kubectl(context,
            { QStringLiteral("-n"), m_ns, QStringLiteral("scale"), QStringLiteral("deployment/api"),
                QStringLiteral("--replicas=3") }));
        QVERIFY(LocalCluster::waitReadyPods(context, m_ns, QStringLiteral("api"), 3));
        QTRY_VERIFY_WITH_TIMEOUT((output += process.readAllStandardOutput()).count('\n') >= 6, 30000);
        QCOMPARE(process.state(), QProcess::Running);
        ::kill(pid_t(process.processId()), SIGTERM);
        QVERIFY(process.waitForFinished(10000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 0);
        output += process.readAllStandardOutput();
        QCOMPARE(output.count('\n'), 6);
        LocalCluster::kubectl(context,
            { QStringLiteral("-n"), m_ns, QStringLiteral("scale"), QStringLiteral("deployment/api"),
                QStringLiteral("--replicas=2") });
    }

    void errors()
    {
        const Run missing = ctl({ QStringLiteral("logs"), QStringLiteral("deployment/nonexistent") });
        QCOMPARE(missing.exitCode, 1);
        QVERIFY2(missing.errors.contains("nonexistent"), missing.errors.constData());
        QCOMPARE(ctl({ QStringLiteral("logs"), QStringLiteral("deployment/api"), QStringLiteral("--grep"),
                         QStringLiteral("(") })
                     .exitCode,
            2);
        QCOMPARE(ctl({ QStringLiteral("logs"), QStringLiteral("deployment/api"), QStringLiteral("--since"),
                         QStringLiteral("soon") })
                     .exitCode,
            2);
    }

private:
    QStringList kube() const
    {
        return { QStringLiteral("--kubeconfig"), LocalCluster::kubeconfigPath(), QStringLiteral("--context"), context,
            QStringLiteral("-n"), m_ns };
    }

    Run ctl(const QStringList &arguments) const
    {
        QProcess process;
        process.start(QStringLiteral(SHIPYARD_BINARY_DIR "/bin/shipyardctl"), arguments + kube());
        if (!process.waitForFinished(60000))
            return {};
        Run run;
        run.exitCode = process.exitCode();
        run.output = process.readAllStandardOutput();
        run.errors = process.readAllStandardError();
        run.lines = QString::fromUtf8(run.output).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        return run;
    }

    QString m_ns;
};

QTEST_GUILESS_MAIN(tst_ShipyardctlLogs)
#include "tst_shipyardctl_logs.moc"
