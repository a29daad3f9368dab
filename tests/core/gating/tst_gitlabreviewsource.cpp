// SPDX-License-Identifier: GPL-2.0-or-later
// GitLabReviewSource against response bodies written from the examples in
// GitLab's published REST API documentation ("List project merge requests",
// "Merge request approvals"; see data/README.md), served by a fake transport:
// no GitLab can run here. They were not captured from a server.
#include "FakeTransport.h"

#include "gating/GitLabReviewSource.h"

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
    QFile file(QStringLiteral(SHIPYARD_SOURCE_DIR "/tests/core/gating/data/gitlab/") + name);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The documented merge request list with another author: the documented
// author (id 1) is also the documented approver.
QByteArray mergeRequestsByAnotherAuthor()
{
    QJsonArray list = QJsonDocument::fromJson(documented(QStringLiteral("merge-requests.json"))).array();
    QJsonObject request = list.first().toObject();
    request.insert(QStringLiteral("author"), request.value(QLatin1String("reviewers")).toArray().first());
    list.replace(0, request);
    return QJsonDocument(list).toJson();
}

const QUrl server(QStringLiteral("https://gitlab.example.com"));
const QByteArray listPath("GET /api/v4/projects/my-group/my-project/merge_requests");
const QByteArray approvalsPath("GET /api/v4/projects/my-group/my-project/merge_requests/1/approvals");

} // namespace

class tst_GitLabReviewSource : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // As documented, the approver (id 1) is the merge request's author: their
    // approval of their own work does not count.
    void documentedBodies()
    {
        auto fake = std::make_shared<FakeTransport>();
        fake->respond(listPath, 200, documented(QStringLiteral("merge-requests.json")));
        fake->respond(approvalsPath, 200, documented(QStringLiteral("approvals.json")));
        GitLabReviewSource gitlab(
            server, QStringLiteral("my-group/my-project"), QStringLiteral("glpat-s3cr3t"), fake, QStringLiteral("GL"));
        const ReviewLookup lookup = gitlab.reviews({ nullptr, QStringLiteral("test1"), {} });
        QVERIFY2(lookup.error.isEmpty(), qPrintable(lookup.error));
        QVERIFY(lookup.reviews.isEmpty());
        QCOMPARE(fake->requests.size(), 2);
        // The project path is one segment, the branch a query value.
        QVERIFY2(fake->requests.first().url.toEncoded().startsWith(
                     "https://gitlab.example.com/api/v4/projects/my-group%2Fmy-project/merge_requests?"),
            fake->requests.first().url.toEncoded().constData());
        const QUrlQuery query(fake->requests.first().url);
        QCOMPARE(query.queryItemValue(QStringLiteral("source_branch")), QStringLiteral("test1"));
        QCOMPARE(query.queryItemValue(QStringLiteral("state")), QStringLiteral("opened"));
        QCOMPARE(fake->header(0, "PRIVATE-TOKEN"), QByteArray("glpat-s3cr3t"));
        QCOMPARE(fake->header(1, "PRIVATE-TOKEN"), QByteArray("glpat-s3cr3t"));
        QVERIFY(!fake->requests.at(1).url.toEncoded().contains("s3cr3t"));
    }

    void approvalByAnotherUser()
    {
        auto fake = std::make_shared<FakeTransport>();
        fake->respond(listPath, 200, mergeRequestsByAnotherAuthor());
        fake->respond(approvalsPath, 200, documented(QStringLiteral("approvals.json")));
        GitLabReviewSource gitlab(server, QStringLiteral("my-group/my-project"), QString(), fake);
        const ReviewLookup lookup = gitlab.reviews({ nullptr, QStringLiteral("test1"), {} });
        QVERIFY2(lookup.error.isEmpty(), qPrintable(lookup.error));
        QCOMPARE(lookup.reviews.size(), 1);
        QCOMPARE(lookup.reviews.first().reviewer, QStringLiteral("Administrator (@root)"));
        QCOMPARE(lookup.approvals(), 1);
        QVERIFY(!lookup.hasRejection());
    }

    // The documented approver listed twice counts once.
    void distinctApprovers()
    {
        QJsonObject approvals = QJsonDocument::fromJson(documented(QStringLiteral("approvals.json"))).object();
        QJsonArray approvedBy = approvals.value(QLatin1String("approved_by")).toArray();
        approvedBy.append(approvedBy.first());
        approvals.insert(QStringLiteral("approved_by"), approvedBy);
        auto fake = std::make_shared<FakeTransport>();
        fake->respond(listPath, 200, mergeRequestsByAnotherAuthor());
        fake->respond(approvalsPath, 200, QJsonDocument(approvals).toJson());
        GitLabReviewSource gitlab(server, QStringLiteral("my-group/my-project"), QString(), fake);
        QCOMPARE(gitlab.reviews({ nullptr, QStringLiteral("test1"), {} }).approvals(), 1);
    }

    void noMergeRequest()
    {
        auto fake = std::make_shared<FakeTransport>();
        fake->respond(listPath, 200, documented(QStringLiteral("merge-requests.json")));
        GitLabReviewSource gitlab(server, QStringLiteral("my-group/my-project"), QString(), fake);
        // The documented list is for "test1": a server that ignored the
        // filter must not lend its approvals to another branch.
        const QString error = gitlab.reviews({ nullptr, QStringLiteral("feature/TASK-12"), {} }).error;
        QVERIFY2(error.contains(QLatin1String("no open merge request from feature/TASK-12 in my-group/my-project")),
            qPrintable(error));
        QCOMPARE(fake->requests.size(), 1);
    }

    void errors_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("expected");
        QTest::newRow("401, documented body")
            << 401 << documented(QStringLiteral("error-401.json"))
            << QStringLiteral("HTTP 401): check the token in $GITLAB_TOKEN (401 Unauthorized)");
        QTest::newRow("403") << 403 << QByteArray(R"({"message":"403 Forbidden"})")
                             << QStringLiteral("permission denied (HTTP 403)");
        QTest::newRow("404") << 404 << QByteArray(R"({"message":"404 Project Not Found"})")
                             << QStringLiteral("not found (HTTP 404) (404 Project Not Found)");
        QTest::newRow("500") << 500 << QByteArray("<html>oops</html>")
                             << QStringLiteral("the server failed (HTTP 500)");
        QTest::newRow("garbage") << 200 << QByteArray("\0\0garbage", 9)
                                 << QStringLiteral("is not a list of merge requests");
        QTest::newRow("an object") << 200 << QByteArray("{}") << QStringLiteral("not a list of merge requests");
        QTest::newRow("no iid") << 200 << QByteArray(R"([{"source_branch":"test1"}])") << QStringLiteral("has no iid");
    }

    void errors()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(QString, expected);
        auto fake = std::make_shared<FakeTransport>();
        fake->respond(listPath, status, body);
        GitLabReviewSource gitlab(server, QStringLiteral("my-group/my-project"), QStringLiteral("glpat-s3cr3t"), fake,
            QStringLiteral("GITLAB_TOKEN"));
        const ReviewLookup lookup = gitlab.reviews({ nullptr, QStringLiteral("test1"), {} });
        QVERIFY2(lookup.error.contains(expected), qPrintable(lookup.error));
        QVERIFY(!lookup.error.contains(QLatin1String("s3cr3t")));
    }

    void approvalsErrors()
    {
        auto fake = std::make_shared<FakeTransport>();
        fake->respond(listPath, 200, documented(QStringLiteral("merge-requests.json")));
        fake->respond(approvalsPath, 200, R"({"approved_by": "everyone"})");
        GitLabReviewSource gitlab(server, QStringLiteral("my-group/my-project"), QString(), fake);
        QString error = gitlab.reviews({ nullptr, QStringLiteral("test1"), {} }).error;
        QVERIFY2(
            error.contains(QLatin1String("(merge request !1): the answer has no approved_by list")), qPrintable(error));
        fake->fail(approvalsPath, HttpResponse::Failure::Network, QStringLiteral("Could not resolve host"));
        error = gitlab.reviews({ nullptr, QStringLiteral("test1"), {} }).error;
        QVERIFY2(error.contains(QLatin1String("cannot reach the server: Could not resolve host")), qPrintable(error));
    }

    void hostileBranchName()
    {
        auto fake = std::make_shared<FakeTransport>();
        fake->respond(listPath, 200, "[]");
        GitLabReviewSource gitlab(server, QStringLiteral("my-group/my-project"), QString(), fake);
        const QString name = QStringLiteral("feature/ünï cødé&state=all#x+y");
        QVERIFY(gitlab.reviews({ nullptr, name, {} }).error.contains(QLatin1String("no open merge request")));
        const QUrlQuery query(fake->requests.first().url);
        QCOMPARE(query.queryItemValue(QStringLiteral("source_branch"), QUrl::FullyDecoded), name);
        QCOMPARE(query.queryItemValue(QStringLiteral("state")), QStringLiteral("opened"));
    }
};

QTEST_GUILESS_MAIN(tst_GitLabReviewSource)
#include "tst_gitlabreviewsource.moc"
