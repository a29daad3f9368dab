// SPDX-License-Identifier: GPL-2.0-or-later
// GerritReviewSource against response bodies written from the examples in
// Gerrit's published REST API documentation ("Query Changes", "Get Change
// Detail": ChangeInfo and LabelInfo; see data/README.md), served by a fake
// transport: no Gerrit can run here. They were not captured from a server.
#include "FakeTransport.h"

#include "gating/GerritReviewSource.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QUrlQuery>

using namespace Shipyard;

namespace {

const QString branch = QStringLiteral("feature/TASK-12-login");

QByteArray documented(const QString &name)
{
    QFile file(QStringLiteral(SHIPYARD_SOURCE_DIR "/tests/core/gating/data/gerrit/") + name);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The documented change detail with Jane Roe's Code-Review vote set to `vote`
// and, when `extra` is set, a third reviewer with that vote.
QByteArray detailWith(int janeVote, std::optional<int> extra = std::nullopt)
{
    QJsonObject change =
        QJsonDocument::fromJson(GerritReviewSource::stripXssiPrefix(documented(QStringLiteral("change-detail.json"))))
            .object();
    QJsonObject labels = change.value(QLatin1String("labels")).toObject();
    QJsonObject codeReview = labels.value(QLatin1String("Code-Review")).toObject();
    QJsonArray all = codeReview.value(QLatin1String("all")).toArray();
    QJsonObject jane = all.at(1).toObject();
    jane.insert(QStringLiteral("value"), janeVote);
    all.replace(1, jane);
    if (extra)
        all.append(QJsonObject { { QStringLiteral("value"), *extra }, { QStringLiteral("_account_id"), 1000098 },
            { QStringLiteral("name"), QStringLiteral("Max Moe") },
            { QStringLiteral("username"), QStringLiteral("mmoe") } });
    codeReview.insert(QStringLiteral("all"), all);
    labels.insert(QStringLiteral("Code-Review"), codeReview);
    change.insert(QStringLiteral("labels"), labels);
    return ")]}'\n" + QJsonDocument(change).toJson();
}

} // namespace

class tst_GerritReviewSource : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void stripsXssiPrefix()
    {
        QCOMPARE(GerritReviewSource::stripXssiPrefix(")]}'\n[]"), QByteArray("[]"));
        QCOMPARE(GerritReviewSource::stripXssiPrefix("[]"), QByteArray("[]"));
        QCOMPARE(GerritReviewSource::stripXssiPrefix(")]}'"), QByteArray());
    }

    // The documented bodies as they are: the owner's own -1 does not count,
    // Jane Roe's +1 does.
    void documentedChange()
    {
        auto fake = std::make_shared<FakeTransport>();
        fake->respond("GET /gerrit/a/changes/", 200, documented(QStringLiteral("query-changes.json")));
        fake->respond("GET /gerrit/a/changes/3965/detail", 200, documented(QStringLiteral("change-detail.json")));
        GerritReviewSource gerrit(QUrl(QStringLiteral("https://review.example.org/gerrit/")),
            QStringLiteral("myProject"), QStringLiteral("jroe:http-password"), fake, QStringLiteral("GERRIT_TOKEN"));
        const ReviewLookup lookup = gerrit.reviews({ nullptr, branch, QStringLiteral("origin/master") });
        QVERIFY2(lookup.error.isEmpty(), qPrintable(lookup.error));
        QCOMPARE(lookup.reviews.size(), 1);
        QCOMPARE(lookup.reviews.first().reviewer, QStringLiteral("Jane Roe <jane.roe@example.com>"));
        QCOMPARE(lookup.approvals(), 1);
        QVERIFY(!lookup.hasRejection());
        QCOMPARE(fake->requests.size(), 2);
        QCOMPARE(QUrlQuery(fake->requests.first().url).queryItemValue(QStringLiteral("q"), QUrl::FullyDecoded),
            QStringLiteral("status:open topic:\"feature/TASK-12-login\" project:\"myProject\""));
        QCOMPARE(fake->header(0, "Authorization"), "Basic " + QByteArray("jroe:http-password").toBase64());
    }

    void anonymousAccessHasNoAPrefix()
    {
        auto fake = std::make_shared<FakeTransport>();
        fake->respond("GET /changes/", 200, documented(QStringLiteral("query-changes.json")));
        fake->respond("GET /changes/3965/detail", 200, documented(QStringLiteral("change-detail.json")));
        GerritReviewSource gerrit(QUrl(QStringLiteral("https://review.example.org")), QString(), QString(), fake);
        QVERIFY(gerrit.reviews({ nullptr, branch, {} }).error.isEmpty());
        QVERIFY(fake->header(0, "Authorization").isEmpty());
    }

    // Variants of the documented detail (Jane Roe's vote changed in code).
    void votes_data()
    {
        QTest::addColumn<int>("janeVote");
        QTest::addColumn<int>("approvals");
        QTest::addColumn<bool>("rejected");
        QTest::newRow("+2 approves") << 2 << 1 << false;
        QTest::newRow("+1 approves") << 1 << 1 << false;
        QTest::newRow("0 is no review") << 0 << 0 << false;
        QTest::newRow("-1 blocks") << -1 << 0 << true;
        QTest::newRow("-2 blocks") << -2 << 0 << true;
    }

    void votes()
    {
        QFETCH(int, janeVote);
        QFETCH(int, approvals);
        QFETCH(bool, rejected);
        auto fake = std::make_shared<FakeTransport>();
        fake->respond("GET /changes/", 200, documented(QStringLiteral("query-changes.json")));
        fake->respond("GET /changes/3965/detail", 200, detailWith(janeVote));
        GerritReviewSource gerrit(QUrl(QStringLiteral("https://review.example.org")), QString(), QString(), fake);
        const ReviewLookup lookup = gerrit.reviews({ nullptr, branch, {} });
        QVERIFY2(lookup.error.isEmpty(), qPrintable(lookup.error));
        QCOMPARE(lookup.approvals(), approvals);
        QCOMPARE(lookup.hasRejection(), rejected);
    }

    // A topic of two changes: a reviewer approves the branch only by
    // approving both; a negative vote on either blocks.
    void topicOfSeveralChanges()
    {
        QJsonArray changes = QJsonDocument::fromJson(
            GerritReviewSource::stripXssiPrefix(documented(QStringLiteral("query-changes.json"))))
                                 .array();
        QJsonObject second = changes.first().toObject();
        second.insert(QStringLiteral("_number"), 3966);
        changes.append(second);
        auto fake = std::make_shared<FakeTransport>();
        fake->respond("GET /changes/", 200, ")]}'\n" + QJsonDocument(changes).toJson());
        fake->respond("GET /changes/3965/detail", 200, detailWith(2, 1)); // Jane +2, Max +1
        fake->respond("GET /changes/3966/detail", 200, detailWith(0, -1)); // Jane no vote, Max -1
        GerritReviewSource gerrit(QUrl(QStringLiteral("https://review.example.org")), QString(), QString(), fake);
        const ReviewLookup lookup = gerrit.reviews({ nullptr, branch, {} });
        QVERIFY2(lookup.error.isEmpty(), qPrintable(lookup.error));
        QCOMPARE(lookup.reviews.size(), 1);
        QCOMPARE(lookup.reviews.first().reviewer, QStringLiteral("Max Moe"));
        QCOMPARE(lookup.reviews.first().verdict, Review::Verdict::Rejected);
        QCOMPARE(lookup.approvals(), 0);
    }

    void noChange()
    {
        auto fake = std::make_shared<FakeTransport>();
        fake->respond("GET /changes/", 200, ")]}'\n[]\n");
        GerritReviewSource gerrit(QUrl(QStringLiteral("https://review.example.org")), QString(), QString(), fake);
        const ReviewLookup lookup = gerrit.reviews({ nullptr, branch, {} });
        QVERIFY(lookup.error.contains(QLatin1String("no open change with the topic 'feature/TASK-12-login'")));
    }

    void errors_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("expected");
        QTest::newRow("401") << 401 << QByteArray("Unauthorized")
                             << QStringLiteral("HTTP 401): check the token in $GERRIT_TOKEN");
        QTest::newRow("403") << 403 << QByteArray() << QStringLiteral("permission denied (HTTP 403)");
        QTest::newRow("404") << 404 << QByteArray("Not found") << QStringLiteral("not found (HTTP 404)");
        QTest::newRow("503") << 503 << QByteArray() << QStringLiteral("the server failed (HTTP 503)");
        QTest::newRow("garbage") << 200 << QByteArray("\x01\xff<html>")
                                 << QStringLiteral("is not a list of Gerrit changes");
        QTest::newRow("an object, not a list")
            << 200 << QByteArray(")]}'\n{}") << QStringLiteral("not a list of Gerrit changes");
        QTest::newRow("a change without number") << 200 << QByteArray(")]}'\n[{}]") << QStringLiteral("has no number");
    }

    void errors()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(QString, expected);
        auto fake = std::make_shared<FakeTransport>();
        fake->respond("GET /a/changes/", status, body);
        GerritReviewSource gerrit(QUrl(QStringLiteral("https://review.example.org")), QString(),
            QStringLiteral("jroe:s3cr3t"), fake, QStringLiteral("GERRIT_TOKEN"));
        const ReviewLookup lookup = gerrit.reviews({ nullptr, branch, {} });
        QVERIFY2(lookup.error.contains(expected), qPrintable(lookup.error));
        QVERIFY(lookup.error.startsWith(QLatin1String("reading the reviews of feature/TASK-12-login from Gerrit at")));
        QVERIFY(!lookup.error.contains(QLatin1String("s3cr3t")));
        QVERIFY(lookup.reviews.isEmpty());
    }

    void detailErrors()
    {
        auto fake = std::make_shared<FakeTransport>();
        fake->respond("GET /changes/", 200, documented(QStringLiteral("query-changes.json")));
        fake->respond("GET /changes/3965/detail", 200, ")]}'\n[1, 2]");
        GerritReviewSource gerrit(QUrl(QStringLiteral("https://review.example.org")), QString(), QString(), fake);
        QString error = gerrit.reviews({ nullptr, branch, {} }).error;
        QVERIFY2(error.contains(QLatin1String("(change 3965): the answer is not a Gerrit change")), qPrintable(error));
        fake->fail("GET /changes/3965/detail", HttpResponse::Failure::Timeout, QStringLiteral("timed out"));
        error = gerrit.reviews({ nullptr, branch, {} }).error;
        QVERIFY2(error.contains(QLatin1String("did not answer in time")), qPrintable(error));
    }

    void hostileBranchNames()
    {
        auto fake = std::make_shared<FakeTransport>();
        GerritReviewSource gerrit(QUrl(QStringLiteral("https://review.example.org")), QString(), QString(), fake);
        QVERIFY(!gerrit.reviews({ nullptr, QStringLiteral("feature/\" OR owner:self"), {} }).error.isEmpty());
        QVERIFY(fake->requests.isEmpty());
        fake->respond("GET /changes/", 200, ")]}'\n[]");
        const ReviewLookup lookup = gerrit.reviews({ nullptr, QStringLiteral("feature/TASK-1-ünïcödé+plus&amp"), {} });
        QVERIFY(lookup.error.contains(QLatin1String("no open change")));
        QCOMPARE(QUrlQuery(fake->requests.first().url).queryItemValue(QStringLiteral("q"), QUrl::FullyDecoded),
            QStringLiteral("status:open topic:\"feature/TASK-1-ünïcödé+plus&amp\""));
    }
};

QTEST_GUILESS_MAIN(tst_GerritReviewSource)
#include "tst_gerritreviewsource.moc"
