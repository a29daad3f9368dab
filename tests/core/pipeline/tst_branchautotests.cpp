// SPDX-License-Identifier: GPL-2.0-or-later
// Task branches tested when their heads move: real git repositories (a bare
// upstream, the robot's clone, a developer's clone that pushes), the real
// Redmine of the test world for the comments, and for commit statuses a
// server on 127.0.0.1 (data/review-status-server.py) whose answers follow
// GitHub's, GitLab's and Gerrit's published API documentation, since none
// of those services can run here; the test checks the requests Shipyard
// sends it (paths, JSON bodies, authentication).
#include "GitTestHelpers.h"

#include "http/CurlTransport.h"
#include "kube/ClusterAccess.h"
#include "model/EcosystemLoader.h"
#include "pipeline/AutotestResults.h"
#include "pipeline/BranchAutotests.h"
#include "pipeline/DeliveryRobot.h"
#include "tracker/RedmineTracker.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QScopeGuard>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace Shipyard;
using GitTest::git;

namespace {

const QByteArray reviewToken = "tok-autotests-9Xv3Kq";

} // namespace

class TestBranchAutotests : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QHash<QString, QString> m_redmine;
    QString m_project; // a Redmine project of this run's own
    QProcess m_server;
    int m_port = 0;
    mutable bool m_leaked = false; // the review token was seen in a pass's progress
    std::shared_ptr<CurlTransport> m_transport = std::make_shared<CurlTransport>();

    QString path(const QString &name) const { return m_dir.filePath(name); }
    QString developer() const { return path(QStringLiteral("dev/api")); }

    HttpResponse redmine(
        const QByteArray &method, const QString &where, const QJsonObject &body = {}, const QString &query = {}) const
    {
        HttpRequest request;
        request.method = method;
        request.url = QUrl(m_redmine.value(QStringLiteral("URL")));
        request.url.setPath(where);
        request.url.setQuery(query);
        request.addHeader("X-Redmine-API-Key", m_redmine.value(QStringLiteral("API_KEY")).toUtf8());
        if (!body.isEmpty()) {
            request.addHeader("Content-Type", "application/json");
            request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
        }
        return m_transport->send(request);
    }

    // A new issue of this run's project: its key, "AT-<id>".
    QString newTask(const QString &subject) const
    {
        const HttpResponse made = redmine("POST", QStringLiteral("/issues.json"),
            QJsonObject { { QStringLiteral("issue"),
                QJsonObject {
                    { QStringLiteral("project_id"), m_project }, { QStringLiteral("subject"), subject } } } });
        const int id =
            QJsonDocument::fromJson(made.body).object().value(QLatin1String("issue"))[QLatin1String("id")].toInt();
        if (id <= 0)
            qWarning("no issue: %d %s", made.status, made.body.constData());
        return QStringLiteral("AT-%1").arg(id);
    }

    QStringList comments(const QString &task) const
    {
        const QJsonArray journals = QJsonDocument::fromJson(
            redmine("GET", QStringLiteral("/issues/%1.json").arg(task.mid(3)), {}, QStringLiteral("include=journals"))
                .body)
                                        .object()
                                        .value(QLatin1String("issue"))[QLatin1String("journals")]
                                        .toArray();
        QStringList notes;
        for (const QJsonValue &journal : journals) {
            const QString text = journal[QLatin1String("notes")].toString();
            if (!text.isEmpty())
                notes.append(text);
        }
        return notes;
    }

    QString statusOf(const QString &task) const
    {
        return QJsonDocument::fromJson(redmine("GET", QStringLiteral("/issues/%1.json").arg(task.mid(3))).body)
            .object()
            .value(QLatin1String("issue"))[QLatin1String("status")][QLatin1String("name")]
            .toString();
    }

    // Every request the review server got so far, then forgotten.
    QList<QJsonObject> takeRequests() const
    {
        QFile file(path(QStringLiteral("requests.jsonl")));
        QList<QJsonObject> requests;
        if (file.open(QIODevice::ReadOnly)) {
            for (const QByteArray &line : file.readAll().split('\n'))
                if (!line.trimmed().isEmpty())
                    requests.append(QJsonDocument::fromJson(line).object());
            file.close();
            file.remove();
        }
        return requests;
    }

    // Pushes a commit adding FILE to BRANCH of the upstream, from the developer's clone.
    QString push(const QString &branch, const QString &file, const QByteArray &content = "x\n") const
    {
        git(developer(),
            { QStringLiteral("checkout"), QStringLiteral("-q"), QStringLiteral("-B"), branch,
                QStringLiteral("origin/main") },
            false);
        if (git(developer(),
                { QStringLiteral("rev-parse"), QStringLiteral("--verify"), QStringLiteral("-q"),
                    QStringLiteral("refs/remotes/origin/") + branch },
                false)
                .isEmpty() == false)
            git(developer(),
                { QStringLiteral("reset"), QStringLiteral("-q"), QStringLiteral("--hard"),
                    QStringLiteral("origin/") + branch });
        const QString head = GitTest::commit(developer(), file, content, QStringLiteral("Add ") + file);
        git(developer(), { QStringLiteral("push"), QStringLiteral("-q"), QStringLiteral("origin"), branch });
        git(developer(), { QStringLiteral("fetch"), QStringLiteral("-q"), QStringLiteral("origin") });
        return head;
    }

    // The ecosystem with KIND's review service and these commands.
    Ecosystem ecosystem(const QString &kind, const QString &build = QStringLiteral("true"),
        const QString &results = QStringLiteral("results.json")) const
    {
        const QString project =
            kind == QLatin1String("gerrit") ? QString() : QStringLiteral("    project: acme/{system}\n");
        const QByteArray text = QStringLiteral(R"(name: Autotests %1
gating:
  taskKey: AT-[0-9]+
  reviews:
    kind: %1
    url: http://127.0.0.1:%2
%3    tokenEnv: AUTOTEST_REVIEW_TOKEN
  autotests:
    branches: true
    targetUrl: https://ci.example.org/{system}/{commit}
    results: %6
tracker:
  kind: redmine
  url: %4
  project: %5
  keyPrefix: AT-
  tokenEnv: AUTOTEST_REDMINE_TOKEN
systems:
  - name: api
    template: backend
    repository: repos/api
    image: acme/api
    manifests: [deploy/]
    build: %7
    test: test ! -e broken
environments:
  - name: local
    kind: local
    context: local
    namespace: shipyard-local
)")
                                    .arg(kind)
                                    .arg(m_port)
                                    .arg(project, m_redmine.value(QStringLiteral("URL")), m_project, results, build)
                                    .toUtf8();
        const QString file = path(QStringLiteral("ecosystem-%1.yaml").arg(kind));
        GitTest::writeFile(file, text);
        const EcosystemLoadResult loaded = EcosystemLoader().loadFile(file);
        for (const Diagnostic &diagnostic : loaded.diagnostics)
            qWarning("%s", qPrintable(diagnostic.toString()));
        if (!loaded.ecosystem)
            qFatal("the test ecosystem does not load");
        return *loaded.ecosystem;
    }

    static QStringList statesOf(const QList<QJsonObject> &requests, const QString &field)
    {
        QStringList states;
        for (const QJsonObject &request : requests)
            if (request.value(QLatin1String("method")).toString() == QLatin1String("POST"))
                states.append(request.value(QLatin1String("body"))[field].toString());
        return states;
    }

    BranchAutotests::PassResult pass(const Ecosystem &ecosystem, QString *log = nullptr) const
    {
        QStringList lines;
        const BranchAutotests::PassResult result =
            BranchAutotests(ecosystem).runOnce([&](const QString &line) { lines.append(line); });
        if (log)
            *log = lines.join(QLatin1Char('\n'));
        for (const QString &line : std::as_const(lines))
            m_leaked = m_leaked || line.contains(QString::fromLatin1(reviewToken));
        return result;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QFile file(QStringLiteral(REDMINE_STATE_FILE));
        QVERIFY2(file.open(QIODevice::ReadOnly), "no Redmine fixture: run through ctest (fixture 'redmine')");
        for (const QByteArray &line : file.readAll().split('\n')) {
            const qsizetype equals = line.indexOf('=');
            if (equals > 0)
                m_redmine.insert(QString::fromUtf8(line.left(equals)), QString::fromUtf8(line.mid(equals + 1)));
        }
        // A project of its own: the robot pass below lists its tasks by
        // status, and must not see the other tests' tasks.
        m_project = QStringLiteral("autotests-%1").arg(QCoreApplication::applicationPid());
        const HttpResponse project = redmine("POST", QStringLiteral("/projects.json"),
            QJsonObject { { QStringLiteral("project"),
                QJsonObject { { QStringLiteral("name"), m_project }, { QStringLiteral("identifier"), m_project },
                    { QStringLiteral("tracker_ids"), QJsonArray { 1, 2, 3 } },
                    { QStringLiteral("enabled_module_names"), QJsonArray { QStringLiteral("issue_tracking") } } } } });
        QVERIFY2(project.status == 201, project.body.constData());
        qputenv("AUTOTEST_REDMINE_TOKEN", m_redmine.value(QStringLiteral("API_KEY")).toUtf8());
        qputenv("AUTOTEST_REVIEW_TOKEN", reviewToken);
        // Nothing may land in the home of whoever runs the tests.
        qputenv("XDG_STATE_HOME", path(QStringLiteral("state")).toUtf8());

        m_server.start(QStringLiteral("python3"),
            { QStringLiteral(SHIPYARD_SOURCE_DIR "/tests/core/pipeline/data/review-status-server.py"),
                path(QStringLiteral("requests.jsonl")) });
        QVERIFY(m_server.waitForStarted() && m_server.waitForReadyRead(10000));
        m_port = m_server.readLine().trimmed().toInt();
        QVERIFY(m_port > 0);

        // The upstream, the robot's clone of it, a developer's clone.
        const QString upstream = path(QStringLiteral("upstream/api.git"));
        QDir().mkpath(upstream);
        git(upstream,
            { QStringLiteral("init"), QStringLiteral("-q"), QStringLiteral("--bare"), QStringLiteral("-b"),
                QStringLiteral("main") });
        GitTest::initRepository(path(QStringLiteral("seed")));
        git(path(QStringLiteral("seed")),
            { QStringLiteral("push"), QStringLiteral("-q"), upstream, QStringLiteral("main") });
        QDir().mkpath(path(QStringLiteral("repos")));
        QDir().mkpath(path(QStringLiteral("dev")));
        git(path(QStringLiteral("repos")),
            { QStringLiteral("clone"), QStringLiteral("-q"), upstream, QStringLiteral("api") });
        git(path(QStringLiteral("dev")),
            { QStringLiteral("clone"), QStringLiteral("-q"), upstream, QStringLiteral("api") });
        git(developer(), { QStringLiteral("config"), QStringLiteral("user.name"), QStringLiteral("Dev") });
        git(developer(), { QStringLiteral("config"), QStringLiteral("user.email"), QStringLiteral("dev@example.org") });
    }

    // Each case starts with only main upstream: the branches of the cases
    // before it are not its business.
    void init()
    {
        const QString upstream = path(QStringLiteral("upstream/api.git"));
        const QString listed = QString::fromUtf8(git(upstream,
            { QStringLiteral("for-each-ref"), QStringLiteral("--format=%(refname:short)"),
                QStringLiteral("refs/heads/") }));
        for (const QString &branch : listed.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            if (branch != QLatin1String("main"))
                git(upstream, { QStringLiteral("branch"), QStringLiteral("-q"), QStringLiteral("-D"), branch });
    }

    // The token reaches the review server only: no progress, output, result or comment has it.
    void cleanup()
    {
        QVERIFY(!m_leaked);
        const QDir dir(m_dir.path());
        for (const QString &results : dir.entryList({ QStringLiteral("results*.json") }))
            QVERIFY2(!GitTest::readFile(dir.filePath(results)).contains(reviewToken), qPrintable(results));
    }

    void cleanupTestCase()
    {
        m_server.kill();
        m_server.waitForFinished(5000);
        redmine("DELETE", QStringLiteral("/projects/%1.json").arg(m_project));
        qunsetenv("AUTOTEST_REDMINE_TOKEN");
        qunsetenv("AUTOTEST_REVIEW_TOKEN");
    }

    // A push is tested once and reported (GitHub statuses, a Redmine comment);
    // a second pass does nothing; a new commit is tested again, and a
    // failing test is a failure status; a commit reached from another
    // task's branch reuses its verdict.
    void githubStatusesAndComments()
    {
        const Ecosystem github = ecosystem(QStringLiteral("github"));
        const QString task = newTask(QStringLiteral("Login page"));
        const QString branch = QStringLiteral("feature/%1-login").arg(task);
        const QString first = push(branch, QStringLiteral("login.txt"));
        // Not a task branch: never tested.
        push(QStringLiteral("experiment"), QStringLiteral("experiment.txt"));
        takeRequests();

        QString log;
        BranchAutotests::PassResult result = pass(github, &log);
        QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
        QVERIFY2(result.warnings.isEmpty(), qPrintable(result.warnings.join(QLatin1Char('\n'))));
        QCOMPARE(result.tested.size(), 1);
        QCOMPARE(result.tested.first().commit, first);
        QCOMPARE(result.tested.first().task, task);
        QCOMPARE(result.tested.first().verdict, AutotestResult::Verdict::Passed);
        QVERIFY(result.succeeded());

        QList<QJsonObject> requests = takeRequests();
        QCOMPARE(requests.size(), 2);
        for (const QJsonObject &request : requests) {
            QCOMPARE(request.value(QLatin1String("method")).toString(), QStringLiteral("POST"));
            QCOMPARE(
                request.value(QLatin1String("path")).toString(), QStringLiteral("/repos/acme/api/statuses/") + first);
            QCOMPARE(request.value(QLatin1String("authorization")).toString(),
                QStringLiteral("Bearer ") + QString::fromLatin1(reviewToken));
            QCOMPARE(request.value(QLatin1String("contentType")).toString(), QStringLiteral("application/json"));
            QCOMPARE(request.value(QLatin1String("body"))[QLatin1String("context")].toString(),
                QStringLiteral("shipyard/autotests"));
            QCOMPARE(request.value(QLatin1String("body"))[QLatin1String("target_url")].toString(),
                QStringLiteral("https://ci.example.org/api/") + first);
        }
        QCOMPARE(statesOf(requests, QStringLiteral("state")),
            QStringList({ QStringLiteral("pending"), QStringLiteral("success") }));
        QCOMPARE(comments(task),
            QStringList { QStringLiteral("Autotests passed for api at %1 (branch %2).").arg(first.left(12), branch) });
        // Comments do not move the task.
        QCOMPARE(statusOf(task), QStringLiteral("New"));

        // Nothing new: nothing tested, nothing sent, the results file not even written.
        const QFileInfo resultsFile(path(QStringLiteral("results.json")));
        const QDateTime written = resultsFile.lastModified();
        QVERIFY(written.isValid());
        result = pass(github);
        QCOMPARE(QFileInfo(resultsFile.filePath()).lastModified(), written);
        QVERIFY(result.error.isEmpty());
        QCOMPARE(result.tested.size(), 0);
        QCOMPARE(takeRequests().size(), 0);
        QCOMPARE(comments(task).size(), 1);

        // A new commit that breaks the tests.
        const QString second = push(branch, QStringLiteral("broken"));
        result = pass(github, &log);
        QCOMPARE(result.tested.size(), 1);
        QCOMPARE(result.tested.first().commit, second);
        QCOMPARE(result.tested.first().verdict, AutotestResult::Verdict::Failed);
        QVERIFY(!result.succeeded());
        requests = takeRequests();
        QCOMPARE(statesOf(requests, QStringLiteral("state")),
            QStringList({ QStringLiteral("pending"), QStringLiteral("failure") }));
        QVERIFY2(statesOf(requests, QStringLiteral("description"))
                     .last()
                     .startsWith(QLatin1String("the step \"test\" failed")),
            qPrintable(statesOf(requests, QStringLiteral("description")).last()));
        QStringList notes = comments(task);
        QCOMPARE(notes.size(), 2);
        QVERIFY2(notes.last().startsWith(
                     QStringLiteral("Autotests failed for api at %1 (branch %2): the step \"test\" failed")
                         .arg(second.left(12), branch)),
            qPrintable(notes.last()));
        QVERIFY2(notes.last().contains(QLatin1String("$ test ! -e broken")), qPrintable(notes.last()));
        // A failed branch test does not send the task back: that is the Awaiting Autotests stage's call.
        QCOMPARE(statusOf(task), QStringLiteral("New"));

        // Another task's branch at the first commit: its verdict is reused, the
        // commit's status is already there, the other task hears of it.
        const QString other = newTask(QStringLiteral("Login page, second try"));
        const QString otherBranch = QStringLiteral("feature/%1-again").arg(other);
        git(developer(),
            { QStringLiteral("push"), QStringLiteral("-q"), QStringLiteral("origin"),
                first + QStringLiteral(":refs/heads/") + otherBranch });
        result = pass(github);
        QCOMPARE(result.tested.size(), 1);
        QVERIFY(result.tested.first().reused);
        QCOMPARE(result.tested.first().verdict, AutotestResult::Verdict::Passed);
        QCOMPARE(result.tested.first().task, other);
        QCOMPARE(takeRequests().size(), 0);
        QCOMPARE(comments(other),
            QStringList {
                QStringLiteral("Autotests passed for api at %1 (branch %2): the same commit was tested on %3.")
                    .arg(first.left(12), otherBranch, branch) });
        QCOMPARE(pass(github).tested.size(), 0);

        // What `shipyardctl autotest results` lists.
        QProcess results;
        results.start(QStringLiteral(SHIPYARD_BINARY_DIR "/bin/shipyardctl"),
            { QStringLiteral("autotest"), QStringLiteral("results"), QStringLiteral("--ecosystem"),
                path(QStringLiteral("ecosystem-github.yaml")), QStringLiteral("--system"), QStringLiteral("api"),
                QStringLiteral("--output"), QStringLiteral("json") });
        QVERIFY(results.waitForFinished(30000));
        QCOMPARE(results.exitCode(), 0);
        const QJsonArray listed =
            QJsonDocument::fromJson(results.readAllStandardOutput()).object().value(QLatin1String("results")).toArray();
        QCOMPARE(listed.size(), 2);
        QCOMPARE(listed.at(0)[QLatin1String("commit")].toString(), first);
        QCOMPARE(listed.at(0)[QLatin1String("verdict")].toString(), QStringLiteral("passed"));
        QCOMPARE(
            listed.at(0)[QLatin1String("branches")].toArray().toVariantList(), QVariantList({ branch, otherBranch }));
        QCOMPARE(listed.at(1)[QLatin1String("commit")].toString(), second);
        QCOMPARE(listed.at(1)[QLatin1String("verdict")].toString(), QStringLiteral("failed"));
        QCOMPARE(listed.at(1)[QLatin1String("step")].toString(), QStringLiteral("test"));
    }

    // GitLab: running, then success, on the project's path with its
    // slash encoded, the token in PRIVATE-TOKEN; through `shipyardctl autotest --once`.
    void gitlabStatusesThroughTheCommand()
    {
        ecosystem(QStringLiteral("gitlab"), QStringLiteral("true"), QStringLiteral("results-gitlab.json"));
        const QString task = newTask(QStringLiteral("Cart"));
        const QString branch = QStringLiteral("%1-cart").arg(task);
        const QString head = push(branch, QStringLiteral("cart.txt"));
        takeRequests();
        const auto run = [&] {
            QProcess autotest;
            autotest.start(QStringLiteral(SHIPYARD_BINARY_DIR "/bin/shipyardctl"),
                { QStringLiteral("autotest"), QStringLiteral("--once"), QStringLiteral("--ecosystem"),
                    path(QStringLiteral("ecosystem-gitlab.yaml")), QStringLiteral("--output"),
                    QStringLiteral("json") });
            autotest.waitForFinished(120000);
            const QByteArray said = autotest.readAllStandardError();
            m_leaked = m_leaked || said.contains(reviewToken);
            const QByteArray output = autotest.readAllStandardOutput();
            return std::tuple { autotest.exitCode(), QJsonDocument::fromJson(output).object(),
                QByteArray(said + output) };
        };
        auto [code, pass, said] = run();
        QVERIFY2(code == 0, said.constData());
        QVERIFY(!said.contains(reviewToken));
        QCOMPARE(pass.value(QLatin1String("tested")).toArray().size(), 1);
        const QList<QJsonObject> requests = takeRequests();
        QCOMPARE(requests.size(), 2);
        for (const QJsonObject &request : requests) {
            QCOMPARE(request.value(QLatin1String("path")).toString(),
                QStringLiteral("/api/v4/projects/acme%2Fapi/statuses/") + head);
            QCOMPARE(request.value(QLatin1String("privateToken")).toString(), QString::fromLatin1(reviewToken));
            QCOMPARE(request.value(QLatin1String("authorization")).toString(), QString());
            QCOMPARE(request.value(QLatin1String("body"))[QLatin1String("name")].toString(),
                QStringLiteral("shipyard/autotests"));
            QCOMPARE(request.value(QLatin1String("body"))[QLatin1String("ref")].toString(), branch);
        }
        QCOMPARE(statesOf(requests, QStringLiteral("state")),
            QStringList({ QStringLiteral("running"), QStringLiteral("success") }));
        // The second run finds nothing new.
        std::tie(code, pass, said) = run();
        QCOMPARE(code, 0);
        QCOMPARE(pass.value(QLatin1String("tested")).toArray().size(), 0);
        QCOMPARE(takeRequests().size(), 0);

        // A person has it tested again (a flaky failure, say): the verdict is
        // forgotten, and the next run tests the commit and reports anew.
        const auto retry = [&](const QString &commit) {
            QProcess forget;
            forget.start(QStringLiteral(SHIPYARD_BINARY_DIR "/bin/shipyardctl"),
                { QStringLiteral("autotest"), QStringLiteral("retry"), QStringLiteral("--ecosystem"),
                    path(QStringLiteral("ecosystem-gitlab.yaml")), QStringLiteral("--system"), QStringLiteral("api"),
                    commit });
            forget.waitForFinished(30000);
            return std::pair { forget.exitCode(),
                QByteArray(forget.readAllStandardOutput() + forget.readAllStandardError()) };
        };
        const auto [tooShort, tooShortSaid] = retry(head.left(4));
        QVERIFY2(tooShort == 1 && tooShortSaid.contains("at least 7 digits"), tooShortSaid.constData());
        const auto [retried, retriedSaid] = retry(head.left(9));
        QVERIFY2(retried == 0, retriedSaid.constData());
        QVERIFY2(retriedSaid.contains("will be tested again"), retriedSaid.constData());
        std::tie(code, pass, said) = run();
        QVERIFY2(code == 0, said.constData());
        QCOMPARE(pass.value(QLatin1String("tested")).toArray().size(), 1);
        QCOMPARE(statesOf(takeRequests(), QStringLiteral("state")),
            QStringList({ QStringLiteral("running"), QStringLiteral("success") }));
        const auto [unknown, unknownSaid] = retry(QStringLiteral("0000000"));
        QVERIFY2(unknown == 1 && unknownSaid.contains("no verdict of api"), unknownSaid.constData());
    }

    // Gerrit: the change found by its commit, a message when the test
    // starts, Verified -1 with a message when it fails; basic
    // authentication under /a/.
    void gerritVotes()
    {
        const Ecosystem gerrit =
            ecosystem(QStringLiteral("gerrit"), QStringLiteral("true"), QStringLiteral("results-gerrit.json"));
        qputenv("AUTOTEST_REVIEW_TOKEN", QByteArray("robot:" + reviewToken));
        const auto restore = qScopeGuard([] { qputenv("AUTOTEST_REVIEW_TOKEN", reviewToken); });
        const QString task = newTask(QStringLiteral("Search"));
        const QString head = push(QStringLiteral("feature/%1").arg(task), QStringLiteral("broken"));
        takeRequests();
        const BranchAutotests::PassResult result = pass(gerrit);
        QVERIFY2(result.warnings.isEmpty(), qPrintable(result.warnings.join(QLatin1Char('\n'))));
        QCOMPARE(result.tested.size(), 1);
        QCOMPARE(result.tested.first().verdict, AutotestResult::Verdict::Failed);
        const QList<QJsonObject> requests = takeRequests();
        QCOMPARE(requests.size(), 4);
        const QString basic =
            QStringLiteral("Basic ") + QString::fromLatin1(QByteArray("robot:" + reviewToken).toBase64());
        for (const QJsonObject &request : requests)
            QCOMPARE(request.value(QLatin1String("authorization")).toString(), basic);
        QCOMPARE(requests.at(0).value(QLatin1String("method")).toString(), QStringLiteral("GET"));
        QCOMPARE(
            requests.at(0).value(QLatin1String("path")).toString(), QStringLiteral("/a/changes/?q=commit%3A") + head);
        const QString review = QStringLiteral("/a/changes/acme%2Fapi~42/revisions/%1/review").arg(head);
        QCOMPARE(requests.at(1).value(QLatin1String("path")).toString(), review);
        QVERIFY(!requests.at(1).value(QLatin1String("body")).toObject().contains(QLatin1String("labels")));
        QVERIFY(requests.at(1).value(QLatin1String("body"))[QLatin1String("message")].toString().contains(
            QLatin1String("testing")));
        QCOMPARE(requests.at(3).value(QLatin1String("path")).toString(), review);
        QCOMPARE(
            requests.at(3).value(QLatin1String("body"))[QLatin1String("labels")][QLatin1String("Verified")].toInt(),
            -1);
        QVERIFY(requests.at(3).value(QLatin1String("body"))[QLatin1String("message")].toString().contains(
            QLatin1String("the step \"test\" failed")));
    }

    // A build tool missing on the machine is not the branch's failure: an
    // error status, one "could not" comment, the task left alone, and the
    // commit tried again on the next pass without a second comment.
    void missingToolIsAnError()
    {
        const Ecosystem broken = ecosystem(QStringLiteral("github"), QStringLiteral("shipyard-missing-build-tool"),
            QStringLiteral("results-error.json"));
        const QString task = newTask(QStringLiteral("Mailer"));
        const QString head = push(QStringLiteral("feature/%1").arg(task), QStringLiteral("mail.txt"));
        takeRequests();
        BranchAutotests::PassResult result = pass(broken);
        QCOMPARE(result.tested.size(), 1);
        QCOMPARE(result.tested.first().verdict, AutotestResult::Verdict::Error);
        QCOMPARE(statesOf(takeRequests(), QStringLiteral("state")),
            QStringList({ QStringLiteral("pending"), QStringLiteral("error") }));
        QStringList notes = comments(task);
        QCOMPARE(notes.size(), 1);
        QVERIFY2(
            notes.first().startsWith(QStringLiteral("Autotests could not be run for api at %1").arg(head.left(12))),
            qPrintable(notes.first()));
        QVERIFY2(notes.first().contains(QLatin1String("not of the branch")), qPrintable(notes.first()));
        QCOMPARE(statusOf(task), QStringLiteral("New"));

        result = pass(broken);
        QCOMPARE(result.tested.size(), 1);
        QCOMPARE(result.tested.first().verdict, AutotestResult::Verdict::Error);
        QCOMPARE(statesOf(takeRequests(), QStringLiteral("state")),
            QStringList({ QStringLiteral("pending"), QStringLiteral("error") }));
        QCOMPARE(comments(task).size(), 1);
        QCOMPARE(AutotestResults(broken.resolvePath(QStringLiteral("results-error.json")))
                     .find(QStringLiteral("api"), head)
                     ->verdict,
            AutotestResult::Verdict::Error);
    }

    // A review service that does not answer is a warning of the pass: the
    // verdict is kept and the task hears of it all the same.
    // A robot killed while it tests leaves its claim: on this machine the
    // next robot sees the process is gone and tests the commit at once;
    // a live robot's claim, or another machine's, is left alone.
    void deadRobotsClaimIsTakenOver()
    {
        AutotestResults results(m_dir.filePath(QStringLiteral("results-claims.json")));
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QString host = QSysInfo::machineHostName();
        QProcess gone;
        gone.start(QStringLiteral("sleep"), { QStringLiteral("0.2") });
        QVERIFY(gone.waitForStarted());
        const QString dead = QStringLiteral("%1:%2").arg(host).arg(gone.processId());
        QVERIFY(gone.waitForFinished());
        const QString alive = QStringLiteral("%1:%2").arg(host).arg(QCoreApplication::applicationPid());
        const QString elsewhere = QStringLiteral("build-box-7:%1").arg(QCoreApplication::applicationPid());
        const QString me = QStringLiteral("%1:1").arg(host);
        QVERIFY(results.claim(QStringLiteral("api"), QStringLiteral("c1"), QStringLiteral("b"), dead, now).claimed);
        QVERIFY(results.claim(QStringLiteral("api"), QStringLiteral("c2"), QStringLiteral("b"), alive, now).claimed);
        QVERIFY(
            results.claim(QStringLiteral("api"), QStringLiteral("c3"), QStringLiteral("b"), elsewhere, now).claimed);

        QVERIFY(results.claim(QStringLiteral("api"), QStringLiteral("c1"), QStringLiteral("b"), me, now).claimed);
        QVERIFY(!results.claim(QStringLiteral("api"), QStringLiteral("c2"), QStringLiteral("b"), me, now).claimed);
        QVERIFY(!results.claim(QStringLiteral("api"), QStringLiteral("c3"), QStringLiteral("b"), me, now).claimed);
        // Another machine's goes stale in time.
        QVERIFY(results
                .claim(QStringLiteral("api"), QStringLiteral("c3"), QStringLiteral("b"), me,
                    now.addSecs(AutotestResults::staleClaimSeconds + 1))
                .claimed);
    }

    void unreachableServiceIsAWarning()
    {
        const int served = m_port;
        m_port = GitTest::freePort();
        const Ecosystem nowhere =
            ecosystem(QStringLiteral("github"), QStringLiteral("true"), QStringLiteral("results-nowhere.json"));
        m_port = served;
        const QString task = newTask(QStringLiteral("Offline"));
        const QString head = push(QStringLiteral("feature/%1").arg(task), QStringLiteral("offline.txt"));
        const BranchAutotests::PassResult result = pass(nowhere);
        QCOMPARE(result.tested.size(), 1);
        QCOMPARE(result.tested.first().verdict, AutotestResult::Verdict::Passed);
        QCOMPARE(result.tested.first().reportErrors.size(), 2); // pending and success
        QVERIFY2(result.warnings.join(QLatin1Char('\n'))
                     .contains(QLatin1String("reporting the autotests of ") + head.left(12)),
            qPrintable(result.warnings.join(QLatin1Char('\n'))));
        QVERIFY(!result.warnings.join(QLatin1Char('\n')).contains(QString::fromLatin1(reviewToken)));
        QCOMPARE(comments(task).size(), 1);
        QCOMPARE(pass(nowhere).tested.size(), 0);
    }

    // Verdicts of commits no branch is at any more go after two weeks: the
    // file does not grow by every push forever. A head's verdict stays,
    // however old, and so does a recent one.
    void goneVerdictsAreForgotten()
    {
        const Ecosystem github =
            ecosystem(QStringLiteral("github"), QStringLiteral("true"), QStringLiteral("results-gone.json"));
        const QString task = newTask(QStringLiteral("Gone"));
        const QString branch = QStringLiteral("feature/%1").arg(task);
        const QString head = push(branch, QStringLiteral("gone.txt"));
        AutotestResults results(m_dir.filePath(QStringLiteral("results-gone.json")));
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const auto verdict = [&](const QString &commit, const QString &on, qint64 daysAgo) {
            AutotestResult result { QStringLiteral("api"), commit, { on }, AutotestResult::Verdict::Passed, {}, {},
                QStringLiteral("elsewhere:1"), now.addDays(-daysAgo), now.addDays(-daysAgo) };
            QCOMPARE(results.store(result), QString());
        };
        const QString merged = QString(40, QLatin1Char('a'));
        const QString recent = QString(40, QLatin1Char('b'));
        verdict(merged, QStringLiteral("feature/AT-1"), 20);
        verdict(recent, QStringLiteral("feature/AT-2"), 1);
        verdict(head, branch, 30);

        QString log;
        const BranchAutotests::PassResult result = pass(github, &log);
        QVERIFY2(result.error.isEmpty() && result.warnings.isEmpty(), qPrintable(result.warnings.join(u'\n')));
        QCOMPARE(result.tested.size(), 0);
        QVERIFY2(log.contains(QLatin1String("api: forgot 1 verdicts")), qPrintable(log));
        QStringList kept;
        for (const AutotestResult &known : results.all())
            kept.append(known.commit);
        QCOMPARE(kept, (QStringList { recent, head }));
        // Nothing left to forget: the next pass writes nothing.
        const QDateTime written = QFileInfo(results.path()).lastModified();
        QThread::msleep(20);
        pass(github, &log);
        QCOMPARE(QFileInfo(results.path()).lastModified(), written);
    }

    // The robot's pass tests new branch heads too, before the tracker's stages.
    void robotPassTestsBranches()
    {
        const Ecosystem github =
            ecosystem(QStringLiteral("github"), QStringLiteral("true"), QStringLiteral("results-robot.json"));
        const QString task = newTask(QStringLiteral("Robot"));
        const QString branch = QStringLiteral("feature/%1-robot").arg(task);
        const QString head = push(branch, QStringLiteral("robot.txt"));
        DeliveryRobot::Options options;
        options.auditJournal = path(QStringLiteral("audit.jsonl"));
        const DeliveryRobot::PassResult robot = DeliveryRobot(github, options).runOnce();
        QVERIFY2(robot.error.isEmpty(), qPrintable(robot.error));
        QStringList tested;
        for (const DeliveryRobot::Action &action : robot.actions)
            if (action.stage == QLatin1String("branch-autotests") && action.task == task) {
                QVERIFY2(action.succeeded, qPrintable(action.detail));
                tested.append(action.detail);
            }
        QCOMPARE(tested.size(), 1);
        QVERIFY(comments(task).contains(
            QStringLiteral("Autotests passed for api at %1 (branch %2).").arg(head.left(12), branch)));
        takeRequests();

        // The task moves to Awaiting Autotests: its branch, already on top of
        // main, is the commit judged above, so the stage reuses the verdict.
        // The robot's clone has it only as origin's: the stage makes it local.
        RedmineTracker tracker(
            QUrl(m_redmine.value(QStringLiteral("URL"))), m_redmine.value(QStringLiteral("API_KEY")), m_transport);
        tracker.setKeyPrefix(QStringLiteral("AT-"));
        QVERIFY(!tracker.transition(task, QStringLiteral("Awaiting Autotests")).isError());
        QStringList log;
        const DeliveryRobot::PassResult stage =
            DeliveryRobot(github, options).runOnce([&](const QString &line) { log.append(line); });
        QVERIFY2(stage.error.isEmpty(), qPrintable(stage.error));
        QCOMPARE(stage.actions.size(), 1);
        QCOMPARE(stage.actions.first().stage, QStringLiteral("autotests"));
        QVERIFY2(stage.actions.first().succeeded, qPrintable(log.join(QLatin1Char('\n'))));
        QVERIFY2(log.contains(QStringLiteral("api: %1 at %2 was tested before: passed").arg(branch, head.left(12))),
            qPrintable(log.join(QLatin1Char('\n'))));
        QCOMPARE(statusOf(task), QStringLiteral("Awaiting Showroom"));
        QCOMPARE(comments(task).last(), QStringLiteral("Autotests passed: api=") + branch);
        QCOMPARE(takeRequests().size(), 0);
        QCOMPARE(
            git(path(QStringLiteral("repos/api")),
                { QStringLiteral("rev-parse"), QStringLiteral("--abbrev-ref"), branch + QStringLiteral("@{upstream}") })
                .trimmed(),
            QByteArray("origin/" + branch.toUtf8()));
    }
};

QTEST_GUILESS_MAIN(TestBranchAutotests)
#include "tst_branchautotests.moc"
