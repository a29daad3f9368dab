// SPDX-License-Identifier: GPL-2.0-or-later
#include "model/AlertMatcher.h"

#include <QTest>

using namespace Shipyard;

using Labels = QMap<QString, QString>;

class tst_AlertMatcher : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // Each row: a matcher as written, its canonical form, and whether it
    // matches the labels {alertname=HighErrorRate, service=catalog, env=prod}.
    void matches_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("canonical");
        QTest::addColumn<bool>("matches");
        QTest::newRow("equal") << "service=\"catalog\"" << "service=\"catalog\"" << true;
        QTest::newRow("equal, other value") << "service=\"mailer\"" << "service=\"mailer\"" << false;
        QTest::newRow("bare value") << "service=catalog" << "service=\"catalog\"" << true;
        QTest::newRow("spaces around") << "  env = \"prod\"  " << "env=\"prod\"" << true;
        QTest::newRow("not equal") << "env!=\"dev\"" << "env!=\"dev\"" << true;
        QTest::newRow("not equal, same value") << "env!=\"prod\"" << "env!=\"prod\"" << false;
        QTest::newRow("regex, anchored") << "service=~\"cat.*\"" << "service=~\"cat.*\"" << true;
        QTest::newRow("regex matches a part only") << "service=~\"atalo\"" << "service=~\"atalo\"" << false;
        QTest::newRow("regex alternatives") << "env=~\"staging|prod\"" << "env=~\"staging|prod\"" << true;
        QTest::newRow("not matching regex") << "env!~\"dev|test\"" << "env!~\"dev|test\"" << true;
        QTest::newRow("not matching regex, matched") << "env!~\"pr.d\"" << "env!~\"pr.d\"" << false;
        QTest::newRow("missing label is empty") << "team=\"\"" << "team=\"\"" << true;
        QTest::newRow("missing label differs") << "team!=\"ops\"" << "team!=\"ops\"" << true;
        QTest::newRow("missing label and a regex") << "team=~\".+\"" << "team=~\".+\"" << false;
        QTest::newRow("escaped quote") << "service=\"a\\\"b\"" << "service=\"a\\\"b\"" << false;
    }

    void matches()
    {
        QFETCH(QString, text);
        QFETCH(QString, canonical);
        QFETCH(bool, matches);
        QString error;
        const std::optional<AlertMatcher> matcher = AlertMatcher::parse(text, &error);
        QVERIFY2(matcher, qPrintable(error));
        QCOMPARE(matcher->toString(), canonical);
        const Labels labels { { QStringLiteral("alertname"), QStringLiteral("HighErrorRate") },
            { QStringLiteral("service"), QStringLiteral("catalog") },
            { QStringLiteral("env"), QStringLiteral("prod") } };
        QCOMPARE(matcher->matches(labels), matches);
        // The canonical form reads back as the same matcher.
        QCOMPARE(AlertMatcher::parse(matcher->toString()), matcher);
    }

    void escapes()
    {
        const std::optional<AlertMatcher> matcher = AlertMatcher::parse(QStringLiteral("note=\"a\\\\b\\nc\""));
        QVERIFY(matcher);
        QCOMPARE(matcher->value(), QStringLiteral("a\\b\nc"));
        QCOMPARE(matcher->toString(), QStringLiteral("note=\"a\\\\b\\nc\""));
    }

    void errors_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("error");
        QTest::newRow("empty") << "" << "does not begin with a label name";
        QTest::newRow("no operator") << "service" << "followed by none of";
        QTest::newRow("label name with a digit first") << "1service=\"a\"" << "does not begin with a label name";
        QTest::newRow("quote never closed") << "service=\"catalog" << "quote is never closed";
        QTest::newRow("something after the quote") << "service=\"a\" x" << "something follows the quoted value";
        QTest::newRow("double equals") << "service==\"a\"" << "must be in double quotes";
        QTest::newRow("bare value with a space") << "service=a b" << "must be in double quotes";
        QTest::newRow("unknown escape") << "service=\"a\\tb\"" << "unknown escape \\t";
        QTest::newRow("invalid regex") << "service=~\"(\"" << "not a regular expression";
        QTest::newRow("braces of a selector") << "{service=\"a\"}" << "does not begin with a label name";
    }

    void errors()
    {
        QFETCH(QString, text);
        QFETCH(QString, error);
        QString said;
        QVERIFY(!AlertMatcher::parse(text, &said));
        QVERIFY2(said.contains(error), qPrintable(said));
    }
};

QTEST_GUILESS_MAIN(tst_AlertMatcher)
#include "tst_alertmatcher.moc"
