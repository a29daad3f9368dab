// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "kube/KubeClient.h"
#include "kube/LeaseLock.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace Shipyard {

// One delivery per environment: the Lease `shipyard-delivery` in the
// environment's namespace, held (and renewed in a thread of its own) for as
// long as this object holds it. Another machine sees the holder in the Lease;
// another delivery of this same process is refused without asking the
// cluster, since it would present the same identity and "renew" the lock.
//
// Waiting is first come, first served, and visible: each waiter holds a Lease
// `shipyard-delivery-queue-<id>` of its own in the same namespace, renewed
// while it waits, so it drops out when its process dies. A free lock is taken
// only by the oldest live waiter (and, when nobody waits, by whoever asks).
// Queue order is the server's creationTimestamp (one clock for everyone),
// then the waiter's own entry time for the same second. A waiter judges
// another dead when its lease went unrenewed for its duration as seen by the
// local monotonic clock, or when its renewTime is two durations old by the
// wall clock (for one-shot readers); the dead entry is deleted by whoever sees it.
//
// A holder may lose the lock without hearing of it: paused, cut off from the
// cluster, or slower than its lease. As client-go's leader election does, it
// remembers on a monotonic clock when its last renewal began, and once that
// is older than the renew deadline (two thirds of the lease) it may write
// nothing more (mayWrite() is false) until a renewal succeeds again, which
// it can only while the Lease still names it: nobody else can have taken it
// meanwhile without changing the Lease first. Every request this lock makes,
// and every write a holder makes (writeClient()), gives up after a third of
// the lease, so that a write sent in time lands before another could take over.
//
// acquire() blocks: use it from a worker thread.
class EnvironmentLock
{
public:
    static constexpr const char *leaseName = "shipyard-delivery";
    static constexpr const char *queuePrefix = "shipyard-delivery-queue-";

    struct Waiter
    {
        QString lease; // shipyard-delivery-queue-…
        QString identity;
        QString reason;
        QDateTime since; // entered the queue (the server's clock)
        QDateTime renewed; // the waiter's clock
        QDateTime entered; // the waiter's clock, with microseconds: orders one second's arrivals
        int durationSeconds = 0;
        bool expired = false; // by the wall clock; deleted by the next live waiter
        QJsonObject toJson() const;
    };
    struct Status
    {
        KubeError error;
        QString holder; // empty: free
        QString reason;
        QDateTime acquired;
        QDateTime renewed;
        int durationSeconds = 0;
        int transitions = 0;
        bool expired = false; // the holder stopped renewing: the next taker gets it
        QList<Waiter> queue; // oldest first
        bool isHeld() const { return !holder.isEmpty() && !expired; }
        QJsonObject toJson() const;
    };

    EnvironmentLock(KubeClient client, QString ns, QString identity = defaultIdentity(),
        std::chrono::seconds leaseDuration = std::chrono::seconds(15));
    ~EnvironmentLock();
    EnvironmentLock(const EnvironmentLock &) = delete;
    EnvironmentLock &operator=(const EnvironmentLock &) = delete;

    // user@host/pid
    static QString defaultIdentity();

    // WAIT: retry until free (or CANCEL becomes true); WAITING is told who
    // holds it, once per change of holder. False with ERROR when not acquired.
    bool acquire(bool wait, const std::atomic_bool *cancel, QString *error,
        const std::function<void(const QString &holder)> &waiting = {});
    void release();

    // Shown to others (annotation) with the lock or the queue entry; set before acquire().
    void setReason(const QString &reason) { m_reason = reason; }
    // The environment this lock guards, written on the Lease with the reason
    // when it is taken; set before acquire(). Tools that act on a namespace
    // without the ecosystem (shipyardctl rollout and scale, the Cluster
    // view) learn from it that Shipyard delivers there, and whether the
    // environment is protected (see guardedBy()).
    void setEnvironment(const QString &name, bool isProtected)
    {
        m_environment = name;
        m_protected = isProtected;
    }
    struct Guarded
    {
        KubeError error; // the Lease could not be read (a missing one is no error)
        bool exists = false; // someone took this namespace's lock once: Shipyard delivers here
        QString environment; // as its last holder named it; empty when none did
        bool isProtected = false;
    };
    // What the Lease of NS says about the environment it guards.
    static Guarded guardedBy(const KubeClient &client, const QString &ns);
    // The lock and its queue as they are now, in one read (blocks).
    static Status read(const KubeClient &client, const QString &ns);
    Status status() const { return read(m_client, m_ns); }
    QString holder() const { return status().holder; }
    QList<Waiter> queue() const { return status().queue; }
    // This object's entry in the queue while acquire() waits; empty otherwise.
    QString queueLease() const;
    // Empties the lock whoever holds it; its holder notices at its next
    // renewal (isLost()). PREVIOUS: who held it, empty when nobody did (then nothing is written).
    static KubeError forceRelease(const KubeClient &client, const QString &ns, QString *previous = nullptr);

    // How the leases read, for read() and for those who watch them (DeliveryQueueWatch).
    // A queue entry of this lock: labelled for it and named with queuePrefix.
    static bool isQueueLease(const QJsonObject &lease);
    static Waiter waiterFromLease(const QJsonObject &lease);
    // The holder part of STATUS from the lock's lease (the queue is left alone).
    static void readHolder(const QJsonObject &lease, Status *status);
    // Queue order: the server's creationTimestamp, then the waiter's entry time, then the name.
    static bool queuedBefore(const Waiter &a, const Waiter &b);
    bool isHeld() const { return m_held; }
    // Another holder took over (or the lock was forced free): stop delivering.
    bool isLost() const { return m_lost; }
    // Held, not lost, and renewed within the renew deadline: a write sent
    // now lands while the lock is surely this holder's.
    bool mayWrite() const;
    // Until mayWrite(): asks for a renewal at once and waits for it, at most
    // PATIENCE (or until CANCEL, or until the lock is lost). A holder cut off
    // from the cluster for a while gets its lock back this way once the
    // cluster answers again, if nobody took it meanwhile.
    bool waitUntilWritable(std::chrono::milliseconds patience, const std::atomic_bool *cancel = nullptr);
    // Why mayWrite() is false, for messages; empty when it is true.
    QString whyNotWritable() const;
    // The client to write through while holding this lock: its requests give
    // up in time (see above).
    const KubeClient &writeClient() const { return m_client; }
    std::chrono::milliseconds renewDeadline() const;
    QString identity() const { return m_lock.identity(); }

private:
    struct Seen
    {
        QString renewTime;
        QElapsedTimer since;
    };
    void renewLoop();
    QString processKey() const;
    // Joins or renews this object's queue entry; false with ERROR when it cannot.
    bool enterQueue(QString *error);
    void leaveQueue();
    // The oldest live waiter queued before this object (empty: none); removes dead entries.
    QString firstWaiterAhead(QString *error);
    void publishReason();

    KubeClient m_client;
    QString m_ns;
    QString m_reason;
    QString m_environment;
    bool m_protected = false;
    LeaseLock m_lock;
    QString m_key;
    std::chrono::seconds m_duration;
    std::thread m_renewer;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stop = false;
    std::atomic_bool m_held { false };
    std::atomic_bool m_lost { false };
    // When the last successful renewal (or the acquisition) began, in
    // milliseconds of the monotonic clock.
    std::atomic<qint64> m_renewedAt { 0 };
    bool m_renewNow = false; // guarded by m_mutex: a writer waits for a renewal
    // Touched by acquire() only.
    QString m_queueLease;
    mutable std::mutex m_queueMutex; // m_queueLease, read by queueLease() from other threads
    QElapsedTimer m_queueRenewed;
    QHash<QString, Seen> m_seen;
};

} // namespace Shipyard
