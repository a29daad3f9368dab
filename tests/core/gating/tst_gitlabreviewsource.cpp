// SPDX-License-Identifier: GPL-2.0-or-later
// GitLabReviewSource against response bodies written from the examples in
// GitLab's published REST API documentation ("List project merge requests",
// "Merge request approvals", "List merge request diff versions"; see
// data/README.md), served by a fake transport: no GitLab can run here. They
// were not captured from a server.
#include "ApprovalsReason.h"
#include "FakeTransport.h"

#include "gating/GateEvaluator.h"
#include "gating/GitLabReviewSource.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QUrlQuery>

using namespace Shipyard;
using namespace Shipyard::TestSupport;

namespace {

QByteArray documented(const QString &name)
{
    QFile file(QStringLiteral(SHIPYARD_SOURCE_DIR "/tests/core/gating/data/gitlab/") + name);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The documented merge request's head, and the heads of the documented diff versions.
const QString documentedHead = QStringLiteral("8888888888888888888888888888888888888888");
const QString version110 = QStringLiteral("33e2ee8579fda5bc36accc9c6fbd0b4fefda9e30");
const QString version108 = QStringLiteral("3eed087b29835c48015768f839d76e5ea8f07a24");

// The documented merge request list, its merge request at `sha` and, with
// anotherAuthor, written by someone who approves in none of the documented
// approvals (the documented author, id 1, is also the documented approver).
QByteArray mergeRequests(const QString &sha, bool anotherAuthor = true)
{
    QJsonArray list = QJsonDocument::fromJson(documented(QStringLiteral("merge-requests.json"))).array();
    QJsonObject request = list.first().toObject();
    if (anotherAuthor) {
        QJsonObject author = request.value(QLatin1String("reviewers")).toArray().first().toObject();
        author.insert(QStringLiteral("id"), 3);
        request.insert(QStringLiteral("author"), author);
    }
    request.insert(QStringLiteral("sha"), sha);
    list.replace(0, request);
    return QJsonDocument(list).toJson();
}

ReviewRequest request(const QString &commit, const QString &branch = QStringLiteral("test1"))
{
    return { nullptr, branch, {}, commit };
}

QStringList reviewers(const QList<Review> &reviews)
{
    QStringList names;
    for (const Review &review : reviews)
        names.append(
            review.commit.isEmpty() ? review.reviewer : review.reviewer + QLatin1Char('@') + review.commit.left(7));
    return names;
}

const QUrl server(QStringLiteral("https://gitlab.example.com"));
const QByteArray listPath("GET /api/v4/projects/my-group/my-project/merge_requests");
const QByteArray approvalsPath("GET /api/v4/projects/my-group/my-project/merge_requests/1/approvals");
const QByteArray versionsPath("GET /api/v4/projects/my-group/my-project/merge_requests/1/versions");

std::shared_ptr<FakeTransport> serving(const QByteArray &list, const QString &approvals)
{
    auto fake = std::make_shared<FakeTransport>();
    fake->respond(listPath, 200, list);
    fake->respond(approvalsPath, 200, documented(approvals));
    fake->respond(versionsPath, 200, documented(QStringLiteral("versions.json")));
    return fake;
}

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
        const ReviewLookup lookup = gitlab.reviews(request(documentedHead));
        QVERIFY2(lookup.error.isEmpty(), qPrintable(lookup.error));
        QVERIFY(lookup.reviews.isEmpty());
        QVERIFY(lookup.outdated.isEmpty());
        QCOMPARE(lookup.commit, documentedHead);
        QVERIFY(lookup.mismatch.isEmpty());
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

    // The current documentation's approvals, dated, and its diff versions:
    // Administrator approved while version 108 (3eed087) was the head, Nico
    // Cartwright after version 110 (33e2ee8) made it the head.
    void approvalOfAnOlderPush()
    {
        auto fake = serving(mergeRequests(version110), QStringLiteral("approvals-approved-at.json"));
        GitLabReviewSource gitlab(server, QStringLiteral("my-group/my-project"), QString(), fake);
        const ReviewLookup lookup = gitlab.reviews(request(version110));
        QVERIFY2(lookup.error.isEmpty(), qPrintable(lookup.error));
        QCOMPARE(reviewers(lookup.reviews), QStringList { QStringLiteral("Nico Cartwright (@ryley)@33e2ee8") });
        QCOMPARE(reviewers(lookup.outdated), QStringList { QStringLiteral("Administrator (@root)@3eed087") });
        QVERIFY(lookup.mismatch.isEmpty());
        QCOMPARE(approvalsReason(lookup, 2),
            QStringLiteral(
                "1 of 2 required approvals: approved at 3eed087 by Administrator (@root), delivering 33e2ee8"));
        QCOMPARE(approvalsReason(lookup, 1), QStringLiteral("1 of 1 required approvals"));
        QCOMPARE(fake->requests.size(), 3);
        QCOMPARE(fake->requests.at(2).url.path(),
            QStringLiteral("/api/v4/projects/my-group/my-project/merge_requests/1/versions"));
    }

    // A push to the target branch makes a diff version with the same head:
    // the head has been the merge request's since the first of them.
    void aNewVersionWithTheSameHead()
    {
        QJsonArray versions = QJsonDocument::fromJson(documented(QStringLiteral("versions.json"))).array();
        QJsonObject reloaded = versions.first().toObject();
        reloaded.insert(QStringLiteral("id"), 111);
        reloaded.insert(QStringLiteral("created_at"), QStringLiteral("2016-07-27T08:00:00.000Z"));
        reloaded.insert(QStringLiteral("start_commit_sha"), QStringLiteral("0b4bc9a49b562e85de7cc9e834518ea6828729b9"));
        versions.prepend(reloaded);
        auto fake = serving(mergeRequests(version110), QStringLiteral("approvals-approved-at.json"));
        fake->respond(versionsPath, 200, QJsonDocument(versions).toJson());
        GitLabReviewSource gitlab(server, QStringLiteral("my-group/my-project"), QString(), fake);
        const ReviewLookup lookup = gitlab.reviews(request(version110));
        QVERIFY2(lookup.error.isEmpty(), qPrintable(lookup.error));
        QCOMPARE(reviewers(lookup.reviews), QStringList { QStringLiteral("Nico Cartwright (@ryley)@33e2ee8") });
        QCOMPARE(reviewers(lookup.outdated), QStringList { QStringLiteral("Administrator (@root)@3eed087") });
    }

    // Delivering 3eed087 while the merge request is at 33e2ee8 (the clone is
    // behind): nothing counts, not even the approval given at 3eed087.
    void mergeRequestAtAnotherCommit()
    {
        auto fake = serving(mergeRequests(version110), QStringLiteral("approvals-approved-at.json"));
        GitLabReviewSource gitlab(server, QStringLiteral("my-group/my-project"), QString(), fake);
        const ReviewLookup lookup = gitlab.reviews(request(version108));
        QVERIFY2(lookup.error.isEmpty(), qPrintable(lookup.error));
        QCOMPARE(lookup.approvals(), 0);
        QCOMPARE(lookup.mismatch, QStringLiteral("merge request !1 is at 33e2ee8"));
        QCOMPARE(approvalsReason(lookup, 1),
            QStringLiteral("0 of 1 required approvals: merge request !1 is at 33e2ee8; approved at 3eed087 by "
                           "Administrator (@root) and at 33e2ee8 by Nico Cartwright (@ryley), delivering 3eed087"));
    }

    // The merge request's head has no diff version yet (GitLab makes them
    // after the push): no approval can be placed after it.
    void noVersionAtTheHeadYet()
    {
        auto fake = serving(mergeRequests(documentedHead), QStringLiteral("approvals-approved-at.json"));
        GitLabReviewSource gitlab(server, QStringLiteral("my-group/my-project"), QString(), fake);
        const ReviewLookup lookup = gitlab.reviews(request(documentedHead));
        QVERIFY2(lookup.error.isEmpty(), qPrintable(lookup.error));
        QCOMPARE(lookup.approvals(), 0);
        QCOMPARE(lookup.mismatch, QStringLiteral("merge request !1 has no diff version at 8888888 yet"));
        QCOMPARE(lookup.outdated.size(), 2);
    }

    // Approvals as older documentation shows them, without approved_at:
    // nothing ties them to a commit, so they do not count.
    void approvalsWithoutTime()
    {
        auto fake = serving(mergeRequests(documentedHead), QStringLiteral("approvals.json"));
        GitLabReviewSource gitlab(server, QStringLiteral("my-group/my-project"), QString(), fake);
        const ReviewLookup lookup = gitlab.reviews(request(documentedHead));
        QVERIFY2(lookup.error.isEmpty(), qPrintable(lookup.error));
        QCOMPARE(lookup.approvals(), 0);
        QCOMPARE(reviewers(lookup.outdated), QStringList { QStringLiteral("Administrator (@root)") });
        QCOMPARE(approvalsReason(lookup, 1),
            QStringLiteral("0 of 1 required approvals: GitLab does not say when merge request !1 was approved (no "
                           "approved_at), so its approvals cannot be tied to a commit; approved at an unknown commit "
                           "by Administrator (@root), delivering 8888888"));
    }

    // The dated approver listed twice counts once.
    void distinctApprovers()
    {
        QJsonObject approvals =
            QJsonDocument::fromJson(documented(QStringLiteral("approvals-approved-at.json"))).object();
        QJsonArray approvedBy = approvals.value(QLatin1String("approved_by")).toArray();
        approvedBy.append(approvedBy.last());
        approvals.insert(QStringLiteral("approved_by"), approvedBy);
        auto fake = serving(mergeRequests(version110), QStringLiteral("approvals-approved-at.json"));
        fake->respond(approvalsPath, 200, QJsonDocument(approvals).toJson());
        GitLabReviewSource gitlab(server, QStringLiteral("my-group/my-project"), QString(), fake);
        QCOMPARE(gitlab.reviews(request(version110)).approvals(), 1);
    }

    void noCommitToCheckAgainst()
    {
        auto fake = std::make_shared<FakeTransport>();
        GitLabReviewSource gitlab(server, QStringLiteral("my-group/my-project"), QString(), fake);
        const QString error = gitlab.reviews(request(QString())).error;
        QVERIFY2(error.contains(QLatin1String("no commit to check the approvals against")), qPrintable(error));
        QVERIFY(fake->requests.isEmpty());
    }

    void noMergeRequest()
    {
        auto fake = std::make_shared<FakeTransport>();
        fake->respond(listPath, 200, documented(QStringLiteral("merge-requests.json")));
        GitLabReviewSource gitlab(server, QStringLiteral("my-group/my-project"), QString(), fake);
        // The documented list is for "test1": a server that ignored the
        // filter must not lend its approvals to another branch.
        const QString error = gitlab.reviews(request(documentedHead, QStringLiteral("feature/TASK-12"))).error;
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
        QTest::newRow("no head commit") << 200 << QByteArray(R"([{"source_branch":"test1","iid":1}])")
                                        << QStringLiteral(
                                               "(merge request !1): the merge request has no head commit id");
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
        const ReviewLookup lookup = gitlab.reviews(request(documentedHead));
        QVERIFY2(lookup.error.contains(expected), qPrintable(lookup.error));
        QVERIFY(!lookup.error.contains(QLatin1String("s3cr3t")));
    }

    void approvalsErrors()
    {
        auto fake = std::make_shared<FakeTransport>();
        fake->respond(listPath, 200, documented(QStringLiteral("merge-requests.json")));
        fake->respond(approvalsPath, 200, R"({"approved_by": "everyone"})");
        GitLabReviewSource gitlab(server, QStringLiteral("my-group/my-project"), QString(), fake);
        QString error = gitlab.reviews(request(documentedHead)).error;
        QVERIFY2(
            error.contains(QLatin1String("(merge request !1): the answer has no approved_by list")), qPrintable(error));
        fake->fail(approvalsPath, HttpResponse::Failure::Network, QStringLiteral("Could not resolve host"));
        error = gitlab.reviews(request(documentedHead)).error;
        QVERIFY2(error.contains(QLatin1String("cannot reach the server: Could not resolve host")), qPrintable(error));
    }

    void versionsErrors()
    {
        auto fake = serving(mergeRequests(version110), QStringLiteral("approvals-approved-at.json"));
        fake->respond(versionsPath, 500, "");
        GitLabReviewSource gitlab(server, QStringLiteral("my-group/my-project"), QString(), fake);
        ReviewLookup lookup = gitlab.reviews(request(version110));
        QVERIFY2(lookup.error.contains(QLatin1String("(merge request !1), its versions: the server failed (HTTP 500)")),
            qPrintable(lookup.error));
        QVERIFY(lookup.reviews.isEmpty());
        fake->respond(versionsPath, 200, "{}");
        lookup = gitlab.reviews(request(version110));
        QVERIFY2(lookup.error.contains(QLatin1String("the answer is not a list of diff versions")),
            qPrintable(lookup.error));
    }

    void hostileBranchName()
    {
        auto fake = std::make_shared<FakeTransport>();
        fake->respond(listPath, 200, "[]");
        GitLabReviewSource gitlab(server, QStringLiteral("my-group/my-project"), QString(), fake);
        const QString name = QStringLiteral("feature/ünï cødé&state=all#x+y");
        QVERIFY(gitlab.reviews(request(documentedHead, name)).error.contains(QLatin1String("no open merge request")));
        const QUrlQuery query(fake->requests.first().url);
        QCOMPARE(query.queryItemValue(QStringLiteral("source_branch"), QUrl::FullyDecoded), name);
        QCOMPARE(query.queryItemValue(QStringLiteral("state")), QStringLiteral("opened"));
    }
};

QTEST_GUILESS_MAIN(tst_GitLabReviewSource)
#include "tst_gitlabreviewsource.moc"
