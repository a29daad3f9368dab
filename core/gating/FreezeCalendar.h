// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "model/Ecosystem.h"

#include <QDateTime>
#include <QList>

#include <optional>

namespace Shipyard {

// When an environment's freeze windows hold. Each window's days and times
// are on its own time zone's clock: a weekly "Fri 16:00 – Mon 08:00" in
// Europe/Berlin is 16:00 there whether or not summer time has begun, and
// a week across a change is an hour shorter or longer. A window holds from
// its start (included) to its end (excluded).
class FreezeCalendar
{
public:
    struct Occurrence
    {
        QDateTime start; // UTC
        QDateTime end; // UTC
        const FreezeWindow *window = nullptr;
        // "Mon 7 Dec 08:00", on the window's own clock.
        QString startOnClock() const;
        QString endOnClock() const;
        // "until Mon 7 Dec 08:00 (Europe/Berlin): the weekend"
        QString describeEnd() const;
        // "Fri 11 Dec 16:00 – Mon 14 Dec 08:00 (Europe/Berlin): the weekend"
        QString describe() const;
    };

    // The window holding at NOW with the latest end, or nothing: not frozen.
    static std::optional<Occurrence> frozenAt(const QList<FreezeWindow> &windows, const QDateTime &now);
    // The first window to begin after NOW, or nothing.
    static std::optional<Occurrence> nextAfter(const QList<FreezeWindow> &windows, const QDateTime &now);
    // WINDOW's occurrences that hold at NOW or begin within the week after it.
    static QList<Occurrence> occurrencesNear(const FreezeWindow &window, const QDateTime &now);
};

} // namespace Shipyard
