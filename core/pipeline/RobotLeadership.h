// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "kube/KubeClient.h"
#include "kube/LeaseLock.h"

#include <QString>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace Shipyard {

// Which of several robots acts: the one holding a Lease, elected as
// client-go's leaderelection elects. Every robot tries to take the Lease
// every retry period; the holder renews it as often, in a thread of its own,
// and stops leading once no renewal has succeeded for the renew deadline or
// another identity holds the Lease. Stopping is for good: a robot that may
// have been out of touch for longer than the lease lets whoever took over
// act alone, and campaigns again from the start.
//
// What makes a takeover safe is not this class: every delivery also takes
// its environment's own Lease (EnvironmentLock) and stops writing once that
// one may be another's, and the robot's actions are moves of tracker
// statuses that a second robot finds already made. This class only keeps
// two robots from doing the same pass at once.
class RobotLeadership
{
public:
    struct Timing
    {
        std::chrono::seconds leaseDuration { 15 };
        std::chrono::seconds renewDeadline { 10 };
        std::chrono::milliseconds retryPeriod { 2000 };
    };
    using Progress = std::function<void(const QString &line)>;

    RobotLeadership(KubeClient client, QString ns, QString name, QString identity, Timing timing);
    // Gives the Lease up when held, so that another robot takes it at once.
    ~RobotLeadership();
    RobotLeadership(const RobotLeadership &) = delete;
    RobotLeadership &operator=(const RobotLeadership &) = delete;

    // Blocks until this robot leads (true) or STOP becomes true (false);
    // PROGRESS hears who leads whenever that changes, and why a try failed.
    bool acquire(const std::atomic_bool *stop, const Progress &progress);
    // Whether this robot may act now: led and renewed within the deadline.
    bool leading() const;
    // Why it stopped leading, once it did.
    QString lostReason() const;
    const QString &identity() const { return m_lock.identity(); }

    // Webhooks come to whichever replica the Service picks. One standing by
    // leaves word on the Lease (Labels::robotWake, requestWake); the leader
    // reads the Lease at every renewal anyway and calls LISTENER (set
    // before acquire()) when that word changed, so a webhook to a standby
    // makes the leader's next pass begin within a retry period.
    void setWakeListener(std::function<void(const QString &why)> listener);
    // Any thread, without blocking: WHY goes onto the Lease; PROGRESS hears
    // when it could not be written.
    void requestWake(const QString &why, const Progress &progress);
    static QString defaultIdentity();

private:
    void renewLoop();
    void stopRenewing();

    LeaseLock m_lock;
    Timing m_timing;
    std::thread m_renewer;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false; // guarded by m_mutex
    QString m_lostReason; // guarded by m_mutex
    std::atomic_bool m_leading { false };
    // When the last successful renewal began, on the monotonic clock.
    std::atomic<qint64> m_renewedAt { 0 };
    std::function<void(const QString &why)> m_wakeListener;
    QString m_lastWake; // the Lease's robotWake annotation last seen while leading; renewer thread only
};

} // namespace Shipyard
