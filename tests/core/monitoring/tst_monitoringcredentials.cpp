// SPDX-License-Identifier: GPL-2.0-or-later
// Prometheus and Alertmanager behind basic auth, as teams run them once
// they are reachable from more than one machine: a real Prometheus and a
// real Alertmanager of the test's own, started with a --web.config.file
// that wants a user and password. The ecosystem names the variables
// holding them; the clients made from what the loader read sign in, and say
// clearly when the credentials are missing, wrong, or not set.
#include "GitTestHelpers.h"
#include "ServerProcess.h"

#include "model/EcosystemLoader.h"
#include "monitoring/AlertWatch.h"
#include "monitoring/AlertmanagerClient.h"
#include "monitoring/MonitoringWatch.h"
#include "monitoring/PrometheusClient.h"
#include "monitoring/ServiceAuthorization.h"
#include "support/SecretMasker.h"

#include <QFile>
#include <QProcess>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Shipyard;

namespace {

// bcrypt of "watch-the-release" (cost 10): Prometheus' web config stores
// only the hash, so the test's password is written here once as its hash.
constexpr const char *passwordHash = "$2a$10$r1eMtM46D8MOsMpjkKH4Me2qUuxLX8pDgxMPV8kvCtWkBnhrV2FYG";

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

} // namespace

class TestMonitoringCredentials : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QProcess m_prometheus;
    QProcess m_alertmanager;
    int m_prometheusPort = 0;
    int m_alertmanagerPort = 0;

    // Started and answering (a 401 is an answer: the server is up).
    static bool startServer(QProcess &process, const QString &program, const QStringList &arguments, int port)
    {
        return ServerProcess::start(process, program, arguments,
            QStringLiteral("http://127.0.0.1:%1/-/ready").arg(port),
            [](const QByteArray &status) { return status == "401"; });
    }

    std::optional<Ecosystem> ecosystem(const QByteArray &credentials)
    {
        const QString path = m_dir.filePath(QStringLiteral("ecosystem.yaml"));
        const QByteArray text = "name: Shop\n"
                                "systems:\n  - {name: api, template: backend, repository: api, image: shop/api, "
                                "manifests: [deploy/]}\n"
                                "environments:\n  - {name: staging, kind: staging, context: c, namespace: shop}\n"
                                "rollback:\n"
                                "  monitoring:\n"
                                "    prometheus: http://127.0.0.1:" +
            QByteArray::number(m_prometheusPort) + "\n    " + credentials +
            "\n"
            "    query: vector(0.25)\n"
            "    threshold: 1\n"
            "  alerts:\n"
            "    alertmanager: http://127.0.0.1:" +
            QByteArray::number(m_alertmanagerPort) + "\n    " + credentials +
            "\n"
            "    matchers: ['service=\"${SYSTEM}\"']\n";
        if (!writeFile(path, text))
            return std::nullopt;
        EcosystemLoadResult loaded = EcosystemLoader().loadFile(path);
        for (const Diagnostic &diagnostic : std::as_const(loaded.diagnostics))
            qWarning() << diagnostic.toString();
        return loaded.ecosystem ? std::optional<Ecosystem>(*loaded.ecosystem) : std::nullopt;
    }

    static PrometheusResult query(const Ecosystem &ecosystem)
    {
        PrometheusClient client(QUrl(ecosystem.rollback.monitoring->prometheusUrl));
        client.setCredentials(ecosystem.rollback.monitoring->credentials);
        return client.query(ecosystem.rollback.monitoring->query);
    }

    static AlertmanagerClient::Answer alerts(const Ecosystem &ecosystem)
    {
        const AlertTrigger &trigger = *ecosystem.environments.first().alerts;
        AlertmanagerClient client(QUrl(trigger.alertmanagerUrl));
        client.setCredentials(trigger.credentials);
        return client.alerts({ *AlertMatcher::parse(QStringLiteral("service=\"api\"")) });
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(writeFile(m_dir.filePath(QStringLiteral("web.yml")),
            QByteArray("basic_auth_users:\n  shipyard: ") + passwordHash + "\n"));
        QVERIFY(writeFile(m_dir.filePath(QStringLiteral("prometheus.yml")), "global: {scrape_interval: 15s}\n"));
        QVERIFY(writeFile(m_dir.filePath(QStringLiteral("alertmanager.yml")),
            "route: {receiver: nowhere}\nreceivers: [{name: nowhere}]\n"));
        m_prometheusPort = GitTest::freePort();
        QVERIFY2(startServer(m_prometheus, QStringLiteral("prometheus"),
                     { QStringLiteral("--config.file=") + m_dir.filePath(QStringLiteral("prometheus.yml")),
                         QStringLiteral("--storage.tsdb.path=") + m_dir.filePath(QStringLiteral("tsdb")),
                         QStringLiteral("--web.config.file=") + m_dir.filePath(QStringLiteral("web.yml")),
                         QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(m_prometheusPort) },
                     m_prometheusPort),
            m_prometheus.readAll().constData());
        m_alertmanagerPort = GitTest::freePort();
        QVERIFY2(startServer(m_alertmanager, QStringLiteral("prometheus-alertmanager"),
                     { QStringLiteral("--config.file=") + m_dir.filePath(QStringLiteral("alertmanager.yml")),
                         QStringLiteral("--storage.path=") + m_dir.filePath(QStringLiteral("alertmanager")),
                         QStringLiteral("--web.config.file=") + m_dir.filePath(QStringLiteral("web.yml")),
                         QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(m_alertmanagerPort),
                         QStringLiteral("--cluster.listen-address=") },
                     m_alertmanagerPort),
            m_alertmanager.readAll().constData());
        qputenv("MONITORING_USER", "shipyard");
        qputenv("MONITORING_PASSWORD", "watch-the-release");
        qputenv("MONITORING_WRONG_PASSWORD", "guess");
    }

    void cleanupTestCase()
    {
        for (QProcess *server : { &m_prometheus, &m_alertmanager }) {
            server->terminate();
            if (!server->waitForFinished(10000))
                server->kill();
        }
    }

    void signsIn()
    {
        const auto shop = ecosystem("usernameEnv: MONITORING_USER\n    passwordEnv: MONITORING_PASSWORD");
        QVERIFY(shop);
        const PrometheusResult result = query(*shop);
        QVERIFY2(!result.isError(), qPrintable(result.errorText));
        QCOMPARE(result.singleValue().value_or(-1), 0.25);
        const AlertmanagerClient::Answer answer = alerts(*shop);
        QVERIFY2(answer.isAnswer(), qPrintable(answer.error));
        QVERIFY(answer.alerts.isEmpty());
        // The password is a secret of the ecosystem: masked, and kept from
        // the commands a branch runs; the user name only from the latter.
        QVERIFY(shop->secretVariables().contains(QStringLiteral("MONITORING_PASSWORD")));
        QVERIFY(!shop->secretVariables().contains(QStringLiteral("MONITORING_USER")));
        QVERIFY(shop->credentialVariables().contains(QStringLiteral("MONITORING_USER")));
        QVERIFY(!shop->secretMasker().mask(QStringLiteral("pw watch-the-release")).contains(QStringLiteral("watch")));
    }

    void saysWhatIsWrong()
    {
        const auto none = ecosystem("# no credentials");
        QVERIFY(none);
        PrometheusResult result = query(*none);
        QCOMPARE(result.errorText,
            QStringLiteral("Prometheus wants credentials (HTTP 401): name them with tokenEnv, or usernameEnv and "
                           "passwordEnv, beside its URL in the ecosystem file"));
        QCOMPARE(result.errorKind, PrometheusResult::ErrorKind::Credentials);
        AlertmanagerClient::Answer answer = alerts(*none);
        QVERIFY(answer.error.startsWith(QStringLiteral("Alertmanager wants credentials (HTTP 401)")));
        QCOMPARE(answer.errorKind, AlertmanagerClient::Answer::ErrorKind::Credentials);

        const auto wrong = ecosystem("usernameEnv: MONITORING_USER\n    passwordEnv: MONITORING_WRONG_PASSWORD");
        QVERIFY(wrong);
        result = query(*wrong);
        QVERIFY2(result.errorText.startsWith(QStringLiteral("Prometheus refused Shipyard's credentials (HTTP 401)")),
            qPrintable(result.errorText));
        QVERIFY(!result.errorText.contains(QStringLiteral("guess")));
        // A refusal is a fault of the configuration, not an outage: its
        // kind says so, without anyone reading the text.
        QCOMPARE(result.errorKind, PrometheusResult::ErrorKind::Credentials);
        answer = alerts(*wrong);
        QVERIFY2(answer.error.startsWith(QStringLiteral("Alertmanager refused Shipyard's credentials (HTTP 401)")),
            qPrintable(answer.error));
        QCOMPARE(answer.errorKind, AlertmanagerClient::Answer::ErrorKind::Credentials);

        const auto unset = ecosystem("usernameEnv: MONITORING_USER\n    passwordEnv: MONITORING_NOT_SET");
        QVERIFY(unset);
        result = query(*unset);
        QCOMPARE(result.errorText,
            QStringLiteral("no credentials for Prometheus: the environment variable MONITORING_NOT_SET is not set"));
        QCOMPARE(result.errorKind, PrometheusResult::ErrorKind::Credentials);
        answer = alerts(*unset);
        QCOMPARE(answer.error,
            QStringLiteral("no credentials for Alertmanager: the environment variable MONITORING_NOT_SET is not set"));
        QCOMPARE(answer.errorKind, AlertmanagerClient::Answer::ErrorKind::Credentials);

        // Up and signed in, but not Prometheus' API (Alertmanager's address
        // given for it, and the other way round): no credentials fault.
        const auto swapped = ecosystem("usernameEnv: MONITORING_USER\n    passwordEnv: MONITORING_PASSWORD");
        QVERIFY(swapped);
        PrometheusClient prometheus(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_alertmanagerPort)));
        prometheus.setCredentials(swapped->rollback.monitoring->credentials);
        result = prometheus.query(QStringLiteral("vector(1)"));
        QVERIFY2(result.errorKind == PrometheusResult::ErrorKind::Server ||
                result.errorKind == PrometheusResult::ErrorKind::Protocol,
            qPrintable(result.errorText));
        AlertmanagerClient alertmanager(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_prometheusPort)));
        alertmanager.setCredentials(swapped->environments.first().alerts->credentials);
        answer = alertmanager.alerts({});
        QCOMPARE(answer.errorKind, AlertmanagerClient::Answer::ErrorKind::Server);
        QVERIFY2(answer.error.startsWith(QStringLiteral("Alertmanager answered HTTP 404")), qPrintable(answer.error));
    }

    // Credentials are read once: a watch whose requests are refused for them
    // concludes at the first refusal, not at the end of its window, which
    // here is far beyond the test's patience.
    void refusedWatchConcludesAtOnce()
    {
        const auto wrong = ecosystem("usernameEnv: MONITORING_USER\n    passwordEnv: MONITORING_WRONG_PASSWORD");
        QVERIFY(wrong);
        MonitoringTrigger monitoring = *wrong->rollback.monitoring;
        monitoring.window = std::chrono::minutes(10);
        MonitoringWatch queries(monitoring);
        QSignalSpy queriesInconclusive(&queries, &MonitoringWatch::inconclusive);
        AlertTrigger alerting = *wrong->environments.first().alerts;
        alerting.window = std::chrono::minutes(10);
        AlertWatch watchedAlerts(alerting,
            { AlertSelection { QStringLiteral("api"), { *AlertMatcher::parse(QStringLiteral("service=\"api\"")) } } });
        QSignalSpy alertsInconclusive(&watchedAlerts, &AlertWatch::inconclusive);
        queries.start();
        watchedAlerts.start();
        QTRY_COMPARE_WITH_TIMEOUT(queriesInconclusive.size(), 1, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(alertsInconclusive.size(), 1, 30000);
        QVERIFY2(queriesInconclusive[0][0].toString().startsWith(
                     QStringLiteral("Prometheus refused Shipyard's credentials (HTTP 401)")),
            qPrintable(queriesInconclusive[0][0].toString()));
        QVERIFY2(alertsInconclusive[0][0].toString().startsWith(
                     QStringLiteral("Alertmanager refused Shipyard's credentials (HTTP 401)")),
            qPrintable(alertsInconclusive[0][0].toString()));
        QVERIFY(!queries.isRunning());
        QVERIFY(!watchedAlerts.isRunning());
    }

    // Prometheus itself knows no bearer tokens; the proxies in front of it
    // (and Grafana's hosted Prometheus) do. The header is the standard one.
    void bearerToken()
    {
        QProcessEnvironment environment;
        environment.insert(QStringLiteral("PROM_TOKEN"), QStringLiteral("glc_abc123\n"));
        ServiceCredentials credentials;
        credentials.tokenEnv = QStringLiteral("PROM_TOKEN");
        QCOMPARE(ServiceAuthorization::from(credentials, environment).header, QByteArray("Bearer glc_abc123"));
        credentials = ServiceCredentials();
        credentials.usernameEnv = QStringLiteral("U");
        credentials.passwordEnv = QStringLiteral("P");
        environment.insert(QStringLiteral("U"), QStringLiteral("me"));
        environment.insert(QStringLiteral("P"), QStringLiteral("pw"));
        QCOMPARE(ServiceAuthorization::from(credentials, environment).header, QByteArray("Basic bWU6cHc="));
        QVERIFY(ServiceAuthorization::from(ServiceCredentials(), environment).header.isEmpty());
    }

    // Written in the file, half given, or both kinds: refused at the place.
    void badKeys_data()
    {
        QTest::addColumn<QByteArray>("keys");
        QTest::addColumn<QString>("error");
        QTest::newRow("inline password")
            << QByteArray("password: hunter2")
            << QStringLiteral(":9:15: error: rollback monitoring: secrets must not be written in the ecosystem file; "
                              "name an environment variable with 'passwordEnv' instead of 'password'");
        QTest::newRow("half") << QByteArray("usernameEnv: MONITORING_USER")
                              << QStringLiteral(":9:18: error: rollback monitoring: basic auth wants both "
                                                "'usernameEnv' and 'passwordEnv'");
        QTest::newRow("both") << QByteArray("tokenEnv: T\n    usernameEnv: U\n    passwordEnv: P")
                              << QStringLiteral(":9:15: error: rollback monitoring: 'tokenEnv' (a bearer token) and "
                                                "'usernameEnv'/'passwordEnv' (basic auth) exclude each other");
    }

    void badKeys()
    {
        QFETCH(QByteArray, keys);
        QFETCH(QString, error);
        QVERIFY(!ecosystem(keys));
        const EcosystemLoadResult loaded = EcosystemLoader().loadFile(m_dir.filePath(QStringLiteral("ecosystem.yaml")));
        QStringList messages;
        for (const Diagnostic &diagnostic : loaded.diagnostics)
            messages.append(diagnostic.toString());
        QVERIFY2(messages.join(QLatin1Char('\n')).contains(error), qPrintable(messages.join(QLatin1Char('\n'))));
    }

    // Credentials to a host that is not this machine over http: a warning.
    void plainHttpWarns()
    {
        const QString path = m_dir.filePath(QStringLiteral("remote.yaml"));
        QVERIFY(writeFile(path,
            "name: Shop\nsystems:\n  - {name: api, template: backend, repository: api, image: shop/api, manifests: "
            "[deploy/]}\nenvironments:\n  - {name: staging, kind: staging, context: c, namespace: shop}\n"
            "rollback:\n  monitoring: {prometheus: 'http://prometheus.example.org:9090', tokenEnv: T, query: up, "
            "threshold: 1}\n"));
        const EcosystemLoadResult loaded = EcosystemLoader().loadFile(path);
        QVERIFY(loaded.ecosystem);
        QStringList messages;
        for (const Diagnostic &diagnostic : loaded.diagnostics)
            messages.append(diagnostic.toString());
        QVERIFY2(messages.join(QLatin1Char('\n'))
                     .contains(QStringLiteral("warning: rollback monitoring: the credentials would be sent unencrypted "
                                              "to http://prometheus.example.org:9090")),
            qPrintable(messages.join(QLatin1Char('\n'))));
    }
};

QTEST_GUILESS_MAIN(TestMonitoringCredentials)
#include "tst_monitoringcredentials.moc"
