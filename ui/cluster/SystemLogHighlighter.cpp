// SPDX-License-Identifier: GPL-2.0-or-later
#include "cluster/SystemLogHighlighter.h"

#include "widgets/ColorScheme.h"

#include <QColor>
#include <QList>

namespace Shipyard {

QColor SystemLogHighlighter::colorOf(const QString &pod, bool dark)
{
    // Hues apart enough to tell pods at a glance; readable on either background.
    static const QList<int> hues { 210, 130, 30, 280, 175, 330, 60, 0 };
    const int hue = hues.at(int(qHash(pod) % size_t(hues.size())));
    return QColor::fromHsl(hue, dark ? 170 : 200, dark ? 170 : 90);
}

void SystemLogHighlighter::highlightBlock(const QString &text)
{
    LogHighlighter::highlightBlock(text);
    if (!text.startsWith(QLatin1Char('[')))
        return;
    const qsizetype close = text.indexOf(QLatin1Char(']'));
    const qsizetype slash = text.indexOf(QLatin1Char('/'));
    if (close < 0 || slash < 0 || slash > close)
        return;
    QTextCharFormat prefix;
    prefix.setForeground(colorOf(text.mid(1, slash - 1), ColorScheme::isDark()));
    prefix.setFontWeight(QFont::DemiBold);
    setFormat(0, int(close + 1), prefix);
}

} // namespace Shipyard
