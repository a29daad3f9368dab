// SPDX-License-Identifier: GPL-2.0-or-later
#include "widgets/EcosystemSourceView.h"

#include "widgets/SyntaxThemes.h"

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/SyntaxHighlighter>
#include <KSyntaxHighlighting/Theme>

#include <QFontDatabase>
#include <QTextBlock>

namespace Shipyard {

EcosystemSourceView::EcosystemSourceView(QWidget *parent)
    : QPlainTextEdit(parent), m_highlighter(new KSyntaxHighlighting::SyntaxHighlighter(document()))
{
    setReadOnly(true);
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setAccessibleName(tr("Ecosystem file"));
    m_highlighter->setDefinition(syntaxRepository().definitionForName(QStringLiteral("YAML")));
    applyTheme();
}

EcosystemSourceView::~EcosystemSourceView() = default;

void EcosystemSourceView::applyTheme()
{
    applyPaletteTheme(m_highlighter, palette());
}

void EcosystemSourceView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        applyTheme();
    QPlainTextEdit::changeEvent(event);
}

void EcosystemSourceView::setSource(const QString &text)
{
    setPlainText(text);
}

void EcosystemSourceView::goToLine(int line, int column)
{
    const QTextBlock block = document()->findBlockByNumber(std::max(0, line - 1));
    if (!block.isValid())
        return;
    QTextCursor cursor(block);
    cursor.movePosition(QTextCursor::Right, QTextCursor::MoveAnchor, std::clamp(column - 1, 0, block.length() - 1));
    setTextCursor(cursor);
    centerCursor();
    setFocus();
}

void EcosystemSourceView::markLines(const QList<int> &errorLines, const QList<int> &warningLines)
{
    QList<QTextEdit::ExtraSelection> selections;
    const auto mark = [&](const QList<int> &lines, const QColor &color) {
        for (int line : lines) {
            const QTextBlock block = document()->findBlockByNumber(line - 1);
            if (!block.isValid())
                continue;
            QTextEdit::ExtraSelection selection;
            selection.cursor = QTextCursor(block);
            selection.format.setBackground(color);
            selection.format.setProperty(QTextFormat::FullWidthSelection, true);
            selections.append(selection);
        }
    };
    mark(warningLines, QColor(255, 200, 0, 60));
    mark(errorLines, QColor(230, 40, 40, 60));
    setExtraSelections(selections);
}

} // namespace Shipyard
