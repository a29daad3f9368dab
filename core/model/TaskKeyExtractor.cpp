// SPDX-License-Identifier: GPL-2.0-or-later
#include "model/TaskKeyExtractor.h"

namespace Shipyard {

TaskKeyExtractor::TaskKeyExtractor(const QString &pattern)
    : m_pattern(pattern)
    , m_alone(pattern)
    , m_expression(QStringLiteral("(?<![\\p{L}\\p{N}])(?:") % pattern % QStringLiteral(")(?![\\p{N}])"),
          QRegularExpression::UseUnicodePropertiesOption)
{ }

QString TaskKeyExtractor::errorString() const
{
    if (isValid())
        return {};
    return QStringLiteral("the task key pattern '%1' is not a valid regular expression: %2")
        .arg(m_pattern, m_alone.isValid() ? m_expression.errorString() : m_alone.errorString());
}

QString TaskKeyExtractor::extract(const QString &branch) const
{
    if (!isValid() || m_pattern.isEmpty())
        return {};
    return m_expression.match(branch).captured(0);
}

QStringList TaskKeyExtractor::extractAll(const QString &text) const
{
    QStringList keys;
    if (!isValid() || m_pattern.isEmpty())
        return keys;
    QRegularExpressionMatchIterator matches = m_expression.globalMatch(text);
    while (matches.hasNext()) {
        const QString key = matches.next().captured(0);
        if (!keys.contains(key))
            keys.append(key);
    }
    return keys;
}

} // namespace Shipyard
