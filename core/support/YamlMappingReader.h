// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "support/Diagnostic.h"

#include <QSet>
#include <QString>
#include <QStringList>

#include <yaml-cpp/yaml.h>

#include <chrono>
#include <optional>

namespace Shipyard {

SourceLocation toLocation(const YAML::Mark &mark);

// Collects diagnostics for one file.
class DiagnosticSink
{
public:
    explicit DiagnosticSink(QString file) : m_file(std::move(file)) { }

    void error(SourceLocation location, const QString &message);
    void warning(SourceLocation location, const QString &message);
    const Diagnostics &diagnostics() const { return m_diagnostics; }
    Diagnostics takeDiagnostics() { return std::move(m_diagnostics); }

private:
    QString m_file;
    Diagnostics m_diagnostics;
};

// Reads the fields of one YAML mapping with types checked, reporting each
// problem with its place, and warning about keys nobody asked for.
class YamlMappingReader
{
public:
    // `what` names the mapping in messages, e.g. "system 'backend'".
    YamlMappingReader(const YAML::Node &mapping, QString what, DiagnosticSink &sink);

    enum class Presence { Optional, Required };

    bool has(const char *key) const;
    std::optional<QString> string(const char *key, Presence presence = Presence::Optional);
    std::optional<int> integer(const char *key, int minimum, int maximum);
    std::optional<double> number(const char *key);
    std::optional<bool> boolean(const char *key);
    std::optional<QStringList> stringList(const char *key, Presence presence = Presence::Optional);
    std::optional<std::chrono::seconds> duration(const char *key, Presence presence = Presence::Optional);
    // One of the allowed words; reports the others when it is not.
    std::optional<QString> choice(const char *key, const QStringList &allowed, Presence presence = Presence::Optional);
    // A nested mapping or sequence; an undefined node when absent or mistyped.
    YAML::Node mapping(const char *key, Presence presence = Presence::Optional);
    YAML::Node sequence(const char *key, Presence presence = Presence::Optional);

    SourceLocation location() const;
    SourceLocation valueLocation(const char *key) const;
    const QString &what() const { return m_what; }
    void setWhat(const QString &what) { m_what = what; }

    // Warns about every key that no accessor asked for.
    void reportUnknownKeys(const QStringList &knownKeys);

private:
    YAML::Node find(const char *key, Presence presence);
    void typeError(const YAML::Node &node, const char *key, const QString &expected);

    YAML::Node m_mapping;
    QString m_what;
    DiagnosticSink &m_sink;
};

QString describeScalar(const YAML::Node &node);

} // namespace Shipyard
