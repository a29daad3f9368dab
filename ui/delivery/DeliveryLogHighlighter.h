// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QRegularExpression>
#include <QSyntaxHighlighter>

namespace Shipyard {

// A delivery's log: the commands it ran (`$ …`) stand out, errors are red,
// the outcome line is bold.
class DeliveryLogHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT
public:
    explicit DeliveryLogHighlighter(QTextDocument *document);

    enum class Kind { Plain, Command, Error, Outcome };
    static Kind classify(const QString &line);

protected:
    void highlightBlock(const QString &text) override;
};

} // namespace Shipyard
