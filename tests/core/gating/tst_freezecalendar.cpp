// SPDX-License-Identifier: GPL-2.0-or-later
// Freeze windows on a fixed clock: inside, outside, at the edges, and
// across the daylight saving changes of the window's own time zone.
#include "gating/FreezeCalendar.h"
#include "model/EcosystemLoader.h"

#include <QTest>
#include <QTimeZone>

using namespace Shipyard;

namespace {

QDateTime berlin(const QString &text)
{
    return QDateTime(QDate::fromString(text.left(10), Qt::ISODate),
        QTime::fromString(text.mid(11), QStringLiteral("HH:mm")), QTimeZone("Europe/Berlin"))
        .toUTC();
}

FreezeWindow weekend()
{
    FreezeWindow window;
    window.kind = FreezeWindow::Kind::Weekly;
    window.fromDay = Qt::Friday;
    window.fromTime = QTime(16, 0);
    window.toDay = Qt::Monday;
    window.toTime = QTime(8, 0);
    window.timeZone = QStringLiteral("Europe/Berlin");
    window.reason = QStringLiteral("the weekend");
    return window;
}

} // namespace

class TestFreezeCalendar : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void weekly_data()
    {
        QTest::addColumn<QString>("now");
        QTest::addColumn<QString>("until"); // empty: not frozen
        // 2026-12-04 is a Friday.
        QTest::newRow("Friday before") << "2026-12-04 15:59" << "";
        QTest::newRow("Friday at the start") << "2026-12-04 16:00" << "2026-12-07 08:00";
        QTest::newRow("Sunday") << "2026-12-06 12:00" << "2026-12-07 08:00";
        QTest::newRow("Monday just before the end") << "2026-12-07 07:59" << "2026-12-07 08:00";
        QTest::newRow("Monday at the end") << "2026-12-07 08:00" << "";
        QTest::newRow("Wednesday") << "2026-12-09 12:00" << "";
        // Summer time begins on Sunday 2026-03-29 at 02:00: the weekend is an hour shorter, on the office's clock.
        QTest::newRow("the spring change") << "2026-03-29 03:30" << "2026-03-30 08:00";
        QTest::newRow("after the spring change") << "2026-03-30 08:00" << "";
        // And ends on Sunday 2026-10-25 at 03:00.
        QTest::newRow("the autumn change") << "2026-10-25 02:30" << "2026-10-26 08:00";
    }

    void weekly()
    {
        QFETCH(QString, now);
        QFETCH(QString, until);
        const QList<FreezeWindow> windows { weekend() };
        const std::optional<FreezeCalendar::Occurrence> frozen = FreezeCalendar::frozenAt(windows, berlin(now));
        if (until.isEmpty()) {
            QVERIFY2(!frozen, frozen ? qPrintable(frozen->describe()) : "");
            return;
        }
        QVERIFY(frozen);
        QCOMPARE(frozen->end, berlin(until));
    }

    void daylightSavingKeepsTheOfficeClock()
    {
        const QList<FreezeWindow> windows { weekend() };
        const auto spring = FreezeCalendar::frozenAt(windows, berlin(QStringLiteral("2026-03-28 12:00")));
        QVERIFY(spring);
        QCOMPARE(spring->start, berlin(QStringLiteral("2026-03-27 16:00")));
        QCOMPARE(spring->start.secsTo(spring->end), (3 * 24 - 8 - 1) * 3600); // 63 h, one lost to summer time
        const auto autumn = FreezeCalendar::frozenAt(windows, berlin(QStringLiteral("2026-10-24 12:00")));
        QVERIFY(autumn);
        QCOMPARE(autumn->start.secsTo(autumn->end), (3 * 24 - 8 + 1) * 3600);
        // In UTC the start moves with the clock change: 15:00 in winter, 14:00 in summer.
        QCOMPARE(spring->start.time(), QTime(15, 0));
        QCOMPARE(
            FreezeCalendar::frozenAt(windows, berlin(QStringLiteral("2026-04-03 16:00")))->start.time(), QTime(14, 0));
    }

    void datedAndNext()
    {
        FreezeWindow holidays;
        holidays.kind = FreezeWindow::Kind::Dated;
        holidays.fromDate = QDate(2026, 12, 24);
        holidays.fromTime = QTime(0, 0);
        holidays.toDate = QDate(2026, 12, 29);
        holidays.toTime = QTime(8, 0);
        holidays.timeZone = QStringLiteral("Europe/Berlin");
        holidays.reason = QStringLiteral("the holidays");
        const QList<FreezeWindow> windows { weekend(), holidays };
        // The longer window wins where both hold: Friday 25th is in both.
        const auto christmas = FreezeCalendar::frozenAt(windows, berlin(QStringLiteral("2026-12-25 18:00")));
        QVERIFY(christmas);
        QCOMPARE(christmas->end, berlin(QStringLiteral("2026-12-29 08:00")));
        QCOMPARE(christmas->describeEnd(), QStringLiteral("until Tue 29 Dec 08:00 (Europe/Berlin): the holidays"));
        const auto next = FreezeCalendar::nextAfter(windows, berlin(QStringLiteral("2026-12-22 09:00")));
        QVERIFY(next);
        QCOMPARE(next->start, berlin(QStringLiteral("2026-12-24 00:00")));
        QCOMPARE(next->describe(), QStringLiteral("Thu 24 Dec 00:00 – Tue 29 Dec 08:00 (Europe/Berlin): the holidays"));
        QVERIFY(!FreezeCalendar::frozenAt(windows, berlin(QStringLiteral("2026-12-29 08:00"))));
    }

    void readFromTheEcosystem()
    {
        const QByteArray yaml = R"(name: Shop
systems:
  - {name: a, template: worker, repository: r, image: i, manifests: [m]}
environments:
  - name: production
    kind: local
    context: c
    namespace: n
    freezes:
      - weekly: {from: "Fri 16:00", to: "Mon 08:00"}
        timeZone: Europe/Berlin
        reason: the weekend
      - {from: "2026-12-24", to: "2026-12-28 08:00", timeZone: Europe/Berlin, reason: the holidays}
      - {weekly: {from: "Fry 16:00", to: "Mon 08:00"}, reason: typo}
      - {from: "2026-12-28", to: "2026-12-24", reason: backwards}
      - {from: "2026-12-28", to: "2026-12-29", timeZone: Mars/Olympus, reason: nowhere}
)";
        const EcosystemLoadResult result = EcosystemLoader().loadData(yaml, QStringLiteral("eco.yaml"));
        QStringList messages;
        for (const Diagnostic &diagnostic : result.diagnostics)
            messages.append(diagnostic.toString());
        QVERIFY2(messages.size() == 3, qPrintable(messages.join(QLatin1Char(10))));
        QVERIFY2(messages[0].startsWith(QStringLiteral("eco.yaml:14:25: error: environment 'production': freeze #3: "
                                                       "weekly: 'Fry 16:00' is not a day and a time")),
            qPrintable(messages.join(QLatin1Char('\n'))));
        QVERIFY2(messages[1].contains(QStringLiteral("freeze #4: 'to' is not after 'from'")), qPrintable(messages[1]));
        QVERIFY2(messages[2].contains(QStringLiteral("unknown time zone 'Mars/Olympus'")), qPrintable(messages[2]));
        const EcosystemLoadResult valid = EcosystemLoader().loadData(
            yaml.left(yaml.indexOf("      - {weekly: {from: \"Fry")), QStringLiteral("eco.yaml"));
        QVERIFY(valid.ecosystem);
        const QList<FreezeWindow> &freezes = valid.ecosystem->environments.first().freezes;
        QCOMPARE(freezes.size(), 2);
        QCOMPARE(freezes[0].fromDay, int(Qt::Friday));
        QCOMPARE(freezes[0].toTime, QTime(8, 0));
        QCOMPARE(freezes[1].fromDate, QDate(2026, 12, 24));
        QCOMPARE(freezes[1].fromTime, QTime(0, 0));
    }
};

QTEST_GUILESS_MAIN(TestFreezeCalendar)
#include "tst_freezecalendar.moc"
