// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "live/LogLine.h"

#include <QList>

#include <limits>
#include <map>
#include <utility>

namespace Shipyard {

// Puts lines of several streams in the order of their timestamps. Streams
// deliver at their own pace, so a line is held for a reorder window after it
// arrives: a line of a slower stream that arrives within the window is
// placed where its time says. One that arrives later than that is still
// given out (after the lines already given out): lines are never dropped.
// Lines of the same time keep their arrival order.
//
// Pure and single-threaded; times are given by the caller (nanoseconds on a
// steady clock for arrivals) so tests can replay any interleaving.
class LogMerger
{
public:
    // WINDOW: how long a line is held (nanoseconds of arrival time).
    // MAXIMUM_HELD bounds what waits: past it, the oldest lines are given
    // out at once, so a flood costs bounded memory.
    explicit LogMerger(qint64 window = 1500000000LL, int maximumHeld = 50000);

    void setWindow(qint64 nanoseconds) { m_window = nanoseconds; }
    qint64 window() const { return m_window; }

    void add(LogLine line, qint64 arrival);
    // The lines ready at NOW, in time order: every line held for the whole
    // window, and any line not newer than one of those.
    QList<LogLine> take(qint64 now);
    // Every line held, in time order (the streams have ended).
    QList<LogLine> takeAll();

    int heldCount() const { return int(m_held.size()); }
    // Lines given out behind a newer one (they arrived after their window).
    qint64 lateCount() const { return m_late; }

private:
    struct Held
    {
        LogLine line;
        qint64 arrival;
    };
    void giveOut(std::map<std::pair<qint64, quint64>, Held>::iterator end, QList<LogLine> &out);

    qint64 m_window;
    int m_maximumHeld;
    quint64 m_sequence = 0;
    // By (time, arrival sequence): equal times stay in arrival order.
    std::map<std::pair<qint64, quint64>, Held> m_held;
    // Arrival order, for finding what has waited the whole window.
    std::map<quint64, qint64> m_arrivals; // sequence -> time
    qint64 m_lastOut = std::numeric_limits<qint64>::min();
    qint64 m_late = 0;
};

} // namespace Shipyard
