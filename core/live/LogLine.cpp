// SPDX-License-Identifier: GPL-2.0-or-later
#include "live/LogLine.h"

#include <QDate>
#include <QTimeZone>

#include <limits>

namespace Shipyard {

namespace {

// N decimal digits at POS, or -1.
int digits(QByteArrayView text, qsizetype pos, int count)
{
    if (pos + count > text.size())
        return -1;
    int value = 0;
    for (int i = 0; i < count; ++i) {
        const char c = text[pos + i];
        if (c < '0' || c > '9')
            return -1;
        value = value * 10 + (c - '0');
    }
    return value;
}

} // namespace

QDateTime LogLine::toDateTime(qint64 nanoseconds)
{
    return QDateTime::fromMSecsSinceEpoch(nanoseconds / 1000000, QTimeZone::UTC);
}

QDateTime LogLine::dateTime() const
{
    return toDateTime(time);
}

QString LogLine::localTimeOfDay() const
{
    // QDateTime's conversion to local time looks the zone's rules up each
    // time, microseconds a line, and a view writes 20,000 lines anew on a
    // keystroke in its filter. So the offset is asked once a quarter hour of
    // UTC (no zone changes its offset but at a quarter hour) and the rest is
    // arithmetic.
    constexpr qint64 quarterHour = 15 * 60 * 1000;
    constexpr qint64 day = 24 * 3600 * 1000;
    const qint64 msecs = time / 1000000;
    const qint64 quarter = msecs / quarterHour - (msecs % quarterHour < 0 ? 1 : 0);
    thread_local qint64 cachedQuarter = std::numeric_limits<qint64>::min();
    thread_local qint64 cachedOffset = 0;
    if (quarter != cachedQuarter) {
        cachedOffset =
            QDateTime::fromMSecsSinceEpoch(quarter * quarterHour, QTimeZone::UTC).toLocalTime().offsetFromUtc() *
            1000LL;
        cachedQuarter = quarter;
    }
    const qint64 ofDay = ((msecs + cachedOffset) % day + day) % day;
    QString shown(12, Qt::Uninitialized);
    QChar *out = shown.data();
    const auto put = [&out](qint64 value, int width) {
        for (int i = width - 1; i >= 0; --i, value /= 10)
            out[i] = QLatin1Char(char('0' + value % 10));
        out += width;
    };
    put(ofDay / 3600000, 2);
    *out++ = QLatin1Char(':');
    put(ofDay / 60000 % 60, 2);
    *out++ = QLatin1Char(':');
    put(ofDay / 1000 % 60, 2);
    *out++ = QLatin1Char('.');
    put(ofDay % 1000, 3);
    return shown;
}

QString LogLine::prefix() const
{
    return QLatin1Char('[') + pod + QLatin1Char('/') + container + QLatin1Char(']');
}

QString LogLine::prefixed() const
{
    return prefix() + QLatin1Char(' ') + text;
}

std::optional<qint64> LogLine::parseTimestamp(QByteArrayView line, QByteArrayView *text)
{
    // Parsed by hand: QDateTime::fromString costs microseconds a line and a
    // chatty system sends tens of thousands of lines a second.
    const int year = digits(line, 0, 4);
    const int month = digits(line, 5, 2);
    const int day = digits(line, 8, 2);
    const int hour = digits(line, 11, 2);
    const int minute = digits(line, 14, 2);
    const int second = digits(line, 17, 2);
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0 ||
        minute > 59 || second < 0 || second > 60 || line[4] != '-' || line[7] != '-' ||
        (line[10] != 'T' && line[10] != 't') || line[13] != ':' || line[16] != ':')
        return std::nullopt;
    qsizetype pos = 19;
    qint64 fraction = 0;
    if (pos < line.size() && line[pos] == '.') {
        ++pos;
        int count = 0;
        while (pos < line.size() && line[pos] >= '0' && line[pos] <= '9') {
            if (count < 9) {
                fraction = fraction * 10 + (line[pos] - '0');
                ++count;
            }
            ++pos;
        }
        if (count == 0)
            return std::nullopt;
        for (; count < 9; ++count)
            fraction *= 10;
    }
    qint64 offsetSeconds = 0;
    if (pos < line.size() && (line[pos] == 'Z' || line[pos] == 'z')) {
        ++pos;
    } else if (pos < line.size() && (line[pos] == '+' || line[pos] == '-')) {
        const int offsetHours = digits(line, pos + 1, 2);
        const int offsetMinutes = digits(line, pos + 4, 2);
        if (offsetHours < 0 || offsetMinutes < 0 || line[pos + 3] != ':')
            return std::nullopt;
        offsetSeconds = (offsetHours * 3600 + offsetMinutes * 60) * (line[pos] == '+' ? 1 : -1);
        pos += 6;
    } else {
        return std::nullopt;
    }
    if (pos < line.size() && line[pos] != ' ')
        return std::nullopt;
    const QDate date(year, month, day);
    if (!date.isValid())
        return std::nullopt;
    const qint64 days = date.toJulianDay() - QDate(1970, 1, 1).toJulianDay();
    const qint64 seconds = days * 86400 + hour * 3600 + minute * 60 + second - offsetSeconds;
    if (text)
        *text = pos < line.size() ? line.sliced(pos + 1) : QByteArrayView();
    return seconds * 1000000000LL + fraction;
}

} // namespace Shipyard
