// SPDX-License-Identifier: GPL-2.0-or-later
// `shipyardctl doctor`'s checks against a world that is all up, then with
// each piece of it broken in turn: that one check is broken, with its remedy
// naming the place in the ecosystem file, and every other is still ok.
//
// The servers the test breaks are its own: a docker-registry, a Prometheus
// and an Alertmanager (behind basic auth, as tst_monitoringcredentials runs
// them), killed and started again; bare repositories renamed and back. The
// shared Redmine is only read, with a wrong key for the broken case; so is
// the "registry" fixture's registry behind basic auth. A registry behind
// token authentication is the test's own, with tests/core/registry's token
// service. The dead contexts are DeadContexts' closed port and silent
// server, which must delay nothing else.
//
// GitLab, GitHub, Gerrit and Jira cannot run here: each is a small local
// HTTP server answering as the service's published REST API documents it.
#include "../registry/RegistryTestWorld.h"
#include "DeadContexts.h"
#include "FixtureEnvironment.h"
#include "GitTestHelpers.h"
#include "LocalCluster.h"
#include "ServerProcess.h"
#include "TcpTestServer.h"

#include "doctor/DoctorPlan.h"
#include "doctor/DoctorRunner.h"
#include "doctor/RegistryCheck.h"
#include "kube/ClusterAccess.h"
#include "model/EcosystemLoader.h"

#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QScopeGuard>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Shipyard;

namespace {

// bcrypt of "watch-the-release" (cost 10), as in tst_monitoringcredentials.
constexpr const char *passwordHash = "$2a$10$r1eMtM46D8MOsMpjkKH4Me2qUuxLX8pDgxMPV8kvCtWkBnhrV2FYG";
constexpr std::chrono::milliseconds timeout { 2000 };

// The answer of a service's stand-in to one request (its head and body).
struct Reply
{
    Reply(int code, QByteArray content, QByteArray type = "application/json", QByteArray more = {})
        : status(code), body(std::move(content)), contentType(std::move(type)), headers(std::move(more))
    { }
    int status;
    QByteArray body;
    QByteArray contentType;
    QByteArray headers; // more header lines, each ending in CRLF
};

// A local HTTP server answering each request with what ANSWER makes of it,
// one request a connection. For the services no server of the test world
// runs: what ANSWER sends is shaped after the service's published API.
std::unique_ptr<TestSupport::TcpTestServer> standIn(std::function<Reply(const QByteArray &request)> answer)
{
    return std::make_unique<TestSupport::TcpTestServer>([answer](QTcpSocket *socket) {
        QObject::connect(socket, &QTcpSocket::readyRead, socket, [socket, answer] {
            const QByteArray request = socket->peek(socket->bytesAvailable());
            if (!request.contains("\r\n\r\n"))
                return;
            socket->readAll();
            const Reply reply = answer(request);
            const QByteArray reason = reply.status == 200 ? "OK"
                : reply.status == 401                     ? "Unauthorized"
                : reply.status == 403                     ? "Forbidden"
                                                          : "Error";
            socket->write("HTTP/1.1 " + QByteArray::number(reply.status) + ' ' + reason + "\r\nContent-Type: " +
                reply.contentType + "\r\nContent-Length: " + QByteArray::number(reply.body.size()) + "\r\n" +
                reply.headers + "Connection: close\r\n\r\n" + reply.body);
            socket->disconnectFromHost();
        });
    });
}

} // namespace

class TestDoctor : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    DeadContexts m_dead;
    QMap<QString, QString> m_redmine;
    QProcess m_registry;
    QProcess m_prometheus;
    QProcess m_alertmanager;
    int m_registryPort = 0;
    int m_prometheusPort = 0;
    int m_alertmanagerPort = 0;
    QString m_kubeconfig;
    QByteArray m_gating; // top-level `gating:` for the review service's case
    QByteArray m_tracker; // instead of the Redmine tracker, in five lines
    QByteArray m_registrySettings; // instead of the open registry's, below `registry:`
    QMap<QString, QString> m_registryFixture;

    QString path(const QString &name) const { return m_dir.filePath(name); }

    // Started and answering; any HTTP status means up.
    static bool startServer(QProcess &process, const QString &program, const QStringList &arguments, int port)
    {
        return ServerProcess::start(process, program, arguments, QStringLiteral("http://127.0.0.1:%1/").arg(port),
            [](const QByteArray &status) { return status != "000"; });
    }

    static void stopServer(QProcess &process)
    {
        process.kill();
        process.waitForFinished(10000);
    }

    bool startRegistry()
    {
        return startServer(m_registry, QStringLiteral("docker-registry"),
            { QStringLiteral("serve"), path(QStringLiteral("registry.yml")) }, m_registryPort);
    }
    bool startPrometheus()
    {
        return startServer(m_prometheus, QStringLiteral("prometheus"),
            { QStringLiteral("--config.file=") + path(QStringLiteral("prometheus.yml")),
                QStringLiteral("--storage.tsdb.path=") + path(QStringLiteral("tsdb")),
                QStringLiteral("--web.config.file=") + path(QStringLiteral("web.yml")),
                QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(m_prometheusPort) },
            m_prometheusPort);
    }
    bool startAlertmanager()
    {
        return startServer(m_alertmanager, QStringLiteral("prometheus-alertmanager"),
            { QStringLiteral("--config.file=") + path(QStringLiteral("alertmanager.yml")),
                QStringLiteral("--storage.path=") + path(QStringLiteral("alertmanager")),
                QStringLiteral("--web.config.file=") + path(QStringLiteral("web.yml")),
                QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(m_alertmanagerPort),
                QStringLiteral("--cluster.listen-address=") },
            m_alertmanagerPort);
    }

    // A system's clone whose origin is a bare repository beside it.
    void makeSystemRepository(const QString &name)
    {
        const QString bare = path(name + QStringLiteral(".git"));
        GitTest::git(m_dir.path(),
            { QStringLiteral("init"), QStringLiteral("--bare"), QStringLiteral("-b"), QStringLiteral("main"), bare });
        const QString clone = path(name);
        GitTest::initRepository(clone);
        GitTest::commit(clone, QStringLiteral("README"), "hello\n", QStringLiteral("first"));
        GitTest::git(clone, { QStringLiteral("remote"), QStringLiteral("add"), QStringLiteral("origin"), bare });
        GitTest::git(clone, { QStringLiteral("push"), QStringLiteral("origin"), QStringLiteral("HEAD:main") });
    }

    // The world's ecosystem; EXTRA is appended to its environments.
    Ecosystem ecosystem(const QByteArray &extraEnvironments = {})
    {
        QByteArray tracker = m_tracker;
        if (tracker.isEmpty())
            tracker = "tracker:\n"
                      "  kind: redmine\n"
                      "  url: " +
                m_redmine.value(QStringLiteral("URL")).toUtf8() +
                "\n"
                "  tokenEnv: DOCTOR_REDMINE_KEY\n"
                "  statuses: {awaitingDelivery: Rejected}\n";
        QByteArray registry = m_registrySettings;
        if (registry.isEmpty())
            registry = "  url: http://127.0.0.1:" + QByteArray::number(m_registryPort) + "\n  insecure: true\n";
        const QByteArray text = "name: Doctor\n" + tracker + "registry:\n" + registry +
            "rollback:\n"
            "  monitoring:\n"
            "    prometheus: http://127.0.0.1:" +
            QByteArray::number(m_prometheusPort) +
            "\n"
            "    usernameEnv: DOCTOR_MONITORING_USER\n"
            "    passwordEnv: DOCTOR_MONITORING_PASSWORD\n"
            "    query: vector(0)\n"
            "    threshold: 1\n"
            "    onInconclusive: rollback\n"
            "  alerts:\n"
            "    alertmanager: http://127.0.0.1:" +
            QByteArray::number(m_alertmanagerPort) +
            "\n"
            "    usernameEnv: DOCTOR_MONITORING_USER\n"
            "    passwordEnv: DOCTOR_MONITORING_PASSWORD\n"
            "    matchers: ['service=\"${SYSTEM}\"']\n"
            "    onUnreachable: stop\n" +
            m_gating +
            "systems:\n"
            "  - {name: api, template: backend, repository: api, image: doctor/api, helm: {chart: chart/}}\n"
            "  - {name: web, template: frontend, repository: web, image: doctor/web, kustomize: deploy/}\n"
            "environments:\n"
            "  - {name: staging, kind: staging, context: staging, namespace: shipyard-staging}\n"
            "  - {name: showroom, kind: showroom, context: showroom, namespacePattern: 'doctor-{task}', ttl: 1d}\n" +
            extraEnvironments +
            "notifications:\n"
            "  channels:\n"
            "    team:\n"
            "      chat: {urlEnv: DOCTOR_CHAT_URL}\n";
        GitTest::writeFile(path(QStringLiteral("ecosystem.yaml")), text);
        EcosystemLoadResult loaded = EcosystemLoader().loadFile(path(QStringLiteral("ecosystem.yaml")));
        for (const Diagnostic &diagnostic : std::as_const(loaded.diagnostics)) {
            if (diagnostic.isError())
                qWarning() << diagnostic.toString();
        }
        if (!loaded.ecosystem)
            return {};
        return *loaded.ecosystem;
    }

    struct Outcome
    {
        QMap<QString, DoctorResult> results; // "component/check"
        qint64 elapsedMs = 0;
    };

    Outcome run(const Ecosystem &ecosystem, const DoctorPlan::Options &options = {})
    {
        if (ecosystem.name.isEmpty())
            qFatal("the test's ecosystem does not load");
        DoctorRunner runner;
        runner.setMasker(ecosystem.secretMasker());
        QEventLoop loop;
        connect(&runner, &DoctorRunner::finished, &loop, &QEventLoop::quit);
        runner.start(DoctorPlan::checksFor(ecosystem, ClusterAccess::load(m_kubeconfig), options), timeout);
        if (runner.isRunning())
            loop.exec();
        Outcome outcome;
        outcome.elapsedMs = runner.elapsedMs();
        for (const std::optional<DoctorResult> &result : runner.results()) {
            outcome.results.insert(result->component + QLatin1Char('/') + result->check, *result);
            qInfo("%-8s %5lld ms  %s/%s: %s%s", qPrintable(DoctorResult::verdictName(result->verdict)),
                result->latencyMs, qPrintable(result->component), qPrintable(result->check), qPrintable(result->detail),
                result->remedy.isEmpty() ? "" : qPrintable(QStringLiteral(" → ") + result->remedy));
        }
        runner.waitForThreads(5000);
        return outcome;
    }

    // Every result is ok, but those named in EXCEPT (checked by the caller).
    static void verifyOthersOk(const Outcome &outcome, const QStringList &except)
    {
        for (auto it = outcome.results.cbegin(); it != outcome.results.cend(); ++it) {
            if (except.contains(it.key()))
                continue;
            QVERIFY2(it->verdict == DoctorResult::Verdict::Ok,
                qPrintable(it.key() + QStringLiteral(": ") + DoctorResult::verdictName(it->verdict) +
                    QStringLiteral(": ") + it->detail));
        }
    }

    static bool blocks(const Outcome &outcome)
    {
        return std::any_of(outcome.results.cbegin(), outcome.results.cend(),
            [](const DoctorResult &result) { return result.blocksDelivery(); });
    }

    static void verifyBroken(const Outcome &outcome, const QString &key, const QStringList &inRemedy)
    {
        QVERIFY2(outcome.results.contains(key), qPrintable(key));
        const DoctorResult &result = outcome.results.value(key);
        QCOMPARE(DoctorResult::verdictName(result.verdict), QStringLiteral("broken"));
        for (const QString &part : inRemedy)
            QVERIFY2(result.remedy.contains(part), qPrintable(result.remedy + QStringLiteral(" lacks ") + part));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_redmine = readFixtureEnvironment(QStringLiteral(REDMINE_STATE_FILE));
        QVERIFY(!m_redmine.value(QStringLiteral("API_KEY")).isEmpty());
        qputenv("DOCTOR_REDMINE_KEY", m_redmine.value(QStringLiteral("API_KEY")).toUtf8());
        m_registryFixture = readFixtureEnvironment(QStringLiteral(REGISTRY_STATE_FILE));
        QVERIFY(!m_registryFixture.value(QStringLiteral("REGISTRY_AUTH_ADDRESS")).isEmpty());
        qputenv("DOCTOR_MONITORING_USER", "shipyard");
        qputenv("DOCTOR_MONITORING_PASSWORD", "watch-the-release");
        qputenv("DOCTOR_CHAT_URL", "https://chat.example.org/hooks/doctor-secret-token");

        QVERIFY(m_dead.start());
        const QString dead = path(QStringLiteral("dead.yaml"));
        QVERIFY(m_dead.writeKubeconfig(dead));
        // Both files, merged as kubectl merges KUBECONFIG.
        qputenv("KUBECONFIG", (LocalCluster::kubeconfigPath() + QLatin1Char(':') + dead).toUtf8());

        m_registryPort = GitTest::freePort();
        GitTest::writeFile(path(QStringLiteral("registry.yml")),
            "version: 0.1\nlog: {level: warn}\nstorage: {filesystem: {rootdirectory: " +
                path(QStringLiteral("registry")).toUtf8() +
                "}}\nhttp: {addr: 127.0.0.1:" + QByteArray::number(m_registryPort) + ", secret: doctor}\n");
        QVERIFY2(startRegistry(), m_registry.readAll().constData());

        GitTest::writeFile(
            path(QStringLiteral("web.yml")), QByteArray("basic_auth_users:\n  shipyard: ") + passwordHash + "\n");
        GitTest::writeFile(path(QStringLiteral("prometheus.yml")), "global: {scrape_interval: 15s}\n");
        GitTest::writeFile(
            path(QStringLiteral("alertmanager.yml")), "route: {receiver: nowhere}\nreceivers: [{name: nowhere}]\n");
        m_prometheusPort = GitTest::freePort();
        QVERIFY2(startPrometheus(), m_prometheus.readAll().constData());
        m_alertmanagerPort = GitTest::freePort();
        QVERIFY2(startAlertmanager(), m_alertmanager.readAll().constData());

        makeSystemRepository(QStringLiteral("api"));
        makeSystemRepository(QStringLiteral("web"));
    }

    void cleanupTestCase()
    {
        for (QProcess *server : { &m_registry, &m_prometheus, &m_alertmanager }) {
            server->terminate();
            if (!server->waitForFinished(10000))
                server->kill();
        }
    }

    void allUp()
    {
        const Outcome outcome = run(ecosystem());
        QStringList expected { QStringLiteral("environment staging/apiserver"),
            QStringLiteral("environment staging/permissions"), QStringLiteral("environment showroom/apiserver"),
            QStringLiteral("environment showroom/permissions"), QStringLiteral("registry/api"),
            QStringLiteral("tracker/read"), QStringLiteral("prometheus/query"), QStringLiteral("alertmanager/alerts"),
            QStringLiteral("system api/git remote"), QStringLiteral("system web/git remote"),
            QStringLiteral("tool buildah/installed"), QStringLiteral("tool helm/installed"),
            QStringLiteral("tool kustomize/installed"), QStringLiteral("chat team/webhook") };
        QStringList found = outcome.results.keys();
        expected.sort();
        found.sort();
        QCOMPARE(found, expected);
        verifyOthersOk(outcome, {});
        QVERIFY(!blocks(outcome));
        QVERIFY(
            outcome.results.value(QStringLiteral("environment staging/apiserver")).detail.startsWith(QLatin1Char('v')));
        QVERIFY(outcome.results.value(QStringLiteral("environment showroom/permissions"))
                .detail.contains(QStringLiteral("doctor-doctor-1")));
        // The webhook's URL is its credential: only its host is shown.
        const QString chat = outcome.results.value(QStringLiteral("chat team/webhook")).detail;
        QVERIFY2(chat.contains(QStringLiteral("chat.example.org")) && !chat.contains(QStringLiteral("secret-token")),
            qPrintable(chat));
    }

    void registryDown()
    {
        stopServer(m_registry);
        const Outcome outcome = run(ecosystem());
        verifyBroken(outcome, QStringLiteral("registry/api"),
            { QStringLiteral("start the registry at http://127.0.0.1:%1").arg(m_registryPort),
                QStringLiteral("registry.url at ecosystem.yaml:8:8") });
        verifyOthersOk(outcome, { QStringLiteral("registry/api") });
        QVERIFY(blocks(outcome));
        QVERIFY2(startRegistry(), m_registry.readAll().constData());
    }

    void prometheusDown()
    {
        stopServer(m_prometheus);
        const Outcome outcome = run(ecosystem());
        verifyBroken(outcome, QStringLiteral("prometheus/query"),
            { QStringLiteral("start Prometheus"),
                QStringLiteral("rollback.monitoring.prometheus at ecosystem.yaml:12:17") });
        verifyOthersOk(outcome, { QStringLiteral("prometheus/query") });
        QVERIFY(blocks(outcome)); // onInconclusive: rollback
        QVERIFY2(startPrometheus(), m_prometheus.readAll().constData());
    }

    void alertmanagerDown()
    {
        stopServer(m_alertmanager);
        const Outcome outcome = run(ecosystem());
        verifyBroken(outcome, QStringLiteral("alertmanager/alerts"),
            { QStringLiteral("start Alertmanager"), QStringLiteral("ecosystem.yaml:19:19") });
        verifyOthersOk(outcome, { QStringLiteral("alertmanager/alerts") });
        QVERIFY(blocks(outcome)); // onUnreachable: stop
        QVERIFY2(startAlertmanager(), m_alertmanager.readAll().constData());
    }

    void wrongMonitoringPassword()
    {
        qputenv("DOCTOR_MONITORING_PASSWORD", "guess-again");
        const Outcome outcome = run(ecosystem());
        qputenv("DOCTOR_MONITORING_PASSWORD", "watch-the-release");
        verifyBroken(outcome, QStringLiteral("prometheus/query"), { QStringLiteral("set the variables") });
        verifyBroken(outcome, QStringLiteral("alertmanager/alerts"), { QStringLiteral("set the variables") });
        QVERIFY(outcome.results.value(QStringLiteral("prometheus/query")).detail.contains(QStringLiteral("refused")));
        verifyOthersOk(outcome, { QStringLiteral("prometheus/query"), QStringLiteral("alertmanager/alerts") });
    }

    // Not set at all: a fault of the configuration as much as a wrong one.
    void monitoringPasswordUnset()
    {
        qunsetenv("DOCTOR_MONITORING_PASSWORD");
        const Outcome outcome = run(ecosystem());
        qputenv("DOCTOR_MONITORING_PASSWORD", "watch-the-release");
        verifyBroken(outcome, QStringLiteral("prometheus/query"),
            { QStringLiteral(
                "set the variables named beside rollback.monitoring.prometheus at ecosystem.yaml:12:17") });
        verifyBroken(outcome, QStringLiteral("alertmanager/alerts"),
            { QStringLiteral("set the variables named beside the alertmanager at ecosystem.yaml:19:19") });
        QVERIFY(outcome.results.value(QStringLiteral("alertmanager/alerts"))
                .detail.contains(QStringLiteral("DOCTOR_MONITORING_PASSWORD is not set")));
        verifyOthersOk(outcome, { QStringLiteral("prometheus/query"), QStringLiteral("alertmanager/alerts") });
    }

    // Each address given for the other: both up and signed in to, neither
    // the API asked for. Starting them is no cure; correcting the address is.
    void monitoringAddressesSwapped()
    {
        std::swap(m_prometheusPort, m_alertmanagerPort);
        const Outcome outcome = run(ecosystem());
        std::swap(m_prometheusPort, m_alertmanagerPort);
        verifyBroken(outcome, QStringLiteral("prometheus/query"),
            { QStringLiteral("correct rollback.monitoring.prometheus at ecosystem.yaml:12:17: it must name "
                             "Prometheus' HTTP API") });
        verifyBroken(outcome, QStringLiteral("alertmanager/alerts"),
            { QStringLiteral("correct the alertmanager at ecosystem.yaml:19:19: it must name Alertmanager's API") });
        QVERIFY(outcome.results.value(QStringLiteral("alertmanager/alerts"))
                .detail.startsWith(QStringLiteral("Alertmanager answered HTTP 404")));
        verifyOthersOk(outcome, { QStringLiteral("prometheus/query"), QStringLiteral("alertmanager/alerts") });
    }

    void trackerKeyWrong()
    {
        const QByteArray key = qgetenv("DOCTOR_REDMINE_KEY");
        qputenv("DOCTOR_REDMINE_KEY", "0123456789abcdef0123456789abcdef01234567");
        const Outcome outcome = run(ecosystem());
        qputenv("DOCTOR_REDMINE_KEY", key);
        verifyBroken(outcome, QStringLiteral("tracker/read"),
            { QStringLiteral("set DOCTOR_REDMINE_KEY to a valid API token"),
                QStringLiteral("tracker.tokenEnv at ecosystem.yaml:5:13") });
        verifyOthersOk(outcome, { QStringLiteral("tracker/read") });
        QVERIFY(blocks(outcome));
        // The key is never said, right or wrong.
        for (const DoctorResult &result : outcome.results) {
            QVERIFY(!result.detail.contains(QString::fromUtf8(key)) && !result.remedy.contains(QString::fromUtf8(key)));
            QVERIFY(!result.detail.contains(QStringLiteral("0123456789abcdef")));
        }
    }

    void trackerClosedPort()
    {
        const QString url = m_redmine.value(QStringLiteral("URL"));
        m_redmine.insert(QStringLiteral("URL"), QStringLiteral("http://127.0.0.1:%1").arg(m_dead.closedPort()));
        const Outcome outcome = run(ecosystem());
        m_redmine.insert(QStringLiteral("URL"), url);
        verifyBroken(outcome, QStringLiteral("tracker/read"),
            { QStringLiteral("start the tracker, or correct tracker.url at ecosystem.yaml:4:8") });
        verifyOthersOk(outcome, { QStringLiteral("tracker/read") });
    }

    void gitRemoteGone()
    {
        QVERIFY(QDir().rename(path(QStringLiteral("api.git")), path(QStringLiteral("api-moved.git"))));
        const Outcome outcome = run(ecosystem());
        QVERIFY(QDir().rename(path(QStringLiteral("api-moved.git")), path(QStringLiteral("api.git"))));
        verifyBroken(outcome, QStringLiteral("system api/git remote"),
            { QStringLiteral("remote set-url origin"), path(QStringLiteral("api.git")) });
        verifyOthersOk(outcome, { QStringLiteral("system api/git remote") });
        QVERIFY(blocks(outcome));
    }

    // Deliveries then use the clone's own branches: worth a warning only.
    void cloneWithoutOrigin()
    {
        GitTest::git(path(QStringLiteral("web")),
            { QStringLiteral("remote"), QStringLiteral("remove"), QStringLiteral("origin") });
        const Outcome outcome = run(ecosystem());
        GitTest::git(path(QStringLiteral("web")),
            { QStringLiteral("remote"), QStringLiteral("add"), QStringLiteral("origin"),
                path(QStringLiteral("web.git")) });
        const DoctorResult web = outcome.results.value(QStringLiteral("system web/git remote"));
        QCOMPARE(web.verdict, DoctorResult::Verdict::Warning);
        QVERIFY2(web.remedy.contains(QStringLiteral("remote add origin")), qPrintable(web.remedy));
        verifyOthersOk(outcome, { QStringLiteral("system web/git remote") });
        QVERIFY(!blocks(outcome));
    }

    // The closed port fails at once, the silent server after the timeout;
    // neither delays the others, and the whole run takes the timeout and
    // the runner's grace, not the sum of anything.
    void deadAndHungContexts()
    {
        const Outcome outcome = run(ecosystem("  - {name: closed, kind: local, context: closed, namespace: x}\n"
                                              "  - {name: hung, kind: local, context: hung, namespace: x}\n"));
        qInfo("doctor with a closed and a hung context: %lld ms", outcome.elapsedMs);
        verifyBroken(outcome, QStringLiteral("environment closed/apiserver"),
            { QStringLiteral("start the apiserver at https://127.0.0.1:%1").arg(m_dead.closedPort()),
                QStringLiteral("ecosystem.yaml:30:") });
        verifyBroken(outcome, QStringLiteral("environment hung/apiserver"),
            { QStringLiteral("https://127.0.0.1:%1").arg(m_dead.hungPort()), QStringLiteral("--timeout") });
        QCOMPARE(outcome.results.value(QStringLiteral("environment closed/permissions")).verdict,
            DoctorResult::Verdict::Skipped);
        QVERIFY(outcome.results.value(QStringLiteral("environment closed/apiserver")).latencyMs < 1000);
        const qint64 hung = outcome.results.value(QStringLiteral("environment hung/apiserver")).latencyMs;
        QVERIFY2(hung >= timeout.count() - 100 && hung < timeout.count() + 1500, qPrintable(QString::number(hung)));
        QVERIFY2(outcome.elapsedMs < timeout.count() + 1500, qPrintable(QString::number(outcome.elapsedMs)));
        QVERIFY(outcome.results.value(QStringLiteral("environment staging/apiserver")).latencyMs < timeout.count());
        verifyOthersOk(outcome,
            { QStringLiteral("environment closed/apiserver"), QStringLiteral("environment closed/permissions"),
                QStringLiteral("environment hung/apiserver"), QStringLiteral("environment hung/permissions") });
        QVERIFY(blocks(outcome));
    }

    void contextMissing()
    {
        const Outcome outcome =
            run(ecosystem("  - {name: typo, kind: local, context: no-such-context, namespace: x}\n"));
        verifyBroken(outcome, QStringLiteral("environment typo/apiserver"),
            { QStringLiteral("add the context 'no-such-context' to the kubeconfig"),
                QStringLiteral("ecosystem.yaml:30:") });
        QCOMPARE(outcome.results.value(QStringLiteral("environment typo/permissions")).verdict,
            DoctorResult::Verdict::Skipped);
    }

    // Production is read-only for developers in the local cluster.
    void permissionsMissing()
    {
        const Outcome outcome =
            run(ecosystem("  - {name: production, kind: production, context: production-developer, namespace: "
                          "shipyard-production, alerts: false}\n"));
        verifyBroken(outcome, QStringLiteral("environment production/permissions"),
            { QStringLiteral("ask the cluster's administrator"), QStringLiteral("production-developer") });
        const QString detail = outcome.results.value(QStringLiteral("environment production/permissions")).detail;
        QVERIFY2(detail.contains(QStringLiteral("create/patch/delete deployments.apps")), qPrintable(detail));
        QVERIFY2(detail.contains(QStringLiteral("leases.coordination.k8s.io")), qPrintable(detail));
        verifyOthersOk(outcome, { QStringLiteral("environment production/permissions") });
    }

    void toolMissing()
    {
        // A PATH with everything but helm.
        const QString bin = path(QStringLiteral("bin"));
        QVERIFY(QDir().mkpath(bin));
        for (const QString &tool : { QStringLiteral("buildah"), QStringLiteral("kubectl") }) {
            const QString program = QStandardPaths::findExecutable(tool);
            QVERIFY2(!program.isEmpty(), qPrintable(tool));
            QFile::remove(QDir(bin).filePath(tool));
            QVERIFY(QFile::link(program, QDir(bin).filePath(tool)));
        }
        DoctorPlan::Options options;
        options.searchPath = bin;
        const Outcome outcome = run(ecosystem(), options);
        verifyBroken(outcome, QStringLiteral("tool helm/installed"), { QStringLiteral("install Helm") });
        QVERIFY(outcome.results.value(QStringLiteral("tool helm/installed")).detail.contains(QStringLiteral("api")));
        verifyOthersOk(outcome, { QStringLiteral("tool helm/installed") });
        QVERIFY(blocks(outcome));
    }

    // The account behind the token, as each service's REST API documents
    // it: GitLab's `GET /api/v4/user`, GitHub's `GET /user` (here under an
    // Enterprise Server's /api/v3), Gerrit's `GET /a/accounts/self` (its
    // JSON behind the )]}' line, HTTP basic with username:HTTP-password).
    // A token the service does not know: 401 with its documented body.
    // (URLs stay out of raw strings here: moc takes their // for a comment
    // and then finds no test class.)
    void reviewService_data()
    {
        QTest::addColumn<QByteArray>("kind");
        QTest::addColumn<QByteArray>("root"); // the API root's path
        QTest::addColumn<QByteArray>("request"); // the request line's start
        QTest::addColumn<QByteArray>("header"); // the header line for the known token
        QTest::addColumn<QByteArray>("known");
        QTest::addColumn<QByteArray>("stale");
        QTest::addColumn<QByteArray>("account");
        QTest::addColumn<QByteArray>("refusal");
        QTest::addColumn<QString>("service");
        QTest::newRow("gitlab") << QByteArray("gitlab") << QByteArray() << QByteArray("GET /api/v4/user ")
                                << QByteArray("PRIVATE-TOKEN: glpat-doctor-known") << QByteArray("glpat-doctor-known")
                                << QByteArray("glpat-doctor-stale")
                                << QByteArray(R"({"id": 7, "username": "shipyard-robot", "name": "Shipyard Robot", )"
                                              R"("state": "active"})")
                                << QByteArray(R"({"message": "401 Unauthorized"})") << QStringLiteral("GitLab");
        QTest::newRow("github") << QByteArray("github") << QByteArray("/api/v3") << QByteArray("GET /api/v3/user ")
                                << QByteArray("Authorization: Bearer ghp_doctorKnown") << QByteArray("ghp_doctorKnown")
                                << QByteArray("ghp_doctorStale")
                                << QByteArray(R"({"login": "shipyard-robot", "id": 7, "type": "User", )"
                                              R"("name": "Shipyard Robot"})")
                                << QByteArray(
                                       R"({"message": "Bad credentials", )"
                                       "\"documentation_url\": \"https://docs.github.com/rest\", \"status\": \"401\"}")
                                << QStringLiteral("GitHub");
        QTest::newRow("gerrit") << QByteArray("gerrit") << QByteArray("/r") << QByteArray("GET /r/a/accounts/self ")
                                << "Authorization: Basic " + QByteArray("shipyard-robot:gerrit-known").toBase64()
                                << QByteArray("shipyard-robot:gerrit-known")
                                << QByteArray("shipyard-robot:gerrit-stale")
                                << QByteArray(")]}'\n{\"_account_id\": 1000096, \"name\": \"Shipyard Robot\", "
                                              "\"email\": \"robot@example.org\", \"username\": \"shipyard-robot\"}")
                                << QByteArray("Unauthorized") << QStringLiteral("Gerrit");
    }

    void reviewService()
    {
        QFETCH(QByteArray, kind);
        QFETCH(QByteArray, root);
        QFETCH(QByteArray, request);
        QFETCH(QByteArray, header);
        QFETCH(QByteArray, known);
        QFETCH(QByteArray, stale);
        QFETCH(QByteArray, account);
        QFETCH(QByteArray, refusal);
        QFETCH(QString, service);
        const auto server = standIn([=](const QByteArray &head) {
            if (head.startsWith(request) && head.contains(QByteArray(header + "\r\n")))
                return Reply { 200, account };
            return Reply { 401, refusal, refusal.startsWith('{') ? "application/json" : "text/plain" };
        });
        QVERIFY(server->port() > 0);
        const auto gating = [&](int port) {
            // gating.reviews.url at 27:10, gating.reviews.tokenEnv at 29:15.
            return "gating:\n  reviews:\n    kind: " + kind +
                "\n    url: 'http://127.0.0.1:" + QByteArray::number(port) + root +
                "'\n    project: 'doctor/{system}'\n    tokenEnv: DOCTOR_REVIEW_TOKEN\n";
        };
        const auto cleanup = qScopeGuard([this] { m_gating.clear(); });
        m_gating = gating(server->port());
        qputenv("DOCTOR_REVIEW_TOKEN", known);
        QElapsedTimer timer;
        timer.start();
        Outcome outcome = run(ecosystem());
        const DoctorResult signedIn = outcome.results.value(QStringLiteral("review service/read"));
        QCOMPARE(signedIn.verdict, DoctorResult::Verdict::Ok);
        QVERIFY2(signedIn.detail ==
                QStringLiteral("%1 at http://127.0.0.1:%2%3, signed in as shipyard-robot")
                    .arg(service)
                    .arg(server->port())
                    .arg(QString::fromLatin1(root)),
            qPrintable(signedIn.detail));
        verifyOthersOk(outcome, {});

        qputenv("DOCTOR_REVIEW_TOKEN", stale);
        outcome = run(ecosystem());
        verifyBroken(outcome, QStringLiteral("review service/read"),
            { QStringLiteral("set DOCTOR_REVIEW_TOKEN to a valid token of %1").arg(service),
                QStringLiteral("gating.reviews.tokenEnv at ecosystem.yaml:29:15") });
        QCOMPARE(outcome.results.value(QStringLiteral("review service/read")).detail,
            QStringLiteral("%1 refused the token in DOCTOR_REVIEW_TOKEN (HTTP 401)").arg(service));
        verifyOthersOk(outcome, { QStringLiteral("review service/read") });
        QVERIFY(blocks(outcome));
        for (const DoctorResult &result : std::as_const(outcome.results)) {
            for (const QByteArray &token : { known, stale })
                QVERIFY(!result.detail.contains(QString::fromLatin1(token)) &&
                    !result.remedy.contains(QString::fromLatin1(token)));
        }

        m_gating = gating(m_dead.closedPort());
        outcome = run(ecosystem());
        verifyBroken(outcome, QStringLiteral("review service/read"),
            { QStringLiteral("start %1 or make it reachable, or correct gating.reviews.url at ecosystem.yaml:27:10")
                    .arg(service) });
        QVERIFY(outcome.results.value(QStringLiteral("review service/read"))
                .detail.startsWith(QStringLiteral("http://127.0.0.1:%1").arg(m_dead.closedPort())));
        verifyOthersOk(outcome, { QStringLiteral("review service/read") });
        qInfo("review service %s: %lld ms for three runs", kind.constData(), timer.elapsed());
    }

    // GitHub's answer to a token whose primary rate limit is used up, as
    // its REST API documents it: 403 with x-ratelimit-remaining: 0. The
    // token is good: no reason to replace it, and nothing broken for good.
    void reviewServiceRateLimited()
    {
        const auto github = standIn([](const QByteArray &) {
            return Reply { 403,
                R"({"message": "API rate limit exceeded for user ID 7.", "documentation_url": )"
                "\"https://docs.github.com/rest/overview/rate-limits-for-the-rest-api\"}",
                "application/json",
                "x-ratelimit-limit: 5000\r\nx-ratelimit-remaining: 0\r\nx-ratelimit-used: 5000\r\n"
                "x-ratelimit-reset: 1765000000\r\n" };
        });
        QVERIFY(github->port() > 0);
        const auto cleanup = qScopeGuard([this] { m_gating.clear(); });
        m_gating =
            "gating:\n  reviews:\n    kind: github\n    url: 'http://127.0.0.1:" + QByteArray::number(github->port()) +
            "'\n    project: 'doctor/{system}'\n    tokenEnv: DOCTOR_REVIEW_TOKEN\n";
        qputenv("DOCTOR_REVIEW_TOKEN", "ghp_doctorBusy");
        const Outcome outcome = run(ecosystem());
        const DoctorResult limited = outcome.results.value(QStringLiteral("review service/read"));
        QCOMPARE(limited.verdict, DoctorResult::Verdict::Warning);
        QCOMPARE(limited.detail,
            QStringLiteral("GitHub limits the requests of the token in DOCTOR_REVIEW_TOKEN (HTTP 403)"));
        QCOMPARE(limited.remedy,
            QStringLiteral("wait until 2025-12-06T05:46:40Z, or give Shipyard a token of its own "
                           "(gating.reviews.tokenEnv at ecosystem.yaml:29:15)"));
        verifyOthersOk(outcome, { QStringLiteral("review service/read") });
    }

    // Jira's search as its REST API documents it: `GET /rest/api/2/search`
    // (Data Center, startAt/total pages) and `GET /rest/api/3/search/jql`
    // (Cloud, nextPageToken/isLast), a personal access token as a bearer
    // token; 401 with Jira's errorMessages for a token it does not know.
    void jiraTracker_data()
    {
        QTest::addColumn<int>("apiVersion");
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<QByteArray>("page"); // the answer's paging keys
        QTest::newRow("Data Center, API 2") << 2 << QByteArray("GET /rest/api/2/search?")
                                            << QByteArray(R"("startAt": 0, "maxResults": 100, "total": 1)");
        QTest::newRow("Cloud, API 3") << 3 << QByteArray("GET /rest/api/3/search/jql?")
                                      << QByteArray(R"("isLast": true)");
    }

    void jiraTracker()
    {
        QFETCH(int, apiVersion);
        QFETCH(QByteArray, request);
        QFETCH(QByteArray, page);
        const auto jira = standIn([=](const QByteArray &head) {
            const QByteArray jql = QUrl::toPercentEncoding(QStringLiteral("status = \"Ready for delivery\""));
            if (head.startsWith(request) && head.contains("Authorization: Bearer jira-pat-known\r\n") &&
                head.left(head.indexOf("\r\n")).contains(jql))
                return Reply { 200,
                    "{" + page +
                        R"(, "issues": [{"id": "10001", "key": "SHOP-7", "self": )"
                        "\"http://jira/rest/api/2/issue/10001\","
                        R"( "fields": {"summary": "Pay by invoice", "status": {"name": "Ready for delivery", "id":)"
                        R"( "10002"}, "assignee": {"displayName": "Ada Lovelace"}}}]})" };
            return Reply { 401,
                R"({"errorMessages": ["You are not authenticated. Authentication required to )"
                R"(perform this operation."], "errors": {}})" };
        });
        QVERIFY(jira->port() > 0);
        const auto tracker = [&](int port) {
            // tracker.url at 4:8, tracker.tokenEnv at 5:13, as Redmine's.
            return "tracker:\n  kind: jira\n  url: http://127.0.0.1:" + QByteArray::number(port) +
                "\n  tokenEnv: DOCTOR_JIRA_TOKEN\n  statuses: {awaitingDelivery: 'Ready for delivery'}\n"
                "  apiVersion: " +
                QByteArray::number(apiVersion) + "\n";
        };
        const auto cleanup = qScopeGuard([this] { m_tracker.clear(); });
        m_tracker = tracker(jira->port());
        qputenv("DOCTOR_JIRA_TOKEN", "jira-pat-known");
        QElapsedTimer timer;
        timer.start();
        Outcome outcome = run(ecosystem());
        const DoctorResult read = outcome.results.value(QStringLiteral("tracker/read"));
        QCOMPARE(read.verdict, DoctorResult::Verdict::Ok);
        QCOMPARE(read.detail,
            QStringLiteral("Jira at http://127.0.0.1:%1: 1 task in 'Ready for delivery'").arg(jira->port()));
        verifyOthersOk(outcome, {});

        qputenv("DOCTOR_JIRA_TOKEN", "jira-pat-stale");
        outcome = run(ecosystem());
        verifyBroken(outcome, QStringLiteral("tracker/read"),
            { QStringLiteral("set DOCTOR_JIRA_TOKEN to a valid API token of the tracker "
                             "(tracker.tokenEnv at ecosystem.yaml:5:13)") });
        QVERIFY(outcome.results.value(QStringLiteral("tracker/read")).detail.contains(QStringLiteral("HTTP 401")));
        verifyOthersOk(outcome, { QStringLiteral("tracker/read") });
        QVERIFY(blocks(outcome));
        for (const DoctorResult &result : std::as_const(outcome.results))
            QVERIFY(!result.detail.contains(QStringLiteral("jira-pat")) &&
                !result.remedy.contains(QStringLiteral("jira-pat")));

        m_tracker = tracker(m_dead.closedPort());
        outcome = run(ecosystem());
        verifyBroken(outcome, QStringLiteral("tracker/read"),
            { QStringLiteral("start the tracker, or correct tracker.url at ecosystem.yaml:4:8") });
        verifyOthersOk(outcome, { QStringLiteral("tracker/read") });
        qInfo("Jira API %d: %lld ms for three runs", apiVersion, timer.elapsed());
    }

    // The "registry" fixture's registry behind htpasswd (HTTP basic).
    void registryBasicAuth()
    {
        const QByteArray settings = "  url: http://" +
            m_registryFixture.value(QStringLiteral("REGISTRY_AUTH_ADDRESS")).toUtf8() + "\n  insecure: true\n";
        // registry.usernameEnv at 10:16, registry.passwordEnv at 11:16.
        const QByteArray credentials = "  usernameEnv: DOCTOR_REGISTRY_USER\n  passwordEnv: DOCTOR_REGISTRY_PASSWORD\n"
                                       "  sendCredentialsOverHttp: true\n";
        const QString password = m_registryFixture.value(QStringLiteral("REGISTRY_AUTH_PASSWORD"));
        QVERIFY(!password.isEmpty());
        qputenv("DOCTOR_REGISTRY_USER", m_registryFixture.value(QStringLiteral("REGISTRY_AUTH_USER")).toUtf8());
        const auto cleanup = qScopeGuard([this] { m_registrySettings.clear(); });
        m_registrySettings = settings + credentials;

        qputenv("DOCTOR_REGISTRY_PASSWORD", password.toUtf8());
        Outcome outcome = run(ecosystem());
        QCOMPARE(outcome.results.value(QStringLiteral("registry/api")).verdict, DoctorResult::Verdict::Ok);
        QVERIFY(outcome.results.value(QStringLiteral("registry/api")).detail.endsWith(QStringLiteral(", signed in")));
        verifyOthersOk(outcome, {});

        qputenv("DOCTOR_REGISTRY_PASSWORD", "not-the-registry-password");
        outcome = run(ecosystem());
        verifyBroken(outcome, QStringLiteral("registry/api"),
            { QStringLiteral("set DOCTOR_REGISTRY_USER and DOCTOR_REGISTRY_PASSWORD to an account of the registry"),
                QStringLiteral("registry.usernameEnv at ecosystem.yaml:10:16"),
                QStringLiteral("registry.passwordEnv at ecosystem.yaml:11:16") });
        QVERIFY(outcome.results.value(QStringLiteral("registry/api"))
                .detail.contains(QStringLiteral("refused the credentials")));
        verifyOthersOk(outcome, { QStringLiteral("registry/api") });
        QVERIFY(blocks(outcome));
        for (const DoctorResult &result : std::as_const(outcome.results)) {
            for (const QString &secret : { password, QStringLiteral("not-the-registry-password") })
                QVERIFY(!result.detail.contains(secret) && !result.remedy.contains(secret));
        }

        m_registrySettings = settings;
        outcome = run(ecosystem());
        verifyBroken(outcome, QStringLiteral("registry/api"),
            { QStringLiteral(
                "name the variables holding them with usernameEnv and passwordEnv at ecosystem.yaml:8:") });
        verifyOthersOk(outcome, { QStringLiteral("registry/api") });
    }

    // A docker-registry of the test's own behind token authentication, its
    // realm tests/core/registry/token-server.py. GET /v2/ answers a Bearer
    // challenge to basic credentials too: only a read through the token
    // service tells right credentials from wrong ones.
    void registryTokenAuth()
    {
        QElapsedTimer timer;
        timer.start();
        const QString dir = path(QStringLiteral("token-registry"));
        QVERIFY(QDir().mkpath(dir));
        QVERIFY(RegistryTest::makeCertificate(dir, QStringLiteral("cert")));
        QVERIFY(QFile::rename(dir + QStringLiteral("/cert-key.pem"), dir + QStringLiteral("/key.pem")));
        const QString tokens = dir + QStringLiteral("/tokens");
        auto tokenServer = std::make_unique<RegistryTest::TokenServer>(dir, tokens, QStringLiteral("shop-pw"), true);
        QVERIFY(tokenServer->isListening());
        RegistryTest::Server registry(
            dir + QStringLiteral("/registry"), false, tokenServer->authYaml(dir + QStringLiteral("/cert.pem")));
        QString error;
        QVERIFY2(registry.start(&error), qPrintable(error));
        qInfo("token registry up in %lld ms", timer.elapsed());

        const QByteArray settings = "  url: " + registry.url().toUtf8() + "\n  insecure: true\n";
        const QByteArray credentials = "  usernameEnv: DOCTOR_REGISTRY_USER\n  passwordEnv: DOCTOR_REGISTRY_PASSWORD\n"
                                       "  sendCredentialsOverHttp: true\n";
        const auto cleanup = qScopeGuard([this] { m_registrySettings.clear(); });
        m_registrySettings = settings + credentials;
        qputenv("DOCTOR_REGISTRY_USER", "shop");
        qputenv("DOCTOR_REGISTRY_PASSWORD", "shop-pw");
        Outcome outcome = run(ecosystem());
        const DoctorResult signedIn = outcome.results.value(QStringLiteral("registry/api"));
        QVERIFY2(signedIn.verdict == DoctorResult::Verdict::Ok,
            qPrintable(signedIn.detail + QStringLiteral(" → ") + signedIn.remedy));
        QCOMPARE(signedIn.detail,
            QStringLiteral("registry API v2 at %1, token authentication, signed in").arg(registry.url()));
        verifyOthersOk(outcome, {});

        qputenv("DOCTOR_REGISTRY_PASSWORD", "not-shop-pw");
        outcome = run(ecosystem());
        verifyBroken(outcome, QStringLiteral("registry/api"),
            { QStringLiteral("set DOCTOR_REGISTRY_USER and DOCTOR_REGISTRY_PASSWORD to an account of the registry"),
                QStringLiteral("registry.passwordEnv at ecosystem.yaml:11:16") });
        const QString refused = outcome.results.value(QStringLiteral("registry/api")).detail;
        QVERIFY2(refused.contains(QStringLiteral("the token service %1 of registry").arg(tokenServer->realm())) &&
                refused.contains(QStringLiteral("refused the credentials")),
            qPrintable(refused));
        verifyOthersOk(outcome, { QStringLiteral("registry/api") });

        // An ecosystem with no system yet has no image to read: a sign-in
        // (a token for no repository, as docker login asks) tells instead.
        {
            const Ecosystem empty = ecosystem();
            QProcessEnvironment environment;
            environment.insert(QStringLiteral("DOCTOR_REGISTRY_USER"), QStringLiteral("shop"));
            for (const auto &[password, ok] :
                QList<QPair<QString, bool>> { { "shop-pw", true }, { "not-shop-pw", false } }) {
                environment.insert(QStringLiteral("DOCTOR_REGISTRY_PASSWORD"), password);
                const DoctorResult result = RegistryCheck(empty.registry, QString(), environment, {}).run({});
                QCOMPARE(result.verdict == DoctorResult::Verdict::Ok, ok);
                QVERIFY2(ok ? result.detail.endsWith(QLatin1String("token authentication, signed in"))
                            : result.detail.contains(QLatin1String("refused the credentials")),
                    qPrintable(result.detail));
            }
        }

        m_registrySettings = settings;
        outcome = run(ecosystem());
        verifyBroken(outcome, QStringLiteral("registry/api"),
            { QStringLiteral(
                "name an account of the registry with usernameEnv and passwordEnv at ecosystem.yaml:8:") });
        verifyOthersOk(outcome, { QStringLiteral("registry/api") });

        // The token service gone: the registry still challenges, nobody issues.
        const QString realm = tokenServer->realm();
        tokenServer.reset();
        m_registrySettings = settings + credentials;
        qputenv("DOCTOR_REGISTRY_PASSWORD", "shop-pw");
        outcome = run(ecosystem());
        verifyBroken(outcome, QStringLiteral("registry/api"),
            { QStringLiteral("make the token service the registry at %1 names reachable from here")
                    .arg(registry.url()) });
        QVERIFY2(outcome.results.value(QStringLiteral("registry/api")).detail.contains(realm),
            qPrintable(outcome.results.value(QStringLiteral("registry/api")).detail));

        // No token the service issued is ever shown.
        QFile issued(tokens);
        QVERIFY(issued.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = issued.readAll().split('\n');
        QVERIFY(lines.size() > 1);
        for (const QByteArray &token : lines) {
            if (token.isEmpty())
                continue;
            for (const DoctorResult &result : std::as_const(outcome.results))
                QVERIFY(!result.detail.contains(QString::fromLatin1(token)));
        }
        qInfo("registry behind token authentication: %lld ms", timer.elapsed());
    }

    void chatOverPlainHttp()
    {
        qputenv("DOCTOR_CHAT_URL", "http://chat.example.org/hooks/doctor-secret-token");
        const Outcome outcome = run(ecosystem());
        qputenv("DOCTOR_CHAT_URL", "https://chat.example.org/hooks/doctor-secret-token");
        const DoctorResult chat = outcome.results.value(QStringLiteral("chat team/webhook"));
        QCOMPARE(chat.verdict, DoctorResult::Verdict::Warning);
        QVERIFY(chat.detail.contains(QStringLiteral("plain http")));
        QVERIFY(!chat.detail.contains(QStringLiteral("secret-token")) &&
            !chat.remedy.contains(QStringLiteral("secret-token")));
        verifyOthersOk(outcome, { QStringLiteral("chat team/webhook") });
        QVERIFY(!blocks(outcome)); // a warning lets deliveries go
    }
};

QTEST_GUILESS_MAIN(TestDoctor)
#include "tst_doctor.moc"
