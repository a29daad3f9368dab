// SPDX-License-Identifier: GPL-2.0-or-later
#include "support/Duration.h"

#include <QTest>

using namespace Shipyard;
using namespace std::chrono_literals;

class tst_Duration : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("seconds"); // -1: invalid
        QTest::newRow("bare number is seconds") << "90" << qint64(90);
        QTest::newRow("seconds") << "90s" << qint64(90);
        QTest::newRow("minutes") << "15m" << qint64(900);
        QTest::newRow("hours") << "72h" << qint64(259200);
        QTest::newRow("days") << "7d" << qint64(604800);
        QTest::newRow("combined") << "1h30m" << qint64(5400);
        QTest::newRow("spaces around") << "  5m " << qint64(300);
        QTest::newRow("empty") << "" << qint64(-1);
        QTest::newRow("unit without number") << "h" << qint64(-1);
        QTest::newRow("unknown unit") << "3w" << qint64(-1);
        QTest::newRow("negative") << "-5m" << qint64(-1);
        QTest::newRow("overflow") << "99999999999999999999d" << qint64(-1);
        QTest::newRow("sum overflows") << "30000d" << qint64(-1);
    }
    void parse()
    {
        QFETCH(QString, text);
        QFETCH(qint64, seconds);
        const auto parsed = parseDuration(text);
        if (seconds < 0) {
            QVERIFY2(!parsed, qPrintable(QString::number(parsed.value_or(0s).count())));
        } else {
            QVERIFY(parsed.has_value());
            QCOMPARE(parsed->count(), seconds);
        }
    }
    void format()
    {
        QCOMPARE(formatDuration(0s), QStringLiteral("0s"));
        QCOMPARE(formatDuration(5400s), QStringLiteral("1h30m"));
        QCOMPARE(formatDuration(259200s), QStringLiteral("3d"));
        QCOMPARE(parseDuration(formatDuration(93784s))->count(), 93784);
    }
};

QTEST_GUILESS_MAIN(tst_Duration)
#include "tst_duration.moc"
