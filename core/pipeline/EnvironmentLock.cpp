// SPDX-License-Identifier: GPL-2.0-or-later
#include "pipeline/EnvironmentLock.h"

#include "pipeline/AuditJournal.h"

#include <QCoreApplication>
#include <QHash>
#include <QSysInfo>

namespace Shipyard {

namespace {

std::mutex &processLocksMutex()
{
    static std::mutex mutex;
    return mutex;
}

QHash<QString, QString> &processLocks()
{
    static QHash<QString, QString> locks;
    return locks;
}

LeaseLock::Attempt await(QFuture<LeaseLock::Attempt> future)
{
    future.waitForFinished();
    return future.result();
}

} // namespace

EnvironmentLock::EnvironmentLock(KubeClient client, QString ns, QString identity, std::chrono::seconds leaseDuration)
    : m_lock(client, ns, QString::fromLatin1(leaseName), identity, leaseDuration)
    , m_key((client.isValid() ? client.connection().cluster.server : QString()) + QLatin1Char('/') + ns)
    , m_duration(leaseDuration)
{ }

EnvironmentLock::~EnvironmentLock()
{
    release();
}

QString EnvironmentLock::defaultIdentity()
{
    return QStringLiteral("%1@%2/%3")
        .arg(AuditJournal::currentOsUser(), QSysInfo::machineHostName())
        .arg(QCoreApplication::applicationPid());
}

QString EnvironmentLock::processKey() const
{
    return m_key;
}

bool EnvironmentLock::acquire(
    bool wait, const std::atomic_bool *cancel, QString *error, const std::function<void(const QString &)> &waiting)
{
    QString lastHolder;
    while (true) {
        QString holder;
        {
            std::lock_guard lock(processLocksMutex());
            holder = processLocks().value(m_key);
        }
        if (holder.isEmpty()) {
            const LeaseLock::Attempt attempt = await(m_lock.tryAcquireOrRenew());
            if (attempt.held()) {
                std::lock_guard lock(processLocksMutex());
                if (processLocks().contains(m_key)) {
                    holder = processLocks().value(m_key);
                } else {
                    processLocks().insert(m_key, m_lock.identity());
                    m_held = true;
                    m_lost = false;
                    m_stop = false;
                    m_renewer = std::thread([this] { renewLoop(); });
                    return true;
                }
            } else if (attempt.outcome == LeaseLock::Outcome::Error) {
                if (error)
                    *error = QStringLiteral("could not take the delivery lock: %1").arg(attempt.error.message);
                return false;
            } else {
                holder = attempt.holder;
            }
        }
        if (!wait) {
            if (error)
                *error = QStringLiteral("another delivery is running: the environment is held by %1").arg(holder);
            return false;
        }
        if (holder != lastHolder && waiting)
            waiting(holder);
        lastHolder = holder;
        for (int i = 0; i < 20; ++i) {
            if (cancel && *cancel) {
                if (error)
                    *error = QStringLiteral("cancelled while waiting for %1 to finish").arg(holder);
                return false;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
    }
}

void EnvironmentLock::renewLoop()
{
    // client-go renews well before the lease runs out: a third of its duration.
    const auto period = std::chrono::milliseconds(m_duration) / 3;
    std::unique_lock lock(m_mutex);
    while (!m_stop) {
        if (m_wake.wait_for(lock, period, [this] { return m_stop; }))
            break;
        lock.unlock();
        const LeaseLock::Attempt attempt = await(m_lock.tryAcquireOrRenew());
        lock.lock();
        if (attempt.outcome == LeaseLock::Outcome::HeldByOther || attempt.outcome == LeaseLock::Outcome::LostRace)
            m_lost = true;
    }
}

void EnvironmentLock::release()
{
    if (!m_held)
        return;
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    if (m_renewer.joinable())
        m_renewer.join();
    await(m_lock.release());
    {
        std::lock_guard lock(processLocksMutex());
        processLocks().remove(m_key);
    }
    m_held = false;
}

} // namespace Shipyard
