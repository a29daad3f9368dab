// SPDX-License-Identifier: GPL-2.0-or-later
#include "pipeline/RobotWakeup.h"

namespace Shipyard {

void RobotWakeup::wake(const QString &why)
{
    {
        const std::lock_guard lock(m_mutex);
        if (!m_pending) {
            m_pending.emplace();
            m_pending->since = std::chrono::steady_clock::now();
        }
        ++m_pending->count;
        // A burst of pushes says no more than its first few.
        if (m_pending->reasons.size() < 32)
            m_pending->reasons.append(why);
    }
    m_condition.notify_all();
}

bool RobotWakeup::wait(const QDeadlineTimer &deadline, const std::function<bool()> &stop)
{
    std::unique_lock lock(m_mutex);
    while (!m_pending) {
        if (deadline.hasExpired() || (stop && stop()))
            return false;
        const auto slice = std::min<qint64>(200, std::max<qint64>(1, deadline.remainingTime()));
        m_condition.wait_for(lock, std::chrono::milliseconds(deadline.isForever() ? 200 : slice));
    }
    return true;
}

std::optional<RobotWakeup::Pending> RobotWakeup::take()
{
    const std::lock_guard lock(m_mutex);
    return std::exchange(m_pending, std::nullopt);
}

} // namespace Shipyard
