// SPDX-License-Identifier: GPL-2.0-or-later
#include "support/VariableSubstitution.h"

#include "support/KeySuggestion.h"

#include <optional>

namespace Shipyard {

namespace {

bool isNameStart(QChar c)
{
    return c == QLatin1Char('_') || (c >= QLatin1Char('A') && c <= QLatin1Char('Z')) ||
        (c >= QLatin1Char('a') && c <= QLatin1Char('z'));
}

bool isNameChar(QChar c)
{
    return isNameStart(c) || (c >= QLatin1Char('0') && c <= QLatin1Char('9'));
}

// Walks TEXT's placeholders: PLACEHOLDER(name, offset) returns the text
// that replaces "${name}" or nothing to keep it; the result is TEXT with
// the replacements and the escapes resolved.
template<typename Placeholder> QString substitute(const QString &text, Placeholder placeholder)
{
    QString out;
    out.reserve(text.size());
    const qsizetype size = text.size();
    for (qsizetype i = 0; i < size; ++i) {
        const QChar c = text.at(i);
        if (c != QLatin1Char('$')) {
            out.append(c);
            continue;
        }
        if (i + 2 < size && text.at(i + 1) == QLatin1Char('$') && text.at(i + 2) == QLatin1Char('{')) {
            out.append(QStringLiteral("${"));
            i += 2;
            continue;
        }
        if (i + 1 < size && text.at(i + 1) == QLatin1Char('{') && i + 2 < size && isNameStart(text.at(i + 2))) {
            qsizetype end = i + 3;
            while (end < size && isNameChar(text.at(end)))
                ++end;
            if (end < size && text.at(end) == QLatin1Char('}')) {
                const QString name = text.mid(i + 2, end - i - 2);
                if (const std::optional<QString> value = placeholder(name, i)) {
                    out.append(*value);
                } else {
                    out.append(QStringView(text).mid(i, end - i + 1));
                }
                i = end;
                continue;
            }
        }
        out.append(c);
    }
    return out;
}

SourceLocation locationAt(const QString &text, qsizetype offset)
{
    SourceLocation location { 1, 1 };
    for (qsizetype i = 0; i < offset && i < text.size(); ++i) {
        if (text.at(i) == QLatin1Char('\n')) {
            ++location.line;
            location.column = 1;
        } else {
            ++location.column;
        }
    }
    return location;
}

} // namespace

QString VariableSubstitution::apply(
    const QString &text, const QMap<QString, QString> &variables, QList<Unknown> *unknown)
{
    return substitute(text, [&](const QString &name, qsizetype offset) -> std::optional<QString> {
        if (const auto it = variables.constFind(name); it != variables.constEnd())
            return *it;
        if (unknown)
            unknown->append({ name, locationAt(text, offset) });
        return std::nullopt;
    });
}

QStringList VariableSubstitution::namesIn(const QString &text)
{
    QStringList names;
    substitute(text, [&](const QString &name, qsizetype) -> std::optional<QString> {
        if (!names.contains(name))
            names.append(name);
        return std::nullopt;
    });
    return names;
}

QString VariableSubstitution::describe(const Unknown &unknown, const QMap<QString, QString> &variables)
{
    QString message = QStringLiteral("unknown variable ${%1}").arg(unknown.name);
    const QString suggestion = closestMatch(unknown.name, variables.keys());
    if (!suggestion.isEmpty())
        message += QStringLiteral(" (did you mean ${%1}?)").arg(suggestion);
    else
        message += QStringLiteral(" (known: %1)").arg(variables.keys().join(QStringLiteral(", ")));
    message += QStringLiteral("; define it in the ecosystem's, the environment's or the system's 'variables', "
                              "or write $${ for a literal ${");
    return message;
}

} // namespace Shipyard
