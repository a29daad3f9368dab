// SPDX-License-Identifier: GPL-2.0-or-later
// GitHubReviewSource against response bodies written from the examples in
// GitHub's published REST API documentation ("List pull requests", "List
// reviews for a pull request"; see data/README.md), served by a fake
// transport: no GitHub can run here. They were not captured from a server.
#include "FakeTransport.h"

#include "gating/GitHubReviewSource.h"

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
    QFile file(QStringLiteral(SHIPYARD_SOURCE_DIR "/tests/core/gating/data/github/") + name);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Reviews in the documented shape: the documented review with its login and
// state replaced, oldest first, as GitHub lists them.
QByteArray reviewsBy(const QList<QPair<QString, QString>> &loginsAndStates)
{
    const QJsonObject model =
        QJsonDocument::fromJson(documented(QStringLiteral("reviews.json"))).array().first().toObject();
    QJsonArray reviews;
    int id = 80;
    for (const auto &[login, state] : loginsAndStates) {
        QJsonObject review = model;
        QJsonObject user = review.value(QLatin1String("user")).toObject();
        user.insert(QStringLiteral("login"), login);
        review.insert(QStringLiteral("user"), user);
        review.insert(QStringLiteral("state"), state);
        review.insert(QStringLiteral("id"), id++);
        reviews.append(review);
    }
    return QJsonDocument(reviews).toJson();
}

const QUrl api(QStringLiteral("https://api.github.com"));
const QByteArray pullsPath("GET /repos/octocat/Hello-World/pulls");
const QByteArray reviewsPath("GET /repos/octocat/Hello-World/pulls/1347/reviews");

} // namespace

class tst_GitHubReviewSource : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // As documented, octocat reviews octocat's own pull request: not counted.
    void documentedBodies()
    {
        auto fake = std::make_shared<FakeTransport>();
        fake->respond(pullsPath, 200, documented(QStringLiteral("pulls.json")));
        fake->respond(reviewsPath, 200, documented(QStringLiteral("reviews.json")));
        GitHubReviewSource github(api, QStringLiteral("octocat/Hello-World"), QStringLiteral("ghp_s3cr3t"), fake);
        const ReviewLookup lookup = github.reviews({ nullptr, QStringLiteral("new-topic"), {} });
        QVERIFY2(lookup.error.isEmpty(), qPrintable(lookup.error));
        QVERIFY(lookup.reviews.isEmpty());
        QCOMPARE(fake->requests.size(), 2);
        const QUrlQuery query(fake->requests.first().url);
        QCOMPARE(query.queryItemValue(QStringLiteral("head"), QUrl::FullyDecoded), QStringLiteral("octocat:new-topic"));
        QCOMPARE(query.queryItemValue(QStringLiteral("state")), QStringLiteral("open"));
        QCOMPARE(fake->header(0, "Authorization"), QByteArray("Bearer ghp_s3cr3t"));
        QCOMPARE(fake->header(1, "Accept"), QByteArray("application/vnd.github+json"));
        QCOMPARE(QUrlQuery(fake->requests.at(1).url).queryItemValue(QStringLiteral("per_page")), QStringLiteral("100"));
    }

    // Each reviewer's latest deciding review counts (variants of the documented review).
    void latestReviewPerUser_data()
    {
        using Reviews = QList<QPair<QString, QString>>;
        QTest::addColumn<Reviews>("reviews");
        QTest::addColumn<QStringList>("approvedBy");
        QTest::addColumn<QStringList>("rejectedBy");
        const QString approved = QStringLiteral("APPROVED"), changes = QStringLiteral("CHANGES_REQUESTED"),
                      commented = QStringLiteral("COMMENTED"), dismissed = QStringLiteral("DISMISSED"),
                      pending = QStringLiteral("PENDING");
        const QString alice = QStringLiteral("alice"), bob = QStringLiteral("bob");
        QTest::newRow("two approvals") << Reviews { { alice, approved }, { bob, approved } }
                                       << QStringList { alice, bob } << QStringList {};
        QTest::newRow("approved twice counts once")
            << Reviews { { alice, approved }, { QStringLiteral("ALICE"), approved } } << QStringList { alice }
            << QStringList {};
        QTest::newRow("a comment after approval keeps it") << Reviews { { alice, approved }, { alice, commented },
            { alice, pending } } << QStringList { alice } << QStringList {};
        QTest::newRow("changes requested, then approved")
            << Reviews { { bob, changes }, { bob, approved } } << QStringList { bob } << QStringList {};
        QTest::newRow("approved, then changes requested blocks")
            << Reviews { { bob, approved }, { bob, changes } } << QStringList {} << QStringList { bob };
        QTest::newRow("a dismissed approval is gone")
            << Reviews { { alice, approved }, { alice, dismissed } } << QStringList {} << QStringList {};
        QTest::newRow("only comments") << Reviews { { alice, commented } } << QStringList {} << QStringList {};
        QTest::newRow("the author, in any case, does not count") << Reviews { { QStringLiteral("OctoCat"), approved },
            { alice, approved } } << QStringList { alice } << QStringList {};
    }

    void latestReviewPerUser()
    {
        using Reviews = QList<QPair<QString, QString>>;
        QFETCH(Reviews, reviews);
        QFETCH(QStringList, approvedBy);
        QFETCH(QStringList, rejectedBy);
        auto fake = std::make_shared<FakeTransport>();
        fake->respond(pullsPath, 200, documented(QStringLiteral("pulls.json")));
        fake->respond(reviewsPath, 200, reviewsBy(reviews));
        GitHubReviewSource github(api, QStringLiteral("octocat/Hello-World"), QString(), fake);
        const ReviewLookup lookup = github.reviews({ nullptr, QStringLiteral("new-topic"), {} });
        QVERIFY2(lookup.error.isEmpty(), qPrintable(lookup.error));
        QStringList approvedActual, rejectedActual;
        for (const Review &review : lookup.reviews)
            (review.verdict == Review::Verdict::Approved ? approvedActual : rejectedActual).append(review.reviewer);
        QCOMPARE(approvedActual, approvedBy);
        QCOMPARE(rejectedActual, rejectedBy);
    }

    void enterpriseApiRoot()
    {
        auto fake = std::make_shared<FakeTransport>();
        fake->respond("GET /api/v3/repos/octocat/Hello-World/pulls", 200, "[]");
        GitHubReviewSource github(QUrl(QStringLiteral("https://github.example.org/api/v3/")),
            QStringLiteral("octocat/Hello-World"), QString(), fake);
        const QString error = github.reviews({ nullptr, QStringLiteral("new-topic"), {} }).error;
        QVERIFY2(error.contains(QLatin1String("no open pull request from new-topic in octocat/Hello-World")),
            qPrintable(error));
    }

    void errors_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("expected");
        QTest::newRow("401, documented body")
            << 401 << documented(QStringLiteral("error-401.json"))
            << QStringLiteral("HTTP 401): check the token in $GITHUB_TOKEN (Bad credentials)");
        QTest::newRow("403") << 403 << QByteArray(R"({"message":"Resource not accessible by integration"})")
                             << QStringLiteral("permission denied (HTTP 403)");
        QTest::newRow("404") << 404 << QByteArray(R"({"message":"Not Found"})")
                             << QStringLiteral("not found (HTTP 404) (Not Found)");
        QTest::newRow("502") << 502 << QByteArray() << QStringLiteral("the server failed (HTTP 502)");
        QTest::newRow("garbage") << 200 << QByteArray("[{\"number\": ")
                                 << QStringLiteral("is not a list of pull requests");
        QTest::newRow("no number") << 200 << QByteArray(R"([{"head":{"ref":"new-topic"}}])")
                                   << QStringLiteral("has no number");
    }

    void errors()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(QString, expected);
        auto fake = std::make_shared<FakeTransport>();
        fake->respond(pullsPath, status, body);
        GitHubReviewSource github(api, QStringLiteral("octocat/Hello-World"), QStringLiteral("ghp_s3cr3t"), fake,
            QStringLiteral("GITHUB_TOKEN"));
        const ReviewLookup lookup = github.reviews({ nullptr, QStringLiteral("new-topic"), {} });
        QVERIFY2(lookup.error.contains(expected), qPrintable(lookup.error));
        QVERIFY(lookup.error.startsWith(QLatin1String("reading the reviews of new-topic from GitHub at")));
        QVERIFY(!lookup.error.contains(QLatin1String("s3cr3t")));
    }

    void reviewsErrors()
    {
        auto fake = std::make_shared<FakeTransport>();
        fake->respond(pullsPath, 200, documented(QStringLiteral("pulls.json")));
        fake->respond(reviewsPath, 200, "{\"reviews\": []}");
        GitHubReviewSource github(api, QStringLiteral("octocat/Hello-World"), QString(), fake);
        QString error = github.reviews({ nullptr, QStringLiteral("new-topic"), {} }).error;
        QVERIFY2(error.contains(QLatin1String("(pull request #1347): the answer is not a list of reviews")),
            qPrintable(error));
        fake->respond(reviewsPath, 500, "");
        error = github.reviews({ nullptr, QStringLiteral("new-topic"), {} }).error;
        QVERIFY2(error.contains(QLatin1String("HTTP 500")), qPrintable(error));
    }

    void badProject()
    {
        auto fake = std::make_shared<FakeTransport>();
        GitHubReviewSource github(api, QStringLiteral("Hello-World"), QString(), fake);
        QVERIFY(github.reviews({ nullptr, QStringLiteral("new-topic"), {} })
                .error.contains(QLatin1String("an 'owner/repo' project")));
        QVERIFY(fake->requests.isEmpty());
    }

    void hostileBranchName()
    {
        auto fake = std::make_shared<FakeTransport>();
        fake->respond(pullsPath, 200, documented(QStringLiteral("pulls.json")));
        GitHubReviewSource github(api, QStringLiteral("octocat/Hello-World"), QString(), fake);
        const QString name = QStringLiteral("feature/ünï&head=octocat:new-topic");
        // The documented pull request is from new-topic: it must not be taken for this branch.
        QVERIFY(github.reviews({ nullptr, name, {} }).error.contains(QLatin1String("no open pull request")));
        QCOMPARE(QUrlQuery(fake->requests.first().url).queryItemValue(QStringLiteral("head"), QUrl::FullyDecoded),
            QStringLiteral("octocat:") + name);
    }
};

QTEST_GUILESS_MAIN(tst_GitHubReviewSource)
#include "tst_githubreviewsource.moc"
