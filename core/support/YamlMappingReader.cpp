// SPDX-License-Identifier: GPL-2.0-or-later
#include "support/YamlMappingReader.h"

#include "support/Duration.h"
#include "support/KeySuggestion.h"

namespace Shipyard {

SourceLocation toLocation(const YAML::Mark &mark)
{
    if (mark.is_null() || mark.line < 0)
        return {};
    return { mark.line + 1, mark.column + 1 };
}

void DiagnosticSink::error(SourceLocation location, const QString &message)
{
    m_diagnostics.append({ m_file, location, Diagnostic::Severity::Error, message });
}

void DiagnosticSink::warning(SourceLocation location, const QString &message)
{
    m_diagnostics.append({ m_file, location, Diagnostic::Severity::Warning, message });
}

QString describeScalar(const YAML::Node &node)
{
    if (node.IsMap())
        return QStringLiteral("a mapping");
    if (node.IsSequence())
        return QStringLiteral("a list");
    if (node.IsNull())
        return QStringLiteral("nothing");
    QString text = QString::fromStdString(node.Scalar());
    if (text.size() > 40)
        text = text.left(37) + QStringLiteral("...");
    return QLatin1Char('\'') + text + QLatin1Char('\'');
}

YamlMappingReader::YamlMappingReader(const YAML::Node &mapping, QString what, DiagnosticSink &sink)
    : m_mapping(mapping), m_what(std::move(what)), m_sink(sink)
{ }

bool YamlMappingReader::has(const char *key) const
{
    const YAML::Node node = m_mapping[key];
    return node.IsDefined() && !node.IsNull();
}

SourceLocation YamlMappingReader::location() const
{
    return toLocation(m_mapping.Mark());
}

SourceLocation YamlMappingReader::valueLocation(const char *key) const
{
    const YAML::Node node = m_mapping[key];
    return node.IsDefined() ? toLocation(node.Mark()) : location();
}

YAML::Node YamlMappingReader::find(const char *key, Presence presence)
{
    const YAML::Node node = m_mapping[key];
    if (!node.IsDefined() || node.IsNull()) {
        if (presence == Presence::Required) {
            const SourceLocation where = node.IsDefined() ? toLocation(node.Mark()) : location();
            m_sink.error(where.isValid() ? where : location(),
                QStringLiteral("%1: missing required field '%2'").arg(m_what, QLatin1String(key)));
        }
        return YAML::Node(YAML::NodeType::Undefined);
    }
    return node;
}

void YamlMappingReader::typeError(const YAML::Node &node, const char *key, const QString &expected)
{
    m_sink.error(toLocation(node.Mark()),
        QStringLiteral("%1: field '%2' must be %3, not %4")
            .arg(m_what, QLatin1String(key), expected, describeScalar(node)));
}

std::optional<QString> YamlMappingReader::string(const char *key, Presence presence)
{
    const YAML::Node node = find(key, presence);
    if (!node.IsDefined())
        return std::nullopt;
    if (!node.IsScalar()) {
        typeError(node, key, QStringLiteral("text"));
        return std::nullopt;
    }
    const QString value = QString::fromStdString(node.Scalar());
    if (presence == Presence::Required && value.trimmed().isEmpty()) {
        m_sink.error(toLocation(node.Mark()),
            QStringLiteral("%1: field '%2' must not be empty").arg(m_what, QLatin1String(key)));
        return std::nullopt;
    }
    return value;
}

std::optional<int> YamlMappingReader::integer(const char *key, int minimum, int maximum)
{
    const YAML::Node node = find(key, Presence::Optional);
    if (!node.IsDefined())
        return std::nullopt;
    bool ok = false;
    const int value = node.IsScalar() ? QString::fromStdString(node.Scalar()).toInt(&ok) : 0;
    if (!ok) {
        typeError(node, key, QStringLiteral("a whole number"));
        return std::nullopt;
    }
    if (value < minimum || value > maximum) {
        m_sink.error(toLocation(node.Mark()),
            QStringLiteral("%1: field '%2' must be between %3 and %4, not %5")
                .arg(m_what, QLatin1String(key))
                .arg(minimum)
                .arg(maximum)
                .arg(value));
        return std::nullopt;
    }
    return value;
}

std::optional<double> YamlMappingReader::number(const char *key)
{
    const YAML::Node node = find(key, Presence::Optional);
    if (!node.IsDefined())
        return std::nullopt;
    bool ok = false;
    // The C locale, always: configuration does not change meaning with the user's language.
    const double value = node.IsScalar() ? QString::fromStdString(node.Scalar()).toDouble(&ok) : 0;
    if (!ok) {
        typeError(node, key, QStringLiteral("a number"));
        return std::nullopt;
    }
    return value;
}

std::optional<bool> YamlMappingReader::boolean(const char *key)
{
    const YAML::Node node = find(key, Presence::Optional);
    if (!node.IsDefined())
        return std::nullopt;
    if (node.IsScalar()) {
        const QString text = QString::fromStdString(node.Scalar());
        if (text == QLatin1String("true"))
            return true;
        if (text == QLatin1String("false"))
            return false;
    }
    typeError(node, key, QStringLiteral("true or false"));
    return std::nullopt;
}

std::optional<QStringList> YamlMappingReader::stringList(const char *key, Presence presence)
{
    const YAML::Node node = find(key, presence);
    if (!node.IsDefined())
        return std::nullopt;
    if (node.IsScalar())
        return QStringList { QString::fromStdString(node.Scalar()) };
    if (!node.IsSequence()) {
        typeError(node, key, QStringLiteral("a list of text"));
        return std::nullopt;
    }
    QStringList values;
    bool ok = true;
    for (const YAML::Node &item : node) {
        if (!item.IsScalar()) {
            m_sink.error(toLocation(item.Mark()),
                QStringLiteral("%1: the items of '%2' must be text, not %3")
                    .arg(m_what, QLatin1String(key), describeScalar(item)));
            ok = false;
            continue;
        }
        values.append(QString::fromStdString(item.Scalar()));
    }
    if (!ok)
        return std::nullopt;
    if (presence == Presence::Required && values.isEmpty()) {
        m_sink.error(toLocation(node.Mark()),
            QStringLiteral("%1: field '%2' must not be empty").arg(m_what, QLatin1String(key)));
        return std::nullopt;
    }
    return values;
}

std::optional<std::chrono::seconds> YamlMappingReader::duration(const char *key, Presence presence)
{
    const YAML::Node node = find(key, presence);
    if (!node.IsDefined())
        return std::nullopt;
    const auto value = node.IsScalar() ? parseDuration(QString::fromStdString(node.Scalar())) : std::nullopt;
    if (!value) {
        typeError(node, key, QStringLiteral("a duration such as '90s', '15m', '72h' or '7d'"));
        return std::nullopt;
    }
    return value;
}

std::optional<QString> YamlMappingReader::choice(const char *key, const QStringList &allowed, Presence presence)
{
    const auto value = string(key, presence);
    if (!value)
        return std::nullopt;
    if (allowed.contains(*value))
        return value;
    QString message = QStringLiteral("%1: field '%2' must be one of %3, not '%4'")
                          .arg(m_what, QLatin1String(key), allowed.join(QStringLiteral(", ")), *value);
    const QString suggestion = closestMatch(*value, allowed);
    if (!suggestion.isEmpty())
        message += QStringLiteral(" (did you mean '%1'?)").arg(suggestion);
    m_sink.error(valueLocation(key), message);
    return std::nullopt;
}

YAML::Node YamlMappingReader::mapping(const char *key, Presence presence)
{
    const YAML::Node node = find(key, presence);
    if (node.IsDefined() && !node.IsMap()) {
        typeError(node, key, QStringLiteral("a mapping"));
        return YAML::Node(YAML::NodeType::Undefined);
    }
    return node;
}

YAML::Node YamlMappingReader::sequence(const char *key, Presence presence)
{
    const YAML::Node node = find(key, presence);
    if (node.IsDefined() && !node.IsSequence()) {
        typeError(node, key, QStringLiteral("a list"));
        return YAML::Node(YAML::NodeType::Undefined);
    }
    return node;
}

void YamlMappingReader::reportUnknownKeys(const QStringList &knownKeys)
{
    // The iterator's value is a temporary: copy the key node, never bind a reference to it.
    for (const auto &entry : m_mapping) {
        const YAML::Node keyNode = entry.first;
        if (!keyNode.IsScalar()) {
            m_sink.error(toLocation(keyNode.Mark()), QStringLiteral("%1: keys must be plain names").arg(m_what));
            continue;
        }
        const QString key = QString::fromStdString(keyNode.Scalar());
        if (knownKeys.contains(key))
            continue;
        QString message = QStringLiteral("%1: unknown key '%2'").arg(m_what, key);
        const QString suggestion = closestMatch(key, knownKeys);
        if (!suggestion.isEmpty())
            message += QStringLiteral(" (did you mean '%1'?)").arg(suggestion);
        m_sink.warning(toLocation(keyNode.Mark()), message);
    }
}

} // namespace Shipyard
