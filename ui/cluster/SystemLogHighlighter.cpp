// SPDX-License-Identifier: GPL-2.0-or-later
#include "cluster/SystemLogHighlighter.h"

#include "widgets/ColorScheme.h"

#include <QColor>
#include <QGuiApplication>
#include <QList>
#include <QPalette>

namespace Shipyard {

QColor SystemLogHighlighter::colorOf(const QString &pod, bool dark)
{
    // Hues apart enough to tell pods at a glance; readable on either background.
    static const QList<int> hues { 210, 130, 30, 280, 175, 330, 60, 0 };
    const int hue = hues.at(int(qHash(pod) % size_t(hues.size())));
    return QColor::fromHsl(hue, dark ? 170 : 200, dark ? 170 : 90);
}

void SystemLogHighlighter::setTimesShown(bool shown)
{
    if (shown == m_times)
        return;
    m_times = shown;
    rehighlight();
}

void SystemLogHighlighter::highlightBlock(const QString &text)
{
    LogHighlighter::highlightBlock(text);
    // "HH:mm:ss.zzz ": LogLine::localTimeOfDay() and a space.
    constexpr qsizetype timeLength = 13;
    qsizetype start = 0;
    if (m_times && text.size() > timeLength && text.at(2) == QLatin1Char(':') && text.at(8) == QLatin1Char('.') &&
        text.at(timeLength - 1) == QLatin1Char(' ')) {
        // Dimmed: read when wanted, not competing with the pods' colors. Set
        // over what LogHighlighter found, as the filter never matches the time.
        QTextCharFormat time;
        time.setForeground(QGuiApplication::palette().color(QPalette::PlaceholderText));
        setFormat(0, int(timeLength - 1), time);
        start = timeLength;
    }
    if (text.size() <= start || text.at(start) != QLatin1Char('['))
        return;
    const qsizetype close = text.indexOf(QLatin1Char(']'), start);
    const qsizetype slash = text.indexOf(QLatin1Char('/'), start);
    if (close < 0 || slash < 0 || slash > close)
        return;
    QTextCharFormat prefix;
    prefix.setForeground(colorOf(text.mid(start + 1, slash - start - 1), ColorScheme::isDark()));
    prefix.setFontWeight(QFont::DemiBold);
    setFormat(int(start), int(close + 1 - start), prefix);
}

} // namespace Shipyard
