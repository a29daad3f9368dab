// SPDX-License-Identifier: GPL-2.0-or-later
#include "model/FreezeWindowReader.h"

#include "support/YamlMappingReader.h"

#include <QRegularExpression>
#include <QTimeZone>

#include <yaml-cpp/yaml.h>

namespace Shipyard {

namespace {

using Presence = YamlMappingReader::Presence;

// "Fri 16:00" → day 5, 16:00; false when it is not that.
bool parseWeekly(const QString &text, int *day, QTime *time)
{
    static const QStringList days { QStringLiteral("mon"), QStringLiteral("tue"), QStringLiteral("wed"),
        QStringLiteral("thu"), QStringLiteral("fri"), QStringLiteral("sat"), QStringLiteral("sun") };
    static const QRegularExpression form(QStringLiteral("^([A-Za-z]{3})[a-z]*\\s+(\\d{1,2}:\\d{2})$"));
    const QRegularExpressionMatch match = form.match(text.trimmed());
    if (!match.hasMatch())
        return false;
    *day = int(days.indexOf(match.captured(1).toLower())) + 1;
    *time = QTime::fromString(match.captured(2), QStringLiteral("H:mm"));
    return *day > 0 && time->isValid();
}

// "2026-12-24 08:00" (or with a T, or a date alone for 00:00).
bool parseDated(const QString &text, QDate *date, QTime *time)
{
    static const QRegularExpression form(QStringLiteral("^(\\d{4}-\\d{2}-\\d{2})(?:[T ](\\d{1,2}:\\d{2}))?$"));
    const QRegularExpressionMatch match = form.match(text.trimmed());
    if (!match.hasMatch())
        return false;
    *date = QDate::fromString(match.captured(1), Qt::ISODate);
    *time = match.captured(2).isEmpty() ? QTime(0, 0) : QTime::fromString(match.captured(2), QStringLiteral("H:mm"));
    return date->isValid() && time->isValid();
}

} // namespace

QList<FreezeWindow> readFreezeWindows(YamlMappingReader &r, DiagnosticSink &sink)
{
    QList<FreezeWindow> windows;
    const YAML::Node list = r.sequence("freezes");
    if (!list.IsDefined())
        return windows;
    int index = 0;
    for (const YAML::Node &item : list) {
        ++index;
        if (!item.IsMap()) {
            sink.error(toLocation(item.Mark()),
                QStringLiteral("%1: freezes: item %2 must be a mapping").arg(r.what()).arg(index));
            continue;
        }
        FreezeWindow window;
        window.location = toLocation(item.Mark());
        YamlMappingReader f(item, QStringLiteral("%1: freeze #%2").arg(r.what()).arg(index), sink);
        window.reason = f.string("reason", Presence::Required).value_or(QString());
        window.timeZone = f.string("timeZone").value_or(window.timeZone);
        bool ok = true;
        if (!QTimeZone(window.timeZone.toUtf8()).isValid()) {
            sink.error(f.valueLocation("timeZone"),
                QStringLiteral("%1: unknown time zone '%2' (an IANA name such as Europe/Berlin, or UTC)")
                    .arg(f.what(), window.timeZone));
            ok = false;
        }
        if (f.has("weekly")) {
            window.kind = FreezeWindow::Kind::Weekly;
            YamlMappingReader w(f.mapping("weekly"), f.what() + QStringLiteral(": weekly"), sink);
            const QString from = w.string("from", Presence::Required).value_or(QString());
            const QString to = w.string("to", Presence::Required).value_or(QString());
            for (const auto &[text, key, day, time] : { std::tuple { from, "from", &window.fromDay, &window.fromTime },
                     std::tuple { to, "to", &window.toDay, &window.toTime } }) {
                if (!text.isEmpty() && !parseWeekly(text, day, time)) {
                    sink.error(w.valueLocation(key),
                        QStringLiteral("%1: '%2' is not a day and a time such as 'Fri 16:00'").arg(w.what(), text));
                    ok = false;
                }
            }
            w.reportUnknownKeys({ QStringLiteral("from"), QStringLiteral("to") });
            ok &= !from.isEmpty() && !to.isEmpty();
            if (ok && window.fromDay == window.toDay && window.fromTime == window.toTime) {
                sink.error(f.valueLocation("weekly"), QStringLiteral("%1: the window is empty").arg(f.what()));
                ok = false;
            }
        } else {
            window.kind = FreezeWindow::Kind::Dated;
            const QString from = f.string("from", Presence::Required).value_or(QString());
            const QString to = f.string("to", Presence::Required).value_or(QString());
            for (const auto &[text, key, date, time] :
                { std::tuple { from, "from", &window.fromDate, &window.fromTime },
                    std::tuple { to, "to", &window.toDate, &window.toTime } }) {
                if (!text.isEmpty() && !parseDated(text, date, time)) {
                    sink.error(f.valueLocation(key),
                        QStringLiteral("%1: '%2' is not a date and time such as '2026-12-24 16:00'")
                            .arg(f.what(), text));
                    ok = false;
                }
            }
            ok &= !from.isEmpty() && !to.isEmpty();
            if (ok &&
                QDateTime(window.toDate, window.toTime, QTimeZone::UTC) <=
                    QDateTime(window.fromDate, window.fromTime, QTimeZone::UTC)) {
                sink.error(f.valueLocation("to"), QStringLiteral("%1: 'to' is not after 'from'").arg(f.what()));
                ok = false;
            }
        }
        f.reportUnknownKeys({ QStringLiteral("weekly"), QStringLiteral("from"), QStringLiteral("to"),
            QStringLiteral("timeZone"), QStringLiteral("reason") });
        if (ok)
            windows.append(window);
    }
    return windows;
}

} // namespace Shipyard
