// SPDX-License-Identifier: GPL-2.0-or-later
// `shipyardctl doctor`'s checks against a world that is all up, then with
// each piece of it broken in turn: that one check is broken, with its remedy
// naming the place in the ecosystem file, and every other is still ok.
//
// The servers the test breaks are its own: a docker-registry, a Prometheus
// and an Alertmanager (behind basic auth, as tst_monitoringcredentials runs
// them), killed and started again; bare repositories renamed and back. The
// shared Redmine is only read, with a wrong key for the broken case. The
// dead contexts are DeadContexts' closed port and silent server, which must
// delay nothing else.
#include "DeadContexts.h"
#include "FixtureEnvironment.h"
#include "GitTestHelpers.h"
#include "LocalCluster.h"
#include "ServerProcess.h"
#include "TcpTestServer.h"

#include "doctor/DoctorPlan.h"
#include "doctor/DoctorRunner.h"
#include "kube/ClusterAccess.h"
#include "model/EcosystemLoader.h"

#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Shipyard;

namespace {

// bcrypt of "watch-the-release" (cost 10), as in tst_monitoringcredentials.
constexpr const char *passwordHash = "$2a$10$r1eMtM46D8MOsMpjkKH4Me2qUuxLX8pDgxMPV8kvCtWkBnhrV2FYG";
constexpr std::chrono::milliseconds timeout { 2000 };

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
        const QByteArray text = "name: Doctor\n"
                                "tracker:\n"
                                "  kind: redmine\n"
                                "  url: " +
            m_redmine.value(QStringLiteral("URL")).toUtf8() +
            "\n"
            "  tokenEnv: DOCTOR_REDMINE_KEY\n"
            "  statuses: {awaitingDelivery: Rejected}\n"
            "registry:\n"
            "  url: http://127.0.0.1:" +
            QByteArray::number(m_registryPort) +
            "\n"
            "  insecure: true\n"
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

    // GitLab's `GET /api/v4/user` as its REST API documents it (no GitLab
    // runs here): the token's account, or 401 for a token it does not know.
    void reviewService()
    {
        TestSupport::TcpTestServer gitlab([](QTcpSocket *socket) {
            QObject::connect(socket, &QTcpSocket::readyRead, socket, [socket] {
                const QByteArray request = socket->peek(socket->bytesAvailable());
                if (!request.contains("\r\n\r\n"))
                    return;
                socket->readAll();
                const bool known = request.startsWith("GET /api/v4/user ") &&
                    request.contains("PRIVATE-TOKEN: glpat-doctor-known\r\n");
                const QByteArray body = known
                    ? QByteArray(
                          R"({"id": 7, "username": "shipyard-robot", "name": "Shipyard Robot", "state": "active"})")
                    : QByteArray(R"({"message": "401 Unauthorized"})");
                socket->write((known ? "HTTP/1.1 200 OK\r\n" : "HTTP/1.1 401 Unauthorized\r\n") +
                    QByteArray("Content-Type: application/json\r\nContent-Length: ") + QByteArray::number(body.size()) +
                    "\r\nConnection: close\r\n\r\n" + body);
                socket->disconnectFromHost();
            });
        });
        QVERIFY(gitlab.port() > 0);
        m_gating = "gating:\n  reviews: {kind: gitlab, url: 'http://127.0.0.1:" + QByteArray::number(gitlab.port()) +
            "', project: 'doctor/{system}', tokenEnv: DOCTOR_GITLAB_TOKEN}\n";
        qputenv("DOCTOR_GITLAB_TOKEN", "glpat-doctor-known");
        Outcome outcome = run(ecosystem());
        QCOMPARE(outcome.results.value(QStringLiteral("review service/read")).verdict, DoctorResult::Verdict::Ok);
        QVERIFY(outcome.results.value(QStringLiteral("review service/read"))
                .detail.contains(QStringLiteral("signed in as shipyard-robot")));
        verifyOthersOk(outcome, {});

        qputenv("DOCTOR_GITLAB_TOKEN", "glpat-doctor-stale");
        outcome = run(ecosystem());
        m_gating.clear();
        verifyBroken(outcome, QStringLiteral("review service/read"),
            { QStringLiteral("set DOCTOR_GITLAB_TOKEN to a valid token of GitLab"),
                QStringLiteral("gating.reviews.tokenEnv at ecosystem.yaml:") });
        verifyOthersOk(outcome, { QStringLiteral("review service/read") });
        QVERIFY(blocks(outcome));
        for (const DoctorResult &result : std::as_const(outcome.results))
            QVERIFY(
                !result.detail.contains(QStringLiteral("glpat")) && !result.remedy.contains(QStringLiteral("glpat")));
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
