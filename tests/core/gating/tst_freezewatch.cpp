// SPDX-License-Identifier: GPL-2.0-or-later
// The views' freeze state as time passes: changed() when a window begins and
// ends, on a clock that runs from a chosen moment.
#include "gating/FreezeWatch.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

using namespace Shipyard;

namespace {

FreezeWindow dated(const QDateTime &from, const QDateTime &to, const QString &reason)
{
    FreezeWindow window;
    window.kind = FreezeWindow::Kind::Dated;
    window.fromDate = from.date();
    window.fromTime = from.time();
    window.toDate = to.date();
    window.toTime = to.time();
    window.timeZone = QStringLiteral("UTC");
    window.reason = reason;
    return window;
}

} // namespace

class TestFreezeWatch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void noWindowsNoText()
    {
        FreezeWatch watch;
        watch.setWindows({});
        QVERIFY(!watch.isFrozen());
        QVERIFY(!watch.next());
        QVERIFY(watch.describe().isEmpty());
    }

    void describesTheWindowAndTheNext()
    {
        const QDateTime now(QDate(2026, 12, 24), QTime(12, 0), QTimeZone::UTC);
        FreezeWatch watch;
        watch.setClock([now] { return now; });
        watch.setWindows({ dated(now.addDays(-1), now.addDays(1), QStringLiteral("the holidays")),
            dated(now.addDays(6), now.addDays(8), QStringLiteral("the new year")) });
        QVERIFY(watch.isFrozen());
        QCOMPARE(watch.frozen()->window->reason, QStringLiteral("the holidays"));
        QVERIFY(watch.next());
        QCOMPARE(watch.next()->window->reason, QStringLiteral("the new year"));
        const QString text = watch.describe();
        QVERIFY2(
            text.startsWith(QStringLiteral("Frozen until Fri 25 Dec 12:00 (UTC): the holidays")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Next freeze: Wed 30 Dec 12:00 – Fri 1 Jan 12:00 (UTC): the new year")),
            qPrintable(text));
    }

    // A clock that reads 10:59:58 when the test starts and then runs: the
    // window 11:00–11:01 begins about two seconds later and changed() says so.
    void changesWhenAWindowBegins()
    {
        const QDateTime start(QDate(2026, 12, 24), QTime(10, 59, 58), QTimeZone::UTC);
        QElapsedTimer elapsed;
        elapsed.start();
        FreezeWatch watch;
        watch.setClock([&] { return start.addMSecs(elapsed.elapsed()); });
        watch.setWindows({ dated(start.addSecs(2), start.addSecs(62), QStringLiteral("a launch")) });
        QVERIFY(!watch.isFrozen());
        QVERIFY(watch.next());
        QSignalSpy changed(&watch, &FreezeWatch::changed);
        QVERIFY(changed.wait(6000));
        QVERIFY(watch.isFrozen());
        QVERIFY(elapsed.elapsed() >= 2000);
        QCOMPARE(watch.frozen()->window->reason, QStringLiteral("a launch"));
        QVERIFY(!watch.next());
    }
};

QTEST_GUILESS_MAIN(TestFreezeWatch)
#include "tst_freezewatch.moc"
