// SPDX-License-Identifier: GPL-2.0-or-later
// The robot as a service is observable: `shipyardctl robot --listen` serves
// /healthz, /readyz and /metrics while it works, and the test world's real
// Prometheus scrapes it (a file_sd target the test drops in): after the
// robot delivers a task to staging, a PromQL query returns that delivery.
#include "ClusterTestSupport.h"
#include "CurlGet.h"
#include "FixtureEnvironment.h"
#include "ShowroomWorld.h"

#include "monitoring/PrometheusClient.h"
#include "tracker/FileTracker.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

using namespace Shipyard;
using namespace Shipyard::TestSupport;

class TestRobotMetrics : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::optional<ShowroomWorld> m_world;
    QMap<QString, QString> m_fixture;
    QString m_staging;

    QString statusOf(const QString &task) const
    {
        FileTracker tracker(m_dir.filePath(QStringLiteral("world/tasks.yaml")));
        const TaskLookup lookup = tracker.task(task);
        return lookup.task ? lookup.task->status : lookup.error.message();
    }

    std::optional<double> query(const QString &promql) const
    {
        const PrometheusResult result =
            PrometheusClient(QUrl(m_fixture.value(QStringLiteral("PROMETHEUS_URL")))).query(promql);
        return result.singleValue();
    }

private Q_SLOTS:
    void initTestCase()
    {
        SHIPYARD_REQUIRE_CLUSTER();
        QVERIFY(m_dir.isValid());
        m_fixture = readFixtureEnvironment(QStringLiteral(PROMETHEUS_STATE_FILE));
        QVERIFY2(!m_fixture.value(QStringLiteral("PROMETHEUS_TARGETS_DIR")).isEmpty(),
            "the prometheus fixture did not run: ctest -R tst_robot_metrics runs it first");
        m_staging = QStringLiteral("sy-test-metrics-%1").arg(QCoreApplication::applicationPid());
        kubectl(QStringLiteral("staging"), { QStringLiteral("create"), QStringLiteral("namespace"), m_staging });
        QDir().mkpath(m_dir.filePath(QStringLiteral("world")));
        ShowroomWorld::Settings settings;
        settings.stagingNamespace = m_staging;
        m_world.emplace(m_dir.filePath(QStringLiteral("world")), settings);
    }

    void cleanupTestCase()
    {
        kubectl(QStringLiteral("staging"),
            { QStringLiteral("delete"), QStringLiteral("namespace"), m_staging, QStringLiteral("--wait=false") });
    }

    void prometheusCountsTheRobotsDeliveries()
    {
        const QString task = ShowroomWorld::task(1);
        m_world->addBranch(QStringLiteral("storefront"), task);
        m_world->setTasks({ { task, QStringLiteral("Awaiting Delivery") } });

        QProcess robot;
        const auto stop = qScopeGuard([&] {
            robot.kill();
            robot.waitForFinished();
        });
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("XDG_STATE_HOME"), m_dir.filePath(QStringLiteral("state")));
        robot.setProcessEnvironment(environment);
        robot.start(QStringLiteral(SHIPYARD_BINARY_DIR "/bin/shipyardctl"),
            { QStringLiteral("robot"), QStringLiteral("--ecosystem"), m_world->ecosystemPath(),
                QStringLiteral("--kubeconfig"), clusterKubeconfigPath(), QStringLiteral("--interval"),
                QStringLiteral("1"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                QStringLiteral("--image"), QStringLiteral("storefront=demo/storefront:1.0"), QStringLiteral("--image"),
                QStringLiteral("catalog=demo/catalog:1.0"), QStringLiteral("--image"),
                QStringLiteral("mailer=demo/mailer:1.0") });
        QVERIFY(robot.waitForStarted());
        QByteArray log;
        static const QRegularExpression serving(QStringLiteral("serving .* on (127\\.0\\.0\\.1:\\d+)"));
        QRegularExpressionMatch match;
        QTRY_VERIFY2_WITH_TIMEOUT(
            (match = serving.match(QString::fromUtf8(log += robot.readAllStandardError()))).hasMatch(), log.constData(),
            30000);
        const QString address = match.captured(1);
        const QString base = QStringLiteral("http://") + address;
        QCOMPARE(curlGet(base + QStringLiteral("/healthz")).first, 200);
        QCOMPARE(curlGet(base + QStringLiteral("/nowhere")).first, 404);

        // Prometheus scrapes it from now on, labelled as this test's.
        const QString robotLabel = QString::number(QCoreApplication::applicationPid());
        QFile target(m_fixture.value(QStringLiteral("PROMETHEUS_TARGETS_DIR")) +
            QStringLiteral("/robot-%1.json").arg(robotLabel));
        QVERIFY(target.open(QIODevice::WriteOnly));
        target.write(QStringLiteral("[{\"targets\": [\"%1\"], \"labels\": {\"robot\": \"%2\"}}]\n")
                .arg(address, robotLabel)
                .toUtf8());
        target.close();
        const auto untarget = qScopeGuard([&] { target.remove(); });

        QTRY_COMPARE_WITH_TIMEOUT(statusOf(task), QStringLiteral("Closed"), 180000);
        QTRY_COMPARE_WITH_TIMEOUT(curlGet(base + QStringLiteral("/readyz")).first, 200, 30000);
        const QByteArray metrics = curlGet(base + QStringLiteral("/metrics")).second;
        QVERIFY2(metrics.contains("shipyard_deliveries_total{environment=\"staging\",result=\"succeeded\"} 1"),
            metrics.constData());
        QVERIFY2(metrics.contains("shipyard_robot_actions_total{stage=\"staging\",result=\"succeeded\"} 1"),
            metrics.constData());
        QVERIFY(metrics.contains("shipyard_robot_leader 1"));

        // What Prometheus scraped answers the query a dashboard would ask.
        QTRY_COMPARE_WITH_TIMEOUT(
            query(QStringLiteral("shipyard_deliveries_total{robot=\"%1\",environment=\"staging\",result=\"succeeded\"}")
                      .arg(robotLabel))
                .value_or(-1),
            1.0, 30000);
        QCOMPARE(query(QStringLiteral("shipyard_delivery_duration_seconds_count{robot=\"%1\",environment=\"staging\"}")
                           .arg(robotLabel))
                     .value_or(-1),
            1.0);
        QVERIFY(
            query(QStringLiteral("shipyard_robot_last_successful_pass_timestamp_seconds{robot=\"%1\"}").arg(robotLabel))
                .value_or(0) > 0);

        // Someone holds staging's lock by hand and a second waits behind:
        // the next pass reads the lock and its queue.
        QProcessEnvironment lockEnvironment = QProcessEnvironment::systemEnvironment();
        lockEnvironment.insert(QStringLiteral("XDG_STATE_HOME"), m_dir.filePath(QStringLiteral("state")));
        QProcess holder;
        QProcess waiter;
        const auto release = qScopeGuard([&] {
            for (QProcess *lock : { &waiter, &holder }) {
                lock->terminate();
                lock->waitForFinished(30000);
            }
        });
        for (QProcess *lock : { &holder, &waiter }) {
            lock->setProcessEnvironment(lockEnvironment);
            QStringList arguments { QStringLiteral("lock"), QStringLiteral("take"), QStringLiteral("staging"),
                QStringLiteral("--ecosystem"), m_world->ecosystemPath(), QStringLiteral("--kubeconfig"),
                clusterKubeconfigPath() };
            if (lock == &waiter)
                arguments.append(QStringLiteral("--wait"));
            lock->start(QStringLiteral(SHIPYARD_BINARY_DIR "/bin/shipyardctl"), arguments);
            QVERIFY(lock->waitForStarted());
            if (lock == &holder)
                QVERIFY2(holder.waitForReadyRead(30000), holder.readAllStandardError().constData());
        }
        QTRY_VERIFY_WITH_TIMEOUT(curlGet(base + QStringLiteral("/metrics"))
                                     .second.contains("shipyard_delivery_queue_length{environment=\"staging\"} 1\n"),
            30000);
        QVERIFY(curlGet(base + QStringLiteral("/metrics"))
                .second.contains("shipyard_delivery_lock_held{environment=\"staging\"} 1\n"));
        QTRY_COMPARE_WITH_TIMEOUT(
            query(
                QStringLiteral("shipyard_delivery_queue_length{robot=\"%1\",environment=\"staging\"}").arg(robotLabel))
                .value_or(-1),
            1.0, 30000);

        // SIGTERM ends it cleanly.
        robot.terminate();
        QVERIFY(robot.waitForFinished(60000));
        QCOMPARE(robot.exitCode(), 0);
    }
};

QTEST_GUILESS_MAIN(TestRobotMetrics)
#include "tst_robot_metrics.moc"
