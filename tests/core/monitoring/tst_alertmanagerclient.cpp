// SPDX-License-Identifier: GPL-2.0-or-later
#include "FakeTransport.h"
#include "FixtureEnvironment.h"
#include "TestWorldRequirement.h"

#include "http/CurlTransport.h"
#include "monitoring/AlertWatch.h"
#include "monitoring/AlertmanagerClient.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QUrlQuery>

using namespace Shipyard;
using namespace std::chrono_literals;

namespace {

// data/alertmanager/alerts.json: the first alert as Alertmanager 0.28.1
// listed it, the second written after the API's gettableAlert (an
// unprocessed alert with a description and no summary).
QByteArray captured()
{
    QFile file(QStringLiteral(SHIPYARD_SOURCE_DIR "/tests/core/monitoring/data/alertmanager/alerts.json"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing test data alerts.json");
    return file.readAll();
}

QList<AlertMatcher> matchers(const QStringList &texts)
{
    QList<AlertMatcher> parsed;
    for (const QString &text : texts)
        parsed.append(*AlertMatcher::parse(text));
    return parsed;
}

AlertTrigger trigger(const QString &url)
{
    AlertTrigger trigger;
    trigger.alertmanagerUrl = url;
    trigger.matchers = { QStringLiteral("env=\"test\"") };
    return trigger;
}

} // namespace

// Reading against documented answers and garbage (FakeTransport); the client
// and the watch against a real Alertmanager fed by a real Prometheus rule
// (fixture "prometheus"), whose alerts the test makes fire by pushing a series.
class TestAlertmanagerClient : public QObject
{
    Q_OBJECT

private:
    QMap<QString, QString> m_fixture;

    bool push(const QByteArray &job, const QByteArray &labels, int value) const
    {
        HttpRequest request;
        request.method = "POST";
        request.url = QUrl(m_fixture.value(QStringLiteral("PUSHGATEWAY_URL")) + QLatin1String("/metrics/job/") +
            QString::fromLatin1(job));
        request.addHeader("Content-Type", "text/plain; version=0.0.4");
        request.body = "shipyard_test_alert{" + labels + "} " + QByteArray::number(value) + "\n";
        return CurlTransport().send(request).isSuccess();
    }

    static QByteArray newShop()
    {
        return "shop" + QByteArray::number(QCoreApplication::applicationPid()) + "x" +
            QByteArray::number(QDateTime::currentMSecsSinceEpoch());
    }

private Q_SLOTS:
    void initTestCase() { m_fixture = readFixtureEnvironment(QStringLiteral(PROMETHEUS_STATE_FILE)); }

    void parsesAlerts()
    {
        const AlertmanagerClient::Answer answer = AlertmanagerClient::parse(200, captured());
        QVERIFY2(answer.isAnswer(), qPrintable(answer.error));
        QCOMPARE(answer.alerts.size(), 2);
        const FiringAlert &first = answer.alerts.at(0);
        QCOMPARE(first.name(), QStringLiteral("ShipyardTestAlert"));
        QCOMPARE(first.fingerprint, QStringLiteral("ac2fd78348a70336"));
        QCOMPARE(first.labels.value(QStringLiteral("service")), QStringLiteral("catalog"));
        QCOMPARE(first.summary, QStringLiteral("catalog in test is failing"));
        QCOMPARE(first.startsAt, QDateTime(QDate(2026, 12, 7), QTime(1, 2, 21, 315), QTimeZone::UTC));
        QCOMPARE(first.describe(), QStringLiteral("ShipyardTestAlert: catalog in test is failing"));
        // Without a summary, the description speaks.
        QCOMPARE(answer.alerts.at(1).describe(), QStringLiteral("QueueGrowing: the queue has grown for 10 minutes"));
    }

    void garbageIsAnError_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("error");
        QTest::addColumn<AlertmanagerClient::Answer::ErrorKind>("kind");
        using Kind = AlertmanagerClient::Answer::ErrorKind;
        QTest::newRow("empty") << 200 << QByteArray() << "not a list of alerts" << Kind::Protocol;
        QTest::newRow("HTML") << 200 << QByteArray("<html><body>Sign in</body></html>") << "not a list of alerts"
                              << Kind::Protocol;
        QTest::newRow("an object") << 200 << QByteArray(R"({"status":"success","data":[]})") << "not a list of alerts"
                                   << Kind::Protocol;
        QTest::newRow("a list of numbers") << 200 << QByteArray("[1,2]") << "an alert without labels" << Kind::Protocol;
        QTest::newRow("labels that are a list") << 200 << QByteArray(R"([{"labels":["a"],"fingerprint":"x"}])")
                                                << "an alert without labels" << Kind::Protocol;
        QTest::newRow("a bad filter") << 400
                                      << QByteArray("\"matcher value contains unescaped double quote: =\\\"x1\\\"\"")
                                      << "Alertmanager answered HTTP 400: \"matcher value contains" << Kind::Server;
        QTest::newRow("a proxy's page") << 502 << QByteArray("<html>\n<h1>Bad   Gateway</h1>\n</html>")
                                        << "Alertmanager answered HTTP 502: <html> <h1>Bad Gateway</h1> </html>"
                                        << Kind::Server;
    }

    void garbageIsAnError()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(QString, error);
        QFETCH(AlertmanagerClient::Answer::ErrorKind, kind);
        const AlertmanagerClient::Answer answer = AlertmanagerClient::parse(status, body);
        QVERIFY(!answer.isAnswer());
        QVERIFY2(answer.error.contains(error), qPrintable(answer.error));
        QCOMPARE(answer.errorKind, kind);
        QVERIFY(answer.alerts.isEmpty());
    }

    // A server that misbehaves on purpose (tests/core/kube/hostile-server.py):
    // each answer is an error, in bounded time, never "nothing fires".
    void hostileServer_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("error");
        QTest::addColumn<AlertmanagerClient::Answer::ErrorKind>("kind");
        using Kind = AlertmanagerClient::Answer::ErrorKind;
        QTest::newRow("a login page") << "garbage" << "not a list of alerts" << Kind::Protocol;
        QTest::newRow("a proxy's error") << "garbage-error" << "Alertmanager answered HTTP 502" << Kind::Server;
        // Sent although nobody asked for gzip: read as the 2 MB of garbage it is.
        QTest::newRow("a gzip bomb") << "bomb" << "not a list of alerts" << Kind::Protocol;
        QTest::newRow("an endless answer") << "huge" << "Alertmanager sent more than 32 MiB" << Kind::Protocol;
        QTest::newRow("silence") << "silent" << "Alertmanager unreachable" << Kind::Unreachable;
        QTest::newRow("a body cut short") << "cut" << "Alertmanager unreachable" << Kind::Unreachable;
        QTest::newRow("a redirect to a file") << "redirect" << "Alertmanager answered HTTP 30" << Kind::Server;
    }

    void hostileServer()
    {
        QFETCH(QString, name);
        QFETCH(QString, error);
        QFETCH(AlertmanagerClient::Answer::ErrorKind, kind);
        if (QStandardPaths::findExecutable(QStringLiteral("python3")).isEmpty())
            SHIPYARD_TEST_WORLD_MISSING("python3 is needed for the hostile server");
        QProcess server;
        server.setProgram(QStringLiteral("python3"));
        server.setArguments({ QStringLiteral(SHIPYARD_SOURCE_DIR "/tests/core/kube/hostile-server.py") });
        server.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        server.start();
        QVERIFY(server.waitForStarted(5000));
        QTRY_VERIFY_WITH_TIMEOUT(server.canReadLine(), 10000);
        const int port = server.readLine().trimmed().toInt();
        QVERIFY(port > 0);
        AlertmanagerClient client(QUrl(QStringLiteral("http://127.0.0.1:%1/alertmanager/%2").arg(port).arg(name)));
        client.setTimeout(2000);
        QElapsedTimer timer;
        timer.start();
        const AlertmanagerClient::Answer answer = client.alerts(matchers({ QStringLiteral("env=\"test\"") }));
        QVERIFY2(!answer.isAnswer(), "a hostile answer read as nothing firing");
        QVERIFY2(answer.error.contains(error), qPrintable(answer.error));
        QCOMPARE(answer.errorKind, kind);
        QVERIFY2(timer.elapsed() < 30000, qPrintable(QString::number(timer.elapsed())));
        server.closeWriteChannel(); // it stops when its stdin closes
        QVERIFY(server.waitForFinished(5000));
    }

    void nothingFiringIsAnEmptyAnswer()
    {
        const AlertmanagerClient::Answer answer = AlertmanagerClient::parse(200, "[]");
        QVERIFY(answer.isAnswer());
        QVERIFY(answer.alerts.isEmpty());
    }

    // The filter goes to Alertmanager as its API takes it, and what comes
    // back is matched again: a server that ignores the filter pins nothing
    // on the release.
    void asksWithFiltersAndMatchesAgain()
    {
        const auto transport = std::make_shared<FakeTransport>();
        transport->respond("GET /am/api/v2/alerts", 200, captured());
        const AlertmanagerClient client(QUrl(QStringLiteral("http://alertmanager.example.org/am/")), transport);
        const AlertmanagerClient::Answer answer =
            client.alerts(matchers({ QStringLiteral("service=~\"cat.*\""), QStringLiteral("env=\"test\"") }));
        QVERIFY2(answer.isAnswer(), qPrintable(answer.error));
        QCOMPARE(answer.alerts.size(), 1);
        QCOMPARE(answer.alerts.first().name(), QStringLiteral("ShipyardTestAlert"));
        QCOMPARE(transport->requests.size(), 1);
        const QUrlQuery query(transport->requests.first().url);
        QCOMPARE(query.queryItemValue(QStringLiteral("active")), QStringLiteral("true"));
        QCOMPARE(query.queryItemValue(QStringLiteral("silenced")), QStringLiteral("false"));
        QCOMPARE(query.queryItemValue(QStringLiteral("inhibited")), QStringLiteral("false"));
        QCOMPARE(query.allQueryItemValues(QStringLiteral("filter"), QUrl::FullyDecoded),
            QStringList({ QStringLiteral("service=~\"cat.*\""), QStringLiteral("env=\"test\"") }));
    }

    void unreachableIsAnError()
    {
        const auto transport = std::make_shared<FakeTransport>();
        transport->fail("GET /api/v2/alerts", HttpResponse::Failure::Network, QStringLiteral("Connection refused"));
        const AlertmanagerClient client(QUrl(QStringLiteral("http://127.0.0.1:1")), transport);
        const AlertmanagerClient::Answer answer = client.alerts(matchers({ QStringLiteral("env=\"test\"") }));
        QCOMPARE(answer.error, QStringLiteral("Alertmanager unreachable: http://127.0.0.1:1 (Connection refused)"));
        QCOMPARE(answer.errorKind, AlertmanagerClient::Answer::ErrorKind::Unreachable);
        const AlertmanagerClient nowhere(QUrl(QStringLiteral("alertmanager:9093")), transport);
        const AlertmanagerClient::Answer invalid = nowhere.alerts({});
        QVERIFY(invalid.error.startsWith(QStringLiteral("invalid Alertmanager URL")));
        QCOMPARE(invalid.errorKind, AlertmanagerClient::Answer::ErrorKind::Protocol);
    }

    // A proxy in front of Alertmanager that lets the account in but not to
    // the alerts (403) refuses the credentials as much as a 401 does: a
    // fault of the configuration, told apart from an outage by its kind.
    void refusalIsACredentialsError()
    {
        const auto transport = std::make_shared<FakeTransport>();
        transport->respond("GET /api/v2/alerts", 403, "Forbidden");
        qputenv("ALERTMANAGER_TEST_TOKEN", "am-token");
        ServiceCredentials credentials;
        credentials.tokenEnv = QStringLiteral("ALERTMANAGER_TEST_TOKEN");
        AlertmanagerClient client(QUrl(QStringLiteral("http://alertmanager.example.org")), transport);
        client.setCredentials(credentials);
        const AlertmanagerClient::Answer answer = client.alerts({});
        QCOMPARE(answer.errorKind, AlertmanagerClient::Answer::ErrorKind::Credentials);
        QVERIFY2(answer.error.startsWith(QStringLiteral("Alertmanager refused Shipyard's credentials (HTTP 403)")),
            qPrintable(answer.error));
        QCOMPARE(transport->header(0, "Authorization"), QByteArray("Bearer am-token"));
    }

    // One request per distinct list of matchers; an alert matched by two
    // systems is named once, after the first.
    void firingAcrossSystems()
    {
        const auto transport = std::make_shared<FakeTransport>();
        transport->respond("GET /api/v2/alerts", 200, captured());
        const AlertmanagerClient client(QUrl(QStringLiteral("http://am")), transport);
        const QList<AlertSelection> selections {
            { QStringLiteral("storefront"), matchers({ QStringLiteral("service=\"storefront\"") }) },
            { QStringLiteral("catalog"), matchers({ QStringLiteral("env=\"test\"") }) },
            { QStringLiteral("mailer"), matchers({ QStringLiteral("env=\"test\"") }) },
        };
        const AlertmanagerClient::Answer answer = client.firing(selections);
        QVERIFY2(answer.isAnswer(), qPrintable(answer.error));
        QCOMPARE(transport->requests.size(), 2);
        QCOMPARE(answer.alerts.size(), 2);
        QCOMPARE(answer.alerts.at(0).system, QStringLiteral("catalog"));
        QCOMPARE(answer.alerts.at(1).system, QStringLiteral("catalog"));
    }

    void watchFiresOnAnAlert()
    {
        const auto transport = std::make_shared<FakeTransport>();
        int asked = 0;
        // Quiet twice, then the alert fires.
        transport->handle("GET /api/v2/alerts", [&](const HttpRequest &) {
            HttpResponse response;
            response.status = 200;
            response.body = ++asked < 3 ? QByteArray("[]") : captured();
            return response;
        });
        const AlertTrigger watched = trigger(QStringLiteral("http://am"));
        AlertWatch watch(watched, { { QStringLiteral("catalog"), matchers(watched.matchers) } }, nullptr, transport);
        watch.setInterval(50ms);
        watch.setWindow(10s);
        QSignalSpy fired(&watch, &AlertWatch::fired);
        QSignalSpy checked(&watch, &AlertWatch::checked);
        watch.start();
        QVERIFY(fired.wait(5000));
        QCOMPARE(checked.size(), 3);
        QCOMPARE(checked.at(0).at(0).toInt(), 0);
        QCOMPARE(checked.at(2).at(0).toInt(), 2);
        QCOMPARE(fired.first().at(0).value<FiringAlert>().name(), QStringLiteral("ShipyardTestAlert"));
        QVERIFY(!watch.isRunning());
    }

    // Alerts a person delivered in spite of do not end the watch; the same
    // alert firing anew does.
    void watchToleratesKnownAlerts()
    {
        const QList<FiringAlert> known = AlertmanagerClient::parse(200, captured()).alerts;
        const auto transport = std::make_shared<FakeTransport>();
        transport->respond("GET /api/v2/alerts", 200, captured());
        const AlertTrigger watched = trigger(QStringLiteral("http://am"));
        AlertWatch watch(watched, { { QStringLiteral("catalog"), matchers(watched.matchers) } }, nullptr, transport);
        watch.setInterval(50ms);
        watch.setWindow(300ms);
        watch.setTolerated(known);
        QSignalSpy passed(&watch, &AlertWatch::passed);
        QSignalSpy fired(&watch, &AlertWatch::fired);
        watch.start();
        QVERIFY(passed.wait(5000));
        QCOMPARE(fired.size(), 0);

        QByteArray again = captured();
        again.replace("2026-12-07T01:02:21.315Z", "2026-12-07T01:12:00.000Z");
        transport->respond("GET /api/v2/alerts", 200, again);
        watch.start();
        QVERIFY(fired.wait(5000));
        QCOMPARE(fired.first().at(0).value<FiringAlert>().name(), QStringLiteral("ShipyardTestAlert"));
    }

    void watchWithoutAnswersIsInconclusive()
    {
        const auto transport = std::make_shared<FakeTransport>();
        transport->respond("GET /api/v2/alerts", 200, "<html>login</html>");
        const AlertTrigger watched = trigger(QStringLiteral("http://am"));
        AlertWatch watch(watched, { { QStringLiteral("catalog"), matchers(watched.matchers) } }, nullptr, transport);
        watch.setInterval(50ms);
        watch.setWindow(200ms);
        QSignalSpy failed(&watch, &AlertWatch::queryFailed);
        QSignalSpy inconclusive(&watch, &AlertWatch::inconclusive);
        watch.start();
        QVERIFY(inconclusive.wait(5000));
        QVERIFY(failed.size() >= 2);
        QVERIFY2(inconclusive.first().at(0).toString().contains(QStringLiteral("not a list of alerts")),
            qPrintable(inconclusive.first().at(0).toString()));
    }

    // The real thing: a pushed series makes Prometheus's rule fire, and
    // Alertmanager lists the alert for matchers of its system only.
    void realAlertmanager()
    {
        QVERIFY2(!m_fixture.value(QStringLiteral("ALERTMANAGER_URL")).isEmpty(),
            "the prometheus fixture did not run: ctest -R tst_alertmanagerclient runs it first");
        const QByteArray shop = newShop();
        const AlertmanagerClient client(QUrl(m_fixture.value(QStringLiteral("ALERTMANAGER_URL"))));
        const QList<AlertMatcher> catalog = matchers({ QStringLiteral("shop=\"%1\"").arg(QString::fromLatin1(shop)),
            QStringLiteral("service=\"catalog\""), QStringLiteral("env=\"test\"") });
        const QList<AlertMatcher> mailer = matchers(
            { QStringLiteral("shop=\"%1\"").arg(QString::fromLatin1(shop)), QStringLiteral("service=~\"mail.*\"") });
        QCOMPARE(client.alerts(catalog).alerts.size(), 0);
        QVERIFY(push(shop, "shop=\"" + shop + "\",service=\"catalog\",env=\"test\"", 1));
        AlertmanagerClient::Answer answer;
        QTRY_VERIFY_WITH_TIMEOUT((answer = client.alerts(catalog)).alerts.size() == 1, 20000);
        const FiringAlert &alert = answer.alerts.first();
        QCOMPARE(alert.name(), QStringLiteral("ShipyardTestAlert"));
        QCOMPARE(alert.summary, QStringLiteral("catalog in test is failing"));
        QVERIFY(alert.startsAt.isValid());
        QVERIFY(!alert.fingerprint.isEmpty());
        const AlertmanagerClient::Answer other = client.alerts(mailer);
        QVERIFY2(other.isAnswer(), qPrintable(other.error));
        QCOMPARE(other.alerts.size(), 0);
        // Resolved, it is no longer listed.
        QVERIFY(push(shop, "shop=\"" + shop + "\",service=\"catalog\",env=\"test\"", 0));
        QTRY_VERIFY_WITH_TIMEOUT(client.alerts(catalog).alerts.isEmpty(), 20000);
    }
};

QTEST_GUILESS_MAIN(TestAlertmanagerClient)
#include "tst_alertmanagerclient.moc"
