// SPDX-License-Identifier: GPL-2.0-or-later
// Round trips against a real Redmine (Debian's redmine package), started by
// the ctest fixture "redmine" (redmine-setup.sh), plus response handling that
// a real server cannot be made to produce, through a fake transport.
#include "FakeTransport.h"

#include "http/CurlTransport.h"
#include "model/EcosystemLoader.h"
#include "pipeline/DeliveryRobot.h"
#include "tracker/RedmineTracker.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

#include <algorithm>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace Shipyard;

class tst_RedmineTracker : public QObject
{
    Q_OBJECT

private:
    QHash<QString, QString> m_env;
    std::shared_ptr<CurlTransport> m_transport = std::make_shared<CurlTransport>();

    QUrl url() const { return QUrl(m_env.value(QStringLiteral("URL"))); }
    RedmineTracker tracker(const QString &key) const
    {
        return RedmineTracker(url(), key, m_transport, QStringLiteral("REDMINE_TOKEN"));
    }
    RedmineTracker admin() const { return tracker(m_env.value(QStringLiteral("API_KEY"))); }
    QString issueKey(const QString &name) const { return QStringLiteral("TASK-") + m_env.value(name); }
    QString id(const char *name) const { return m_env.value(QLatin1String(name)); }
    RedmineTracker lister(const QString &project, const QString &prefix) const
    {
        RedmineTracker redmine = admin();
        redmine.setProject(project);
        redmine.setKeyPrefix(prefix);
        return redmine;
    }

    static QStringList keysOf(const TaskListing &listing)
    {
        QStringList keys;
        for (const Task &task : listing.tasks)
            keys.append(task.key);
        return keys;
    }

    // A Redmine issue list page as /issues.json answers it.
    static QByteArray issuePage(const QList<int> &ids, int totalCount)
    {
        QJsonArray issues;
        for (const int issueId : ids)
            issues.append(QJsonObject { { QStringLiteral("id"), issueId },
                { QStringLiteral("subject"), QStringLiteral("Issue %1").arg(issueId) },
                { QStringLiteral("status"),
                    QJsonObject {
                        { QStringLiteral("id"), 7 }, { QStringLiteral("name"), QStringLiteral("In QA") } } } });
        QJsonObject page { { QStringLiteral("issues"), issues } };
        if (totalCount >= 0)
            page.insert(QStringLiteral("total_count"), totalCount);
        return QJsonDocument(page).toJson(QJsonDocument::Compact);
    }

    // base: the path of Redmine's root URL.
    static std::shared_ptr<FakeTransport> fakeWithStatuses(const QByteArray &base = {})
    {
        auto fake = std::make_shared<FakeTransport>();
        fake->respond("GET " + base + "/users/current.json", 200, R"({"user":{"id":1,"login":"robot"}})");
        fake->respond("GET " + base + "/issue_statuses.json", 200,
            R"({"issue_statuses":[{"id":1,"name":"New"},{"id":7,"name":"In QA"}]})");
        return fake;
    }

    static QList<HttpRequest> issueRequestsOf(const FakeTransport &fake)
    {
        QList<HttpRequest> found;
        for (const HttpRequest &request : fake.requests) {
            if (request.url.path().endsWith(QLatin1String("/issues.json")))
                found.append(request);
        }
        return found;
    }

    static int offsetOf(const HttpRequest &request)
    {
        return QUrlQuery(request.url).queryItemValue(QStringLiteral("offset")).toInt();
    }

    static int issueRequests(const FakeTransport &fake) { return int(issueRequestsOf(fake).size()); }

    static bool git(const QString &directory, const QStringList &arguments)
    {
        QProcess process;
        process.setWorkingDirectory(directory);
        process.start(QStringLiteral("git"),
            QStringList { QStringLiteral("-c"), QStringLiteral("user.name=Shipyard Test"), QStringLiteral("-c"),
                QStringLiteral("user.email=test@example.org") } +
                arguments);
        if (!process.waitForFinished(30000) || process.exitStatus() != QProcess::NormalExit ||
            process.exitCode() != 0) {
            qWarning(
                "git %s: %s", qPrintable(arguments.join(QLatin1Char(' '))), process.readAllStandardError().constData());
            return false;
        }
        return true;
    }

    QJsonObject rawIssue(const QString &id, const QString &query = QString())
    {
        HttpRequest request;
        request.url = url();
        request.url.setPath(QStringLiteral("/issues/%1.json").arg(id));
        request.url.setQuery(query);
        request.addHeader("X-Redmine-API-Key", m_env.value(QStringLiteral("API_KEY")).toUtf8());
        return QJsonDocument::fromJson(m_transport->send(request).body)
            .object()
            .value(QLatin1String("issue"))
            .toObject();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QFile file(QStringLiteral(REDMINE_STATE_FILE));
        QVERIFY2(file.open(QIODevice::ReadOnly), "no Redmine fixture: run through ctest (fixture 'redmine')");
        for (const QByteArray &line : file.readAll().split('\n')) {
            const qsizetype equals = line.indexOf('=');
            if (equals > 0)
                m_env.insert(QString::fromUtf8(line.left(equals)), QString::fromUtf8(line.mid(equals + 1)));
        }
        QVERIFY(!m_env.value(QStringLiteral("API_KEY")).isEmpty());
    }

    void readTask_data()
    {
        QTest::addColumn<QString>("key");
        QTest::newRow("project-style key") << issueKey(QStringLiteral("ISSUE"));
        QTest::newRow("#number") << QLatin1Char('#') + m_env.value(QStringLiteral("ISSUE"));
    }

    void readTask()
    {
        QFETCH(QString, key);
        RedmineTracker redmine = admin();
        const TaskLookup lookup = redmine.task(key);
        QVERIFY2(!lookup.error, qPrintable(lookup.error.message()));
        QCOMPARE(lookup.task->key, key);
        QCOMPARE(lookup.task->title, QStringLiteral("Login page with ünïcödé"));
        QCOMPARE(lookup.task->assignee, QStringLiteral("Redmine Admin"));
        QCOMPARE(lookup.task->url.toString(),
            url().toString() + QStringLiteral("/issues/") + m_env.value(QStringLiteral("ISSUE")));
    }

    void transitionRoundTrip()
    {
        RedmineTracker redmine = admin();
        const QString key = issueKey(QStringLiteral("ISSUE"));
        for (const QString &status : { QStringLiteral("Awaiting Autotests"), QStringLiteral("awaiting showroom"),
                 QStringLiteral("In QA"), QStringLiteral("For Delivery"), QStringLiteral("In Progress") }) {
            const TrackerError error = redmine.transition(key, status);
            QVERIFY2(!error, qPrintable(error.message()));
            QCOMPARE(redmine.task(key).task->status.toLower(), status.toLower());
        }
        // Already there: nothing to do, no error.
        QVERIFY(!redmine.transition(key, QStringLiteral("In Progress")));
    }

    void workflowRefusal()
    {
        RedmineTracker redmine = admin();
        const QString key = issueKey(QStringLiteral("DELIVERY_ISSUE"));
        const TrackerError error = redmine.transition(key, QStringLiteral("Rejected"));
        QCOMPARE(error.kind(), TrackerError::Kind::Rejected);
        QVERIFY2(error.message().contains(QLatin1String("workflow")), qPrintable(error.message()));
        QCOMPARE(redmine.task(key).task->status, QStringLiteral("Awaiting Delivery"));
    }

    void unknownStatus()
    {
        RedmineTracker redmine = admin();
        const TrackerError error =
            redmine.transition(issueKey(QStringLiteral("ISSUE")), QStringLiteral("Shipped to Mars"));
        QCOMPARE(error.kind(), TrackerError::Kind::Rejected);
        QVERIFY2(error.message().contains(QLatin1String("For Delivery")), qPrintable(error.message()));
    }

    void commentRoundTrip()
    {
        RedmineTracker redmine = admin();
        const QString text =
            QStringLiteral("Autotests failed at step \"unit\" — журнал:\n") + QString(50000, QLatin1Char('x'));
        const TrackerError error = redmine.addComment(issueKey(QStringLiteral("ISSUE")), text);
        QVERIFY2(!error, qPrintable(error.message()));
        const QJsonArray journals = rawIssue(m_env.value(QStringLiteral("ISSUE")), QStringLiteral("include=journals"))
                                        .value(QLatin1String("journals"))
                                        .toArray();
        QVERIFY(!journals.isEmpty());
        QCOMPARE(journals.last().toObject().value(QLatin1String("notes")).toString(), text);
    }

    void httpErrors_data()
    {
        QTest::addColumn<QString>("apiKey");
        QTest::addColumn<QString>("key");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("404: no such issue") << m_env.value(QStringLiteral("API_KEY")) << QStringLiteral("TASK-99999")
                                            << int(TrackerError::Kind::NotFound) << QStringLiteral("404");
        QTest::newRow("401: wrong API key")
            << QStringLiteral("not-a-key") << issueKey(QStringLiteral("ISSUE")) << int(TrackerError::Kind::Unauthorized)
            << QStringLiteral("$REDMINE_TOKEN");
        QTest::newRow("403: not a member of the private project")
            << m_env.value(QStringLiteral("OUTSIDER_KEY")) << issueKey(QStringLiteral("ISSUE"))
            << int(TrackerError::Kind::Forbidden) << QStringLiteral("403");
        QTest::newRow("key without a number")
            << m_env.value(QStringLiteral("API_KEY")) << QStringLiteral("feature/login")
            << int(TrackerError::Kind::InvalidInput) << QStringLiteral("issue number");
    }

    void httpErrors()
    {
        QFETCH(QString, apiKey);
        QFETCH(QString, key);
        QFETCH(int, kind);
        QFETCH(QString, messagePart);
        RedmineTracker redmine = tracker(apiKey);
        const TaskLookup lookup = redmine.task(key);
        QCOMPARE(int(lookup.error.kind()), kind);
        QVERIFY2(lookup.error.message().contains(messagePart), qPrintable(lookup.error.message()));
        QVERIFY(!lookup.task);
        if (kind != int(TrackerError::Kind::InvalidInput))
            QCOMPARE(int(redmine.addComment(key, QStringLiteral("x")).kind()), kind);
    }

    void listsTasksInOneStatus()
    {
        RedmineTracker shop = lister(QStringLiteral("shipyard"), QStringLiteral("SHOP-"));
        const TaskListing delivery = shop.tasksWithStatus(QStringLiteral("awaiting delivery"));
        QVERIFY2(!delivery.error, qPrintable(delivery.error.message()));
        QCOMPARE(keysOf(delivery),
            QStringList({ QStringLiteral("SHOP-") + id("DELIVERY_ISSUE"),
                QStringLiteral("SHOP-") + id("SECOND_DELIVERY_ISSUE") }));
        QCOMPARE(delivery.tasks.at(0).title, QStringLiteral("Checkout flow"));
        QCOMPARE(delivery.tasks.at(1).title, QStringLiteral("Cart badge"));
        for (const Task &task : delivery.tasks) {
            QCOMPARE(task.status, QStringLiteral("Awaiting Delivery"));
            QCOMPARE(task.assignee, QStringLiteral("Redmine Admin"));
            QCOMPARE(task.url.toString(),
                url().toString() + QStringLiteral("/issues/") + QString::number(RedmineTracker::issueId(task.key)));
        }

        const TaskListing feedback = shop.tasksWithStatus(QStringLiteral("Feedback"));
        QVERIFY2(!feedback.error, qPrintable(feedback.error.message()));
        QCOMPARE(keysOf(feedback), QStringList { QStringLiteral("SHOP-") + id("FEEDBACK_ISSUE") });
        QCOMPARE(feedback.tasks.first().title, QStringLiteral("Search page"));
        // A listed key reads back as the same issue.
        QCOMPARE(shop.task(feedback.tasks.first().key).task->title, QStringLiteral("Search page"));

        // Nobody's issue is Rejected (the workflow refuses it): empty, no error.
        const TaskListing rejected = shop.tasksWithStatus(QStringLiteral("Rejected"));
        QVERIFY2(!rejected.error, qPrintable(rejected.error.message()));
        QVERIFY(rejected.tasks.isEmpty());

        // Without a project: another team's issue too; without a prefix: "#N".
        RedmineTracker everywhere = admin();
        const TaskListing all = everywhere.tasksWithStatus(QStringLiteral("Awaiting Delivery"));
        QVERIFY2(!all.error, qPrintable(all.error.message()));
        QCOMPARE(keysOf(all),
            QStringList({ QLatin1Char('#') + id("DELIVERY_ISSUE"), QLatin1Char('#') + id("SECOND_DELIVERY_ISSUE"),
                QLatin1Char('#') + id("FOREIGN_DELIVERY_ISSUE") }));
        QCOMPARE(all.tasks.at(2).title, QStringLiteral("Stock sync"));
    }

    void listingErrors()
    {
        RedmineTracker shop = lister(QStringLiteral("shipyard"), QStringLiteral("SHOP-"));
        const TaskListing unknown = shop.tasksWithStatus(QStringLiteral("Shipped to Mars"));
        QCOMPARE(unknown.error.kind(), TrackerError::Kind::NotFound);
        QVERIFY(unknown.tasks.isEmpty());
        for (const char *part :
            { "'Shipped to Mars'", "project 'shipyard'", "has no such status", "Awaiting Delivery" })
            QVERIFY2(unknown.error.message().contains(QLatin1String(part)), qPrintable(unknown.error.message()));

        RedmineTracker wrongKey = tracker(QStringLiteral("not-a-key"));
        const TaskListing unauthorized = wrongKey.tasksWithStatus(QStringLiteral("Feedback"));
        QCOMPARE(unauthorized.error.kind(), TrackerError::Kind::Unauthorized);
        QVERIFY2(unauthorized.error.message().contains(QLatin1String("$REDMINE_TOKEN")),
            qPrintable(unauthorized.error.message()));

        // The private project is not the outsider's to list.
        RedmineTracker outsider = tracker(m_env.value(QStringLiteral("OUTSIDER_KEY")));
        outsider.setProject(QStringLiteral("shipyard"));
        const TaskListing refused = outsider.tasksWithStatus(QStringLiteral("Awaiting Delivery"));
        QCOMPARE(refused.error.kind(), TrackerError::Kind::Forbidden);
        QVERIFY2(refused.error.message().contains(QLatin1String("403")), qPrintable(refused.error.message()));
        QVERIFY(refused.tasks.isEmpty());
    }

    void listingPagesThroughRealRedmine()
    {
        // The real server behind a recorder, to see the pages it was asked for.
        auto recorder = std::make_shared<FakeTransport>();
        for (const QByteArray &path : { QByteArray("GET /users/current.json"), QByteArray("GET /issue_statuses.json"),
                 QByteArray("GET /issues.json") })
            recorder->handle(path, [this](const HttpRequest &request) { return m_transport->send(request); });
        RedmineTracker warehouse(url(), m_env.value(QStringLiteral("API_KEY")), recorder);
        warehouse.setProject(QStringLiteral("warehouse"));
        warehouse.setKeyPrefix(QStringLiteral("WH-"));
        const TaskListing resolved = warehouse.tasksWithStatus(QStringLiteral("resolved"));
        QVERIFY2(!resolved.error, qPrintable(resolved.error.message()));
        QCOMPARE(resolved.tasks.size(), 120);
        QSet<QString> titles;
        int previous = 0;
        for (const Task &task : resolved.tasks) {
            QVERIFY2(task.key.startsWith(QLatin1String("WH-")), qPrintable(task.key));
            const int issue = RedmineTracker::issueId(task.key);
            QVERIFY2(issue > previous, qPrintable(task.key));
            previous = issue;
            QCOMPARE(task.status, QStringLiteral("Resolved"));
            titles.insert(task.title);
        }
        QCOMPARE(titles.size(), 120);
        QVERIFY(titles.contains(QStringLiteral("Resolved 0")) && titles.contains(QStringLiteral("Resolved 119")));
        QList<int> offsets;
        for (const HttpRequest &request : issueRequestsOf(*recorder))
            offsets.append(offsetOf(request));
        QCOMPARE(offsets, QList<int>({ 0, 100 }));
        // The key is checked once per tracker, not once per listing.
        QVERIFY(!warehouse.tasksWithStatus(QStringLiteral("Resolved")).error);
        QCOMPARE(
            std::ranges::count_if(recorder->requests,
                [](const HttpRequest &request) { return request.url.path() == QLatin1String("/users/current.json"); }),
            1);
    }

    // Paging cases a real Redmine cannot be made to produce, through the fake transport.
    void listingSortsAndPagesWithoutTotalCount()
    {
        auto fake = fakeWithStatuses("/tracker");
        fake->handle("GET /tracker/issues.json", [](const HttpRequest &request) {
            HttpResponse response;
            response.status = 200;
            QList<int> ids;
            if (offsetOf(request) == 0) {
                for (int issue = 300; issue > 200; --issue) // newest first: the listing sorts
                    ids.append(issue);
            } else {
                ids.append(201); // shifted by an issue moved while paging: listed once
                for (int issue = 200; issue > 170; --issue)
                    ids.append(issue);
            }
            response.body = issuePage(ids, -1);
            return response;
        });
        RedmineTracker redmine(QUrl(QStringLiteral("https://redmine.example.org/tracker/")), QStringLiteral("k"), fake);
        const TaskListing listing = redmine.tasksWithStatus(QStringLiteral("in qa"));
        QVERIFY2(!listing.error, qPrintable(listing.error.message()));
        QCOMPARE(listing.tasks.size(), 130);
        QCOMPARE(listing.tasks.first().key, QStringLiteral("#171"));
        QCOMPARE(listing.tasks.last().key, QStringLiteral("#300"));
        QCOMPARE(
            listing.tasks.first().url.toString(), QStringLiteral("https://redmine.example.org/tracker/issues/171"));
        const QList<HttpRequest> pages = issueRequestsOf(*fake);
        QCOMPARE(pages.size(), 2);
        QCOMPARE(pages.at(0).url.path(), QStringLiteral("/tracker/issues.json"));
        const QUrlQuery first(pages.at(0).url);
        QCOMPARE(first.queryItemValue(QStringLiteral("status_id")), QStringLiteral("7"));
        QCOMPARE(first.queryItemValue(QStringLiteral("limit")), QStringLiteral("100"));
        QCOMPARE(first.queryItemValue(QStringLiteral("sort")), QStringLiteral("id"));
        QVERIFY(!first.hasQueryItem(QStringLiteral("project_id")));
        QCOMPARE(offsetOf(pages.at(0)), 0);
        QCOMPARE(offsetOf(pages.at(1)), 100);
    }

    void listingIsBoundedAgainstEndlessServers()
    {
        auto fake = fakeWithStatuses();
        fake->handle("GET /issues.json", [](const HttpRequest &request) {
            // Always a full page of new issues, and a total it never reaches.
            QList<int> ids;
            for (int issue = 1; issue <= RedmineTracker::pageSize; ++issue)
                ids.append(offsetOf(request) + issue);
            HttpResponse response;
            response.status = 200;
            response.body = issuePage(ids, 2000000000);
            return response;
        });
        RedmineTracker redmine(QUrl(QStringLiteral("https://redmine.example.org")), QStringLiteral("k"), fake);
        redmine.setProject(QStringLiteral("shop"));
        const TaskListing listing = redmine.tasksWithStatus(QStringLiteral("In QA"));
        QCOMPARE(listing.error.kind(), TrackerError::Kind::BadResponse);
        QVERIFY2(listing.error.message().contains(QLatin1String("100 pages")), qPrintable(listing.error.message()));
        QCOMPARE(issueRequests(*fake), RedmineTracker::maximumPages);
        QCOMPARE(QUrlQuery(issueRequestsOf(*fake).first().url).queryItemValue(QStringLiteral("project_id")),
            QStringLiteral("shop"));

        // A server that ignores the offset repeats its first page forever.
        auto deaf = fakeWithStatuses();
        deaf->respond("GET /issues.json", 200, issuePage({ 1, 2, 3 }, 250));
        RedmineTracker ignoring(QUrl(QStringLiteral("https://redmine.example.org")), QStringLiteral("k"), deaf);
        const TaskListing repeated = ignoring.tasksWithStatus(QStringLiteral("In QA"));
        QCOMPARE(repeated.error.kind(), TrackerError::Kind::BadResponse);
        QVERIFY2(repeated.error.message().contains(QLatin1String("repeats")), qPrintable(repeated.error.message()));
        QCOMPARE(issueRequests(*deaf), 2);
    }

    void listingRefusesWhatIsNoIssueList_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("kind");
        QTest::newRow("HTML login page with 200")
            << 200 << QByteArray("<html><body>Sign in</body></html>") << int(TrackerError::Kind::BadResponse);
        QTest::newRow("an issue, not a list")
            << 200 << QByteArray(R"({"issue":{"id":1}})") << int(TrackerError::Kind::BadResponse);
        QTest::newRow("issue without id") << 200 << QByteArray(R"({"issues":[{"subject":"x"}],"total_count":1})")
                                          << int(TrackerError::Kind::BadResponse);
        QTest::newRow("503") << 503 << QByteArray("maintenance") << int(TrackerError::Kind::ServerError);
    }

    void listingRefusesWhatIsNoIssueList()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(int, kind);
        auto fake = fakeWithStatuses();
        fake->respond("GET /issues.json", status, body);
        RedmineTracker redmine(QUrl(QStringLiteral("https://redmine.example.org")), QStringLiteral("k"), fake);
        const TaskListing listing = redmine.tasksWithStatus(QStringLiteral("In QA"));
        QCOMPARE(int(listing.error.kind()), kind);
        QVERIFY2(listing.error.message().contains(QLatin1String("'In QA'")), qPrintable(listing.error.message()));
        QVERIFY(listing.tasks.isEmpty());
    }

    // One delivery robot pass with this Redmine as the ecosystem's tracker:
    // the task in Awaiting Autotests has a branch whose tests pass, so it
    // moves on with a comment; the others have no stage to run here.
    void robotPassMovesATask()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString key = QStringLiteral("SHOP-") + id("ROBOT_ISSUE");
        const QString repository = dir.filePath(QStringLiteral("repos/api"));
        QVERIFY(QDir().mkpath(repository));
        const auto write = [](const QString &path, const QByteArray &text) {
            QFile file(path);
            return file.open(QIODevice::WriteOnly) && file.write(text) == text.size();
        };
        QVERIFY(git(repository,
            { QStringLiteral("init"), QStringLiteral("-q"), QStringLiteral("-b"), QStringLiteral("main") }));
        QVERIFY(write(repository + QStringLiteral("/README"), "api\n"));
        QVERIFY(git(repository, { QStringLiteral("add"), QStringLiteral(".") }));
        QVERIFY(git(repository,
            { QStringLiteral("commit"), QStringLiteral("-q"), QStringLiteral("-m"), QStringLiteral("Start") }));
        const QString branch = QStringLiteral("feature/%1-robot").arg(key);
        QVERIFY(git(repository, { QStringLiteral("checkout"), QStringLiteral("-q"), QStringLiteral("-b"), branch }));
        QVERIFY(write(repository + QStringLiteral("/robot.txt"), "tested\n"));
        QVERIFY(git(repository, { QStringLiteral("add"), QStringLiteral(".") }));
        QVERIFY(git(repository, { QStringLiteral("commit"), QStringLiteral("-q"), QStringLiteral("-m"), key }));
        QVERIFY(git(repository, { QStringLiteral("checkout"), QStringLiteral("-q"), QStringLiteral("main") }));

        const QByteArray document = QStringLiteral(R"(name: Redmine Shop
gating:
  taskKey: SHOP-[0-9]+
tracker:
  kind: redmine
  url: %1
  project: shipyard
  keyPrefix: SHOP-
  tokenEnv: SHIPYARD_TEST_REDMINE_TOKEN
systems:
  - name: api
    template: backend
    repository: repos/api
    image: shop/api
    manifests: [deploy/]
    test: test -e robot.txt
environments:
  - name: local
    kind: local
    context: local
    namespace: shipyard-local
)")
                                        .arg(url().toString())
                                        .toUtf8();
        const QString ecosystemPath = dir.filePath(QStringLiteral("ecosystem.yaml"));
        QVERIFY(write(ecosystemPath, document));
        const EcosystemLoadResult loaded = EcosystemLoader().loadFile(ecosystemPath);
        QVERIFY(loaded.ecosystem);
        QVERIFY(loaded.diagnostics.isEmpty());
        qputenv("SHIPYARD_TEST_REDMINE_TOKEN", m_env.value(QStringLiteral("API_KEY")).toUtf8());

        DeliveryRobot::Options options;
        options.auditJournal = dir.filePath(QStringLiteral("audit.jsonl"));
        options.autotestResults = dir.filePath(QStringLiteral("autotests.json"));
        QStringList log;
        const DeliveryRobot::PassResult pass =
            DeliveryRobot(*loaded.ecosystem, options).runOnce([&](const QString &line) { log.append(line); });
        qunsetenv("SHIPYARD_TEST_REDMINE_TOKEN");
        const QString said = log.join(QLatin1Char('\n'));
        QVERIFY2(pass.error.isEmpty(), qPrintable(pass.error + QLatin1Char('\n') + said));
        QCOMPARE(pass.actions.size(), 1);
        QCOMPARE(pass.actions.first().task, key);
        QCOMPARE(pass.actions.first().stage, QStringLiteral("autotests"));
        QVERIFY2(pass.actions.first().succeeded, qPrintable(pass.actions.first().detail + QLatin1Char('\n') + said));
        // The two tasks awaiting delivery were seen, with no staging to go to.
        QVERIFY2(pass.warnings.join(QLatin1Char('\n')).contains(QLatin1String("2 tasks in Awaiting Delivery")),
            qPrintable(pass.warnings.join(QLatin1Char('\n'))));

        const TaskLookup moved = admin().task(key);
        QVERIFY2(!moved.error, qPrintable(moved.error.message()));
        QCOMPARE(moved.task->status, QStringLiteral("Awaiting Showroom"));
        const QJsonArray journals =
            rawIssue(id("ROBOT_ISSUE"), QStringLiteral("include=journals")).value(QLatin1String("journals")).toArray();
        QVERIFY(!journals.isEmpty());
        QCOMPARE(journals.first().toObject().value(QLatin1String("notes")).toString(),
            QStringLiteral("Autotests passed: api=") + branch);
    }

    void networkErrorAndTimeout()
    {
        // A socket that listens but never answers: the kernel completes the
        // connection, nobody replies.
        const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address = {};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        QCOMPARE(::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof address), 0);
        QCOMPARE(::listen(fd, 4), 0);
        socklen_t length = sizeof address;
        ::getsockname(fd, reinterpret_cast<sockaddr *>(&address), &length);
        const int port = ntohs(address.sin_port);

        HttpRequest request;
        request.url = QUrl(QStringLiteral("http://127.0.0.1:%1/issues/1.json").arg(port));
        request.timeoutMs = 700;
        const HttpResponse silent = m_transport->send(request);
        QCOMPARE(silent.failure, HttpResponse::Failure::Timeout);
        const TrackerError timeout = TrackerError::fromResponse(silent, QStringLiteral("reading TASK-1"));
        QCOMPARE(timeout.kind(), TrackerError::Kind::Timeout);
        QVERIFY(timeout.message().contains(QLatin1String("did not answer in time")));
        ::close(fd);

        // The port is closed now: connection refused.
        RedmineTracker closed(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)), QStringLiteral("k"), m_transport);
        const TaskLookup lookup = closed.task(QStringLiteral("TASK-1"));
        QCOMPARE(lookup.error.kind(), TrackerError::Kind::Network);
        QVERIFY2(lookup.error.message().contains(QLatin1String("cannot reach")), qPrintable(lookup.error.message()));
    }

    void hostileResponses_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("kind");
        QTest::newRow("HTML login page with 200")
            << 200 << QByteArray("<html><body>Sign in</body></html>") << int(TrackerError::Kind::BadResponse);
        QTest::newRow("empty body") << 200 << QByteArray() << int(TrackerError::Kind::BadResponse);
        QTest::newRow("JSON array") << 200 << QByteArray("[1,2,3]") << int(TrackerError::Kind::BadResponse);
        QTest::newRow("issue without id")
            << 200 << QByteArray(R"({"issue":{"subject":"x"}})") << int(TrackerError::Kind::BadResponse);
        QTest::newRow("truncated JSON") << 200 << QByteArray(R"({"issue":{"id":1,"subj)")
                                        << int(TrackerError::Kind::BadResponse);
        QTest::newRow("502 from a proxy, HTML body")
            << 502 << QByteArray("<html>Bad Gateway</html>") << int(TrackerError::Kind::ServerError);
        QTest::newRow("503 with Redmine errors")
            << 503 << QByteArray(R"({"errors":["maintenance"]})") << int(TrackerError::Kind::ServerError);
        QTest::newRow("wrong types everywhere")
            << 200 << QByteArray(R"({"issue":{"id":1,"subject":7,"status":"x","assigned_to":[]}})")
            << int(TrackerError::Kind::None);
    }

    void hostileResponses()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(int, kind);
        auto fake = std::make_shared<FakeTransport>();
        fake->respond("GET /issues/1.json", status, body);
        RedmineTracker redmine(QUrl(QStringLiteral("https://redmine.example.org")), QStringLiteral("k"), fake);
        const TaskLookup lookup = redmine.task(QStringLiteral("TASK-1"));
        QCOMPARE(int(lookup.error.kind()), kind);
        if (lookup.error)
            QVERIFY(lookup.error.message().contains(QLatin1String("TASK-1")));
        else
            QCOMPARE(lookup.task->title, QString());
    }
};

QTEST_GUILESS_MAIN(tst_RedmineTracker)
#include "tst_redminetracker.moc"
