// SPDX-License-Identifier: GPL-2.0-or-later
#include "delivery/DeliveryLogView.h"

#include "delivery/DeliveryLogHighlighter.h"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QShortcut>
#include <QTextBlock>
#include <QToolButton>
#include <QVBoxLayout>

namespace Shipyard {

namespace {
// Marking more than this many matches would slow every keystroke down.
constexpr int maximumMarks = 2000;
} // namespace

DeliveryLogView::DeliveryLogView(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);

    auto *bar = new QHBoxLayout;
    auto *title = new QLabel(tr("<b>Log</b>"));
    bar->addWidget(title);
    bar->addStretch(1);
    m_findField = new QLineEdit;
    m_findField->setPlaceholderText(tr("Find in the log (Ctrl+F)"));
    m_findField->setAccessibleName(tr("Find in the delivery log"));
    m_findField->setClearButtonEnabled(true);
    m_findField->setMinimumWidth(260);
    m_findField->setMaximumWidth(360);
    bar->addWidget(m_findField);
    auto *previous = new QToolButton;
    previous->setText(QStringLiteral("▲"));
    previous->setToolTip(tr("Previous match (Shift+Enter)"));
    previous->setAccessibleName(tr("Previous match"));
    auto *next = new QToolButton;
    next->setText(QStringLiteral("▼"));
    next->setToolTip(tr("Next match (Enter)"));
    next->setAccessibleName(tr("Next match"));
    bar->addWidget(previous);
    bar->addWidget(next);
    m_findStatus = new QLabel;
    m_findStatus->setMinimumWidth(90);
    bar->addWidget(m_findStatus);
    layout->addLayout(bar);

    m_editor = new QPlainTextEdit;
    m_editor->setReadOnly(true);
    m_editor->setAccessibleName(tr("Delivery log"));
    m_editor->setMaximumBlockCount(maximumLines);
    m_editor->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_editor->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_editor->setPlaceholderText(tr("The steps' output appears here while a delivery runs."));
    title->setBuddy(m_editor);
    m_highlighter = new DeliveryLogHighlighter(m_editor->document());
    layout->addWidget(m_editor, 1);

    connect(m_findField, &QLineEdit::textChanged, this, [this](const QString &text) { find(text); });
    connect(m_findField, &QLineEdit::returnPressed, this,
        [this] { find(m_findField->text(), QGuiApplication::keyboardModifiers() & Qt::ShiftModifier); });
    connect(next, &QToolButton::clicked, this, [this] { find(m_findField->text()); });
    connect(previous, &QToolButton::clicked, this, [this] { find(m_findField->text(), true); });
    auto *shortcut = new QShortcut(QKeySequence::Find, this);
    shortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(shortcut, &QShortcut::activated, this, [this] {
        m_findField->setFocus();
        m_findField->selectAll();
    });
}

void DeliveryLogView::appendLine(const QString &line)
{
    // Follow the end only when the reader is there, not while they read above.
    QScrollBar *scroll = m_editor->verticalScrollBar();
    const bool atEnd = scroll->value() >= scroll->maximum() - 2;
    m_editor->appendPlainText(line);
    if (atEnd)
        scroll->setValue(scroll->maximum());
    if (!m_findField->text().isEmpty() && line.contains(m_findField->text(), Qt::CaseInsensitive))
        markMatches();
}

void DeliveryLogView::setText(const QString &text)
{
    m_editor->setPlainText(text);
    m_editor->verticalScrollBar()->setValue(m_editor->verticalScrollBar()->maximum());
    markMatches();
}

void DeliveryLogView::clear()
{
    m_editor->clear();
    markMatches();
}

int DeliveryLogView::lineCount() const
{
    return m_editor->document()->isEmpty() ? 0 : m_editor->document()->blockCount();
}

QString DeliveryLogView::text() const
{
    return m_editor->toPlainText();
}

int DeliveryLogView::find(const QString &text, bool backwards)
{
    if (m_findField->text() != text)
        m_findField->setText(text); // comes back here through textChanged
    markMatches();
    if (text.isEmpty()) {
        QTextCursor cursor = m_editor->textCursor();
        cursor.clearSelection();
        m_editor->setTextCursor(cursor);
        return 0;
    }
    QTextDocument::FindFlags flags;
    if (backwards)
        flags |= QTextDocument::FindBackward;
    if (!m_editor->find(text, flags)) {
        // Wrap around.
        QTextCursor cursor = m_editor->textCursor();
        cursor.movePosition(backwards ? QTextCursor::End : QTextCursor::Start);
        m_editor->setTextCursor(cursor);
        m_editor->find(text, flags);
    }
    return m_matches;
}

void DeliveryLogView::markMatches()
{
    const QString text = m_findField->text();
    QList<QTextEdit::ExtraSelection> marks;
    m_matches = 0;
    if (!text.isEmpty()) {
        QTextCharFormat format;
        format.setBackground(QColor(0xff, 0xd5, 0x4f));
        format.setForeground(Qt::black);
        for (QTextBlock block = m_editor->document()->begin(); block.isValid(); block = block.next()) {
            const QString line = block.text();
            bool matched = false;
            for (qsizetype at = line.indexOf(text, 0, Qt::CaseInsensitive); at >= 0;
                at = line.indexOf(text, at + text.size(), Qt::CaseInsensitive)) {
                matched = true;
                if (marks.size() >= maximumMarks)
                    break;
                QTextEdit::ExtraSelection mark;
                mark.cursor = QTextCursor(block);
                mark.cursor.setPosition(block.position() + int(at));
                mark.cursor.setPosition(block.position() + int(at + text.size()), QTextCursor::KeepAnchor);
                mark.format = format;
                marks.append(mark);
            }
            m_matches += matched ? 1 : 0;
        }
    }
    m_editor->setExtraSelections(marks);
    m_findStatus->setText(text.isEmpty() ? QString()
            : m_matches == 0             ? tr("no match")
                                         : tr("%n line(s)", nullptr, m_matches));
}

} // namespace Shipyard
