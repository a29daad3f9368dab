// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QRegularExpression>
#include <QString>
#include <QStringList>

namespace Shipyard {

// Finds the task key in a branch name with the ecosystem's pattern
// (Gating::taskKeyPattern): "feature/TASK-12-login" → "TASK-12". A key must
// stand on its own: "XTASK-12" does not contain TASK-12, nor "TASK-123" TASK-12.
class TaskKeyExtractor
{
public:
    explicit TaskKeyExtractor(const QString &pattern);

    bool isValid() const { return m_alone.isValid() && m_expression.isValid(); }
    QString errorString() const;
    // Empty when the branch has no key.
    QString extract(const QString &branch) const;
    // Every key in TEXT (a commit message), each once, in order.
    QStringList extractAll(const QString &text) const;

private:
    QString m_pattern;
    // The pattern on its own: validated alone, since wrapped in the
    // boundaries an unbalanced pattern could close the wrapper and look valid.
    QRegularExpression m_alone;
    QRegularExpression m_expression;
};

} // namespace Shipyard
