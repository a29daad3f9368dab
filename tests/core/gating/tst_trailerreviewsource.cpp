// SPDX-License-Identifier: GPL-2.0-or-later
#include "GitTestHelpers.h"

#include "gating/TrailerReviewSource.h"
#include "git/Repository.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Shipyard;
using namespace GitTest;

class tst_TrailerReviewSource : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        qputenv("HOME", m_dir.path().toUtf8());
    }

    void reviewers_data()
    {
        QTest::addColumn<QStringList>("messages");
        QTest::addColumn<int>("approvals");
        QTest::newRow("none") << QStringList { QStringLiteral("Change") } << 0;
        QTest::newRow("two distinct reviewers")
            << QStringList { QStringLiteral("A\n\nReviewed-by: Bob <bob@example.org>"),
                   QStringLiteral("B\n\nApproved-by: Carol <carol@example.org>") }
            << 2;
        QTest::newRow("same reviewer in every commit, different spelling")
            << QStringList { QStringLiteral("A\n\nReviewed-by: Bob <bob@example.org>"),
                   QStringLiteral("B\n\nReviewed-by: Robert B. <BOB@Example.org>") }
            << 1;
        QTest::newRow("the author cannot review herself")
            << QStringList { QStringLiteral("A\n\nReviewed-by: Alice Author <alice@example.org>"),
                   QStringLiteral("B\n\nApproved-by: Alice Author") }
            << 0;
        QTest::newRow("other trailers do not count") << QStringList {
            QStringLiteral("A\n\nSigned-off-by: Bob <bob@example.org>\nTested-by: Dan <dan@example.org>")
        } << 0;
        QTest::newRow("trailer in the body, not at the end")
            << QStringList { QStringLiteral("A\n\nReviewed-by: Bob <bob@example.org>\n\nMore text after.") } << 0;
        QTest::newRow("unicode reviewer")
            << QStringList { QStringLiteral("A\n\nReviewed-by: Ёжик Туманов <ёжик@пример.рф>") } << 1;
    }

    void reviewers()
    {
        QFETCH(QStringList, messages);
        QFETCH(int, approvals);
        static int counter = 0;
        const QString path = m_dir.filePath(QStringLiteral("repo%1").arg(++counter));
        initRepository(path);
        git(path,
            { QStringLiteral("checkout"), QStringLiteral("-q"), QStringLiteral("-b"),
                QStringLiteral("feature/TASK-1") });
        int i = 0;
        for (const QString &message : messages)
            commit(path, QStringLiteral("f%1").arg(++i), "x", message);
        // Reviews on main's own history are not the branch's.
        git(path, { QStringLiteral("checkout"), QStringLiteral("-q"), QStringLiteral("main") });
        commit(path, QStringLiteral("m"), "m", QStringLiteral("Main\n\nReviewed-by: Zed <zed@example.org>"));

        Repository repository = Repository::open(path);
        TrailerReviewSource source;
        const ReviewLookup lookup =
            source.reviews({ &repository, QStringLiteral("feature/TASK-1"), QStringLiteral("main") });
        QVERIFY2(lookup.error.isEmpty(), qPrintable(lookup.error));
        QCOMPARE(lookup.approvals(), approvals);
    }

    void unknownBranch()
    {
        const QString path = m_dir.filePath(QStringLiteral("unknown"));
        initRepository(path);
        Repository repository = Repository::open(path);
        TrailerReviewSource source;
        const ReviewLookup lookup = source.reviews({ &repository, QStringLiteral("nope"), QStringLiteral("main") });
        QVERIFY(!lookup.error.isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_TrailerReviewSource)
#include "tst_trailerreviewsource.moc"
