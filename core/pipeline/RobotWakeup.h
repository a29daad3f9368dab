// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QDeadlineTimer>
#include <QStringList>

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>

namespace Shipyard {

// What wakes the robot's loop between passes before its interval is up: a
// verified webhook, or another robot that received one (RobotLeadership).
// Wakes coalesce: however many come before the loop takes them, one pass
// follows, and those that come during a pass make one more after it, since
// a pass reads the tracker and the repositories as they are when it runs.
// Safe to call from any thread.
class RobotWakeup
{
public:
    struct Pending
    {
        QStringList reasons; // one line per wake, oldest first (at most a few dozen kept)
        std::chrono::steady_clock::time_point since; // when the first of them came
        int count = 0;
    };

    void wake(const QString &why);
    // Blocks until woken (true), DEADLINE passes or STOP says so (false).
    // STOP is asked every 200 ms, for what cannot signal a condition: a
    // signal handler's flag, a lease running out.
    bool wait(const QDeadlineTimer &deadline, const std::function<bool()> &stop);
    // The wakes so far, forgotten: taken as a pass begins.
    std::optional<Pending> take();

private:
    std::mutex m_mutex;
    std::condition_variable m_condition;
    std::optional<Pending> m_pending;
};

} // namespace Shipyard
