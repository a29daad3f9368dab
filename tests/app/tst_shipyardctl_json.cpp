// SPDX-License-Identifier: GPL-2.0-or-later
// Every shipyardctl command with --output json, against a small ecosystem of
// demo systems delivered into a namespace of the local control plane: stdout
// must be exactly one valid JSON document (QJsonDocument refuses anything
// else), and --output text must be accepted too.
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include "LocalCluster.h"

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QJsonDocument json;
    QJsonParseError parseError {};
};

} // namespace

class tst_ShipyardctlJson : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_ns;
    QString m_ecosystem;

    QStringList kube() const
    {
        return { QStringLiteral("--kubeconfig"), LocalCluster::kubeconfigPath(), QStringLiteral("--context"),
            QStringLiteral("local"), QStringLiteral("-n"), m_ns };
    }
    QStringList place() const
    {
        return { QStringLiteral("--ecosystem"), m_ecosystem, QStringLiteral("--environment"), QStringLiteral("test"),
            QStringLiteral("--kubeconfig"), LocalCluster::kubeconfigPath() };
    }

    Run ctl(const QStringList &arguments, const QString &format = QStringLiteral("json")) const
    {
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("XDG_STATE_HOME"), m_dir.filePath(QStringLiteral("state")));
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(SHIPYARD_BINARY_DIR "/bin/shipyardctl"),
            arguments + QStringList { QStringLiteral("--output"), format });
        Run run;
        if (!process.waitForFinished(300000)) {
            process.kill();
            return run;
        }
        run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        run.out = process.readAllStandardOutput();
        run.err = process.readAllStandardError();
        if (format == QLatin1String("json"))
            run.json = QJsonDocument::fromJson(run.out, &run.parseError);
        return run;
    }

    // Runs ARGUMENTS with --output json, fails unless stdout is one JSON
    // document and the exit code is EXPECTEDEXIT; then the same with text
    // when TEXTTOO, which must give the same exit code.
    QJsonDocument json(const QStringList &arguments, int expectedExit = 0, bool textToo = true)
    {
        const Run run = ctl(arguments);
        const QString what = arguments.join(QLatin1Char(' '));
        if (run.parseError.error != QJsonParseError::NoError || run.json.isNull()) {
            QTest::qFail(qPrintable(QStringLiteral("%1: not JSON (%2): %3 / stderr: %4")
                                 .arg(what, run.parseError.errorString(), QString::fromUtf8(run.out),
                                     QString::fromUtf8(run.err))),
                __FILE__, __LINE__);
            return {};
        }
        // -1: a verdict either way (0 or 1), never a usage error nor a crash.
        const bool exitOk = expectedExit < 0 ? (run.exitCode == 0 || run.exitCode == 1) : run.exitCode == expectedExit;
        if (!exitOk) {
            QTest::qFail(qPrintable(QStringLiteral("%1: exit %2, expected %3: %4")
                                 .arg(what)
                                 .arg(run.exitCode)
                                 .arg(expectedExit)
                                 .arg(QString::fromUtf8(run.err))),
                __FILE__, __LINE__);
            return {};
        }
        if (textToo) {
            const Run text = ctl(arguments, QStringLiteral("text"));
            if (text.exitCode != run.exitCode) {
                QTest::qFail(qPrintable(QStringLiteral("%1 --output text: exit %2: %3")
                                     .arg(what)
                                     .arg(text.exitCode)
                                     .arg(QString::fromUtf8(text.err))),
                    __FILE__, __LINE__);
                return {};
            }
        }
        return run.json;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_ns = QStringLiteral("ctl-json-%1-%2")
                   .arg(QCoreApplication::applicationPid())
                   .arg(QRandomGenerator::global()->bounded(100000));
        QVERIFY(LocalCluster::kubectl(
            QStringLiteral("local"), { QStringLiteral("create"), QStringLiteral("namespace"), m_ns }));
        const QString repository = m_dir.filePath(QStringLiteral("systems/storefront"));
        QVERIFY(QDir().mkpath(repository));
        QVERIFY(QDir().mkpath(repository + QStringLiteral("/deploy")));
        const QDir demoDeploy(QStringLiteral(SHIPYARD_SOURCE_DIR "/tests/fixtures/manifests/storefront"));
        for (const QString &file : demoDeploy.entryList(QDir::Files))
            QFile::copy(demoDeploy.filePath(file), repository + QStringLiteral("/deploy/") + file);
        QFile tasks(m_dir.filePath(QStringLiteral("tasks.yaml")));
        QVERIFY(tasks.open(QIODevice::WriteOnly));
        tasks.write("tasks:\n  - key: SHOP-1\n    title: Something\n    status: In Progress\n");
        tasks.close();
        m_ecosystem = m_dir.filePath(QStringLiteral("ecosystem.yaml"));
        QFile file(m_ecosystem);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QStringLiteral("apiVersion: shipyard/v1\nname: Json Shop\n"
                                  "gating:\n  taskKey: \"SHOP-[0-9]+\"\n  returnStatus: In Progress\n"
                                  "tracker:\n  kind: file\n  file: tasks.yaml\n"
                                  "rollback:\n  rolloutTimeout: 60s\n  keepReleases: 5\n"
                                  "systems:\n  - name: storefront\n    template: frontend\n"
                                  "    repository: systems/storefront\n    image: demo/storefront\n"
                                  "    manifests: [deploy/]\n    test: \"true\"\n"
                                  "environments:\n  - name: test\n    kind: local\n    context: local\n"
                                  "    namespace: %1\n")
                .arg(m_ns)
                .toUtf8());
    }

    void cleanupTestCase()
    {
        LocalCluster::kubectl(QStringLiteral("local"),
            { QStringLiteral("delete"), QStringLiteral("namespace"), m_ns, QStringLiteral("--wait=false") });
    }

    void helpDocumentsExitCodes()
    {
        QProcess process;
        process.start(QStringLiteral(SHIPYARD_BINARY_DIR "/bin/shipyardctl"), { QStringLiteral("--help") });
        QVERIFY(process.waitForFinished(30000));
        QCOMPARE(process.exitCode(), 0);
        const QByteArray help = process.readAllStandardOutput();
        QVERIFY2(help.contains("Exit codes: 0") && help.contains("1 ") && help.contains("2 usage"), help.constData());
        QVERIFY2(help.contains("--output json"), help.constData());
        const QStringList commands { QStringLiteral("validate"), QStringLiteral("contexts"), QStringLiteral("get"),
            QStringLiteral("rollout"), QStringLiteral("logs"), QStringLiteral("auth"), QStringLiteral("tasks"),
            QStringLiteral("deliver"), QStringLiteral("rollback"), QStringLiteral("history"), QStringLiteral("status"),
            QStringLiteral("lock"), QStringLiteral("compare"), QStringLiteral("diff"), QStringLiteral("showroom"),
            QStringLiteral("robot"), QStringLiteral("autotest"), QStringLiteral("scale"), QStringLiteral("registry"),
            QStringLiteral("new") };
        for (const QString &command : commands) {
            QVERIFY2(help.contains(QByteArray("  " + command.toUtf8() + ' ')), qPrintable(command));
            // Every command documents --output and refuses a format it does not know (usage: 2).
            QProcess commandHelp;
            commandHelp.start(
                QStringLiteral(SHIPYARD_BINARY_DIR "/bin/shipyardctl"), { command, QStringLiteral("--help") });
            QVERIFY(commandHelp.waitForFinished(30000));
            QVERIFY2(commandHelp.readAllStandardOutput().contains("--output"), qPrintable(command));
        }
        QCOMPARE(ctl({ QStringLiteral("validate"), m_ecosystem }, QStringLiteral("yaml")).exitCode, 2);
        QCOMPARE(ctl(QStringList { QStringLiteral("status") } + place(), QStringLiteral("yaml")).exitCode, 2);
    }

    void everyCommandSpeaksJson()
    {
        // Files and configuration.
        const QJsonObject valid = json({ QStringLiteral("validate"), m_ecosystem }).object();
        QCOMPARE(valid.value(QLatin1String("valid")).toBool(), true);
        QCOMPARE(valid.value(QLatin1String("systems")).toInt(), 1);
        const QString broken = m_dir.filePath(QStringLiteral("broken.yaml"));
        QFile brokenFile(broken);
        QVERIFY(brokenFile.open(QIODevice::WriteOnly));
        brokenFile.write("name: Broken\nsystems:\n  - {name: a}\n");
        brokenFile.close();
        const QJsonObject invalid = json({ QStringLiteral("validate"), broken }, 1).object();
        QCOMPARE(invalid.value(QLatin1String("valid")).toBool(true), false);
        QVERIFY(!invalid.value(QLatin1String("diagnostics")).toArray().isEmpty());
        QVERIFY(invalid.value(QLatin1String("diagnostics")).toArray().first()[QLatin1String("line")].toInt() > 0);

        const QJsonArray contexts =
            json({ QStringLiteral("contexts"), QStringLiteral("--kubeconfig"), LocalCluster::kubeconfigPath() })
                .array();
        QStringList contextNames;
        for (const QJsonValue &context : contexts)
            contextNames.append(context[QLatin1String("name")].toString());
        QVERIFY2(contextNames.contains(QStringLiteral("local-developer")), qPrintable(contextNames.join(u',')));

        const QJsonObject whoami =
            json(QStringList { QStringLiteral("auth"), QStringLiteral("whoami") } + kube()).object();
        QCOMPARE(whoami.value(QLatin1String("username")).toString(), QStringLiteral("admin"));
        const QJsonObject canI = json(QStringList { QStringLiteral("auth"), QStringLiteral("can-i"),
                                          QStringLiteral("create"), QStringLiteral("deployments.apps") } +
            kube())
                                     .object();
        QCOMPARE(canI.value(QLatin1String("allowed")).toBool(), true);

        // The system's repository is no git repository here: its error is part of the answer.
        const QJsonObject tasks =
            json({ QStringLiteral("tasks"), QStringLiteral("--ecosystem"), m_ecosystem }, -1).object();
        QCOMPARE(tasks.value(QLatin1String("systems")).toArray().size(), 1);
        QCOMPARE(tasks.value(QLatin1String("systems")).toArray().first()[QLatin1String("name")].toString(),
            QStringLiteral("storefront"));
    }

    void clusterCommandsSpeakJson()
    {
        const QJsonObject lockFree =
            json(QStringList { QStringLiteral("lock"), QStringLiteral("status") } + place()).object();
        QCOMPARE(lockFree.value(QLatin1String("held")).toBool(true), false);

        // Two deliveries (given images: nothing to build), so that there is something to roll back to.
        QString firstRelease;
        for (const QString &tag : { QStringLiteral("v1"), QStringLiteral("v2") }) {
            const QJsonObject delivered =
                json(QStringList { QStringLiteral("deliver"), QStringLiteral("--system"), QStringLiteral("storefront"),
                         QStringLiteral("--image"), QStringLiteral("storefront=demo/storefront:") + tag } +
                        place(),
                    0, false)
                    .object();
            QCOMPARE(delivered.value(QLatin1String("outcome")).toString(), QStringLiteral("succeeded"));
            if (firstRelease.isEmpty())
                firstRelease = delivered.value(QLatin1String("release")).toString();
        }
        QVERIFY(!firstRelease.isEmpty());

        const QJsonObject status = json(QStringList { QStringLiteral("status") } + place()).object();
        QCOMPARE(status.value(QLatin1String("namespace")).toString(), m_ns);
        const QJsonArray history = json(QStringList { QStringLiteral("history") } + place()).array();
        QStringList releaseIds;
        for (const QJsonValue &record : history)
            releaseIds.append(record[QLatin1String("id")].toString());
        QVERIFY2(history.size() >= 2 && releaseIds.contains(firstRelease), qPrintable(releaseIds.join(u',')));

        const QJsonObject deployments =
            json(QStringList { QStringLiteral("get"), QStringLiteral("deployments") } + kube()).object();
        QCOMPARE(deployments.value(QLatin1String("items")).toArray().size(), 1);
        const QJsonObject rolled = json(QStringList { QStringLiteral("rollout"), QStringLiteral("status"),
                                            QStringLiteral("deployment/storefront") } +
            kube())
                                       .object();
        QCOMPARE(rolled.value(QLatin1String("ok")).toBool(), true);
        const QJsonObject revisions = json(QStringList { QStringLiteral("rollout"), QStringLiteral("history"),
                                               QStringLiteral("deployment/storefront") } +
            kube())
                                          .object();
        QVERIFY(revisions.value(QLatin1String("revisions")).toArray().size() >= 2);

        QProcess pods;
        pods.start(QStringLiteral("kubectl"),
            { QStringLiteral("--kubeconfig"), LocalCluster::kubeconfigPath(), QStringLiteral("--context"),
                QStringLiteral("local"), QStringLiteral("-n"), m_ns, QStringLiteral("get"), QStringLiteral("pods"),
                QStringLiteral("-o"), QStringLiteral("jsonpath={.items[0].metadata.name}") });
        QVERIFY(pods.waitForFinished(30000));
        const QString pod = QString::fromUtf8(pods.readAllStandardOutput()).trimmed();
        QVERIFY(!pod.isEmpty());
        QJsonObject logs;
        // The node server serves a log once the container runs.
        for (int i = 0; i < 20 && logs.value(QLatin1String("lines")).toArray().isEmpty(); ++i) {
            if (i)
                QTest::qWait(500);
            logs = json(
                QStringList { QStringLiteral("logs"), pod, QStringLiteral("--tail"), QStringLiteral("3") } + kube(), 0,
                i == 0)
                       .object();
        }
        QCOMPARE(logs.value(QLatin1String("pod")).toString(), pod);
        QVERIFY(!logs.value(QLatin1String("lines")).toArray().isEmpty());

        const QJsonObject rollback = json(QStringList { QStringLiteral("rollback") } + place(), 0, false).object();
        QCOMPARE(rollback.value(QLatin1String("ok")).toBool(), true);
        QCOMPARE(rollback.value(QLatin1String("restored")).toString(), firstRelease);

        // Deliveries and the rollback were audited in the namespace, as the cluster knows the user.
        QProcess events;
        events.start(QStringLiteral("kubectl"),
            { QStringLiteral("--kubeconfig"), LocalCluster::kubeconfigPath(), QStringLiteral("--context"),
                QStringLiteral("local"), QStringLiteral("-n"), m_ns, QStringLiteral("get"), QStringLiteral("events"),
                QStringLiteral("-o"), QStringLiteral("json") });
        QVERIFY(events.waitForFinished(30000));
        QStringList audited;
        for (const QJsonValue &event :
            QJsonDocument::fromJson(events.readAllStandardOutput()).object().value(QLatin1String("items")).toArray()) {
            const QString reason = event[QLatin1String("reason")].toString();
            const QString message = event[QLatin1String("message")].toString();
            if (!reason.startsWith(QLatin1String("Shipyard")))
                continue;
            QVERIFY2(message.startsWith(QStringLiteral("admin (OS user ")), qPrintable(message));
            audited.append(reason + QLatin1Char(' ') + event[QLatin1String("type")].toString() + QLatin1Char(' ') +
                message.section(QStringLiteral(": "), 2));
        }
        QVERIFY2(audited.contains(QStringLiteral("ShipyardDeliver Normal started (environment test)")),
            qPrintable(audited.join(u'|')));
        QVERIFY2(audited.contains(QStringLiteral("ShipyardDeliver Normal succeeded (environment test)")),
            qPrintable(audited.join(u'|')));
        QVERIFY2(audited.contains(QStringLiteral("ShipyardRollback Normal succeeded (environment test)")),
            qPrintable(audited.join(u'|')));
        QFile journal(m_dir.filePath(QStringLiteral("state/shipyard/audit.jsonl")));
        QVERIFY(journal.open(QIODevice::ReadOnly));
        int deliverLines = 0;
        while (!journal.atEnd()) {
            const QJsonObject line = QJsonDocument::fromJson(journal.readLine()).object();
            if (line.value(QLatin1String("what")).toString() != QLatin1String("deliver"))
                continue;
            ++deliverLines;
            QCOMPARE(line[QLatin1String("who")][QLatin1String("kubernetes")].toString(), QStringLiteral("admin"));
            QVERIFY(!line[QLatin1String("who")][QLatin1String("user")].toString().isEmpty());
        }
        QCOMPARE(deliverLines, 4); // started and succeeded, twice
    }
};

QTEST_GUILESS_MAIN(tst_ShipyardctlJson)
#include "tst_shipyardctl_json.moc"
