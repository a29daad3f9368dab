// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QPlainTextEdit>

namespace KSyntaxHighlighting {
class Repository;
class SyntaxHighlighter;
} // namespace KSyntaxHighlighting

namespace Shipyard {

// The ecosystem YAML, highlighted, read-only, with problem lines marked.
class EcosystemSourceView : public QPlainTextEdit
{
    Q_OBJECT
public:
    explicit EcosystemSourceView(QWidget *parent = nullptr);
    ~EcosystemSourceView() override;

    void setSource(const QString &text);
    void goToLine(int line, int column);
    // Lines with problems get a tinted background.
    void markLines(const QList<int> &errorLines, const QList<int> &warningLines);

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyTheme();

    KSyntaxHighlighting::SyntaxHighlighter *m_highlighter = nullptr;
};

} // namespace Shipyard
