// SPDX-License-Identifier: GPL-2.0-or-later
#include "live/LogFilter.h"

#include <QCoreApplication>

namespace Shipyard {

void LogFilter::setText(const QString &text, bool regularExpression)
{
    m_text = text;
    m_isRegex = regularExpression && !text.isEmpty();
    m_regex = QRegularExpression();
    if (m_isRegex) {
        m_regex.setPattern(text);
        m_regex.setPatternOptions(QRegularExpression::CaseInsensitiveOption);
        // Matched against every line of a chatty system, again on each change.
        m_regex.optimize();
    }
}

QString LogFilter::errorString() const
{
    if (isValid())
        return {};
    return QCoreApplication::translate("Shipyard::LogFilter", "not a regular expression: %1 at %2")
        .arg(m_regex.errorString())
        .arg(m_regex.patternErrorOffset());
}

bool LogFilter::matches(const LogLine &line) const
{
    if (!m_pod.isEmpty() && line.pod != m_pod)
        return false;
    if (!m_container.isEmpty() && line.container != m_container)
        return false;
    if (m_text.isEmpty())
        return true;
    if (m_isRegex)
        return m_regex.isValid() && m_regex.match(line.text).hasMatch();
    return line.text.contains(m_text, Qt::CaseInsensitive);
}

} // namespace Shipyard
