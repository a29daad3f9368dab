// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QByteArrayView>
#include <QDateTime>
#include <QString>

#include <optional>

namespace Shipyard {

// One line of a container's log, as a system's log shows it: when it was
// written, by which pod and container, and what it says.
struct LogLine
{
    // Nanoseconds since the epoch (UTC) of the kubelet's timestamp; lines
    // without one take the time of the line before them in their stream.
    qint64 time = 0;
    // Shared between the lines of a stream (implicitly shared QStrings), so
    // a line costs its text and little more.
    QString pod;
    QString container;
    QString text;
    // From the previous, terminated container (a crash's last words).
    bool previous = false;

    QDateTime dateTime() const;
    // The time of day in local time, to the millisecond ("14:03:07.123"):
    // what a view puts before a line; the date is rarely in doubt in a log
    // that is followed, and the full time is dateTime().
    QString localTimeOfDay() const;
    // "[pod/container] text", as `shipyardctl logs deployment/NAME` prints it.
    QString prefixed() const;
    QString prefix() const;

    // The time at the start of a line that the API sent with
    // timestamps=true: RFC 3339 with up to nine fraction digits
    // ("2025-06-02T09:14:03.137000000Z", "…T09:14:03+02:00"), then a space.
    // Returns the nanoseconds and sets TEXT to the rest; nullopt when the
    // line does not start with one.
    static std::optional<qint64> parseTimestamp(QByteArrayView line, QByteArrayView *text = nullptr);
    static QDateTime toDateTime(qint64 nanoseconds);
};

} // namespace Shipyard
