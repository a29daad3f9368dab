// SPDX-License-Identifier: GPL-2.0-or-later
// The delivery lock and its queue across processes, against the local
// control plane (fixture `localcluster`): every contender is a process of its
// own (lockholder), as deliveries from different machines would be.
#include "ClusterTestSupport.h"

#include "pipeline/EnvironmentLock.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTest>

#include <atomic>
#include <csignal>
#include <memory>
#include <thread>

using namespace Shipyard;
using namespace Shipyard::TestSupport;

namespace {

// Short leases keep the expiry cases quick.
constexpr int leaseSeconds = 3;

class Contender
{
public:
    Contender(const QString &ns, const QString &identity, bool wait, const QString &reason = {}) : m_identity(identity)
    {
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_process.start(QStringLiteral(LOCKHOLDER),
            { clusterKubeconfigPath(), QStringLiteral("local"), ns, identity, QString::number(leaseSeconds),
                wait ? QStringLiteral("wait") : QStringLiteral("nowait"), reason });
    }
    ~Contender()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }

    const QString &identity() const { return m_identity; }
    qint64 pid() const { return m_process.processId(); }

    // Waits for a line starting with PREFIX; every line read is kept.
    bool waitFor(const QString &prefix, int timeoutMs = 20000)
    {
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < timeoutMs) {
            for (const QString &line : std::as_const(m_lines)) {
                if (line.startsWith(prefix))
                    return true;
            }
            if (m_process.canReadLine()) {
                m_lines.append(QString::fromUtf8(m_process.readLine()).trimmed());
                continue;
            }
            if (m_process.state() == QProcess::NotRunning && !m_process.canReadLine())
                break;
            m_process.waitForReadyRead(100);
        }
        qWarning("%s: no \"%s\" in %s", qPrintable(m_identity), qPrintable(prefix),
            qPrintable(m_lines.join(QStringLiteral(" | "))));
        return false;
    }
    bool saw(const QString &prefix)
    {
        while (m_process.canReadLine() || m_process.waitForReadyRead(0))
            m_lines.append(QString::fromUtf8(m_process.readLine()).trimmed());
        for (const QString &line : std::as_const(m_lines)) {
            if (line.startsWith(prefix))
                return true;
        }
        return false;
    }
    void release()
    {
        m_process.write("release\n");
        m_process.waitForBytesWritten(5000);
    }
    void die()
    {
        ::kill(pid_t(m_process.processId()), SIGKILL);
        m_process.waitForFinished(5000);
    }

private:
    QString m_identity;
    QProcess m_process;
    QStringList m_lines;
};

QStringList waiters(const EnvironmentLock::Status &status)
{
    QStringList identities;
    for (const EnvironmentLock::Waiter &waiter : status.queue)
        identities.append(waiter.identity);
    return identities;
}

} // namespace

class TestEnvironmentLock : public QObject
{
    Q_OBJECT

private:
    QStringList m_namespaces;
    KubeClient m_client;

    QString newNamespace()
    {
        const QString ns = QStringLiteral("t-envlock-%1-%2")
                               .arg(QCoreApplication::applicationPid())
                               .arg(QRandomGenerator::global()->bounded(100000));
        int code = 0;
        kubectl(QStringLiteral("local"), { QStringLiteral("create"), QStringLiteral("namespace"), ns }, &code);
        if (code == 0)
            m_namespaces.append(ns);
        return ns;
    }

    EnvironmentLock::Status status(const QString &ns) { return EnvironmentLock::read(m_client, ns); }

private Q_SLOTS:
    void initTestCase()
    {
        SHIPYARD_REQUIRE_CLUSTER();
        m_client = clusterClient(QStringLiteral("local"));
        QVERIFY(m_client.isValid());
    }

    void cleanupTestCase()
    {
        for (const QString &ns : std::as_const(m_namespaces))
            kubectl(QStringLiteral("local"),
                { QStringLiteral("delete"), QStringLiteral("namespace"), ns, QStringLiteral("--wait=false") });
    }

    void waitersTakeTheLockInOrder()
    {
        const QString ns = newNamespace();
        QCOMPARE(status(ns).holder, QString());
        Contender alice(ns, QStringLiteral("alice@a/1"), false, QStringLiteral("freeze for the demo"));
        QVERIFY(alice.waitFor(QStringLiteral("acquired")));
        EnvironmentLock::Status held = status(ns);
        QVERIFY(held.error.message.isEmpty());
        QCOMPARE(held.holder, alice.identity());
        QVERIFY(held.isHeld());
        QCOMPARE(held.reason, QStringLiteral("freeze for the demo"));
        QVERIFY(held.acquired.isValid() && held.renewed.isValid());
        QVERIFY(qAbs(held.acquired.secsTo(QDateTime::currentDateTimeUtc())) < 30);
        QCOMPARE(held.durationSeconds, leaseSeconds);

        // A contender that does not wait is refused, and does not queue.
        Contender dave(ns, QStringLiteral("dave@d/4"), false);
        QVERIFY(
            dave.waitFor(QStringLiteral("failed another delivery is running: the environment is held by alice@a/1")));

        Contender bob(ns, QStringLiteral("bob@b/2"), true, QStringLiteral("hotfix"));
        QVERIFY(bob.waitFor(QStringLiteral("waiting alice@a/1")));
        QTRY_COMPARE_WITH_TIMEOUT(waiters(status(ns)), QStringList { bob.identity() }, 10000);
        Contender carol(ns, QStringLiteral("carol@c/3"), true);
        QVERIFY(carol.waitFor(QStringLiteral("waiting alice@a/1")));
        QTRY_COMPARE_WITH_TIMEOUT(waiters(status(ns)), (QStringList { bob.identity(), carol.identity() }), 10000);
        const EnvironmentLock::Status queued = status(ns);
        QCOMPARE(queued.queue.first().reason, QStringLiteral("hotfix"));
        QVERIFY(queued.queue.first().lease.startsWith(QLatin1String(EnvironmentLock::queuePrefix)));
        QVERIFY(!queued.queue.first().expired);
        // Still waiting several renewals later: their entries are kept alive.
        QTest::qWait(leaseSeconds * 1000 + 1000);
        QCOMPARE(waiters(status(ns)), (QStringList { bob.identity(), carol.identity() }));

        QElapsedTimer clock;
        clock.start();
        alice.release();
        QVERIFY(alice.waitFor(QStringLiteral("released")));
        QVERIFY(bob.waitFor(QStringLiteral("acquired")));
        qInfo("handover from the holder to the first waiter: %lld ms", qint64(clock.elapsed()));
        QVERIFY(!carol.saw(QStringLiteral("acquired")));
        held = status(ns);
        QCOMPARE(held.holder, bob.identity());
        QCOMPARE(held.reason, QStringLiteral("hotfix"));
        QCOMPARE(waiters(held), QStringList { carol.identity() });

        bob.release();
        QVERIFY(carol.waitFor(QStringLiteral("acquired")));
        held = status(ns);
        QCOMPARE(held.holder, carol.identity());
        QCOMPARE(held.reason, QString()); // bob's reason does not stick to the lease
        QCOMPARE(waiters(held), QStringList());
        carol.release();
        QVERIFY(carol.waitFor(QStringLiteral("released")));
        QVERIFY(!status(ns).isHeld());
    }

    void deadWaiterLeavesTheQueue()
    {
        const QString ns = newNamespace();
        Contender alice(ns, QStringLiteral("alice@a/1"), false);
        QVERIFY(alice.waitFor(QStringLiteral("acquired")));
        auto bob = std::make_unique<Contender>(ns, QStringLiteral("bob@b/2"), true);
        QVERIFY(bob->waitFor(QStringLiteral("waiting")));
        QTRY_COMPARE_WITH_TIMEOUT(waiters(status(ns)), QStringList { bob->identity() }, 10000);
        Contender carol(ns, QStringLiteral("carol@c/3"), true);
        QVERIFY(carol.waitFor(QStringLiteral("waiting")));
        QTRY_COMPARE_WITH_TIMEOUT(waiters(status(ns)), (QStringList { bob->identity(), carol.identity() }), 10000);

        QElapsedTimer clock;
        clock.start();
        bob->die();
        // Carol, still waiting, sees bob's entry stop being renewed and removes it.
        QTRY_COMPARE_WITH_TIMEOUT(waiters(status(ns)), QStringList { carol.identity() }, leaseSeconds * 4000);
        qInfo("a killed waiter left the queue after %lld ms (lease %d s)", qint64(clock.elapsed()), leaseSeconds);
        QVERIFY(clock.elapsed() >= leaseSeconds * 1000 - 1000);

        alice.release();
        QVERIFY(carol.waitFor(QStringLiteral("acquired")));
        QCOMPARE(status(ns).holder, carol.identity());
        carol.release();
        QVERIFY(carol.waitFor(QStringLiteral("released")));
    }

    void deadHolderLosesTheLock()
    {
        const QString ns = newNamespace();
        Contender alice(ns, QStringLiteral("alice@a/1"), false);
        QVERIFY(alice.waitFor(QStringLiteral("acquired")));
        Contender bob(ns, QStringLiteral("bob@b/2"), true);
        QVERIFY(bob.waitFor(QStringLiteral("waiting alice@a/1")));
        QElapsedTimer clock;
        clock.start();
        alice.die();
        QVERIFY(bob.waitFor(QStringLiteral("acquired"), leaseSeconds * 5000));
        qInfo("a killed holder lost the lock after %lld ms (lease %d s)", qint64(clock.elapsed()), leaseSeconds);
        QVERIFY(clock.elapsed() >= leaseSeconds * 1000 - 1000);
        const EnvironmentLock::Status held = status(ns);
        QCOMPARE(held.holder, bob.identity());
        QCOMPARE(held.transitions, 1);
        QCOMPARE(waiters(held), QStringList());
        bob.release();
        QVERIFY(bob.waitFor(QStringLiteral("released")));
    }

    void forcedReleaseHandsOverAndTheHolderNotices()
    {
        const QString ns = newNamespace();
        Contender alice(ns, QStringLiteral("alice@a/1"), false);
        QVERIFY(alice.waitFor(QStringLiteral("acquired")));
        Contender bob(ns, QStringLiteral("bob@b/2"), true);
        QVERIFY(bob.waitFor(QStringLiteral("waiting alice@a/1")));
        QString previous;
        KubeError error;
        // A 409 means alice renewed between the read and the write: try again, as the CLI does.
        for (int i = 0; i < 5; ++i) {
            error = EnvironmentLock::forceRelease(m_client, ns, &previous);
            if (!error.isConflict())
                break;
        }
        QVERIFY2(!error.isError(), qPrintable(error.message));
        QCOMPARE(previous, alice.identity());
        QVERIFY(bob.waitFor(QStringLiteral("acquired")));
        QVERIFY(alice.waitFor(QStringLiteral("lost")));
        QCOMPARE(status(ns).holder, bob.identity());
        bob.release();
        QVERIFY(bob.waitFor(QStringLiteral("released")));
        QVERIFY(!EnvironmentLock::forceRelease(m_client, ns, &previous).isError());
        QCOMPARE(previous, QString());
    }

    void freeLockGoesToTheOldestLiveWaiter()
    {
        // Zoe queued on another machine; the lock is free for a moment (its
        // holder just left) and zoe has not taken it yet.
        const QString ns = newNamespace();
        const QString now = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz000Z"));
        int code = 0;
        kubectl(QStringLiteral("local"), { QStringLiteral("apply"), QStringLiteral("-f"), QStringLiteral("-") }, &code,
            QStringLiteral("apiVersion: coordination.k8s.io/v1\nkind: Lease\n"
                           "metadata: {name: shipyard-delivery-queue-zoe, namespace: %1, "
                           "labels: {shipyard.dev/queue: shipyard-delivery}}\n"
                           "spec: {holderIdentity: zoe@z/9, leaseDurationSeconds: %2, acquireTime: '%3', "
                           "renewTime: '%3'}\n")
                .arg(ns)
                .arg(leaseSeconds)
                .arg(now)
                .toUtf8());
        QCOMPARE(code, 0);
        EnvironmentLock lock(m_client, ns, QStringLiteral("me@here/1"), std::chrono::seconds(leaseSeconds));
        QString error;
        QVERIFY(!lock.acquire(false, nullptr, &error));
        QVERIFY2(error.contains(QStringLiteral("queued first: zoe@z/9 is waiting")), qPrintable(error));
        QCOMPARE(status(ns).holder, QString());

        // Waiting, this process queues behind zoe; zoe never renews (her
        // process is gone), so her entry goes after its lease and the lock is ours.
        std::atomic_bool cancel { false };
        QStringList told;
        QElapsedTimer clock;
        clock.start();
        std::thread waiter([&] {
            if (!lock.acquire(true, &cancel, &error, [&](const QString &holder) { told.append(holder); }))
                qWarning("not acquired: %s", qPrintable(error));
        });
        QTRY_COMPARE_WITH_TIMEOUT(
            waiters(status(ns)), (QStringList { QStringLiteral("zoe@z/9"), lock.identity() }), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(lock.isHeld(), leaseSeconds * 4000);
        qInfo("a dead waiter ahead was passed after %lld ms", qint64(clock.elapsed()));
        cancel = true;
        waiter.join();
        QCOMPARE(told.value(0), QStringLiteral("zoe@z/9 (queued first)"));
        const EnvironmentLock::Status held = status(ns);
        QCOMPARE(held.holder, lock.identity());
        QCOMPARE(waiters(held), QStringList());
        lock.release();
    }

    void inProcessContenderIsRefusedWithoutTheCluster()
    {
        // The API Delivery relies on: a second lock of this process is refused.
        const QString ns = newNamespace();
        EnvironmentLock first(m_client, ns, QStringLiteral("me@here/1"), std::chrono::seconds(leaseSeconds));
        QString error;
        QVERIFY2(first.acquire(false, nullptr, &error), qPrintable(error));
        EnvironmentLock second(m_client, ns, QStringLiteral("me@here/1"), std::chrono::seconds(leaseSeconds));
        QVERIFY(!second.acquire(false, nullptr, &error));
        QVERIFY2(error.contains(QStringLiteral("held by me@here/1")), qPrintable(error));
        std::atomic_bool cancel { false };
        std::thread canceller([&] {
            std::this_thread::sleep_for(std::chrono::milliseconds(1500));
            cancel = true;
        });
        QString waitedFor;
        const bool waited = second.acquire(true, &cancel, &error, [&](const QString &holder) { waitedFor = holder; });
        canceller.join();
        QVERIFY(!waited);
        QCOMPARE(waitedFor, QStringLiteral("me@here/1"));
        QVERIFY2(error.contains(QStringLiteral("cancelled")), qPrintable(error));
        QCOMPARE(second.queueLease(), QString());
        QCOMPARE(waiters(status(ns)), QStringList()); // a cancelled waiter leaves at once
        first.release();
        QVERIFY2(second.acquire(false, nullptr, &error), qPrintable(error));
        second.release();
    }
};

QTEST_GUILESS_MAIN(TestEnvironmentLock)
#include "tst_environmentlock.moc"
