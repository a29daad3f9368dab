// SPDX-License-Identifier: GPL-2.0-or-later
#include "FixtureEnvironment.h"

#include "http/CurlTransport.h"
#include "monitoring/MonitoringWatch.h"
#include "monitoring/PrometheusClient.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTest>

#include <cmath>

using namespace Shipyard;
using namespace std::chrono_literals;

namespace {

// An answer in the form the Prometheus HTTP API documents, in data/prometheus/.
QByteArray captured(const char *name)
{
    QFile file(QStringLiteral(SHIPYARD_SOURCE_DIR "/tests/core/monitoring/data/prometheus/") + QLatin1String(name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing test data %s", name);
    return file.readAll();
}

const QString badRatio = QStringLiteral(
    "sum(http_requests_total{service=\"bad\",code=~\"5..\"}) / sum(http_requests_total{service=\"bad\"})");
const QString goodRatio = QStringLiteral(
    "sum(http_requests_total{service=\"good\",code=~\"5..\"}) / sum(http_requests_total{service=\"good\"})");

} // namespace

// Parsing against documented API answers (data/prometheus); the client and the
// watch against a real Prometheus scraping a real pushgateway (fixture
// "prometheus") into which the test pushes request counters.
class TestPrometheusClient : public QObject
{
    Q_OBJECT

private:
    QMap<QString, QString> m_fixture;

    QUrl prometheus() const { return QUrl(m_fixture.value(QStringLiteral("PROMETHEUS_URL"))); }

    bool push(const QString &job, const QByteArray &metrics) const
    {
        HttpRequest request;
        request.method = "POST";
        request.url = QUrl(m_fixture.value(QStringLiteral("PUSHGATEWAY_URL")) + QLatin1String("/metrics/job/") + job);
        request.addHeader("Content-Type", "text/plain; version=0.0.4");
        request.body = metrics;
        const HttpResponse response = CurlTransport().send(request);
        if (!response.isSuccess())
            qWarning() << "push failed" << response.status << response.failureText << response.body;
        return response.isSuccess();
    }

    MonitoringTrigger trigger(const QString &query, std::chrono::seconds window) const
    {
        MonitoringTrigger trigger;
        trigger.prometheusUrl = prometheus().toString();
        trigger.query = query;
        trigger.threshold = 0.05;
        trigger.window = window;
        return trigger;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_fixture = readFixtureEnvironment(QStringLiteral(PROMETHEUS_STATE_FILE));
        QVERIFY2(m_fixture.contains(QStringLiteral("PROMETHEUS_URL")), "the prometheus fixture did not run");
        QVERIFY(push(QStringLiteral("bad"),
            "# TYPE http_requests_total counter\n"
            "http_requests_total{service=\"bad\",code=\"200\"} 90\n"
            "http_requests_total{service=\"bad\",code=\"500\"} 10\n"));
        QVERIFY(push(QStringLiteral("good"),
            "# TYPE http_requests_total counter\n"
            "http_requests_total{service=\"good\",code=\"200\"} 999\n"
            "http_requests_total{service=\"good\",code=\"503\"} 1\n"));
        // Scraped every second; both series must be in before the tests.
        const PrometheusClient client(prometheus());
        QElapsedTimer clock;
        clock.start();
        QTRY_VERIFY_WITH_TIMEOUT(client.query(badRatio).singleValue() && client.query(goodRatio).singleValue(), 20000);
        qInfo("pushed series queryable after %lld ms", clock.elapsed());
    }

    void parsesAVector()
    {
        const PrometheusResult result = PrometheusClient::parse(200, captured("vector.json"));
        QVERIFY(!result.isError());
        QCOMPARE(result.resultType, QStringLiteral("vector"));
        QCOMPARE(result.samples.size(), 1);
        QCOMPARE(result.samples.at(0).labels.value(QStringLiteral("code")), QStringLiteral("500"));
        QCOMPARE(result.samples.at(0).timestamp, 1719400000.123);
        QCOMPARE(result.singleValue().value_or(-1), 0.07);
    }

    void parsesAScalar()
    {
        const PrometheusResult result = PrometheusClient::parse(200, captured("scalar-inf.json"));
        QVERIFY(!result.isError());
        QVERIFY(std::isinf(result.singleValue().value_or(0)));
    }

    void noDataIsNoValue()
    {
        QString error;
        QVERIFY(!PrometheusClient::parse(200, captured("vector-empty.json")).singleValue(&error));
        QVERIFY(error.isEmpty());
        // 0/0 when a service had no traffic.
        QVERIFY(!PrometheusClient::parse(200, captured("vector-nan.json")).singleValue(&error));
        QVERIFY(error.isEmpty());
    }

    void severalSeriesAreNotOneNumber()
    {
        const PrometheusResult result = PrometheusClient::parse(200, captured("vector-two-series.json"));
        QString error;
        QVERIFY(!result.singleValue(&error));
        QVERIFY2(error.contains(QLatin1String("2 series")), qPrintable(error));
    }

    void parsesErrors()
    {
        const PrometheusResult bad = PrometheusClient::parse(400, captured("error-bad-data.json"));
        QCOMPARE(bad.errorKind, PrometheusResult::ErrorKind::BadQuery);
        QVERIFY(bad.errorText.contains(QLatin1String("parse error")));
        const PrometheusResult server = PrometheusClient::parse(503, captured("error-unavailable.json"));
        QCOMPARE(server.errorKind, PrometheusResult::ErrorKind::Server);
        QCOMPARE(PrometheusClient::parse(200, "<html>proxy</html>").errorKind, PrometheusResult::ErrorKind::Protocol);
        QCOMPARE(PrometheusClient::parse(502, "Bad Gateway").errorKind, PrometheusResult::ErrorKind::Server);
    }

    void queriesARealPrometheus()
    {
        const PrometheusClient client(prometheus());
        const PrometheusResult result = client.query(badRatio);
        QVERIFY2(!result.isError(), qPrintable(result.errorText));
        QCOMPARE(result.resultType, QStringLiteral("vector"));
        QCOMPARE(result.singleValue().value_or(-1), 0.1);

        const PrometheusResult byCode =
            client.query(QStringLiteral("sum by (code) (http_requests_total{service=\"good\"})"));
        QCOMPARE(byCode.samples.size(), 2);
        const PrometheusResult scalar =
            client.query(QStringLiteral("scalar(sum(http_requests_total{service=\"good\"}))"));
        QCOMPARE(scalar.resultType, QStringLiteral("scalar"));
        QCOMPARE(scalar.singleValue().value_or(-1), 1000.0);
    }

    void parsesAMatrix()
    {
        const PrometheusResult result = PrometheusClient::parse(200,
            R"({"status":"success","data":{"resultType":"matrix","result":[
               {"metric":{"code":"500"},"values":[[1719400000,"0.1"],[1719400015,"NaN"]]},
               {"metric":{"code":"200"},"values":[[1719400000,"3"]]}]}})");
        QVERIFY2(!result.isError(), qPrintable(result.errorText));
        QCOMPARE(result.resultType, QStringLiteral("matrix"));
        QCOMPARE(result.samples.size(), 3);
        QCOMPARE(result.samples.at(0).labels.value(QStringLiteral("code")), QStringLiteral("500"));
        QCOMPARE(result.samples.at(0).value, 0.1);
        QCOMPARE(result.samples.at(1).timestamp, 1719400015.0);
        QVERIFY(std::isnan(result.samples.at(1).value));
        QCOMPARE(result.samples.at(2).labels.value(QStringLiteral("code")), QStringLiteral("200"));
        QCOMPARE(PrometheusClient::parse(200,
                     R"({"status":"success","data":{"resultType":"matrix","result":[{"metric":{},"values":[[1,2]]}]}})")
                     .errorKind,
            PrometheusResult::ErrorKind::Protocol);
    }

    void queriesARangeFromARealPrometheus()
    {
        const PrometheusClient client(prometheus());
        const QDateTime end = QDateTime::currentDateTimeUtc();
        const QDateTime start = end.addSecs(-120);
        // The pushed counters reach Prometheus with its next scrape.
        PrometheusResult result;
        QTRY_VERIFY_WITH_TIMEOUT((result = client.queryRange(badRatio, start, QDateTime::currentDateTimeUtc(), 5),
                                     !result.isError() && !result.samples.isEmpty()),
            30000);
        QCOMPARE(result.resultType, QStringLiteral("matrix"));
        for (const PrometheusResult::Sample &sample : std::as_const(result.samples)) {
            QCOMPARE(sample.value, 0.1);
            QVERIFY(sample.timestamp >= double(start.toSecsSinceEpoch()));
        }
        const PrometheusResult bad = client.queryRange(QStringLiteral("sum(rate(x[5m]"), start, end, 5);
        QCOMPARE(bad.errorKind, PrometheusResult::ErrorKind::BadQuery);
    }

    void reportsABadQuery()
    {
        const PrometheusResult result = PrometheusClient(prometheus()).query(QStringLiteral("sum(rate(x[5m]"));
        QCOMPARE(result.errorKind, PrometheusResult::ErrorKind::BadQuery);
        QVERIFY2(
            result.errorText.startsWith(QLatin1String("Prometheus rejected the query")), qPrintable(result.errorText));
    }

    void reportsAnUnreachablePrometheus()
    {
        const PrometheusResult result = PrometheusClient(QUrl(QStringLiteral("http://127.0.0.1:1"))).query(badRatio);
        QCOMPARE(result.errorKind, PrometheusResult::ErrorKind::Unreachable);
        QVERIFY(result.errorText.startsWith(QLatin1String("Prometheus unreachable")));
    }

    void highErrorRatioTriggers()
    {
        MonitoringWatch watch(trigger(badRatio, 30s));
        watch.setInterval(500ms);
        QSignalSpy exceeded(&watch, &MonitoringWatch::thresholdExceeded);
        QSignalSpy passed(&watch, &MonitoringWatch::passed);
        watch.start();
        QVERIFY(watch.isRunning());
        QVERIFY(exceeded.wait(10000));
        QCOMPARE(exceeded.constFirst().constFirst().toDouble(), 0.1);
        QVERIFY(!watch.isRunning());
        QTest::qWait(1000);
        QCOMPARE(exceeded.size(), 1);
        QCOMPARE(passed.size(), 0);
    }

    void healthyReleasePassesAtTheEndOfTheWindow()
    {
        MonitoringWatch watch(trigger(goodRatio, 3s));
        watch.setInterval(500ms);
        QSignalSpy evaluated(&watch, &MonitoringWatch::evaluated);
        QSignalSpy exceeded(&watch, &MonitoringWatch::thresholdExceeded);
        QSignalSpy passed(&watch, &MonitoringWatch::passed);
        QElapsedTimer clock;
        clock.start();
        watch.start();
        QVERIFY(passed.wait(15000));
        QVERIFY2(clock.elapsed() >= 2900, qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(exceeded.size(), 0);
        QVERIFY2(evaluated.size() >= 4, qPrintable(QString::number(evaluated.size())));
        QCOMPARE(evaluated.constLast().constFirst().toDouble(), 0.001);
    }

    void laterErrorsStillTrigger()
    {
        // Healthy at first, then the new release starts failing.
        const QByteArray service = "flaky" + QByteArray::number(QDateTime::currentMSecsSinceEpoch());
        QVERIFY(push(QString::fromLatin1(service),
            "# TYPE http_requests_total counter\n"
            "http_requests_total{service=\"" +
                service + "\",code=\"200\"} 100\n"));
        const QString ratio = QStringLiteral("sum(http_requests_total{service=\"%1\",code=~\"5..\"} or vector(0))"
                                             " / sum(http_requests_total{service=\"%1\"})")
                                  .arg(QString::fromLatin1(service));
        QTRY_COMPARE_WITH_TIMEOUT(PrometheusClient(prometheus()).query(ratio).singleValue().value_or(-1), 0.0, 20000);
        MonitoringWatch watch(trigger(ratio, 30s));
        watch.setInterval(500ms);
        QSignalSpy evaluated(&watch, &MonitoringWatch::evaluated);
        QSignalSpy exceeded(&watch, &MonitoringWatch::thresholdExceeded);
        watch.start();
        QVERIFY(evaluated.wait(5000));
        QCOMPARE(evaluated.constFirst().constFirst().toDouble(), 0.0);
        QVERIFY(exceeded.isEmpty());
        QVERIFY(push(QString::fromLatin1(service),
            "# TYPE http_requests_total counter\n"
            "http_requests_total{service=\"" +
                service +
                "\",code=\"200\"} 100\n"
                "http_requests_total{service=\"" +
                service + "\",code=\"500\"} 25\n"));
        QVERIFY(exceeded.wait(15000));
        QCOMPARE(exceeded.constFirst().constFirst().toDouble(), 0.2);
    }

    void unreachablePrometheusIsInconclusive()
    {
        MonitoringTrigger unreachable = trigger(badRatio, 1s);
        unreachable.prometheusUrl = QStringLiteral("http://127.0.0.1:1");
        MonitoringWatch watch(unreachable);
        watch.setInterval(300ms);
        QSignalSpy failed(&watch, &MonitoringWatch::queryFailed);
        QSignalSpy inconclusive(&watch, &MonitoringWatch::inconclusive);
        QSignalSpy passed(&watch, &MonitoringWatch::passed);
        watch.start();
        QVERIFY(inconclusive.wait(10000));
        QVERIFY(inconclusive.constFirst().constFirst().toString().contains(QLatin1String("unreachable")));
        QVERIFY(failed.size() >= 2);
        QCOMPARE(passed.size(), 0);
    }

    void stopEndsWithoutVerdict()
    {
        MonitoringWatch watch(trigger(goodRatio, 2s));
        watch.setInterval(200ms);
        QSignalSpy passed(&watch, &MonitoringWatch::passed);
        QSignalSpy exceeded(&watch, &MonitoringWatch::thresholdExceeded);
        watch.start();
        watch.stop();
        QTest::qWait(2500);
        QCOMPARE(passed.size(), 0);
        QCOMPARE(exceeded.size(), 0);
    }

    void destroyedMidQuery()
    {
        // A query in flight must not call back into a destroyed watch.
        auto *watch = new MonitoringWatch(trigger(goodRatio, 5s));
        watch->start();
        delete watch;
        QTest::qWait(500);
    }
};

QTEST_GUILESS_MAIN(TestPrometheusClient)
#include "tst_prometheusclient.moc"
