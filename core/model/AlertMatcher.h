// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QMap>
#include <QRegularExpression>
#include <QString>

#include <optional>

namespace Shipyard {

// One label matcher as Alertmanager writes them (amtool, silences, the
// `filter` of its API): `service="catalog"`, `env!="dev"`,
// `severity=~"page|critical"`, `team!~"ops-.*"`. Values are quoted, with
// \" \\ and \n escaped, or bare words; regular expressions match the whole
// value, as Alertmanager anchors them.
class AlertMatcher
{
public:
    enum class Operator { Equal, NotEqual, Matches, NotMatches };

    // TEXT as a matcher; nullopt with ERROR saying what is wrong.
    static std::optional<AlertMatcher> parse(const QString &text, QString *error = nullptr);

    const QString &name() const { return m_name; }
    Operator op() const { return m_op; }
    const QString &value() const { return m_value; }

    // Whether an alert with LABELS matches; a missing label is the empty
    // value, as in Alertmanager (`env!="prod"` matches an alert without env).
    bool matches(const QMap<QString, QString> &labels) const;
    // The canonical form, value quoted: what is sent to Alertmanager.
    QString toString() const;

    friend bool operator==(const AlertMatcher &a, const AlertMatcher &b)
    {
        return a.m_name == b.m_name && a.m_op == b.m_op && a.m_value == b.m_value;
    }

private:
    QString m_name;
    Operator m_op = Operator::Equal;
    QString m_value;
    QRegularExpression m_regex; // Matches, NotMatches: anchored
};

} // namespace Shipyard
