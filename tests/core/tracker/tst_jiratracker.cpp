// SPDX-License-Identifier: GPL-2.0-or-later
// JiraTracker against response bodies in the shapes documented in Atlassian's
// REST API reference (v2 and v3; see data/jira/README.md), served by a fake
// transport: there is no Jira to run here.
#include "FakeTransport.h"

#include "model/Ecosystem.h"
#include "tracker/JiraTracker.h"
#include "tracker/TrackerFactory.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QUrlQuery>

using namespace Shipyard;

namespace {

QByteArray documented(const QString &name)
{
    QFile file(QStringLiteral(SHIPYARD_SOURCE_DIR "/tests/core/tracker/data/jira/") + name);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class tst_JiraTracker : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tasksWithStatus_data()
    {
        QTest::addColumn<int>("version");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("body");
        QTest::addColumn<int>("count");
        QTest::newRow("v2 /search") << 2 << QStringLiteral("search") << QStringLiteral("search-v2.json") << 2;
        QTest::newRow("v3 /search/jql") << 3 << QStringLiteral("search/jql") << QStringLiteral("search-jql-v3.json")
                                        << 1;
    }

    void tasksWithStatus()
    {
        QFETCH(int, version);
        QFETCH(QString, path);
        QFETCH(QString, body);
        QFETCH(int, count);
        auto fake = std::make_shared<FakeTransport>();
        fake->respond(
            QStringLiteral("GET /jira/rest/api/%1/%2").arg(version).arg(path).toUtf8(), 200, documented(body));
        JiraTracker jira(QUrl(QStringLiteral("https://example.org/jira/")), QStringLiteral("pat-token"), version, fake);
        jira.setProject(QStringLiteral("ED"));
        const TaskListing listing = jira.tasksWithStatus(QStringLiteral("Awaiting \"Showroom\""));
        QVERIFY2(!listing.error, qPrintable(listing.error.message()));
        QCOMPARE(listing.tasks.size(), count);
        QCOMPARE(listing.tasks[0].key, QStringLiteral("ED-1"));
        QCOMPARE(listing.tasks[0].status, QStringLiteral("Awaiting Showroom"));
        QCOMPARE(listing.tasks[0].assignee, QStringLiteral("Mia Krystof"));
        QCOMPARE(listing.tasks[0].url.toString(), QStringLiteral("https://example.org/jira/browse/ED-1"));
        if (count > 1)
            QCOMPARE(listing.tasks[1].assignee, QString());
        // One page was enough: the answer said so.
        QCOMPARE(fake->requests.size(), 1);
        const QUrlQuery query(fake->requests.first().url);
        QCOMPARE(query.queryItemValue(QStringLiteral("jql"), QUrl::FullyDecoded),
            QStringLiteral("project = \"ED\" AND status = \"Awaiting \\\"Showroom\\\"\" ORDER BY key"));
        QCOMPARE(query.queryItemValue(QStringLiteral("fields")), QStringLiteral("summary,status,assignee"));
    }

    void tasksWithStatusRefusesWhatIsNoSearchResult()
    {
        auto fake = std::make_shared<FakeTransport>();
        fake->respond("GET /jira/rest/api/2/search", 200, documented(QStringLiteral("issue-v2.json")));
        JiraTracker jira(QUrl(QStringLiteral("https://example.org/jira/")), QString(), 2, fake);
        QCOMPARE(jira.tasksWithStatus(QStringLiteral("In QA")).error.kind(), TrackerError::Kind::BadResponse);
        fake->respond("GET /jira/rest/api/2/search", 400, documented(QStringLiteral("error-404.json")));
        QVERIFY(jira.tasksWithStatus(QStringLiteral("In QA")).error.isError());
    }

    void readIssue_data()
    {
        QTest::addColumn<int>("version");
        QTest::addColumn<QString>("body");
        QTest::addColumn<QString>("assignee");
        QTest::newRow("v2 Get issue") << 2 << QStringLiteral("issue-v2.json") << QStringLiteral("Mia Krystof");
        QTest::newRow("v3 Get issue, unassigned, ADF description") << 3 << QStringLiteral("issue-v3.json") << QString();
    }

    void readIssue()
    {
        QFETCH(int, version);
        QFETCH(QString, body);
        QFETCH(QString, assignee);
        auto fake = std::make_shared<FakeTransport>();
        fake->respond(QStringLiteral("GET /jira/rest/api/%1/issue/ED-1").arg(version).toUtf8(), 200, documented(body));
        JiraTracker jira(QUrl(QStringLiteral("https://example.org/jira/")), QStringLiteral("pat-token"), version, fake);
        const TaskLookup lookup = jira.task(QStringLiteral("ED-1"));
        QVERIFY2(!lookup.error, qPrintable(lookup.error.message()));
        QCOMPARE(lookup.task->title, QStringLiteral("Main order flow broken"));
        QCOMPARE(lookup.task->status, QStringLiteral("In Progress"));
        QCOMPARE(lookup.task->assignee, assignee);
        QCOMPARE(lookup.task->url.toString(), QStringLiteral("https://example.org/jira/browse/ED-1"));
        QCOMPARE(fake->requests.first().url.query(), QStringLiteral("fields=summary,status,assignee"));
        QCOMPARE(fake->header(0, "Authorization"), QByteArray("Bearer pat-token"));
    }

    void cloudBasicAuthentication()
    {
        auto fake = std::make_shared<FakeTransport>();
        fake->respond("GET /rest/api/2/issue/ED-1", 200, documented(QStringLiteral("issue-v2.json")));
        JiraTracker jira(QUrl(QStringLiteral("https://your-domain.atlassian.net")),
            QStringLiteral("me@example.org:api-token"), 2, fake);
        QVERIFY(!jira.task(QStringLiteral("ED-1")).error);
        QCOMPARE(fake->header(0, "Authorization"), "Basic " + QByteArray("me@example.org:api-token").toBase64());
    }

    void transition_data()
    {
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("transitionId");
        QTest::addColumn<int>("kind");
        QTest::newRow("to Closed through \"QA Review\"")
            << QStringLiteral("closed") << QStringLiteral("711") << int(TrackerError::Kind::None);
        QTest::newRow("not offered from here")
            << QStringLiteral("For Delivery") << QString() << int(TrackerError::Kind::Rejected);
        QTest::newRow("already there") << QStringLiteral("In Progress") << QString() << int(TrackerError::Kind::None);
    }

    void transition()
    {
        QFETCH(QString, status);
        QFETCH(QString, transitionId);
        QFETCH(int, kind);
        auto fake = std::make_shared<FakeTransport>();
        fake->respond("GET /rest/api/2/issue/ED-1", 200, documented(QStringLiteral("issue-v2.json")));
        fake->respond("GET /rest/api/2/issue/ED-1/transitions", 200, documented(QStringLiteral("transitions.json")));
        fake->respond("POST /rest/api/2/issue/ED-1/transitions", 204, QByteArray());
        JiraTracker jira(QUrl(QStringLiteral("https://your-domain.atlassian.net")), QStringLiteral("t"), 2, fake);
        const TrackerError error = jira.transition(QStringLiteral("ED-1"), status);
        QCOMPARE(int(error.kind()), kind);
        if (error)
            QVERIFY2(error.message().contains(QLatin1String("Closed")), qPrintable(error.message()));
        const HttpRequest &last = fake->requests.last();
        if (!transitionId.isEmpty()) {
            QCOMPARE(last.method, QByteArray("POST"));
            QCOMPARE(QJsonDocument::fromJson(last.body)
                         .object()
                         .value(QLatin1String("transition"))
                         .toObject()
                         .value(QLatin1String("id"))
                         .toString(),
                transitionId);
        } else {
            QVERIFY(last.method != "POST");
        }
    }

    void comment_data()
    {
        QTest::addColumn<int>("version");
        QTest::newRow("v2: plain text body") << 2;
        QTest::newRow("v3: Atlassian Document Format body") << 3;
    }

    void comment()
    {
        QFETCH(int, version);
        auto fake = std::make_shared<FakeTransport>();
        fake->respond(QStringLiteral("POST /rest/api/%1/issue/ED-1/comment").arg(version).toUtf8(), 201,
            documented(QStringLiteral("comment-v3.json")));
        JiraTracker jira(QUrl(QStringLiteral("https://your-domain.atlassian.net")), QStringLiteral("t"), version, fake);
        const QString text = QStringLiteral("Autotests failed.\n\nLog:\nline 1\nline 2");
        QVERIFY(!jira.addComment(QStringLiteral("ED-1"), text));
        const QJsonValue body =
            QJsonDocument::fromJson(fake->requests.first().body).object().value(QLatin1String("body"));
        if (version == 2) {
            QCOMPARE(body.toString(), text);
            return;
        }
        const QJsonObject document = body.toObject();
        QCOMPARE(document.value(QLatin1String("type")).toString(), QStringLiteral("doc"));
        QCOMPARE(document.value(QLatin1String("version")).toInt(), 1);
        const QJsonArray paragraphs = document.value(QLatin1String("content")).toArray();
        QCOMPARE(paragraphs.size(), 2);
        const QJsonArray second = paragraphs.at(1).toObject().value(QLatin1String("content")).toArray();
        QCOMPARE(second.size(), 5); // text, hardBreak, text, hardBreak, text
        QCOMPARE(second.at(1).toObject().value(QLatin1String("type")).toString(), QStringLiteral("hardBreak"));
        QCOMPARE(second.at(4).toObject().value(QLatin1String("text")).toString(), QStringLiteral("line 2"));
    }

    void errors_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("404 with the documented error collection")
            << 404 << documented(QStringLiteral("error-404.json")) << int(TrackerError::Kind::NotFound)
            << QStringLiteral("Issue does not exist");
        QTest::newRow("401") << 401 << QByteArray() << int(TrackerError::Kind::Unauthorized)
                             << QStringLiteral("$JIRA_TOKEN");
        QTest::newRow("403")
            << 403
            << QByteArray(
                   R"({"errorMessages":["You do not have the permission to see the specified issue."],"errors":{}})")
            << int(TrackerError::Kind::Forbidden) << QStringLiteral("permission");
        QTest::newRow("500") << 500 << QByteArray("oops") << int(TrackerError::Kind::ServerError)
                             << QStringLiteral("500");
        QTest::newRow("200 with an HTML page")
            << 200 << QByteArray("<!DOCTYPE html><html>Log in</html>") << int(TrackerError::Kind::BadResponse)
            << QStringLiteral("not a Jira issue");
        QTest::newRow("200 with a JSON string")
            << 200 << QByteArray("\"ED-1\"") << int(TrackerError::Kind::BadResponse) << QStringLiteral("ED-1");
        QTest::newRow("200 with binary garbage") << 200 << QByteArray("\x00\xff\xfe garbage", 11)
                                                 << int(TrackerError::Kind::BadResponse) << QStringLiteral("ED-1");
    }

    void errors()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(int, kind);
        QFETCH(QString, messagePart);
        auto fake = std::make_shared<FakeTransport>();
        fake->respond("GET /rest/api/3/issue/ED-1", status, body);
        JiraTracker jira(QUrl(QStringLiteral("https://your-domain.atlassian.net")), QStringLiteral("t"), 3, fake,
            QStringLiteral("JIRA_TOKEN"));
        const TaskLookup lookup = jira.task(QStringLiteral("ED-1"));
        QCOMPARE(int(lookup.error.kind()), kind);
        QVERIFY2(lookup.error.message().contains(messagePart), qPrintable(lookup.error.message()));
    }

    void networkFailures()
    {
        auto fake = std::make_shared<FakeTransport>();
        fake->fail("GET /rest/api/2/issue/ED-1", HttpResponse::Failure::Timeout,
            QStringLiteral("Operation timed out after 20000 milliseconds"));
        JiraTracker jira(QUrl(QStringLiteral("https://your-domain.atlassian.net")), QStringLiteral("t"), 2, fake);
        QCOMPARE(jira.task(QStringLiteral("ED-1")).error.kind(), TrackerError::Kind::Timeout);
        fake->fail(
            "GET /rest/api/2/issue/ED-1", HttpResponse::Failure::Network, QStringLiteral("Could not resolve host"));
        const TrackerError error = jira.task(QStringLiteral("ED-1")).error;
        QCOMPARE(error.kind(), TrackerError::Kind::Network);
        QVERIFY(error.message().contains(QLatin1String("Could not resolve host")));
    }

    void hostileKeys_data()
    {
        QTest::addColumn<QString>("key");
        QTest::newRow("path traversal") << QStringLiteral("../../admin");
        QTest::newRow("query injection") << QStringLiteral("ED-1?expand=all");
        QTest::newRow("unicode") << QStringLiteral("ЗАДАЧА-1");
        QTest::newRow("empty") << QString();
    }

    void hostileKeys()
    {
        QFETCH(QString, key);
        auto fake = std::make_shared<FakeTransport>();
        JiraTracker jira(QUrl(QStringLiteral("https://your-domain.atlassian.net")), QStringLiteral("t"), 2, fake);
        QCOMPARE(jira.task(key).error.kind(), TrackerError::Kind::InvalidInput);
        QCOMPARE(jira.transition(key, QStringLiteral("Closed")).kind(), TrackerError::Kind::InvalidInput);
        QCOMPARE(jira.addComment(key, QStringLiteral("x")).kind(), TrackerError::Kind::InvalidInput);
        QVERIFY(fake->requests.isEmpty());
    }

    // tracker.apiVersion in the ecosystem reaches the adapter.
    void factoryPassesApiVersion_data()
    {
        QTest::addColumn<int>("version");
        QTest::newRow("2") << 2;
        QTest::newRow("3") << 3;
    }

    void factoryPassesApiVersion()
    {
        QFETCH(int, version);
        Ecosystem ecosystem;
        ecosystem.tracker.kind = TrackerKind::Jira;
        ecosystem.tracker.url = QStringLiteral("https://jira.example.org");
        ecosystem.tracker.apiVersion = version;
        auto fake = std::make_shared<FakeTransport>();
        fake->respond(QStringLiteral("GET /rest/api/%1/issue/ED-1").arg(version).toUtf8(), 200,
            documented(QStringLiteral("issue-v%1.json").arg(version)));
        const TrackerFactory::Result result = TrackerFactory::create(ecosystem, fake);
        QVERIFY2(!result.error, qPrintable(result.error.message()));
        const TaskLookup lookup = result.tracker->task(QStringLiteral("ED-1"));
        QVERIFY2(!lookup.error, qPrintable(lookup.error.message()));
    }
};

QTEST_GUILESS_MAIN(tst_JiraTracker)
#include "tst_jiratracker.moc"
