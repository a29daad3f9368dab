// SPDX-License-Identifier: GPL-2.0-or-later
// ReviewSourceFactory: the ecosystem's gating.reviews setting to a source.
// Network answers are served by a fake transport (no review server runs here).
#include "FakeTransport.h"

#include "gating/ReviewSourceFactory.h"
#include "model/Ecosystem.h"

#include <QTest>

using namespace Shipyard;

class tst_ReviewSourceFactory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void trailersByDefault()
    {
        const ReviewSourceFactory::Result result = ReviewSourceFactory::create(Ecosystem());
        QVERIFY(result.error.isEmpty());
        QCOMPARE(result.source->description(), QStringLiteral("commit trailers"));
    }

    void kinds_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("description");
        QTest::addColumn<QByteArray>("firstPath");
        QTest::newRow("gerrit") << int(ReviewSettings::Kind::Gerrit) << QStringLiteral("https://review.example.org")
                                << QStringLiteral("Gerrit at https://review.example.org") << QByteArray("/a/changes/");
        QTest::newRow("gitlab") << int(ReviewSettings::Kind::GitLab) << QStringLiteral("https://gitlab.example.org")
                                << QStringLiteral("GitLab at https://gitlab.example.org")
                                << QByteArray("/api/v4/projects/shop/catalog/merge_requests");
        QTest::newRow("github") << int(ReviewSettings::Kind::GitHub) << QStringLiteral("https://api.github.com")
                                << QStringLiteral("GitHub at https://api.github.com")
                                << QByteArray("/repos/shop/catalog/pulls");
    }

    void kinds()
    {
        QFETCH(int, kind);
        QFETCH(QString, url);
        QFETCH(QString, description);
        QFETCH(QByteArray, firstPath);
        qputenv("SHIPYARD_TEST_REVIEW_TOKEN", "user:s3cr3t");
        Ecosystem ecosystem;
        ecosystem.gating.reviews = { ReviewSettings::Kind(kind), url, QStringLiteral("shop/{system}"),
            QStringLiteral("SHIPYARD_TEST_REVIEW_TOKEN") };
        auto fake = std::make_shared<FakeTransport>();
        const ReviewSourceFactory::Result result =
            ReviewSourceFactory::create(ecosystem, QStringLiteral("catalog"), fake);
        QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
        QCOMPARE(result.source->description(), description);
        const ReviewLookup lookup = result.source->reviews({ nullptr, QStringLiteral("feature/SHOP-1"), {},
            QStringLiteral("6dcb09b5b57875f334f61aebed695e2e4193db5e") });
        QVERIFY(!lookup.error.isEmpty()); // the fake knows no answer
        QVERIFY(!lookup.error.contains(QLatin1String("s3cr3t")));
        QCOMPARE(fake->requests.first().url.path().toUtf8(), firstPath);
        // The token reached the request, in a header.
        QVERIFY(!fake->header(0, "Authorization").isEmpty() || fake->header(0, "PRIVATE-TOKEN") == "user:s3cr3t");
        qunsetenv("SHIPYARD_TEST_REVIEW_TOKEN");
    }

    void unsetTokenVariable()
    {
        qunsetenv("SHIPYARD_TEST_UNSET_TOKEN");
        Ecosystem ecosystem;
        ecosystem.gating.reviews = { ReviewSettings::Kind::GitHub, QStringLiteral("https://api.github.com"),
            QStringLiteral("o/r"), QStringLiteral("SHIPYARD_TEST_UNSET_TOKEN") };
        const ReviewSourceFactory::Result result = ReviewSourceFactory::create(ecosystem);
        QVERIFY(!result.source);
        QCOMPARE(result.error,
            QStringLiteral("the environment variable SHIPYARD_TEST_UNSET_TOKEN (the GitHub token) is not set"));
    }

    void badUrl()
    {
        Ecosystem ecosystem;
        ecosystem.gating.reviews = { ReviewSettings::Kind::Gerrit, QStringLiteral("ftp://review"), {}, {} };
        const ReviewSourceFactory::Result result = ReviewSourceFactory::create(ecosystem);
        QVERIFY(!result.source);
        QCOMPARE(result.error, QStringLiteral("the Gerrit review source needs an http(s) url, not 'ftp://review'"));
    }
};

QTEST_GUILESS_MAIN(tst_ReviewSourceFactory)
#include "tst_reviewsourcefactory.moc"
