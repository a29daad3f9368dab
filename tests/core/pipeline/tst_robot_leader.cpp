// SPDX-License-Identifier: GPL-2.0-or-later
// Two robots, one Lease: `shipyardctl robot --leader-elect` twice against the
// local control plane, real git repositories and a file tracker. The leader
// is killed (SIGKILL) in the middle of a task's tests; the other takes the
// Lease once it expires and finishes the work, and no task is moved twice.
#include "ClusterTestSupport.h"
#include "CurlGet.h"
#include "ShowroomWorld.h"

#include "tracker/FileTracker.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace Shipyard;
using namespace Shipyard::TestSupport;

class TestRobotLeader : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::optional<ShowroomWorld> m_world;
    QString m_ns; // the Lease's, in the staging context

    QString statusOf(const QString &task) const
    {
        FileTracker tracker(m_dir.filePath(QStringLiteral("world/tasks.yaml")));
        const TaskLookup lookup = tracker.task(task);
        return lookup.task ? lookup.task->status : lookup.error.message();
    }

    QString ran() const
    {
        QFile file(m_dir.filePath(QStringLiteral("ran.log")));
        return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
    }

    QJsonObject lease() const
    {
        return QJsonDocument::fromJson(
            kubectl(QStringLiteral("staging"),
                { QStringLiteral("-n"), m_ns, QStringLiteral("get"), QStringLiteral("lease"),
                    QStringLiteral("shipyard-robot"), QStringLiteral("-o"), QStringLiteral("json") }))
            .object()
            .value(QLatin1String("spec"))
            .toObject();
    }

    void startRobot(QProcess &robot, const QString &identity)
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("XDG_STATE_HOME"), m_dir.filePath(QStringLiteral("state-") + identity));
        robot.setProcessEnvironment(environment);
        robot.start(QStringLiteral(SHIPYARD_BINARY_DIR "/bin/shipyardctl"),
            { QStringLiteral("robot"), QStringLiteral("--ecosystem"), m_world->ecosystemPath(),
                QStringLiteral("--kubeconfig"), clusterKubeconfigPath(), QStringLiteral("--interval"),
                QStringLiteral("1"), QStringLiteral("--leader-elect"), QStringLiteral("--lease-context"),
                QStringLiteral("staging"), QStringLiteral("--lease-namespace"), m_ns, QStringLiteral("--identity"),
                identity, QStringLiteral("--lease-duration"), QStringLiteral("6"), QStringLiteral("--renew-deadline"),
                QStringLiteral("4"), QStringLiteral("--retry-period"), QStringLiteral("1"), QStringLiteral("--listen"),
                QStringLiteral("127.0.0.1:0"), QStringLiteral("--image"),
                QStringLiteral("storefront=demo/storefront:1.0"), QStringLiteral("--image"),
                QStringLiteral("catalog=demo/catalog:1.0"), QStringLiteral("--image"),
                QStringLiteral("mailer=demo/mailer:1.0") });
        QVERIFY(robot.waitForStarted());
    }

private Q_SLOTS:
    void initTestCase()
    {
        SHIPYARD_REQUIRE_CLUSTER();
        QVERIFY(m_dir.isValid());
        m_ns = QStringLiteral("sy-test-robot-lease-%1").arg(QCoreApplication::applicationPid());
        kubectl(QStringLiteral("staging"), { QStringLiteral("create"), QStringLiteral("namespace"), m_ns });
        QDir().mkpath(m_dir.filePath(QStringLiteral("world")));
        ShowroomWorld::Settings settings;
        // Each test run leaves a line when it starts and one when it ends,
        // slow enough for a robot to be killed in between.
        const QString ran = m_dir.filePath(QStringLiteral("ran.log"));
        settings.test = QStringLiteral("echo start >> %1 && sleep 4 && echo done >> %1").arg(ran);
        m_world.emplace(m_dir.filePath(QStringLiteral("world")), settings);
    }

    void cleanupTestCase()
    {
        if (m_world)
            m_world->deleteShowrooms();
        kubectl(QStringLiteral("staging"),
            { QStringLiteral("delete"), QStringLiteral("namespace"), m_ns, QStringLiteral("--wait=false") });
    }

    void theOtherFinishesWhatTheKilledLeaderBegan()
    {
        const QString first = ShowroomWorld::task(1);
        const QString second = ShowroomWorld::task(2);
        m_world->addBranch(QStringLiteral("catalog"), first);
        m_world->addBranch(QStringLiteral("mailer"), second);
        m_world->setTasks(
            { { first, QStringLiteral("Awaiting Autotests") }, { second, QStringLiteral("Awaiting Autotests") } });

        QProcess a;
        QProcess b;
        // A failure leaves no robot running on.
        const auto killRobots = qScopeGuard([&] {
            a.kill();
            b.kill();
            a.waitForFinished();
            b.waitForFinished();
        });
        startRobot(a, QStringLiteral("robot-a"));
        QTRY_VERIFY2_WITH_TIMEOUT(lease().value(QLatin1String("holderIdentity")).toString() == QLatin1String("robot-a"),
            qPrintable(QString::fromUtf8(a.readAllStandardError())), 30000);
        startRobot(b, QStringLiteral("robot-b"));
        QByteArray bLog;
        QTRY_VERIFY_WITH_TIMEOUT((bLog += b.readAllStandardError()).contains("waiting: robot-a leads"), 30000);
        // Standing by is ready: a rollout of the robot's Deployment waits for
        // its replicas to be ready, the one that waits for the Lease too.
        static const QRegularExpression serving(QStringLiteral("serving .* on (127\\.0\\.0\\.1:\\d+)"));
        const QString bAddress = QStringLiteral("http://") + serving.match(QString::fromUtf8(bLog)).captured(1);
        QCOMPARE(curlGet(bAddress + QStringLiteral("/readyz")), qMakePair(200, QByteArray("ok\n")));
        QVERIFY(curlGet(bAddress + QStringLiteral("/metrics")).second.contains("shipyard_robot_leader 0"));

        // The leader is in the middle of the first task's tests: it dies there.
        QByteArray aLog;
        QTRY_VERIFY2_WITH_TIMEOUT(
            ran().contains(QStringLiteral("start")), (aLog += a.readAllStandardError()).constData(), 60000);
        QVERIFY2(!ran().contains(QStringLiteral("done")), qPrintable(ran()));
        QVERIFY(b.readAllStandardOutput().isEmpty()); // b acted on nothing meanwhile
        QElapsedTimer sinceKill;
        ::kill(pid_t(a.processId()), SIGKILL);
        sinceKill.start();
        QVERIFY(a.waitForFinished(10000));

        // b takes over once the lease has run out as b sees it, not sooner.
        QTRY_VERIFY_WITH_TIMEOUT((bLog += b.readAllStandardError()).contains("leading as robot-b"), 30000);
        const qint64 takeover = sinceKill.elapsed();
        qInfo("takeover %lld ms after the leader was killed (lease 6 s, retry 1 s)", takeover);
        QVERIFY2(takeover < 6000 + 3000, qPrintable(QString::number(takeover)));
        QCOMPARE(lease().value(QLatin1String("holderIdentity")).toString(), QStringLiteral("robot-b"));

        // It finishes the work: both tested and shown, each moved once.
        QTRY_VERIFY_WITH_TIMEOUT(
            statusOf(first) == QLatin1String("In QA") && statusOf(second) == QLatin1String("In QA"), 180000);
        const QString tasks = m_world->tasksFile();
        QCOMPARE(
            tasks.count(QStringLiteral("Showroom ready in namespace %1").arg(ShowroomWorld::namespaceOf(first))), 1);
        QCOMPARE(
            tasks.count(QStringLiteral("Showroom ready in namespace %1").arg(ShowroomWorld::namespaceOf(second))), 1);
        // The pass reports its actions when it ends, after the last move.
        QString actions;
        QTRY_VERIFY_WITH_TIMEOUT((actions += QString::fromUtf8(b.readAllStandardOutput()))
                                     .contains(QStringLiteral("%1 showroom:").arg(second)),
            60000);
        const QString said = actions + QString::fromUtf8(bLog += b.readAllStandardError());
        for (const QString &task : { first, second }) {
            QVERIFY2(actions.count(QStringLiteral("%1 autotests:").arg(task)) == 1, qPrintable(said));
            QVERIFY2(actions.count(QStringLiteral("%1 showroom:").arg(task)) == 1, qPrintable(said));
        }

        // Stopped, b gives the Lease up for the next robot to take at once.
        b.terminate();
        QVERIFY(b.waitForFinished(60000));
        QCOMPARE(b.exitStatus(), QProcess::NormalExit);
        QCOMPARE(b.exitCode(), 0);
        QCOMPARE(lease().value(QLatin1String("holderIdentity")).toString(), QString());
    }
};

QTEST_GUILESS_MAIN(TestRobotLeader)
#include "tst_robot_leader.moc"
