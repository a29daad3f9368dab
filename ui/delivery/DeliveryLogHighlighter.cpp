// SPDX-License-Identifier: GPL-2.0-or-later
#include "delivery/DeliveryLogHighlighter.h"

#include <QGuiApplication>
#include <QPalette>
#include <QTextDocument>

namespace Shipyard {

DeliveryLogHighlighter::DeliveryLogHighlighter(QTextDocument *document) : QSyntaxHighlighter(document)
{ }

DeliveryLogHighlighter::Kind DeliveryLogHighlighter::classify(const QString &line)
{
    if (line.startsWith(QLatin1String("$ ")))
        return Kind::Command;
    if (line.startsWith(QLatin1String("delivery ")))
        return line.startsWith(QLatin1String("delivery succeeded")) ? Kind::Outcome : Kind::Error;
    static const QRegularExpression error(QStringLiteral(R"(\b(error|errors|failed|fatal|refused|denied|timed out)\b)"),
        QRegularExpression::CaseInsensitiveOption);
    return error.match(line).hasMatch() ? Kind::Error : Kind::Plain;
}

void DeliveryLogHighlighter::highlightBlock(const QString &text)
{
    const bool dark = QGuiApplication::palette().color(QPalette::Base).lightness() < 128;
    QTextCharFormat format;
    switch (classify(text)) {
    case Kind::Plain:
        return;
    case Kind::Command:
        format.setForeground(dark ? QColor(0x7a, 0xb8, 0xff) : QColor(0x1f, 0x5f, 0xbf));
        format.setFontWeight(QFont::Bold);
        break;
    case Kind::Error:
        format.setForeground(dark ? QColor(0xff, 0x7b, 0x72) : QColor(0xc0, 0x1c, 0x28));
        break;
    case Kind::Outcome:
        format.setForeground(dark ? QColor(0x6f, 0xd3, 0x8a) : QColor(0x1e, 0x7b, 0x3c));
        format.setFontWeight(QFont::Bold);
        break;
    }
    setFormat(0, int(text.size()), format);
}

} // namespace Shipyard
