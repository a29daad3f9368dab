// SPDX-License-Identifier: GPL-2.0-or-later
// The robot's wakeup: wakes from other threads end a wait at once, coalesce
// into one pending set, and a stop condition ends a wait within its slice.
#include "pipeline/RobotWakeup.h"

#include <QElapsedTimer>
#include <QTest>

#include <atomic>
#include <thread>

using namespace Shipyard;

class TestRobotWakeup : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aWakeEndsTheWaitAtOnce()
    {
        RobotWakeup wakeup;
        QElapsedTimer timer;
        timer.start();
        std::thread waker([&] {
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
            wakeup.wake(QStringLiteral("gitlab push"));
        });
        QVERIFY(wakeup.wait(QDeadlineTimer(std::chrono::seconds(30)), [] { return false; }));
        waker.join();
        // Far less than the 200 ms slice the stop condition is asked in.
        QVERIFY2(timer.elapsed() < 180, qPrintable(QString::number(timer.elapsed())));
        const auto pending = wakeup.take();
        QVERIFY(pending);
        QCOMPARE(pending->reasons, QStringList { QStringLiteral("gitlab push") });
        QVERIFY(!wakeup.take());
    }

    void wakesCoalesceUntilTaken()
    {
        RobotWakeup wakeup;
        for (int i = 0; i < 100; ++i)
            wakeup.wake(QStringLiteral("event %1").arg(i));
        // Already woken: the wait returns without waiting.
        QVERIFY(wakeup.wait(QDeadlineTimer(std::chrono::seconds(30)), {}));
        const auto pending = wakeup.take();
        QVERIFY(pending);
        QCOMPARE(pending->count, 100);
        QCOMPARE(pending->reasons.size(), 32); // the first few say enough
        QCOMPARE(pending->reasons.first(), QStringLiteral("event 0"));
        // Taken: the next wait waits again, until its deadline.
        QVERIFY(!wakeup.wait(QDeadlineTimer(std::chrono::milliseconds(50)), {}));
    }

    void stopEndsTheWait()
    {
        RobotWakeup wakeup;
        std::atomic_bool stop { false };
        std::thread stopper([&] {
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
            stop = true;
        });
        QElapsedTimer timer;
        timer.start();
        QVERIFY(!wakeup.wait(QDeadlineTimer(std::chrono::seconds(30)), [&] { return stop.load(); }));
        stopper.join();
        QVERIFY(timer.elapsed() < 1000);
    }
};

QTEST_GUILESS_MAIN(TestRobotWakeup)
#include "tst_robotwakeup.moc"
