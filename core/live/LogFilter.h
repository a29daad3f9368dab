// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "live/LogLine.h"

#include <QRegularExpression>
#include <QString>

namespace Shipyard {

// Which lines of a system's log are shown: those whose text holds the
// filter's text (case-insensitive; a regular expression when asked), of
// one pod and one container when those are set. An empty filter shows all.
class LogFilter
{
public:
    void setText(const QString &text, bool regularExpression = false);
    void setPod(const QString &pod) { m_pod = pod; }
    void setContainer(const QString &container) { m_container = container; }

    const QString &text() const { return m_text; }
    bool isRegularExpression() const { return m_isRegex; }
    const QString &pod() const { return m_pod; }
    const QString &container() const { return m_container; }
    bool isEmpty() const { return m_text.isEmpty() && m_pod.isEmpty() && m_container.isEmpty(); }

    // A regular expression that does not compile matches nothing; this says why.
    bool isValid() const { return !m_isRegex || m_regex.isValid(); }
    QString errorString() const;

    bool matches(const LogLine &line) const;

private:
    QString m_text;
    bool m_isRegex = false;
    QRegularExpression m_regex;
    QString m_pod;
    QString m_container;
};

} // namespace Shipyard
