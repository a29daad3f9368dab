// SPDX-License-Identifier: GPL-2.0-or-later
#include "gating/FreezeWatch.h"

#include <algorithm>

namespace Shipyard {

namespace {

// The timer wakes at least this often: a machine that slept, or a clock
// that was set, is noticed within the hour even if no window changes.
constexpr qint64 longestSleepMs = 60 * 60 * 1000;

} // namespace

FreezeWatch::FreezeWatch(QObject *parent) : QObject(parent), m_clock([] { return QDateTime::currentDateTimeUtc(); })
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::VeryCoarseTimer);
    connect(&m_timer, &QTimer::timeout, this, &FreezeWatch::update);
}

void FreezeWatch::setWindows(const QList<FreezeWindow> &windows)
{
    m_windows = windows;
    update();
}

void FreezeWatch::setClock(std::function<QDateTime()> clock)
{
    m_clock = std::move(clock);
    update();
}

void FreezeWatch::update()
{
    const QDateTime now = m_clock().toUTC();
    const std::optional<FreezeCalendar::Occurrence> frozen = FreezeCalendar::frozenAt(m_windows, now);
    const std::optional<FreezeCalendar::Occurrence> next =
        FreezeCalendar::nextAfter(m_windows, frozen ? frozen->end : now);
    const auto same = [](const std::optional<FreezeCalendar::Occurrence> &a,
                          const std::optional<FreezeCalendar::Occurrence> &b) {
        return a.has_value() == b.has_value() && (!a || (a->start == b->start && a->end == b->end));
    };
    const bool differs = !same(frozen, m_frozen) || !same(next, m_next);
    m_frozen = frozen;
    m_next = next;

    m_timer.stop();
    if (!m_windows.isEmpty()) {
        // The next change: the current window's end, or the next one's start.
        qint64 wait = longestSleepMs;
        if (m_frozen)
            wait = std::min(wait, now.msecsTo(m_frozen->end));
        else if (m_next)
            wait = std::min(wait, now.msecsTo(m_next->start));
        // A second late rather than early: at the boundary itself the
        // calendar already answers for the new state.
        m_timer.start(int(std::max<qint64>(wait, 0) + 1000));
    }
    if (differs)
        Q_EMIT changed();
}

QString FreezeWatch::describe() const
{
    QStringList lines;
    if (m_frozen)
        lines << tr("Frozen %1").arg(m_frozen->describeEnd());
    if (m_next)
        lines << tr("Next freeze: %1").arg(m_next->describe());
    return lines.join(QLatin1Char('\n'));
}

} // namespace Shipyard
