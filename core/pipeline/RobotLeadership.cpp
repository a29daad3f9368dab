// SPDX-License-Identifier: GPL-2.0-or-later
#include "pipeline/RobotLeadership.h"

#include "model/Labels.h"
#include "support/FutureWait.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSysInfo>

namespace Shipyard {

namespace {

qint64 monotonicMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

} // namespace

RobotLeadership::RobotLeadership(KubeClient client, QString ns, QString name, QString identity, Timing timing)
    : m_lock(std::move(client), std::move(ns), std::move(name), std::move(identity), timing.leaseDuration)
    , m_timing(timing)
{ }

RobotLeadership::~RobotLeadership()
{
    const bool wasLeading = m_leading.load();
    stopRenewing();
    if (wasLeading)
        await(m_lock.release());
}

QString RobotLeadership::defaultIdentity()
{
    // As client-go's examples: the host (the pod's name in a cluster) and
    // something unique to this process.
    return QStringLiteral("%1_%2").arg(QSysInfo::machineHostName()).arg(QCoreApplication::applicationPid());
}

bool RobotLeadership::acquire(const std::atomic_bool *stop, const Progress &progress)
{
    stopRenewing();
    QString lastSaid;
    const auto say = [&](const QString &line) {
        if (line != lastSaid && progress)
            progress(line);
        lastSaid = line;
    };
    while (!stop || !*stop) {
        const qint64 began = monotonicMs();
        const LeaseLock::Attempt attempt = await(m_lock.tryAcquireOrRenew());
        if (attempt.held()) {
            m_renewedAt = began;
            m_leading = true;
            // The pass that begins now sees whatever the word was about.
            m_lastWake = attempt.annotations.value(Labels::robotWake).toString();
            {
                const std::lock_guard lock(m_mutex);
                m_stopping = false;
                m_lostReason.clear();
            }
            m_renewer = std::thread([this] { renewLoop(); });
            say(QStringLiteral("leading as %1").arg(identity()));
            return true;
        }
        if (attempt.outcome == LeaseLock::Outcome::Error)
            say(QStringLiteral("the lease cannot be read or taken: %1").arg(attempt.error.message));
        else if (!attempt.holder.isEmpty())
            say(QStringLiteral("waiting: %1 leads").arg(attempt.holder));
        std::unique_lock lock(m_mutex);
        m_wake.wait_for(lock, m_timing.retryPeriod);
    }
    return false;
}

bool RobotLeadership::leading() const
{
    return m_leading &&
        monotonicMs() - m_renewedAt <
        std::chrono::duration_cast<std::chrono::milliseconds>(m_timing.renewDeadline).count();
}

QString RobotLeadership::lostReason() const
{
    const std::lock_guard lock(m_mutex);
    if (m_lostReason.isEmpty() && m_leading && !leading())
        return QStringLiteral("no renewal succeeded for %1 s").arg(m_timing.renewDeadline.count());
    return m_lostReason;
}

void RobotLeadership::renewLoop()
{
    while (true) {
        {
            std::unique_lock lock(m_mutex);
            if (m_wake.wait_for(lock, m_timing.retryPeriod, [this] { return m_stopping; }))
                return;
        }
        const qint64 began = monotonicMs();
        const LeaseLock::Attempt attempt = await(m_lock.renew());
        QString lost;
        if (!leading()) {
            // The deadline passed while renewals failed or hung: whatever this
            // one says, another may have acted meanwhile.
            lost = QStringLiteral("no renewal succeeded for %1 s").arg(m_timing.renewDeadline.count());
            if (attempt.outcome == LeaseLock::Outcome::Error)
                lost += QStringLiteral(": ") + attempt.error.message;
        } else if (attempt.held()) {
            m_renewedAt = began;
            const QString wake = attempt.annotations.value(Labels::robotWake).toString();
            if (wake != m_lastWake) {
                m_lastWake = wake;
                if (m_wakeListener && !wake.isEmpty())
                    m_wakeListener(wake);
            }
            continue;
        } else if (attempt.outcome == LeaseLock::Outcome::Error ||
            (attempt.outcome == LeaseLock::Outcome::LostRace && attempt.holder == identity())) {
            // Tried again until the deadline. A race lost while this robot
            // still held the Lease was another's write between the read and
            // the renewal, e.g. a standby's requestWake().
            continue;
        } else {
            lost = QStringLiteral("%1 holds the lease now").arg(attempt.holder);
        }
        const std::lock_guard lock(m_mutex);
        m_lostReason = lost;
        m_leading = false;
        return;
    }
}

void RobotLeadership::setWakeListener(std::function<void(const QString &why)> listener)
{
    m_wakeListener = std::move(listener);
}

void RobotLeadership::requestWake(const QString &why, const Progress &progress)
{
    // The time and who make each word new, even for the same event twice.
    const QString word =
        QStringLiteral("%1 %2: %3")
            .arg(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs), identity(), why.left(200));
    m_lock.annotate(Labels::robotWake, word).then([progress](const KubeError &error) {
        if (error.isError() && progress)
            progress(QStringLiteral("could not pass a webhook on to the leader: %1").arg(error.message));
    });
}

void RobotLeadership::stopRenewing()
{
    {
        const std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_renewer.joinable())
        m_renewer.join();
}

} // namespace Shipyard
