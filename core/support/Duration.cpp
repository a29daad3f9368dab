// SPDX-License-Identifier: GPL-2.0-or-later
#include "support/Duration.h"

#include <limits>

namespace Shipyard {

std::optional<std::chrono::seconds> parseDuration(QStringView text)
{
    text = text.trimmed();
    if (text.isEmpty())
        return std::nullopt;
    qint64 total = 0;
    qint64 number = -1;
    constexpr qint64 limit = std::numeric_limits<qint32>::max();
    for (const QChar c : text) {
        if (c.isDigit()) {
            number = (number < 0 ? 0 : number) * 10 + c.digitValue();
            if (number > limit)
                return std::nullopt;
            continue;
        }
        if (number < 0)
            return std::nullopt;
        qint64 unit = 0;
        switch (c.unicode()) {
        case 's':
            unit = 1;
            break;
        case 'm':
            unit = 60;
            break;
        case 'h':
            unit = 3600;
            break;
        case 'd':
            unit = 86400;
            break;
        default:
            return std::nullopt;
        }
        total += number * unit;
        if (total > limit)
            return std::nullopt;
        number = -1;
    }
    if (number >= 0)
        total += number;
    if (total > limit)
        return std::nullopt;
    return std::chrono::seconds(total);
}

QString formatDuration(std::chrono::seconds duration)
{
    qint64 s = duration.count();
    if (s == 0)
        return QStringLiteral("0s");
    QString out;
    const auto part = [&](qint64 unit, char suffix) {
        if (s >= unit) {
            out += QString::number(s / unit) + QLatin1Char(suffix);
            s %= unit;
        }
    };
    part(86400, 'd');
    part(3600, 'h');
    part(60, 'm');
    part(1, 's');
    return out;
}

} // namespace Shipyard
