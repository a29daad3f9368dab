// SPDX-License-Identifier: GPL-2.0-or-later
#include "live/LogMerger.h"

namespace Shipyard {

LogMerger::LogMerger(qint64 window, int maximumHeld) : m_window(window), m_maximumHeld(qMax(1, maximumHeld))
{ }

void LogMerger::add(LogLine line, qint64 arrival)
{
    const quint64 sequence = m_sequence++;
    const qint64 time = line.time;
    m_held.emplace(std::pair(time, sequence), Held { std::move(line), arrival });
    m_arrivals.emplace(sequence, time);
}

void LogMerger::giveOut(std::map<std::pair<qint64, quint64>, Held>::iterator end, QList<LogLine> &out)
{
    for (auto it = m_held.begin(); it != end;) {
        if (it->first.first < m_lastOut)
            ++m_late;
        else
            m_lastOut = it->first.first;
        m_arrivals.erase(it->first.second);
        out.append(std::move(it->second.line));
        it = m_held.erase(it);
    }
}

QList<LogLine> LogMerger::take(qint64 now)
{
    QList<LogLine> out;
    // The newest time among lines that have waited the whole window (or
    // must go because too many wait): everything up to it is in order now.
    std::pair<qint64, quint64> upTo { std::numeric_limits<qint64>::min(), 0 };
    bool any = false;
    qsizetype over = qsizetype(m_held.size()) - m_maximumHeld;
    for (auto it = m_arrivals.begin(); it != m_arrivals.end(); ++it) {
        const auto held = m_held.find(std::pair(it->second, it->first));
        if (held->second.arrival > now - m_window && over <= 0)
            break; // arrivals are in order: the rest are younger
        --over;
        const std::pair key { it->second, it->first };
        if (!any || upTo < key)
            upTo = key;
        any = true;
    }
    if (!any)
        return out;
    giveOut(m_held.upper_bound(upTo), out);
    return out;
}

QList<LogLine> LogMerger::takeAll()
{
    QList<LogLine> out;
    out.reserve(qsizetype(m_held.size()));
    giveOut(m_held.end(), out);
    return out;
}

} // namespace Shipyard
