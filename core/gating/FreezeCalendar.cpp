// SPDX-License-Identifier: GPL-2.0-or-later
#include "gating/FreezeCalendar.h"

#include <QLocale>
#include <QTimeZone>

namespace Shipyard {

namespace {

QString onClock(const QDateTime &utc, const QTimeZone &zone)
{
    return QLocale::c().toString(utc.toTimeZone(zone), QStringLiteral("ddd d MMM HH:mm"));
}

} // namespace

QString FreezeCalendar::Occurrence::startOnClock() const
{
    return onClock(start, QTimeZone(window->timeZone.toUtf8()));
}

QString FreezeCalendar::Occurrence::endOnClock() const
{
    return onClock(end, QTimeZone(window->timeZone.toUtf8()));
}

QString FreezeCalendar::Occurrence::describeEnd() const
{
    const QTimeZone zone(window->timeZone.toUtf8());
    return QStringLiteral("until %1 (%2): %3").arg(onClock(end, zone), window->timeZone, window->reason);
}

QString FreezeCalendar::Occurrence::describe() const
{
    const QTimeZone zone(window->timeZone.toUtf8());
    return QStringLiteral("%1 – %2 (%3): %4")
        .arg(onClock(start, zone), onClock(end, zone), window->timeZone, window->reason);
}

QList<FreezeCalendar::Occurrence> FreezeCalendar::occurrencesNear(const FreezeWindow &window, const QDateTime &now)
{
    QList<Occurrence> found;
    const QTimeZone zone(window.timeZone.toUtf8());
    if (!zone.isValid())
        return found;
    if (window.kind == FreezeWindow::Kind::Dated) {
        Occurrence once { QDateTime(window.fromDate, window.fromTime, zone).toUTC(),
            QDateTime(window.toDate, window.toTime, zone).toUTC(), &window };
        if (once.end > now)
            found.append(once);
        return found;
    }
    // A weekly window lasts less than eight days: one that holds now began
    // within the last eight, and the next begins within the coming seven.
    const QDate today = now.toTimeZone(zone).date();
    for (int offset = -8; offset <= 7; ++offset) {
        const QDate day = today.addDays(offset);
        if (day.dayOfWeek() != window.fromDay)
            continue;
        const QDateTime start = QDateTime(day, window.fromTime, zone);
        QDateTime end;
        for (int length = 0; length <= 7 && !end.isValid(); ++length) {
            const QDate last = day.addDays(length);
            const QDateTime candidate(last, window.toTime, zone);
            if (last.dayOfWeek() == window.toDay && candidate > start)
                end = candidate;
        }
        if (end.isValid() && end.toUTC() > now)
            found.append({ start.toUTC(), end.toUTC(), &window });
    }
    return found;
}

std::optional<FreezeCalendar::Occurrence> FreezeCalendar::frozenAt(
    const QList<FreezeWindow> &windows, const QDateTime &now)
{
    std::optional<Occurrence> holding;
    for (const FreezeWindow &window : windows) {
        for (const Occurrence &occurrence : occurrencesNear(window, now)) {
            if (occurrence.start <= now && now < occurrence.end && (!holding || occurrence.end > holding->end))
                holding = occurrence;
        }
    }
    return holding;
}

std::optional<FreezeCalendar::Occurrence> FreezeCalendar::nextAfter(
    const QList<FreezeWindow> &windows, const QDateTime &now)
{
    std::optional<Occurrence> next;
    for (const FreezeWindow &window : windows) {
        for (const Occurrence &occurrence : occurrencesNear(window, now)) {
            if (occurrence.start > now && (!next || occurrence.start < next->start))
                next = occurrence;
        }
    }
    return next;
}

} // namespace Shipyard
