// SPDX-License-Identifier: GPL-2.0-or-later
// `shipyardctl new system` end to end: three systems, one from each
// built-in template, added to a copy of a test ecosystem; the file still
// validates; and one delivery builds their images with buildah, pushes them
// to the docker-registry of fixture `registry` and rolls them out in a
// namespace of the local control plane (kwok's pods: nothing runs them).
#include "DeliveryTestWorld.h"
#include "FixtureEnvironment.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Shipyard;
using namespace Shipyard::TestSupport;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run shipyardctl(
    const QStringList &arguments, const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment())
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(SHIPYARD_BINARY_DIR "/bin/shipyardctl"), arguments);
    Run run;
    if (!process.waitForFinished(300000)) {
        process.kill();
        process.waitForFinished();
        run.err = QStringLiteral("shipyardctl did not end");
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestShipyardctlNew : public QObject
{
    Q_OBJECT

private:
    DeliveryTestWorld m_world;
    QMap<QString, QString> m_fixture;

private Q_SLOTS:
    void initTestCase()
    {
        SHIPYARD_REQUIRE_CLUSTER();
        QVERIFY(m_world.isValid());
        m_fixture = readFixtureEnvironment(QStringLiteral(REGISTRY_STATE_FILE));
        QVERIFY2(m_fixture.contains(QStringLiteral("REGISTRY_ADDRESS")),
            "the registry fixture did not run: ctest -R tst_shipyardctl_new runs it first");
    }

    void usage()
    {
        const Run run = shipyardctl({ QStringLiteral("new"), QStringLiteral("system"), QStringLiteral("orders") });
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(
            run.err.contains(QStringLiteral("usage: shipyardctl new system NAME --template")), qPrintable(run.err));
    }

    void newSystemsAreDelivered()
    {
        const QString ns = m_world.newNamespace();
        const QString registry = m_fixture.value(QStringLiteral("REGISTRY_ADDRESS"));
        m_world.ecosystemFor(
            ns, QStringLiteral("local"), {}, QStringLiteral("registry:\n  url: %1\n  insecure: true\n").arg(registry));
        const QString ecosystem = m_world.filePath(ns + QStringLiteral("/ecosystem.yaml"));
        const QByteArray before = readAll(ecosystem);

        const QList<std::pair<QString, QString>> systems { { QStringLiteral("web"), QStringLiteral("frontend") },
            { QStringLiteral("orders"), QStringLiteral("backend") },
            { QStringLiteral("jobs"), QStringLiteral("worker") } };
        // A dry run first: it says what it would do, and does nothing.
        Run run = shipyardctl(
            { QStringLiteral("new"), QStringLiteral("system"), QStringLiteral("web"), QStringLiteral("--template"),
                QStringLiteral("frontend"), QStringLiteral("--ecosystem"), ecosystem, QStringLiteral("--dry-run") });
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(QStringLiteral("  - name: web\n    template: frontend\n")), qPrintable(run.out));
        QCOMPARE(readAll(ecosystem), before);
        QVERIFY(!QFileInfo::exists(m_world.filePath(ns + QStringLiteral("/systems/web"))));

        QMap<QString, QString> commits;
        for (const auto &[name, kind] : systems) {
            run = shipyardctl({ QStringLiteral("new"), QStringLiteral("system"), name, QStringLiteral("--template"),
                kind, QStringLiteral("--ecosystem"), ecosystem, QStringLiteral("-o"), QStringLiteral("json") });
            QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
            const QJsonObject made = QJsonDocument::fromJson(run.out.toUtf8()).object();
            QCOMPARE(made.value(QLatin1String("succeeded")).toBool(), true);
            QCOMPARE(made.value(QLatin1String("repositoryEntry")).toString(), QStringLiteral("systems/") + name);
            QCOMPARE(made.value(QLatin1String("upstream")).toString(), QStringLiteral("main"));
            QCOMPARE(made.value(QLatin1String("files")).toArray().contains(QStringLiteral("deploy/service.yaml")),
                kind != QLatin1String("worker"));
            commits.insert(name, made.value(QLatin1String("commit")).toString());
        }
        // Added at the end of `systems:`, the rest of the file as it was.
        const QByteArray after = readAll(ecosystem);
        const qsizetype environments = before.indexOf("environments:");
        QVERIFY(after.startsWith(before.left(environments)));
        QVERIFY(after.endsWith(before.mid(environments)));
        QVERIFY2(after.contains("  - name: orders\n    template: backend\n    repository: systems/orders\n"
                                "    image: demo/orders\n    manifests: [deploy/]\n"),
            after.constData());
        // A second time is refused.
        run = shipyardctl({ QStringLiteral("new"), QStringLiteral("system"), QStringLiteral("orders"),
            QStringLiteral("--template"), QStringLiteral("backend"), QStringLiteral("--ecosystem"), ecosystem });
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("there is a system named orders already")), qPrintable(run.err));
        // An unknown template names the ones there are, in JSON too.
        run = shipyardctl({ QStringLiteral("new"), QStringLiteral("system"), QStringLiteral("billing"),
            QStringLiteral("--template"), QStringLiteral("cron"), QStringLiteral("--ecosystem"), ecosystem,
            QStringLiteral("--output"), QStringLiteral("json") });
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(QJsonDocument::fromJson(run.out.toUtf8()).object().value(QLatin1String("error")).toString(),
            QStringLiteral("no template named 'cron'; the templates are: backend, frontend, worker"));
        QCOMPARE(readAll(ecosystem), after);

        // Valid, every system rendered from its repository.
        run = shipyardctl({ QStringLiteral("validate"), ecosystem });
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));

        // Built, pushed and delivered; buildah keeps its images in this test's own storage.
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("XDG_CACHE_HOME"), m_world.filePath(ns + QStringLiteral("-cache")));
        QStringList deliver { QStringLiteral("deliver"), QStringLiteral("--ecosystem"), ecosystem,
            QStringLiteral("--environment"), QStringLiteral("test"), QStringLiteral("--kubeconfig"),
            clusterKubeconfigPath(), QStringLiteral("--output"), QStringLiteral("json") };
        for (const auto &[name, kind] : systems)
            deliver += { QStringLiteral("--system"), name };
        QElapsedTimer clock;
        clock.start();
        run = shipyardctl(deliver, environment);
        qInfo("three new systems built, pushed and delivered: %lld ms", qint64(clock.elapsed()));
        const QJsonObject result = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
        QCOMPARE(result.value(QLatin1String("outcome")).toString(), QStringLiteral("succeeded"));

        const QString root = m_world.filePath(ns);
        for (const auto &[name, kind] : systems) {
            const QString commit = DeliveryTestWorld::output(
                QStringLiteral("git rev-parse main"), root + QStringLiteral("/systems/") + name);
            QCOMPARE(commit, commits.value(name));
            QCOMPARE(DeliveryTestWorld::imageOf(ns, name), QStringLiteral("%1/demo/%2:%3").arg(registry, name, commit));
            const QByteArray ready = kubectl(QStringLiteral("local"),
                { QStringLiteral("-n"), ns, QStringLiteral("get"), QStringLiteral("deployment"), name,
                    QStringLiteral("-o"), QStringLiteral("jsonpath={.status.readyReplicas}") });
            QCOMPARE(ready, QByteArray("1"));
            int code = 0;
            kubectl(QStringLiteral("local"),
                { QStringLiteral("-n"), ns, QStringLiteral("get"), QStringLiteral("service"), name }, &code);
            QCOMPARE(code == 0, kind != QLatin1String("worker"));
        }
        // Each image built from its commit, then found in the registry after
        // its push (the verify step); each system's tests and smoke command ran.
        QMap<QString, int> succeeded;
        for (const QJsonValue &value : result.value(QLatin1String("steps")).toArray()) {
            const QJsonObject step = value.toObject();
            if (step.value(QLatin1String("state")).toString() == QLatin1String("succeeded"))
                ++succeeded[step.value(QLatin1String("step")).toString()];
        }
        for (const QString &step :
            { QStringLiteral("build"), QStringLiteral("test"), QStringLiteral("verify"), QStringLiteral("smoke") })
            QVERIFY2(succeeded.value(step) == 3, qPrintable(step + QLatin1Char('\n') + run.out));
        QVERIFY2(run.err.contains(QStringLiteral("orders: all 3 checks passed")), qPrintable(run.err));
    }
};

QTEST_GUILESS_MAIN(TestShipyardctlNew)
#include "tst_shipyardctl_new.moc"
