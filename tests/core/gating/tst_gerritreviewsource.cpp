// SPDX-License-Identifier: GPL-2.0-or-later
// GerritReviewSource against response bodies written from the examples in
// Gerrit's published REST API documentation ("Query Changes", "Get Change
// Detail": ChangeInfo, LabelInfo, RevisionInfo; see data/README.md), served
// by a fake transport: no Gerrit can run here. They were not captured from a
// server.
#include "ApprovalsReason.h"
#include "FakeTransport.h"
#include "GitTestHelpers.h"

#include "gating/GateEvaluator.h"
#include "gating/GerritReviewSource.h"
#include "git/Repository.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

using namespace Shipyard;
using namespace Shipyard::TestSupport;

namespace {

const QString branch = QStringLiteral("feature/TASK-12-login");
// The documented change's current patch set (as in the "Query Changes"
// example with CURRENT_REVISION), and that commit's parent.
const QString patchSet = QStringLiteral("184ebe53805e102605d11f6b143486d15c23a09c");
const QString patchSetParent = QStringLiteral("1eee2c9d8f352483781e772f35dc586a69ff5646");

ReviewRequest request(const QString &commit = patchSet, const QString &name = branch)
{
    return { nullptr, name, {}, commit };
}

QByteArray documented(const QString &name)
{
    QFile file(QStringLiteral(SHIPYARD_SOURCE_DIR "/tests/core/gating/data/gerrit/") + name);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The documented change detail (with its current patch set) with Jane Roe's
// Code-Review vote set to `vote` and, when `extra` is set, a third reviewer
// with that vote; `revision` and `parent` replace the current patch set's
// commit and that commit's parent, for topics of several changes.
QByteArray detailWith(int janeVote, std::optional<int> extra = std::nullopt, const QString &revision = patchSet,
    const QString &parent = patchSetParent, int number = 3965)
{
    QJsonObject change = QJsonDocument::fromJson(
        GerritReviewSource::stripXssiPrefix(documented(QStringLiteral("change-detail-current-revision.json"))))
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
    change.insert(QStringLiteral("_number"), number);
    QJsonObject revisionInfo = change.value(QLatin1String("revisions")).toObject().value(patchSet).toObject();
    QJsonObject commit = revisionInfo.value(QLatin1String("commit")).toObject();
    QJsonArray parents = commit.value(QLatin1String("parents")).toArray();
    QJsonObject first = parents.first().toObject();
    first.insert(QStringLiteral("commit"), parent);
    parents.replace(0, first);
    commit.insert(QStringLiteral("parents"), parents);
    revisionInfo.insert(QStringLiteral("commit"), commit);
    change.insert(QStringLiteral("revisions"), QJsonObject { { revision, revisionInfo } });
    change.insert(QStringLiteral("current_revision"), revision);
    return ")]}'\n" + QJsonDocument(change).toJson();
}

// The documented query answer with the documented change once per number.
QByteArray changesNumbered(const QList<int> &numbers)
{
    const QJsonArray documentedChanges =
        QJsonDocument::fromJson(GerritReviewSource::stripXssiPrefix(documented(QStringLiteral("query-changes.json"))))
            .array();
    QJsonArray changes;
    for (const int number : numbers) {
        QJsonObject change = documentedChanges.first().toObject();
        change.insert(QStringLiteral("_number"), number);
        changes.append(change);
    }
    return ")]}'\n" + QJsonDocument(changes).toJson();
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
        fake->respond("GET /gerrit/a/changes/3965/detail", 200,
            documented(QStringLiteral("change-detail-current-revision.json")));
        GerritReviewSource gerrit(QUrl(QStringLiteral("https://review.example.org/gerrit/")),
            QStringLiteral("myProject"), QStringLiteral("jroe:http-password"), fake, QStringLiteral("GERRIT_TOKEN"));
        const ReviewLookup lookup = gerrit.reviews({ nullptr, branch, QStringLiteral("origin/master"), patchSet });
        QVERIFY2(lookup.error.isEmpty(), qPrintable(lookup.error));
        QCOMPARE(lookup.reviews.size(), 1);
        QCOMPARE(lookup.reviews.first().reviewer, QStringLiteral("Jane Roe <jane.roe@example.com>"));
        QCOMPARE(lookup.reviews.first().commit, patchSet);
        QCOMPARE(lookup.approvals(), 1);
        QVERIFY(!lookup.hasRejection());
        QVERIFY(lookup.mismatch.isEmpty());
        QCOMPARE(fake->requests.size(), 2);
        QCOMPARE(fake->requests.at(1).url.query(), QStringLiteral("o=CURRENT_REVISION&o=CURRENT_COMMIT"));
        QCOMPARE(QUrlQuery(fake->requests.first().url).queryItemValue(QStringLiteral("q"), QUrl::FullyDecoded),
            QStringLiteral("status:open topic:\"feature/TASK-12-login\" project:\"myProject\""));
        QCOMPARE(fake->header(0, "Authorization"), "Basic " + QByteArray("jroe:http-password").toBase64());
    }

    void anonymousAccessHasNoAPrefix()
    {
        auto fake = std::make_shared<FakeTransport>();
        fake->respond("GET /changes/", 200, documented(QStringLiteral("query-changes.json")));
        fake->respond(
            "GET /changes/3965/detail", 200, documented(QStringLiteral("change-detail-current-revision.json")));
        GerritReviewSource gerrit(QUrl(QStringLiteral("https://review.example.org")), QString(), QString(), fake);
        QVERIFY(gerrit.reviews(request()).error.isEmpty());
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
        const ReviewLookup lookup = gerrit.reviews(request());
        QVERIFY2(lookup.error.isEmpty(), qPrintable(lookup.error));
        QCOMPARE(lookup.approvals(), approvals);
        QCOMPARE(lookup.hasRejection(), rejected);
    }

    // The documented detail without CURRENT_REVISION names no patch set: its
    // votes cannot be tied to a commit.
    void detailWithoutCurrentRevision()
    {
        auto fake = std::make_shared<FakeTransport>();
        fake->respond("GET /changes/", 200, documented(QStringLiteral("query-changes.json")));
        fake->respond("GET /changes/3965/detail", 200, documented(QStringLiteral("change-detail.json")));
        GerritReviewSource gerrit(QUrl(QStringLiteral("https://review.example.org")), QString(), QString(), fake);
        const ReviewLookup lookup = gerrit.reviews(request());
        QVERIFY2(lookup.error.contains(QLatin1String("(change 3965): the answer names no current patch set")),
            qPrintable(lookup.error));
        QVERIFY(lookup.reviews.isEmpty());
    }

    // Jane Roe's +1 is on patch set 184ebe5; the clone's branch is at another
    // commit (an amend not uploaded, or an older patch set).
    void deliveringAnotherPatchSet()
    {
        const QString other = QStringLiteral("0123456789abcdef0123456789abcdef01234567");
        auto fake = std::make_shared<FakeTransport>();
        fake->respond("GET /changes/", 200, documented(QStringLiteral("query-changes.json")));
        fake->respond(
            "GET /changes/3965/detail", 200, documented(QStringLiteral("change-detail-current-revision.json")));
        GerritReviewSource gerrit(QUrl(QStringLiteral("https://review.example.org")), QString(), QString(), fake);
        const ReviewLookup lookup = gerrit.reviews(request(other));
        QVERIFY2(lookup.error.isEmpty(), qPrintable(lookup.error));
        QCOMPARE(lookup.approvals(), 0);
        QCOMPARE(lookup.mismatch, QStringLiteral("change 3965's current patch set is 184ebe5"));
        QCOMPARE(lookup.outdated.size(), 1);
        QCOMPARE(lookup.outdated.first().commit, patchSet);
        QCOMPARE(approvalsReason(lookup, 1),
            QStringLiteral("0 of 1 required approvals: change 3965's current patch set is 184ebe5; approved at "
                           "184ebe5 by Jane Roe <jane.roe@example.com>, delivering 0123456"));
    }

    // A topic of two changes, 3966 on top of 3965: a reviewer approves the
    // branch only by approving both; a negative vote on either blocks.
    void topicOfSeveralChanges()
    {
        const QString top = QStringLiteral("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
        auto fake = std::make_shared<FakeTransport>();
        fake->respond("GET /changes/", 200, changesNumbered({ 3965, 3966 }));
        fake->respond("GET /changes/3965/detail", 200, detailWith(2, 1)); // Jane +2, Max +1
        fake->respond("GET /changes/3966/detail", 200, detailWith(0, -1, top, patchSet, 3966)); // Jane none, Max -1
        GerritReviewSource gerrit(QUrl(QStringLiteral("https://review.example.org")), QString(), QString(), fake);
        ReviewLookup lookup = gerrit.reviews(request(top));
        QVERIFY2(lookup.error.isEmpty(), qPrintable(lookup.error));
        QCOMPARE(lookup.reviews.size(), 1);
        QCOMPARE(lookup.reviews.first().reviewer, QStringLiteral("Max Moe"));
        QCOMPARE(lookup.reviews.first().verdict, Review::Verdict::Rejected);
        QCOMPARE(lookup.approvals(), 0);

        // Both approved by Jane; a third change of the topic, not below the
        // delivered commit, is not delivered and needs no vote.
        fake->respond("GET /changes/", 200, changesNumbered({ 3965, 3966, 3967 }));
        fake->respond("GET /changes/3966/detail", 200, detailWith(1, std::nullopt, top, patchSet, 3966));
        fake->respond("GET /changes/3967/detail", 200,
            detailWith(
                0, std::nullopt, QStringLiteral("bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"), patchSetParent, 3967));
        lookup = gerrit.reviews(request(top));
        QVERIFY2(lookup.error.isEmpty(), qPrintable(lookup.error));
        // Jane on both; Max's +1 on 3965 alone approves nothing.
        QCOMPARE(lookup.reviews.size(), 1);
        QCOMPARE(lookup.reviews.first().reviewer, QStringLiteral("Jane Roe <jane.roe@example.com>"));
        QCOMPARE(lookup.approvals(), 1);
        QVERIFY(lookup.outdated.isEmpty());

        // A commit none of them is at.
        lookup = gerrit.reviews(request(QStringLiteral("cccccccccccccccccccccccccccccccccccccccc")));
        QVERIFY2(lookup.error.isEmpty(), qPrintable(lookup.error));
        QCOMPARE(lookup.approvals(), 0);
        QCOMPARE(lookup.mismatch,
            QStringLiteral("the topic's current patch sets are 184ebe5 (change 3965), aaaaaaa (change 3966), "
                           "bbbbbbb (change 3967)"));
    }

    // With the repository, every commit of the branch must be a current
    // patch set of the topic: here the first commit was never uploaded (or
    // was amended since), so Jane's +1 on the second covers a commit no
    // reviewer saw.
    void branchCommitsOutsideTheTopic()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        qputenv("HOME", dir.path().toUtf8());
        const QString path = dir.filePath(QStringLiteral("repo"));
        GitTest::initRepository(path);
        GitTest::git(path, { QStringLiteral("checkout"), QStringLiteral("-q"), QStringLiteral("-b"), branch });
        const QString first = GitTest::commit(path, QStringLiteral("a"), "a", QStringLiteral("First"));
        const QString second = GitTest::commit(path, QStringLiteral("b"), "b", QStringLiteral("Second"));
        Repository repository = Repository::open(path);
        QVERIFY(repository.isValid());

        auto fake = std::make_shared<FakeTransport>();
        fake->respond("GET /changes/", 200, changesNumbered({ 3966 }));
        fake->respond("GET /changes/3966/detail", 200, detailWith(1, std::nullopt, second, first, 3966));
        GerritReviewSource gerrit(QUrl(QStringLiteral("https://review.example.org")), QString(), QString(), fake);
        // No commit given: the tip of the local branch, as a delivery asks.
        ReviewLookup lookup = gerrit.reviews({ &repository, branch, QStringLiteral("main") });
        QVERIFY2(lookup.error.isEmpty(), qPrintable(lookup.error));
        QCOMPARE(lookup.commit, second);
        QCOMPARE(lookup.approvals(), 0);
        QCOMPARE(lookup.mismatch,
            QStringLiteral("commit %1 of the branch is not the current patch set of an open change in the topic "
                           "'feature/TASK-12-login'")
                .arg(first.left(7)));

        // Both commits uploaded as changes of the topic: Jane approved both.
        fake->respond("GET /changes/", 200, changesNumbered({ 3965, 3966 }));
        fake->respond("GET /changes/3965/detail", 200, detailWith(2, std::nullopt, first, patchSetParent, 3965));
        lookup = gerrit.reviews({ &repository, branch, QStringLiteral("main") });
        QVERIFY2(lookup.error.isEmpty(), qPrintable(lookup.error));
        QVERIFY2(lookup.mismatch.isEmpty(), qPrintable(lookup.mismatch));
        QCOMPARE(lookup.approvals(), 1);
    }

    void noChange()
    {
        auto fake = std::make_shared<FakeTransport>();
        fake->respond("GET /changes/", 200, ")]}'\n[]\n");
        GerritReviewSource gerrit(QUrl(QStringLiteral("https://review.example.org")), QString(), QString(), fake);
        const ReviewLookup lookup = gerrit.reviews(request());
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
        const ReviewLookup lookup = gerrit.reviews(request());
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
        QString error = gerrit.reviews(request()).error;
        QVERIFY2(error.contains(QLatin1String("(change 3965): the answer is not a Gerrit change")), qPrintable(error));
        fake->fail("GET /changes/3965/detail", HttpResponse::Failure::Timeout, QStringLiteral("timed out"));
        error = gerrit.reviews(request()).error;
        QVERIFY2(error.contains(QLatin1String("did not answer in time")), qPrintable(error));
    }

    void hostileBranchNames()
    {
        auto fake = std::make_shared<FakeTransport>();
        GerritReviewSource gerrit(QUrl(QStringLiteral("https://review.example.org")), QString(), QString(), fake);
        QVERIFY(!gerrit.reviews(request(patchSet, QStringLiteral("feature/\" OR owner:self"))).error.isEmpty());
        QVERIFY(fake->requests.isEmpty());
        fake->respond("GET /changes/", 200, ")]}'\n[]");
        const ReviewLookup lookup =
            gerrit.reviews(request(patchSet, QStringLiteral("feature/TASK-1-ünïcödé+plus&amp")));
        QVERIFY(lookup.error.contains(QLatin1String("no open change")));
        QCOMPARE(QUrlQuery(fake->requests.first().url).queryItemValue(QStringLiteral("q"), QUrl::FullyDecoded),
            QStringLiteral("status:open topic:\"feature/TASK-1-ünïcödé+plus&amp\""));
    }
};

QTEST_GUILESS_MAIN(tst_GerritReviewSource)
#include "tst_gerritreviewsource.moc"
