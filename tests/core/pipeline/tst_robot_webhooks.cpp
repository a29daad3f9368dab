// SPDX-License-Identifier: GPL-2.0-or-later
// The robot driven by webhooks: a real `shipyardctl robot --listen` process
// with an interval of an hour, so that only a webhook can explain a pass,
// against real git repositories (bare upstreams a developer's clone pushes
// to), a file tracker and the local cluster. Requests are real HTTP POSTs
// (curl) with the headers and bodies GitLab documents for its Push Hook,
// GitHub for its push event and Atlassian for Jira's jira:issue_updated,
// and Shipyard's own task-moved event. Refused requests (a wrong
// signature, malformed, oversize) must change nothing: no pass follows them.
// Two robots with --leader-elect: a webhook to the one standing by reaches
// the leader through the Lease.
#include "ClusterTestSupport.h"
#include "ShowroomWorld.h"

#include "tracker/FileTracker.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

using namespace Shipyard;
using namespace Shipyard::TestSupport;

namespace {

const QByteArray gitlabToken = "gl-hook-4Rt9Wq";
const QByteArray githubSecret = "gh-hook-8Zp3Lm";
const QByteArray tasksToken = "tasks-hook-2Kd7Vb";
const QByteArray jiraSecret = "jira-hook-6Hs1Xc";

// A running `shipyardctl robot`, its output gathered as it comes.
class RobotProcess
{
public:
    // Polls hourly unless POLLHOURLY is false: then at the ecosystem's robot.pollInterval.
    RobotProcess(const QString &ecosystem, const QString &state, const QStringList &extra, bool pollHourly = true)
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("XDG_STATE_HOME"), state);
        environment.insert(QStringLiteral("SY_TEST_GITLAB_HOOK"), QString::fromUtf8(gitlabToken));
        environment.insert(QStringLiteral("SY_TEST_GITHUB_HOOK"), QString::fromUtf8(githubSecret));
        environment.insert(QStringLiteral("SY_TEST_TASKS_HOOK"), QString::fromUtf8(tasksToken));
        environment.insert(QStringLiteral("SY_TEST_JIRA_HOOK"), QString::fromUtf8(jiraSecret));
        m_process.setProcessEnvironment(environment);
        m_process.start(QStringLiteral(SHIPYARD_BINARY_DIR "/bin/shipyardctl"),
            QStringList { QStringLiteral("robot"), QStringLiteral("--ecosystem"), ecosystem,
                QStringLiteral("--kubeconfig"), clusterKubeconfigPath(), QStringLiteral("--output"),
                QStringLiteral("json"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                QStringLiteral("--image"), QStringLiteral("storefront=demo/storefront:1.0"), QStringLiteral("--image"),
                QStringLiteral("catalog=demo/catalog:1.0"), QStringLiteral("--image"),
                QStringLiteral("mailer=demo/mailer:1.0") } +
                (pollHourly ? QStringList { QStringLiteral("--interval"), QStringLiteral("3600") } : QStringList {}) +
                extra);
    }
    ~RobotProcess()
    {
        m_process.terminate();
        if (!m_process.waitForFinished(30000)) {
            m_process.kill();
            m_process.waitForFinished();
        }
    }

    const QString &log()
    {
        m_log += QString::fromUtf8(m_process.readAllStandardError());
        return m_log;
    }
    // The passes reported so far (one indented JSON object each, its last line "}").
    QList<QJsonObject> passes()
    {
        m_out += m_process.readAllStandardOutput();
        QList<QJsonObject> passes;
        QByteArray object;
        for (const QByteArray &line : m_out.split('\n')) {
            object += line + '\n';
            if (line == "}") {
                passes.append(QJsonDocument::fromJson(object).object());
                object.clear();
            }
        }
        return passes;
    }
    QString address()
    {
        static const QRegularExpression serving(QStringLiteral("serving .* on (127\\.0\\.0\\.1:\\d+)"));
        return serving.match(log()).captured(1);
    }
    int wakes() { return int(log().count(QLatin1String("pass woken by"))); }
    QProcess &process() { return m_process; }

private:
    QProcess m_process;
    QString m_log;
    QByteArray m_out;
};

// POSTs BODY with HEADERS as a webhook sender would: the status code.
int post(const QString &url, const QList<QByteArray> &headers, const QByteArray &body)
{
    QStringList arguments { QStringLiteral("-s"), QStringLiteral("-o"), QStringLiteral("/dev/null"),
        QStringLiteral("-w"), QStringLiteral("%{http_code}"), QStringLiteral("--max-time"), QStringLiteral("10"),
        QStringLiteral("-X"), QStringLiteral("POST"), QStringLiteral("--data-binary"), QStringLiteral("@-") };
    for (const QByteArray &header : headers)
        arguments << QStringLiteral("-H") << QString::fromUtf8(header);
    QProcess curl;
    curl.start(QStringLiteral("curl"), arguments << url);
    curl.write(body);
    curl.closeWriteChannel();
    curl.waitForFinished(15000);
    return curl.readAllStandardOutput().toInt();
}

} // namespace

class TestRobotWebhooks : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::optional<ShowroomWorld> m_world;
    std::unique_ptr<RobotProcess> m_robot;

    QString url(const QString &source) const
    {
        return QStringLiteral("http://%1/webhooks/%2").arg(m_robot->address(), source);
    }

    QString statusOf(const QString &task) const
    {
        FileTracker tracker(m_dir.filePath(QStringLiteral("world/tasks.yaml")));
        const TaskLookup lookup = tracker.task(task);
        return lookup.task ? lookup.task->status : lookup.error.message();
    }

    // A developer's clone of SYSTEM's upstream pushes a new commit to
    // TASK's branch: its id.
    QString pushFromDeveloper(const QString &system, const QString &task, const QString &file = {})
    {
        const QString clone = m_dir.filePath(QStringLiteral("dev-") + system);
        const QString branch = QStringLiteral("feature/%1-work").arg(task);
        if (!QDir(clone).exists())
            ShowroomWorld::run(
                QStringLiteral("git clone -q %1 %2")
                    .arg(m_dir.filePath(QStringLiteral("world/upstream/") + system + QStringLiteral(".git")), clone),
                m_dir.path());
        ShowroomWorld::run(QStringLiteral("git checkout -q -B %1 origin/main && echo %2 > src/%3 && "
                                          "git -c user.name=Dev -c user.email=dev@example.org add -A && "
                                          "git -c user.name=Dev -c user.email=dev@example.org commit -qm %2 && "
                                          "git push -q origin %1")
                               .arg(branch, task, file.isEmpty() ? task + QStringLiteral(".txt") : file),
            clone);
        return m_world->upstreamHead(system, branch);
    }

    static QByteArray gitlabPush(const QString &project, const QString &branch, const QString &commit)
    {
        // GitLab's Push Hook as its documentation shows it.
        return QJsonDocument(
            QJsonObject { { QStringLiteral("object_kind"), QStringLiteral("push") },
                { QStringLiteral("event_name"), QStringLiteral("push") },
                { QStringLiteral("before"), QStringLiteral("0000000000000000000000000000000000000000") },
                { QStringLiteral("after"), commit },
                { QStringLiteral("ref"), QString(QStringLiteral("refs/heads/") + branch) },
                { QStringLiteral("ref_protected"), false }, { QStringLiteral("checkout_sha"), commit },
                { QStringLiteral("user_id"), 4 }, { QStringLiteral("user_name"), QStringLiteral("John Smith") },
                { QStringLiteral("project_id"), 15 },
                { QStringLiteral("project"),
                    QJsonObject { { QStringLiteral("id"), 15 }, { QStringLiteral("name"), project },
                        { QStringLiteral("path_with_namespace"), QString(QStringLiteral("shop/") + project) },
                        { QStringLiteral("default_branch"), QStringLiteral("main") } } },
                { QStringLiteral("commits"), QJsonArray {} }, { QStringLiteral("total_commits_count"), 1 } })
            .toJson(QJsonDocument::Compact);
    }

private Q_SLOTS:
    void initTestCase()
    {
        SHIPYARD_REQUIRE_CLUSTER();
        QVERIFY(m_dir.isValid());
        QDir().mkpath(m_dir.filePath(QStringLiteral("world")));
        ShowroomWorld::Settings settings;
        // A branch adding src/slow tests for seconds: a pass long enough for events to come during it.
        settings.test = QStringLiteral("if test -e src/slow; then sleep 4; fi");
        m_world.emplace(m_dir.filePath(QStringLiteral("world")), settings);
        m_world->setTasks({ { ShowroomWorld::task(99), QStringLiteral("In Progress") } });
        QFile file(m_world->ecosystemPath());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QByteArray yaml = file.readAll();
        file.close();
        yaml.replace("  returnStatus: In Progress\n",
            "  returnStatus: In Progress\n  autotests:\n    branches: true\n    commitStatuses: false\n");
        yaml += "robot:\n  webhooks:\n    maxBodyBytes: 8192\n"
                "    gitlab: {secretEnv: SY_TEST_GITLAB_HOOK}\n"
                "    github: {secretEnv: SY_TEST_GITHUB_HOOK}\n"
                "    tasks: {secretEnv: SY_TEST_TASKS_HOOK}\n"
                "    jira: {secretEnv: SY_TEST_JIRA_HOOK}\n";
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(yaml);
        file.close();

        m_robot = std::make_unique<RobotProcess>(
            m_world->ecosystemPath(), m_dir.filePath(QStringLiteral("state")), QStringList {});
        QVERIFY(m_robot->process().waitForStarted());
        QTRY_VERIFY2_WITH_TIMEOUT(!m_robot->address().isEmpty(), qPrintable(m_robot->log()), 30000);
        // The first pass, which runs at the start, finds nothing to do.
        QTRY_VERIFY2_WITH_TIMEOUT(m_robot->passes().size() == 1, qPrintable(m_robot->log()), 60000);
    }

    void cleanupTestCase()
    {
        m_robot.reset();
        if (m_world)
            m_world->deleteShowrooms();
    }

    void refusedRequestsChangeNothing()
    {
        const int passes = int(m_robot->passes().size());
        const QByteArray push = gitlabPush(QStringLiteral("storefront"), QStringLiteral("feature/SHOP-1-x"),
            QStringLiteral("da1560886d4f094c3e6c9ef40349f7d38b5d27d7"));
        // GitHub's push, signed with another secret.
        const QByteArray wrong =
            "sha256=" + QMessageAuthenticationCode::hash(push, "guessed", QCryptographicHash::Sha256).toHex();
        QCOMPARE(post(url(QStringLiteral("github")), { "X-GitHub-Event: push", "X-Hub-Signature-256: " + wrong }, push),
            401);
        QCOMPARE(post(url(QStringLiteral("github")), { "X-GitHub-Event: push" }, push), 401);
        QCOMPARE(
            post(url(QStringLiteral("gitlab")), { "X-Gitlab-Event: Push Hook", "X-Gitlab-Token: nope" }, push), 401);
        // Verified, but not what the source sends.
        QCOMPARE(post(url(QStringLiteral("gitlab")), { "X-Gitlab-Event: Push Hook", "X-Gitlab-Token: " + gitlabToken },
                     "{\"object_kind\": "),
            400);
        QCOMPARE(
            post(url(QStringLiteral("tasks")), { "Authorization: Bearer " + tasksToken }, "{\"task\": \"X-1\"}"), 400);
        // Over robot.webhooks.maxBodyBytes (8192).
        QCOMPARE(post(url(QStringLiteral("tasks")), { "Authorization: Bearer " + tasksToken },
                     "{\"task\": \"X-1\", \"status\": \"" + QByteArray(9000, 'a') + "\"}"),
            413);
        QCOMPARE(post(url(QStringLiteral("gerrit")), {}, "{}"), 404); // not configured
        QTest::qWait(3000);
        QCOMPARE(m_robot->wakes(), 0);
        QCOMPARE(int(m_robot->passes().size()), passes);
        QVERIFY2(!m_robot->log().contains(QString::fromUtf8(gitlabToken)), qPrintable(m_robot->log()));
        QVERIFY2(!m_robot->log().contains(QString::fromUtf8(tasksToken)), qPrintable(m_robot->log()));

        const QByteArray metrics = [&] {
            QProcess curl;
            curl.start(QStringLiteral("curl"),
                { QStringLiteral("-s"), QStringLiteral("http://%1/metrics").arg(m_robot->address()) });
            curl.waitForFinished(10000);
            return curl.readAllStandardOutput();
        }();
        QVERIFY2(metrics.contains("shipyard_robot_webhooks_total{source=\"github\",verdict=\"unauthorized\"} 2"),
            metrics.constData());
        QVERIFY(metrics.contains("shipyard_robot_webhooks_total{source=\"gitlab\",verdict=\"malformed\"} 1"));
        QVERIFY(metrics.contains("shipyard_robot_webhooks_total{source=\"tasks\",verdict=\"too_large\"} 1"));
        QVERIFY(metrics.contains("shipyard_robot_webhooks_total{source=\"gerrit\",verdict=\"not_configured\"} 1"));
    }

    void gitlabPushStartsBranchAutotestsAtOnce()
    {
        const QString task = ShowroomWorld::task(1);
        const QString branch = QStringLiteral("feature/%1-work").arg(task);
        m_world->setTasks({ { task, QStringLiteral("In Progress") } });
        const QString commit = pushFromDeveloper(QStringLiteral("catalog"), task);
        QCOMPARE(commit.size(), 40);
        const int passes = int(m_robot->passes().size());
        QElapsedTimer sent;
        sent.start();
        QCOMPARE(post(url(QStringLiteral("gitlab")), { "X-Gitlab-Event: Push Hook", "X-Gitlab-Token: " + gitlabToken },
                     gitlabPush(QStringLiteral("catalog"), branch, commit)),
            202);
        // The test starts within seconds, an hour before the next poll.
        const QString testing = QStringLiteral("catalog: testing %1 at %2").arg(branch, commit.left(7));
        QTRY_VERIFY2_WITH_TIMEOUT(m_robot->log().contains(testing), qPrintable(m_robot->log()), 20000);
        qInfo("from the webhook to \"%s\": %lld ms", qPrintable(testing), sent.elapsed());
        QTRY_VERIFY_WITH_TIMEOUT(m_robot->passes().size() > passes, 120000);
        bool tested = false;
        const QList<QJsonObject> all = m_robot->passes();
        for (qsizetype i = passes; i < all.size(); ++i) {
            for (const QJsonValue &action : all[i].value(QLatin1String("actions")).toArray())
                tested = tested ||
                    (action[QLatin1String("stage")].toString() == QLatin1String("branch-autotests") &&
                        action[QLatin1String("task")].toString() == task &&
                        action[QLatin1String("succeeded")].toBool());
        }
        QVERIFY2(tested, QJsonDocument(all.constLast()).toJson().constData());
        QVERIFY(m_robot->log().contains(QLatin1String("pass woken by 1 webhook, ")));
    }

    void jiraStatusChangeBringsAShowroomUp()
    {
        // Jira's jira:issue_updated as Atlassian documents it, signed as
        // Jira Cloud signs a webhook registered with a secret. The tracker
        // here is the file tracker (no Jira can run here): the event only
        // wakes the robot, which reads the task's status from its tracker.
        const QString task = ShowroomWorld::task(2);
        m_world->addBranch(QStringLiteral("storefront"), task);
        m_world->setTasks({ { task, QStringLiteral("Awaiting Showroom") } });
        const QByteArray body = QJsonDocument(
            QJsonObject { { QStringLiteral("timestamp"), 1701700000000.0 },
                { QStringLiteral("webhookEvent"), QStringLiteral("jira:issue_updated") },
                { QStringLiteral("issue_event_type_name"), QStringLiteral("issue_generic") },
                { QStringLiteral("user"), QJsonObject { { QStringLiteral("displayName"), QStringLiteral("Jane") } } },
                { QStringLiteral("issue"),
                    QJsonObject { { QStringLiteral("id"), QStringLiteral("10002") }, { QStringLiteral("key"), task },
                        { QStringLiteral("fields"),
                            QJsonObject { { QStringLiteral("status"),
                                QJsonObject {
                                    { QStringLiteral("name"), QStringLiteral("Awaiting Showroom") } } } } } } },
                { QStringLiteral("changelog"),
                    QJsonObject { { QStringLiteral("id"), QStringLiteral("10102") },
                        { QStringLiteral("items"),
                            QJsonArray { QJsonObject { { QStringLiteral("field"), QStringLiteral("status") },
                                { QStringLiteral("fieldtype"), QStringLiteral("jira") },
                                { QStringLiteral("fromString"), QStringLiteral("In Progress") },
                                { QStringLiteral("toString"), QStringLiteral("Awaiting Showroom") } } } } } } })
                                    .toJson(QJsonDocument::Compact);
        const QByteArray signature =
            "sha256=" + QMessageAuthenticationCode::hash(body, jiraSecret, QCryptographicHash::Sha256).toHex();
        const int wakes = m_robot->wakes();
        QCOMPARE(post(url(QStringLiteral("jira")),
                     { "X-Hub-Signature: " + signature, "Content-Type: application/json",
                         "X-Atlassian-Webhook-Identifier: 1-2-3" },
                     body),
            202);
        QTRY_VERIFY_WITH_TIMEOUT(m_robot->wakes() > wakes, 10000);
        QVERIFY(m_robot->log().contains(QStringLiteral("jira jira:issue_updated %1 Awaiting Showroom").arg(task)));
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(task), QStringLiteral("In QA"), 180000);
        int code = 0;
        kubectl(QStringLiteral("showroom"),
            { QStringLiteral("get"), QStringLiteral("namespace"), ShowroomWorld::namespaceOf(task) }, &code);
        QCOMPARE(code, 0);
    }

    void eventsDuringAPassMakeOneMorePass()
    {
        // Every pass after the first was woken, and each says what it did when it ends.
        QTRY_VERIFY_WITH_TIMEOUT(m_robot->passes().size() == m_robot->wakes() + 1, 120000);
        const qsizetype passes = m_robot->passes().size();
        // A push whose test takes seconds begins a pass.
        const QString task = ShowroomWorld::task(3);
        const QString branch = QStringLiteral("feature/%1-work").arg(task);
        const QString commit = pushFromDeveloper(QStringLiteral("mailer"), task, QStringLiteral("slow"));
        QCOMPARE(post(url(QStringLiteral("gitlab")), { "X-Gitlab-Event: Push Hook", "X-Gitlab-Token: " + gitlabToken },
                     gitlabPush(QStringLiteral("mailer"), branch, commit)),
            202);
        QTRY_VERIFY_WITH_TIMEOUT(
            m_robot->log().contains(QStringLiteral("mailer: testing %1 at %2").arg(branch, commit.left(7))), 20000);
        // Ten events while it tests, as a bulk move on a board sends them.
        for (int i = 0; i < 10; ++i)
            QCOMPARE(post(url(QStringLiteral("tasks")), { "Authorization: Bearer " + tasksToken },
                         QStringLiteral("{\"task\": \"%1\", \"status\": \"In Progress\"}")
                             .arg(ShowroomWorld::task(10 + i))
                             .toUtf8()),
                202);
        QTRY_VERIFY_WITH_TIMEOUT(m_robot->passes().size() >= passes + 2, 60000);
        QTRY_VERIFY_WITH_TIMEOUT(m_robot->passes().size() == m_robot->wakes() + 1, 60000);
        QTest::qWait(2000);
        // The push's pass, and one for the ten.
        QCOMPARE(m_robot->passes().size(), passes + 2);
        QVERIFY2(m_robot->log().contains(QLatin1String("pass woken by 10 webhooks, ")), qPrintable(m_robot->log()));
    }

    void aStandbyPassesTheWebhookOnThroughTheLease()
    {
        // Two robots of their own, electing a leader on a Lease of this run.
        const QString lease = QStringLiteral("sy-test-robot-hooks-%1").arg(QCoreApplication::applicationPid());
        const QStringList election { QStringLiteral("--leader-elect"), QStringLiteral("--lease-namespace"),
            QStringLiteral("default"), QStringLiteral("--lease-name"), lease, QStringLiteral("--lease-duration"),
            QStringLiteral("6"), QStringLiteral("--renew-deadline"), QStringLiteral("4"),
            QStringLiteral("--retry-period"), QStringLiteral("1") };
        const auto deleteLease = qScopeGuard([&] {
            kubectl(QStringLiteral("showroom"),
                { QStringLiteral("delete"), QStringLiteral("lease"), QStringLiteral("-n"), QStringLiteral("default"),
                    lease, QStringLiteral("--ignore-not-found") });
        });
        RobotProcess first(m_world->ecosystemPath(), m_dir.filePath(QStringLiteral("state-a")),
            election + QStringList { QStringLiteral("--identity"), QStringLiteral("robot-a") });
        QTRY_VERIFY2_WITH_TIMEOUT(
            first.log().contains(QLatin1String("leading as robot-a")), qPrintable(first.log()), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(first.passes().size() == 1, 60000);
        RobotProcess second(m_world->ecosystemPath(), m_dir.filePath(QStringLiteral("state-b")),
            election + QStringList { QStringLiteral("--identity"), QStringLiteral("robot-b") });
        QTRY_VERIFY2_WITH_TIMEOUT(
            second.log().contains(QLatin1String("waiting: robot-a leads")), qPrintable(second.log()), 30000);
        QVERIFY(!second.address().isEmpty());

        const int wakes = first.wakes();
        const QString task = ShowroomWorld::task(20);
        QElapsedTimer sent;
        sent.start();
        const int code = post(QStringLiteral("http://%1/webhooks/tasks").arg(second.address()),
            { "Authorization: Bearer " + tasksToken },
            QStringLiteral("{\"task\": \"%1\", \"status\": \"Awaiting Showroom\"}").arg(task).toUtf8());
        QCOMPARE(code, 202);
        // The leader acts at its next renewal, within a retry period or two.
        QTRY_VERIFY2_WITH_TIMEOUT(first.wakes() > wakes, qPrintable(first.log() + second.log()), 10000);
        qInfo("from the webhook to the standby to the leader's pass: %lld ms (retry period 1 s)", sent.elapsed());
        QVERIFY2(first.log().contains(QStringLiteral("passed on: ")), qPrintable(first.log()));
        QVERIFY(first.log().contains(QStringLiteral("robot-b: tasks task-moved %1").arg(task)));
        QCOMPARE(second.passes().size(), 0);
    }

    void aWakeWhileTheEcosystemDoesNotLoadIsSpentOnce()
    {
        // A pass that cannot run still takes the wake: the robot says once
        // that the file does not load and waits, instead of trying again and again.
        QFile file(m_world->ecosystemPath());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray good = file.readAll();
        file.close();
        const auto restore = qScopeGuard([&] {
            if (file.open(QIODevice::WriteOnly))
                file.write(good);
            file.close();
        });
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("apiVersion: shipyard/v1\nname: [unclosed\n");
        file.close();
        const qsizetype before = m_robot->log().size();
        QCOMPARE(post(url(QStringLiteral("tasks")), { "Authorization: Bearer " + tasksToken },
                     "{\"task\": \"SHOP-1\", \"status\": \"In Progress\"}"),
            202);
        const QString said = QFileInfo(m_world->ecosystemPath()).fileName() + QLatin1Char(':');
        QTRY_VERIFY_WITH_TIMEOUT(m_robot->log().mid(before).contains(said), 10000);
        QTest::qWait(2000);
        const QString log = m_robot->log().mid(before);
        QVERIFY2(log.count(said) <= 3, qPrintable(log));
    }

    void logsJsonLinesOnStdoutAndPollsAtTheEcosystemsInterval()
    {
        // As a cluster's log collector reads the robot (--log-format json,
        // the Deployment's): one object per line on stdout, nothing on stderr.
        // Without --interval it polls at robot.pollInterval.
        m_robot.reset(); // one robot acting on the world at a time
        const QString task = ShowroomWorld::task(30);
        m_world->setTasks({ { task, QStringLiteral("In Progress") } });
        QFile file(m_world->ecosystemPath());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray yaml = file.readAll();
        file.close();
        QVERIFY(yaml.endsWith("    jira: {secretEnv: SY_TEST_JIRA_HOOK}\n")); // robot's last key
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(yaml + "  pollInterval: 3s\n");
        file.close();
        RobotProcess robot(m_world->ecosystemPath(), m_dir.filePath(QStringLiteral("state-json")),
            { QStringLiteral("--log-format"), QStringLiteral("json") }, false);
        QByteArray out;
        QList<QJsonObject> lines;
        QString malformed;
        const auto read = [&] {
            out += robot.process().readAllStandardOutput();
            lines.clear();
            const QList<QByteArray> complete = out.left(out.lastIndexOf('\n')).split('\n');
            for (const QByteArray &line : complete) {
                if (line.isEmpty())
                    continue;
                QJsonParseError error;
                const QJsonDocument document = QJsonDocument::fromJson(line, &error);
                const QJsonObject object = document.object();
                const QDateTime time =
                    QDateTime::fromString(object.value(QLatin1String("time")).toString(), Qt::ISODateWithMs);
                const QString level = object.value(QLatin1String("level")).toString();
                if (error.error != QJsonParseError::NoError || !document.isObject() || !time.isValid() ||
                    time.timeSpec() != Qt::UTC ||
                    !QStringList { QStringLiteral("info"), QStringLiteral("warning"), QStringLiteral("error") }
                        .contains(level) ||
                    object.value(QLatin1String("msg")).toString().isEmpty())
                    malformed = QString::fromUtf8(line);
                lines.append(object);
            }
            return lines;
        };
        // LEVEL empty: any level (a pass is a warning when it has warnings).
        const auto find = [&](const QString &level, const QString &text) -> QJsonObject {
            for (const QJsonObject &line : read()) {
                if ((level.isEmpty() || line.value(QLatin1String("level")).toString() == level) &&
                    line.value(QLatin1String("msg")).toString().contains(text))
                    return line;
            }
            return {};
        };
        QTRY_VERIFY2_WITH_TIMEOUT(
            !find(QStringLiteral("info"), QStringLiteral("serving ")).isEmpty(), out.constData(), 30000);
        static const QRegularExpression serving(QStringLiteral("on (127\\.0\\.0\\.1:\\d+)"));
        const QString address =
            serving
                .match(find(QStringLiteral("info"), QStringLiteral("serving ")).value(QLatin1String("msg")).toString())
                .captured(1);
        QVERIFY2(!address.isEmpty(), out.constData());
        // The first pass: its actions are fields of its line.
        QTRY_VERIFY2_WITH_TIMEOUT(!find({}, QStringLiteral("pass over")).isEmpty(), out.constData(), 60000);
        const QJsonObject pass = find({}, QStringLiteral("pass over"));
        QVERIFY(pass.value(QLatin1String("actions")).isArray() && pass.value(QLatin1String("warnings")).isArray());
        QCOMPARE(pass.value(QLatin1String("level")).toString(),
            pass.value(QLatin1String("warnings")).toArray().isEmpty() ? QStringLiteral("info")
                                                                      : QStringLiteral("warning"));

        const QByteArray body = QStringLiteral("{\"task\": \"%1\", \"status\": \"In Progress\"}").arg(task).toUtf8();
        QCOMPARE(post(QStringLiteral("http://%1/webhooks/tasks").arg(address), { "Authorization: Bearer wrong" }, body),
            401);
        QCOMPARE(post(QStringLiteral("http://%1/webhooks/tasks").arg(address),
                     { "Authorization: Bearer " + tasksToken }, body),
            202);
        QTRY_VERIFY2_WITH_TIMEOUT(!find(QStringLiteral("info"), QStringLiteral("pass woken by 1 webhook, ")).isEmpty(),
            out.constData(), 20000);
        QVERIFY2(!find(QStringLiteral("warning"), QStringLiteral("webhook tasks: 401")).isEmpty(), out.constData());
        QVERIFY2(
            !find(QStringLiteral("info"), QStringLiteral("webhook accepted: tasks task-moved %1").arg(task)).isEmpty(),
            out.constData());
        // Polled, nothing waking it: passes 3 s apart by their own times.
        const auto passTimes = [&] {
            QList<QDateTime> times;
            for (const QJsonObject &line : read()) {
                if (line.value(QLatin1String("msg")).toString().startsWith(QLatin1String("pass over")))
                    times.append(
                        QDateTime::fromString(line.value(QLatin1String("time")).toString(), Qt::ISODateWithMs));
            }
            return times;
        };
        const qsizetype passesBefore = passTimes().size();
        QTRY_VERIFY2_WITH_TIMEOUT(passTimes().size() >= passesBefore + 2, out.constData(), 30000);
        const QList<QDateTime> times = passTimes();
        const qint64 apart = times.constLast().toMSecsSinceEpoch() - times.at(times.size() - 2).toMSecsSinceEpoch();
        QVERIFY2(apart >= 2900, qPrintable(QString::number(apart)));
        QVERIFY2(malformed.isEmpty(), qPrintable(malformed));
        QVERIFY(!out.contains(tasksToken));
        const QByteArray errors = robot.process().readAllStandardError();
        QVERIFY2(errors.isEmpty(), errors.constData());
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(yaml);
    }
};

QTEST_GUILESS_MAIN(TestRobotWebhooks)
#include "tst_robot_webhooks.moc"
