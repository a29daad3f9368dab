// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QSyntaxHighlighter>

namespace Shipyard {

// Colors log levels (error, warning) and every match of the search text.
class LogHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT
public:
    explicit LogHighlighter(QTextDocument *document);

    void setSearchText(const QString &text);
    const QString &searchText() const { return m_search; }

protected:
    void highlightBlock(const QString &text) override;

private:
    QString m_search;
};

} // namespace Shipyard
