// SPDX-License-Identifier: GPL-2.0-or-later
// The monitoring trigger inside a delivery: a real Prometheus scraping a
// real pushgateway (fixture `prometheus`) into which the test pushes the
// request counters of the release it delivers to the local control plane.
#include "DeliveryTestWorld.h"
#include "FixtureEnvironment.h"

#include "http/CurlTransport.h"
#include "tracker/TrackerFactory.h"

#include <QDateTime>

using namespace Shipyard;
using namespace Shipyard::TestSupport;

class TestDeliveryMonitoring : public QObject
{
    Q_OBJECT

private:
    DeliveryTestWorld m_world;
    QMap<QString, QString> m_fixture;

    bool push(const QByteArray &service, int ok, int failed) const
    {
        HttpRequest request;
        request.method = "POST";
        request.url =
            QUrl(m_fixture.value(QStringLiteral("PUSHGATEWAY_URL")) + QLatin1String("/metrics/job/") + service);
        request.addHeader("Content-Type", "text/plain; version=0.0.4");
        request.body = "# TYPE http_requests_total counter\n"
                       "http_requests_total{service=\"" +
            service + "\",code=\"200\"} " + QByteArray::number(ok) + "\nhttp_requests_total{service=\"" + service +
            "\",code=\"500\"} " + QByteArray::number(failed) + "\n";
        const HttpResponse response = CurlTransport().send(request);
        return response.isSuccess();
    }

    // An ecosystem watching SERVICE's 5xx ratio for WINDOW after each release
    // into its one environment, of KIND.
    Ecosystem ecosystemWatching(const QString &ns, const QByteArray &service, const QString &prometheusUrl,
        const QString &window, const QString &onInconclusive = QStringLiteral("keep"),
        const QString &kind = QStringLiteral("staging"))
    {
        const QString query = QStringLiteral("sum(http_requests_total{service=\\\"%1\\\",code=~\\\"5..\\\"})"
                                             " / sum(http_requests_total{service=\\\"%1\\\"})")
                                  .arg(QString::fromLatin1(service));
        return m_world.ecosystemFor(ns, kind, {},
            QStringLiteral("rollback:\n  rolloutTimeout: 60s\n  monitoring:\n    prometheus: %1\n    query: \"%2\"\n"
                           "    threshold: 0.05\n    window: %3\n    interval: 1s\n    onInconclusive: %4\n")
                .arg(prometheusUrl, query, window, onInconclusive));
    }

    static QByteArray newService()
    {
        return "shop" + QByteArray::number(QCoreApplication::applicationPid()) + "x" +
            QByteArray::number(QDateTime::currentMSecsSinceEpoch());
    }

private Q_SLOTS:
    void initTestCase()
    {
        SHIPYARD_REQUIRE_CLUSTER();
        QVERIFY(m_world.isValid());
        m_fixture = readFixtureEnvironment(QStringLiteral(PROMETHEUS_STATE_FILE));
        QVERIFY2(!m_fixture.value(QStringLiteral("PROMETHEUS_URL")).isEmpty(),
            "the prometheus fixture did not run: ctest -R tst_delivery_monitoring runs it first");
    }

    void errorRateAboveThresholdRollsBack()
    {
        const QString ns = m_world.newNamespace();
        const QByteArray service = newService();
        QVERIFY(push(service, 100, 0));
        const Ecosystem ecosystem =
            ecosystemWatching(ns, service, m_fixture.value(QStringLiteral("PROMETHEUS_URL")), QStringLiteral("20s"));
        Delivery::Options options = m_world.options();
        options.watchMonitoring = false; // the first release is not watched
        QVERIFY(DeliveryTestWorld::deliver(ecosystem, DeliveryTestWorld::images(QStringLiteral("v1")), options)
                .succeeded());

        Delivery delivery(
            ecosystem, QStringLiteral("test"), DeliveryTestWorld::images(QStringLiteral("v2")), m_world.options());
        delivery.start();
        // Once the new release is watched, its requests start failing.
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (const Delivery::StepState &step : delivery.steps()) {
                    if (step.step == Delivery::Step::Monitor && step.state == Delivery::State::Running)
                        return true;
                }
                return false;
            }(),
            60000);
        QCOMPARE(DeliveryTestWorld::imageOf(ns, QStringLiteral("catalog")), QStringLiteral("demo/catalog:v2"));
        QVERIFY(push(service, 100, 30));
        QVERIFY(delivery.wait(std::chrono::minutes(2)));
        const Delivery::Result result = delivery.result();
        QCOMPARE(result.outcome, Delivery::Outcome::RolledBack);
        QCOMPARE(result.failedStep, QStringLiteral("monitor"));
        QVERIFY2(result.reason.contains(QStringLiteral("above the threshold 0.05")), qPrintable(result.reason));
        for (const QString &name : DeliveryTestWorld::systemNames())
            QCOMPARE(DeliveryTestWorld::imageOf(ns, name), QStringLiteral("demo/%1:v1").arg(name));
        const QList<ReleaseRecord> records = DeliveryTestWorld::storeFor(ns).list();
        QCOMPARE(records.value(0).id, result.releaseId);
        QCOMPARE(records.value(0).result, ReleaseRecord::Result::Failed);
        QVERIFY(records.value(0).reason.contains(QStringLiteral("monitoring")));
    }

    void quietWindowKeepsTheRelease()
    {
        const QString ns = m_world.newNamespace();
        const QByteArray service = newService();
        QVERIFY(push(service, 1000, 1));
        const Ecosystem ecosystem =
            ecosystemWatching(ns, service, m_fixture.value(QStringLiteral("PROMETHEUS_URL")), QStringLiteral("3s"));
        QString log;
        const Delivery::Result result = DeliveryTestWorld::deliver(
            ecosystem, DeliveryTestWorld::images(QStringLiteral("v1")), m_world.options(), &log);
        QVERIFY2(result.succeeded(), qPrintable(result.reason));
        QVERIFY2(log.contains(QStringLiteral("monitoring: 0.000999")), qPrintable(log));
        QCOMPARE(DeliveryTestWorld::storeFor(ns).list().value(0).result, ReleaseRecord::Result::Succeeded);
    }

    void unreachablePrometheusFollowsThePolicy()
    {
        const QString ns = m_world.newNamespace();
        const QByteArray service = newService();
        const QString nowhere = QStringLiteral("http://127.0.0.1:1");
        // Kept: the release stands, and its record says it was not watched.
        const Ecosystem keeping = ecosystemWatching(ns, service, nowhere, QStringLiteral("2s"));
        const Delivery::Result kept =
            DeliveryTestWorld::deliver(keeping, DeliveryTestWorld::images(QStringLiteral("v1")), m_world.options());
        QVERIFY2(kept.succeeded(), qPrintable(kept.reason));
        const ReleaseRecord record = DeliveryTestWorld::storeFor(ns).list().value(0);
        QCOMPARE(record.id, kept.releaseId);
        QVERIFY2(record.reason.contains(QStringLiteral("monitoring inconclusive")), qPrintable(record.reason));

        // Rolled back when the ecosystem says so.
        const Ecosystem strict =
            ecosystemWatching(ns, service, nowhere, QStringLiteral("2s"), QStringLiteral("rollback"));
        const Delivery::Result undone =
            DeliveryTestWorld::deliver(strict, DeliveryTestWorld::images(QStringLiteral("v2")), m_world.options());
        QCOMPARE(undone.outcome, Delivery::Outcome::RolledBack);
        QCOMPARE(undone.failedStep, QStringLiteral("monitor"));
        QCOMPARE(DeliveryTestWorld::imageOf(ns, QStringLiteral("mailer")), QStringLiteral("demo/mailer:v1"));
    }

    void showroomsAndLocalAreNotWatched()
    {
        const QString ns = m_world.newNamespace();
        const Ecosystem local = ecosystemWatching(ns, newService(), QStringLiteral("http://127.0.0.1:1"),
            QStringLiteral("30s"), QStringLiteral("rollback"), QStringLiteral("local"));
        Delivery delivery(
            local, QStringLiteral("test"), DeliveryTestWorld::images(QStringLiteral("v1")), m_world.options());
        delivery.start();
        QVERIFY(delivery.wait(std::chrono::minutes(2)));
        QVERIFY2(delivery.result().succeeded(), qPrintable(delivery.result().reason));
        for (const Delivery::StepState &step : delivery.steps()) {
            if (step.step == Delivery::Step::Monitor)
                QCOMPARE(step.state, Delivery::State::Skipped);
        }
    }
};

QTEST_GUILESS_MAIN(TestDeliveryMonitoring)
#include "tst_delivery_monitoring.moc"
