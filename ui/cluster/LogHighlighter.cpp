// SPDX-License-Identifier: GPL-2.0-or-later
#include "cluster/LogHighlighter.h"

#include <QRegularExpression>

namespace Shipyard {

LogHighlighter::LogHighlighter(QTextDocument *document) : QSyntaxHighlighter(document)
{ }

void LogHighlighter::setSearchText(const QString &text)
{
    if (text == m_search)
        return;
    m_search = text;
    rehighlight();
}

void LogHighlighter::highlightBlock(const QString &text)
{
    // Plain-text and JSON logs alike spell levels as words.
    static const QRegularExpression errors(
        QStringLiteral("\\b(?:ERROR|FATAL|PANIC|CRITICAL|error|fatal|panic)\\b|\"level\":\"(?:error|fatal)\""));
    static const QRegularExpression warnings(QStringLiteral("\\b(?:WARN|WARNING|warn|warning)\\b|\"level\":\"warn\""));
    QTextCharFormat error;
    error.setForeground(QColor(0xda, 0x44, 0x53));
    error.setFontWeight(QFont::Bold);
    QTextCharFormat warning;
    warning.setForeground(QColor(0xd0, 0x8a, 0x10));
    for (auto it = errors.globalMatch(text); it.hasNext();) {
        const auto match = it.next();
        setFormat(int(match.capturedStart()), int(match.capturedLength()), error);
    }
    for (auto it = warnings.globalMatch(text); it.hasNext();) {
        const auto match = it.next();
        setFormat(int(match.capturedStart()), int(match.capturedLength()), warning);
    }
    if (m_search.isEmpty())
        return;
    QTextCharFormat found;
    found.setBackground(QColor(0xff, 0xd8, 0x4d));
    found.setForeground(Qt::black);
    for (qsizetype at = text.indexOf(m_search, 0, Qt::CaseInsensitive); at >= 0;
        at = text.indexOf(m_search, at + m_search.size(), Qt::CaseInsensitive))
        setFormat(int(at), int(m_search.size()), found);
}

} // namespace Shipyard
