// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace Shipyard {

class DeliveryLogHighlighter;

// The streamed log of a delivery, bounded (the oldest lines go), with a find
// bar: every match is marked, Enter and Shift+Enter step through them.
class DeliveryLogView : public QWidget
{
    Q_OBJECT
public:
    static constexpr int maximumLines = 20000;

    explicit DeliveryLogView(QWidget *parent = nullptr);

    void appendLine(const QString &line);
    void setText(const QString &text);
    void clear();
    int lineCount() const;
    QString text() const;

    // Marks every match of TEXT and moves to the next one after the cursor;
    // returns how many lines match.
    int find(const QString &text, bool backwards = false);
    int matchCount() const { return m_matches; }
    QPlainTextEdit *editor() const { return m_editor; }
    QLineEdit *findField() const { return m_findField; }

private:
    void markMatches();

    QPlainTextEdit *m_editor = nullptr;
    QLineEdit *m_findField = nullptr;
    QLabel *m_findStatus = nullptr;
    DeliveryLogHighlighter *m_highlighter = nullptr;
    int m_matches = 0;
};

} // namespace Shipyard
