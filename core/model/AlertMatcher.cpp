// SPDX-License-Identifier: GPL-2.0-or-later
#include "model/AlertMatcher.h"

#include <algorithm>

namespace Shipyard {

namespace {

bool isNameStart(QChar c)
{
    return (c >= QLatin1Char('a') && c <= QLatin1Char('z')) || (c >= QLatin1Char('A') && c <= QLatin1Char('Z')) ||
        c == QLatin1Char('_');
}

bool isNameChar(QChar c)
{
    return isNameStart(c) || (c >= QLatin1Char('0') && c <= QLatin1Char('9'));
}

// A bare value stops where Alertmanager's lexer would see something else.
bool isBareValueChar(QChar c)
{
    static const QString special = QStringLiteral("\"'`{},=!~");
    return !c.isSpace() && !special.contains(c);
}

QString quoted(const QString &value)
{
    QString text = value;
    text.replace(QLatin1Char('\\'), QLatin1String("\\\\"))
        .replace(QLatin1Char('"'), QLatin1String("\\\""))
        .replace(QLatin1Char('\n'), QLatin1String("\\n"));
    return QLatin1Char('"') + text + QLatin1Char('"');
}

} // namespace

std::optional<AlertMatcher> AlertMatcher::parse(const QString &text, QString *error)
{
    const auto fail = [&](const QString &why) {
        if (error)
            *error = why;
        return std::nullopt;
    };
    const QString input = text.trimmed();
    qsizetype i = 0;
    while (i < input.size() && isNameChar(input.at(i)))
        ++i;
    AlertMatcher matcher;
    matcher.m_name = input.left(i);
    if (matcher.m_name.isEmpty() || !isNameStart(matcher.m_name.front()))
        return fail(QStringLiteral("'%1' does not begin with a label name").arg(text));
    while (i < input.size() && input.at(i).isSpace())
        ++i;
    const QStringView rest = QStringView(input).mid(i);
    if (rest.startsWith(QLatin1String("=~"))) {
        matcher.m_op = Operator::Matches;
        i += 2;
    } else if (rest.startsWith(QLatin1String("!~"))) {
        matcher.m_op = Operator::NotMatches;
        i += 2;
    } else if (rest.startsWith(QLatin1String("!="))) {
        matcher.m_op = Operator::NotEqual;
        i += 2;
    } else if (rest.startsWith(QLatin1Char('='))) {
        matcher.m_op = Operator::Equal;
        i += 1;
    } else {
        return fail(QStringLiteral("'%1': the label name is followed by none of =, !=, =~, !~").arg(text));
    }
    while (i < input.size() && input.at(i).isSpace())
        ++i;
    if (i < input.size() && input.at(i) == QLatin1Char('"')) {
        bool closed = false;
        for (++i; i < input.size(); ++i) {
            const QChar c = input.at(i);
            if (c == QLatin1Char('"')) {
                closed = true;
                ++i;
                break;
            }
            if (c == QLatin1Char('\\')) {
                if (++i == input.size())
                    break;
                const QChar escaped = input.at(i);
                if (escaped == QLatin1Char('n'))
                    matcher.m_value += QLatin1Char('\n');
                else if (escaped == QLatin1Char('"') || escaped == QLatin1Char('\\'))
                    matcher.m_value += escaped;
                else
                    return fail(QStringLiteral("'%1': unknown escape \\%2 in the value").arg(text, escaped));
                continue;
            }
            matcher.m_value += c;
        }
        if (!closed)
            return fail(QStringLiteral("'%1': the value's quote is never closed").arg(text));
        if (i != input.size())
            return fail(QStringLiteral("'%1': something follows the quoted value").arg(text));
    } else {
        matcher.m_value = input.mid(i);
        if (!std::all_of(matcher.m_value.cbegin(), matcher.m_value.cend(), isBareValueChar))
            return fail(QStringLiteral("'%1': a value with spaces, quotes or any of {},=!~ must be in double quotes")
                    .arg(text));
    }
    if (matcher.m_op == Operator::Matches || matcher.m_op == Operator::NotMatches) {
        // Alertmanager anchors its regular expressions at both ends.
        matcher.m_regex = QRegularExpression(QStringLiteral("^(?:%1)$").arg(matcher.m_value));
        if (!matcher.m_regex.isValid())
            return fail(QStringLiteral("'%1': not a regular expression: %2").arg(text, matcher.m_regex.errorString()));
    }
    return matcher;
}

bool AlertMatcher::matches(const QMap<QString, QString> &labels) const
{
    const QString value = labels.value(m_name);
    switch (m_op) {
    case Operator::Equal:
        return value == m_value;
    case Operator::NotEqual:
        return value != m_value;
    case Operator::Matches:
        return m_regex.match(value).hasMatch();
    case Operator::NotMatches:
        return !m_regex.match(value).hasMatch();
    }
    return false;
}

QString AlertMatcher::toString() const
{
    static const char *const operators[] = { "=", "!=", "=~", "!~" };
    return m_name + QLatin1String(operators[int(m_op)]) + quoted(m_value);
}

} // namespace Shipyard
