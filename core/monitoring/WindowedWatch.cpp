// SPDX-License-Identifier: GPL-2.0-or-later
#include "monitoring/WindowedWatch.h"

#include <algorithm>

namespace Shipyard {

WindowedWatch::WindowedWatch(std::chrono::milliseconds interval, std::chrono::milliseconds window, QObject *parent)
    : QObject(parent), m_cancelled(std::make_shared<std::atomic_bool>(false)), m_interval(interval), m_window(window)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &WindowedWatch::next);
}

WindowedWatch::~WindowedWatch()
{
    // A request still running ends early; its continuation is dropped with this object.
    m_cancelled->store(true);
}

void WindowedWatch::start()
{
    if (m_running)
        return;
    m_running = true;
    m_answers = 0;
    m_lastError.clear();
    m_deadline.setRemainingTime(m_window);
    // From the event loop, like every check after it: an answer may be
    // there before the request's continuation is attached, and a verdict
    // must never arrive inside start().
    m_timer.start(0);
}

void WindowedWatch::stop()
{
    m_running = false;
    m_timer.stop();
}

int WindowedWatch::requestTimeoutMs() const
{
    return int(std::clamp<std::chrono::milliseconds::rep>(m_interval.count(), 1000, 15000));
}

void WindowedWatch::next()
{
    if (!m_running || m_inFlight)
        return;
    m_inFlight = true;
    check();
}

void WindowedWatch::settle(const QString &error, const std::function<bool()> &judge, bool lasting)
{
    m_inFlight = false;
    if (!m_running)
        return;
    if (!error.isEmpty()) {
        m_lastError = error;
        Q_EMIT queryFailed(error);
        if (lasting) {
            conclude();
            return;
        }
    } else {
        ++m_answers;
        if (judge())
            return;
    }
    if (m_deadline.hasExpired()) {
        conclude();
        return;
    }
    // The last check falls on the end of the window.
    const qint64 remaining = m_deadline.remainingTime();
    m_timer.start(std::min(m_interval, std::chrono::milliseconds(std::max<qint64>(remaining, 0))));
}

void WindowedWatch::conclude()
{
    stop();
    if (m_answers > 0)
        Q_EMIT passed();
    else
        Q_EMIT inconclusive(m_lastError);
}

} // namespace Shipyard
