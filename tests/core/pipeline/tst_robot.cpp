// SPDX-License-Identifier: GPL-2.0-or-later
// The delivery robot end to end: `shipyardctl robot --once` against the local
// control plane, real git repositories (clones of bare upstreams) and a file
// tracker; then a second pass in-process that finds nothing left to do.
#include "ClusterTestSupport.h"
#include "ShowroomWorld.h"

#include "kube/ClusterAccess.h"
#include "model/EcosystemLoader.h"
#include "pipeline/DeliveryRobot.h"
#include "pipeline/ShowroomManager.h"
#include "tracker/FileTracker.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

using namespace Shipyard;
using namespace Shipyard::TestSupport;

class TestRobot : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::optional<ShowroomWorld> m_world;
    QString m_staging;

    Ecosystem ecosystem() const
    {
        const EcosystemLoadResult loaded = EcosystemLoader().loadFile(m_world->ecosystemPath());
        for (const Diagnostic &diagnostic : loaded.diagnostics)
            qWarning("%s", qPrintable(diagnostic.toString()));
        if (!loaded.ecosystem)
            qFatal("the test ecosystem does not load");
        return *loaded.ecosystem;
    }

    QString statusOf(const QString &task) const
    {
        FileTracker tracker(m_dir.filePath(QStringLiteral("world/tasks.yaml")));
        const TaskLookup lookup = tracker.task(task);
        return lookup.task ? lookup.task->status : lookup.error.message();
    }

    static bool namespaceExists(const QString &ns)
    {
        int code = 0;
        kubectl(QStringLiteral("showroom"), { QStringLiteral("get"), QStringLiteral("namespace"), ns }, &code);
        return code == 0;
    }

    static QStringList images()
    {
        return { QStringLiteral("--image"), QStringLiteral("storefront=demo/storefront:1.0"), QStringLiteral("--image"),
            QStringLiteral("catalog=demo/catalog:1.0"), QStringLiteral("--image"),
            QStringLiteral("mailer=demo/mailer:1.0") };
    }

private Q_SLOTS:
    void initTestCase()
    {
        SHIPYARD_REQUIRE_CLUSTER();
        QVERIFY(m_dir.isValid());
        m_staging = QStringLiteral("sy-test-staging-%1").arg(QCoreApplication::applicationPid());
        kubectl(QStringLiteral("staging"), { QStringLiteral("create"), QStringLiteral("namespace"), m_staging });
        QDir().mkpath(m_dir.filePath(QStringLiteral("world")));
        ShowroomWorld::Settings settings;
        // A branch adding src/broken fails its tests.
        settings.test = QStringLiteral("test ! -e src/broken");
        settings.stagingNamespace = m_staging;
        m_world.emplace(m_dir.filePath(QStringLiteral("world")), settings);
    }

    void cleanupTestCase()
    {
        if (m_world)
            m_world->deleteShowrooms();
        kubectl(QStringLiteral("staging"),
            { QStringLiteral("delete"), QStringLiteral("namespace"), m_staging, QStringLiteral("--wait=false") });
    }

    void passErrorsAreMasked()
    {
        // A tracker's error quotes its file's path; here the path holds a token's value.
        const QByteArray token = "tok-robot-7Qm2Zx";
        qputenv("ROBOT_PROBE_TOKEN", token);
        const auto unset = qScopeGuard([] { qunsetenv("ROBOT_PROBE_TOKEN"); });
        Ecosystem withMissingTracker = ecosystem();
        withMissingTracker.tracker.file = m_dir.filePath(QString::fromLatin1(token) + QStringLiteral("/tasks.yaml"));
        DeliveryRobot::Options options;
        options.cluster = ClusterAccess::load(LocalCluster::kubeconfigPath());
        const DeliveryRobot::PassResult pass = DeliveryRobot(withMissingTracker, options).runOnce();
        QVERIFY(!pass.succeeded());
        QVERIFY2(!pass.error.isEmpty(), "the pass should fail on the missing tracker file");
        QVERIFY2(!pass.error.contains(QString::fromLatin1(token)), qPrintable(pass.error));
        for (const QString &warning : pass.warnings)
            QVERIFY2(!warning.contains(QString::fromLatin1(token)), qPrintable(warning));
    }

    void onePassMovesEveryTask()
    {
        const QString passes = ShowroomWorld::task(1);
        const QString fails = ShowroomWorld::task(2);
        const QString delivers = ShowroomWorld::task(3);
        const QString closed = ShowroomWorld::task(4);
        const QString passesHead = m_world->addBranch(QStringLiteral("catalog"), passes);
        m_world->addBranch(QStringLiteral("mailer"), fails, QStringLiteral("broken"));
        const QString deliversHead = m_world->addBranch(QStringLiteral("storefront"), delivers);
        m_world->addBranch(QStringLiteral("catalog"), closed);
        m_world->setTasks(
            { { passes, QStringLiteral("Awaiting Autotests") }, { fails, QStringLiteral("Awaiting Autotests") },
                { delivers, QStringLiteral("Awaiting Delivery") }, { closed, QStringLiteral("In QA") } });

        // A showroom whose task QA has closed since.
        {
            ShowroomManager showrooms(ecosystem(), {}, ClusterAccess::load(clusterKubeconfigPath()));
            showrooms.setAuditJournal(m_dir.filePath(QStringLiteral("audit.jsonl")));
            ShowroomManager::UpOptions options;
            options.images = { { QStringLiteral("storefront"), QStringLiteral("demo/storefront:1.0") },
                { QStringLiteral("catalog"), QStringLiteral("demo/catalog:1.0") },
                { QStringLiteral("mailer"), QStringLiteral("demo/mailer:1.0") } };
            const ShowroomManager::UpResult up = showrooms.up(closed, options);
            QVERIFY2(up.succeeded(), qPrintable(up.error + (up.delivery ? up.delivery->reason : QString())));
        }
        // OPS-1 belongs to another team sharing the tracker: not a key of this ecosystem.
        m_world->setTasks({ { passes, QStringLiteral("Awaiting Autotests") },
            { fails, QStringLiteral("Awaiting Autotests") }, { delivers, QStringLiteral("Awaiting Delivery") },
            { closed, QStringLiteral("Closed") }, { QStringLiteral("OPS-1"), QStringLiteral("Awaiting Showroom") } });

        QProcess robot;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("XDG_STATE_HOME"), m_dir.filePath(QStringLiteral("state")));
        robot.setProcessEnvironment(environment);
        QElapsedTimer clock;
        clock.start();
        robot.start(QStringLiteral(SHIPYARD_BINARY_DIR "/bin/shipyardctl"),
            QStringList { QStringLiteral("robot"), QStringLiteral("--once"), QStringLiteral("--ecosystem"),
                m_world->ecosystemPath(), QStringLiteral("--kubeconfig"), clusterKubeconfigPath(),
                QStringLiteral("--output"), QStringLiteral("json") } +
                images());
        QVERIFY(robot.waitForFinished(300000));
        qInfo("robot pass over 4 tasks: %lld ms", qint64(clock.elapsed()));
        const QByteArray log = robot.readAllStandardError();
        // One task failed its tests: the pass says so.
        QVERIFY2(robot.exitCode() == 1, log.constData());
        const QJsonObject pass = QJsonDocument::fromJson(robot.readAllStandardOutput()).object();
        QVERIFY2(pass.value(QLatin1String("error")).toString().isEmpty(), log.constData());

        QMap<QString, QStringList> stages; // task → "stage:ok" in order
        for (const QJsonValue &action : pass.value(QLatin1String("actions")).toArray())
            stages[action[QLatin1String("task")].toString()].append(action[QLatin1String("stage")].toString() +
                (action[QLatin1String("succeeded")].toBool() ? QStringLiteral(":ok") : QStringLiteral(":failed")));
        QCOMPARE(stages.value(passes), QStringList({ QStringLiteral("autotests:ok"), QStringLiteral("showroom:ok") }));
        QCOMPARE(stages.value(fails), QStringList { QStringLiteral("autotests:failed") });
        QCOMPARE(stages.value(delivers), QStringList { QStringLiteral("staging:ok") });
        QCOMPARE(stages.value(closed), QStringList { QStringLiteral("sweep:ok") });

        // Passed: tested, then shown in a showroom on its branch, now with QA.
        QCOMPARE(statusOf(passes), QStringLiteral("In QA"));
        const QString showroom = ShowroomWorld::namespaceOf(passes);
        QVERIFY(namespaceExists(showroom));
        QCOMPARE(QString::fromUtf8(kubectl(QStringLiteral("showroom"),
                     { QStringLiteral("-n"), showroom, QStringLiteral("get"), QStringLiteral("deployment"),
                         QStringLiteral("catalog"), QStringLiteral("-o"),
                         QStringLiteral("jsonpath={.metadata.annotations.shipyard\\.dev/git-sha}") })),
            passesHead);
        QVERIFY(m_world->tasksFile().contains(QStringLiteral("Showroom ready in namespace %1").arg(showroom)));
        QVERIFY(kubectl(QStringLiteral("showroom"),
            { QStringLiteral("get"), QStringLiteral("namespace"), showroom, QStringLiteral("-o"),
                QStringLiteral("jsonpath={.metadata.annotations.shipyard\\.dev/creator}") })
                .startsWith("shipyard-robot@"));

        // Failed: back to its developer with the failing step.
        QCOMPARE(statusOf(fails), QStringLiteral("In Progress"));
        QVERIFY(!namespaceExists(ShowroomWorld::namespaceOf(fails)));
        QVERIFY2(m_world->tasksFile().contains(QLatin1String("the step \\\"test\\\" failed")),
            qPrintable(m_world->tasksFile()));
        QVERIFY2(
            m_world->tasksFile().contains(QLatin1String("$ test ! -e src/broken")), qPrintable(m_world->tasksFile()));
        // The branch was tested in a copy: the developer's checkout is still on main, untouched.
        QVERIFY(!QFile::exists(m_world->repositoryOf(QStringLiteral("mailer")) + QStringLiteral("/src/broken")));

        // Delivered: running in staging, merged into upstream, closed.
        QCOMPARE(statusOf(delivers), QStringLiteral("Closed"));
        QCOMPARE(m_world->upstreamHead(QStringLiteral("storefront")), deliversHead);
        QCOMPARE(QString::fromUtf8(kubectl(QStringLiteral("staging"),
                     { QStringLiteral("-n"), m_staging, QStringLiteral("get"), QStringLiteral("deployment"),
                         QStringLiteral("storefront"), QStringLiteral("-o"),
                         QStringLiteral("jsonpath={.metadata.annotations.shipyard\\.dev/git-sha}") })),
            deliversHead);

        // Another team's task: untouched.
        QVERIFY(!stages.contains(QStringLiteral("OPS-1")));
        QCOMPARE(statusOf(QStringLiteral("OPS-1")), QStringLiteral("Awaiting Showroom"));

        // Closed: its showroom is gone.
        QVERIFY(!namespaceExists(ShowroomWorld::namespaceOf(closed)));

        // A second pass finds nothing to do and leaves the live showroom.
        DeliveryRobot::Options options;
        options.cluster = ClusterAccess::load(clusterKubeconfigPath());
        options.auditJournal = m_dir.filePath(QStringLiteral("audit.jsonl"));
        const DeliveryRobot::PassResult again = DeliveryRobot(ecosystem(), options).runOnce();
        QVERIFY2(again.succeeded(), qPrintable(again.error));
        QCOMPARE(again.actions.size(), 0);
        QVERIFY(namespaceExists(showroom));
    }

    // Nobody watches the robot: a task that fails a gate goes back to its
    // developer with the gate's reason, and nothing is delivered or merged.
    void unreviewedTaskGoesBackWithTheGate()
    {
        const QString task = ShowroomWorld::task(5);
        const QString upstreamBefore = m_world->upstreamHead(QStringLiteral("catalog"));
        m_world->addBranch(QStringLiteral("catalog"), task, {}, false);
        m_world->setTasks({ { task, QStringLiteral("Awaiting Delivery") } });
        DeliveryRobot::Options options;
        options.cluster = ClusterAccess::load(clusterKubeconfigPath());
        options.auditJournal = m_dir.filePath(QStringLiteral("audit.jsonl"));
        options.images = { { QStringLiteral("catalog"), QStringLiteral("demo/catalog:1.0") } };
        const DeliveryRobot::PassResult pass = DeliveryRobot(ecosystem(), options).runOnce();
        QCOMPARE(pass.actions.size(), 1);
        QCOMPARE(pass.actions.first().stage, QStringLiteral("staging"));
        QVERIFY(!pass.actions.first().succeeded);
        QVERIFY2(pass.actions.first().detail.contains(QStringLiteral("0 of 1 required approvals")),
            qPrintable(pass.actions.first().detail));
        QCOMPARE(statusOf(task), QStringLiteral("In Progress"));
        QVERIFY2(m_world->tasksFile().contains(QLatin1String("the approvals gate")), qPrintable(m_world->tasksFile()));
        QCOMPARE(m_world->upstreamHead(QStringLiteral("catalog")), upstreamBefore);
    }
};

QTEST_GUILESS_MAIN(TestRobot)
#include "tst_robot.moc"
