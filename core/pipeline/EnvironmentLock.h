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

// One delivery per environment: the Lease `shipyard-delivery` in the
// environment's namespace, held (and renewed in a thread of its own) for as
// long as this object holds it. Another machine sees the holder in the Lease;
// another delivery of this same process is refused without asking the
// cluster, since it would present the same identity and "renew" the lock.
//
// acquire() blocks: use it from a worker thread.
class EnvironmentLock
{
public:
    static constexpr const char *leaseName = "shipyard-delivery";

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
    bool isHeld() const { return m_held; }
    // The renewals failed or another holder took over: stop delivering.
    bool isLost() const { return m_lost; }
    QString identity() const { return m_lock.identity(); }

private:
    void renewLoop();
    QString processKey() const;

    LeaseLock m_lock;
    QString m_key;
    std::chrono::seconds m_duration;
    std::thread m_renewer;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stop = false;
    std::atomic_bool m_held { false };
    std::atomic_bool m_lost { false };
};

} // namespace Shipyard
