// SPDX-License-Identifier: GPL-2.0-or-later
// `shipyardctl doctor` as a person runs it: an ecosystem whose clusters,
// registry (the shared fixture's, only read), tracker (a file), repository
// (a bare one of the test's own) and tools are all there exits 0; the same
// with a closed port and a silent server as two more environments' contexts
// exits 1 within the timeout and its grace, naming what to do; usage errors
// exit 2. No secret the ecosystem names ever reaches the output.
#include "DeadContexts.h"
#include "FixtureEnvironment.h"
#include "GitTestHelpers.h"
#include "LocalCluster.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

class tst_ShipyardctlDoctor : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    DeadContexts m_dead;
    QProcessEnvironment m_environment;

    QString path(const QString &name) const { return m_dir.filePath(name); }

    void writeEcosystem(const QString &name, const QByteArray &extraEnvironments) const
    {
        const QMap<QString, QString> registry = readFixtureEnvironment(QStringLiteral(REGISTRY_STATE_FILE));
        GitTest::writeFile(path(name),
            "name: Clinic\n"
            "tracker: {kind: file, file: tasks.yaml}\n"
            "registry: {url: 'http://" +
                registry.value(QStringLiteral("REGISTRY_ADDRESS")).toUtf8() +
                "', insecure: true}\n"
                "systems:\n"
                "  - {name: api, template: backend, repository: api, image: clinic/api, manifests: [deploy/]}\n"
                "environments:\n"
                "  - {name: staging, kind: staging, context: staging, namespace: shipyard-staging}\n" +
                extraEnvironments +
                "notifications:\n"
                "  channels:\n"
                "    team:\n"
                "      chat: {urlEnv: CLINIC_CHAT_URL}\n");
    }

    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
        qint64 elapsedMs = 0;
    };

    Run doctor(const QStringList &arguments) const
    {
        QProcess process;
        process.setProcessEnvironment(m_environment);
        QElapsedTimer clock;
        clock.start();
        process.start(QStringLiteral(SHIPYARD_BINARY_DIR "/bin/shipyardctl"),
            QStringList { QStringLiteral("doctor") } + arguments);
        Run run;
        if (!process.waitForFinished(60000))
            return run;
        run.elapsedMs = clock.elapsed();
        run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        run.out = QString::fromUtf8(process.readAllStandardOutput());
        run.err = QString::fromUtf8(process.readAllStandardError());
        qInfo("shipyardctl doctor %s: exit %d in %lld ms\n%s%s", qPrintable(arguments.join(QLatin1Char(' '))),
            run.exitCode, run.elapsedMs, qPrintable(run.out), qPrintable(run.err));
        // The chat URL's token is its secret.
        if (run.out.contains(QStringLiteral("clinic-secret")) || run.err.contains(QStringLiteral("clinic-secret")))
            run.exitCode = -2;
        return run;
    }

    // Every line of the table starts with its verdict, or is a remedy below one.
    static bool isTable(const QString &out)
    {
        static const QRegularExpression line(
            QStringLiteral("^(VERDICT|ok|warning|broken\\*?|skipped) +[0-9]* +\\S|^ +→ \\S"));
        const QStringList lines = out.section(QStringLiteral("\n\n"), 0, 0).split(QLatin1Char('\n'));
        for (const QString &text : lines) {
            if (!line.match(text).hasMatch()) {
                qWarning("not a line of the table: %s", qPrintable(text));
                return false;
            }
        }
        return lines.size() > 2;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_dead.start());
        const QString dead = path(QStringLiteral("dead.yaml"));
        QVERIFY(m_dead.writeKubeconfig(dead));
        m_environment = QProcessEnvironment::systemEnvironment();
        m_environment.insert(QStringLiteral("KUBECONFIG"), LocalCluster::kubeconfigPath() + QLatin1Char(':') + dead);
        // Plain http to another machine: a warning, which lets deliveries go.
        m_environment.insert(
            QStringLiteral("CLINIC_CHAT_URL"), QStringLiteral("http://chat.example.org/hooks/clinic-secret"));
        GitTest::writeFile(
            path(QStringLiteral("tasks.yaml")), "tasks:\n  CL-1: {title: Check up, status: Awaiting Delivery}\n");
        GitTest::git(m_dir.path(),
            { QStringLiteral("init"), QStringLiteral("--bare"), QStringLiteral("-b"), QStringLiteral("main"),
                path(QStringLiteral("api.git")) });
        GitTest::initRepository(path(QStringLiteral("api")));
        GitTest::commit(path(QStringLiteral("api")), QStringLiteral("README"), "api\n", QStringLiteral("first"));
        GitTest::git(path(QStringLiteral("api")),
            { QStringLiteral("remote"), QStringLiteral("add"), QStringLiteral("origin"),
                path(QStringLiteral("api.git")) });
        GitTest::git(path(QStringLiteral("api")),
            { QStringLiteral("push"), QStringLiteral("origin"), QStringLiteral("HEAD:main") });
        writeEcosystem(QStringLiteral("healthy.yaml"), {});
        writeEcosystem(QStringLiteral("dead.yaml.ecosystem"),
            "  - {name: closed, kind: local, context: closed, namespace: x}\n"
            "  - {name: hung, kind: local, context: hung, namespace: x}\n");
    }

    void healthyExitsZero()
    {
        const Run run = doctor({ QStringLiteral("--ecosystem"), path(QStringLiteral("healthy.yaml")) });
        QCOMPARE(run.exitCode, 0);
        QVERIFY(isTable(run.out));
        QVERIFY(run.out.contains(QStringLiteral("Everything a delivery needs is ok.")));
        QVERIFY(run.out.contains(QStringLiteral("environment staging")));
        QVERIFY(run.out.contains(QStringLiteral("registry")));
        QVERIFY(run.out.contains(QStringLiteral("warning")));
        QVERIFY(run.out.contains(QStringLiteral("→ set CLINIC_CHAT_URL to the chat's https:// webhook URL")));
    }

    void healthyAsJson()
    {
        const Run run = doctor({ QStringLiteral("--ecosystem"), path(QStringLiteral("healthy.yaml")),
            QStringLiteral("-o"), QStringLiteral("json") });
        QCOMPARE(run.exitCode, 0);
        const QJsonObject report = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QCOMPARE(report.value(QStringLiteral("deliverable")).toBool(), true);
        const QJsonArray checks = report.value(QStringLiteral("checks")).toArray();
        QCOMPARE(checks.size(), 7); // apiserver, permissions, registry, tracker, git, buildah, chat
        for (const QJsonValue &check : checks) {
            const QJsonObject object = check.toObject();
            const QString verdict = object.value(QStringLiteral("verdict")).toString();
            const bool chat = object.value(QStringLiteral("component")).toString().startsWith(QLatin1String("chat"));
            QVERIFY2(verdict == (chat ? QLatin1String("warning") : QLatin1String("ok")),
                qPrintable(QJsonDocument(object).toJson()));
            QVERIFY(object.contains(QStringLiteral("latencyMs")));
        }
    }

    // Neither dead context delays the live one nor the run beyond the timeout.
    void deadContextsExitOne()
    {
        const Run run = doctor({ QStringLiteral("--ecosystem"), path(QStringLiteral("dead.yaml.ecosystem")),
            QStringLiteral("--timeout"), QStringLiteral("2") });
        QCOMPARE(run.exitCode, 1);
        QVERIFY(isTable(run.out));
        QVERIFY2(run.elapsedMs < 2000 + 3000, qPrintable(QString::number(run.elapsedMs)));
        QVERIFY(
            run.out.contains(QStringLiteral("→ start the apiserver at https://127.0.0.1:%1").arg(m_dead.closedPort())));
        QVERIFY(
            run.out.contains(QStringLiteral("no answer within 2 s")) || run.out.contains(QStringLiteral("timed out")));
        QVERIFY(run.out.contains(QStringLiteral("Deliveries would fail: fix what is broken first.")));
    }

    void usageErrorsExitTwo()
    {
        QCOMPARE(doctor({}).exitCode, 2);
        QCOMPARE(doctor({ QStringLiteral("--ecosystem"), path(QStringLiteral("missing.yaml")) }).exitCode, 2);
        QCOMPARE(doctor({ QStringLiteral("--ecosystem"), path(QStringLiteral("healthy.yaml")), QStringLiteral("-o"),
                            QStringLiteral("yaml") })
                     .exitCode,
            2);
        QCOMPARE(doctor({ QStringLiteral("--ecosystem"), path(QStringLiteral("healthy.yaml")),
                            QStringLiteral("--timeout"), QStringLiteral("soon") })
                     .exitCode,
            2);
        QCOMPARE(doctor({ QStringLiteral("--ecosystem"), path(QStringLiteral("healthy.yaml")),
                            QStringLiteral("--kubeconfig"), path(QStringLiteral("no-kubeconfig")) })
                     .exitCode,
            2);
    }
};

QTEST_GUILESS_MAIN(tst_ShipyardctlDoctor)
#include "tst_shipyardctl_doctor.moc"
