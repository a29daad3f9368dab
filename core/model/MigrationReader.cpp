// SPDX-License-Identifier: GPL-2.0-or-later
#include "model/MigrationReader.h"

#include "support/YamlMappingReader.h"

#include <yaml-cpp/yaml.h>

namespace Shipyard {

namespace {

using Presence = YamlMappingReader::Presence;

// KEY of NODE as a container command: text for the shell, or a list of words.
std::optional<QStringList> readCommand(
    YamlMappingReader &m, const YAML::Node &node, const char *key, DiagnosticSink &sink)
{
    if (m.has(key) && node[key].IsScalar()) {
        const std::optional<QString> text = m.string(key, Presence::Required);
        if (!text)
            return std::nullopt;
        return QStringList { QStringLiteral("/bin/sh"), QStringLiteral("-c"), *text };
    }
    const std::optional<QStringList> words = m.stringList(key, Presence::Required);
    if (!words)
        return std::nullopt;
    if (words->first().trimmed().isEmpty()) {
        sink.error(m.valueLocation(key),
            QStringLiteral("%1: the first word of '%2' names the program and must not be empty")
                .arg(m.what(), QLatin1String(key)));
        return std::nullopt;
    }
    return words;
}

} // namespace

std::optional<Migration> readMigration(YamlMappingReader &r, DiagnosticSink &sink)
{
    const YAML::Node node = r.mapping("migrate");
    if (!node.IsDefined())
        return std::nullopt;
    YamlMappingReader m(node, r.what() + QStringLiteral(": migrate"), sink);
    Migration migration;
    const std::optional<QStringList> up = readCommand(m, node, "up", sink);
    const std::optional<QStringList> down = readCommand(m, node, "down", sink);
    const std::optional<std::chrono::seconds> timeout = m.duration("timeout");
    if (timeout && timeout->count() <= 0) {
        sink.error(m.valueLocation("timeout"), QStringLiteral("%1: 'timeout' must be longer than 0s").arg(m.what()));
        return std::nullopt;
    }
    m.reportUnknownKeys({ QStringLiteral("up"), QStringLiteral("down"), QStringLiteral("timeout") });
    if (!up || !down)
        return std::nullopt;
    migration.up = *up;
    migration.down = *down;
    migration.timeout = timeout.value_or(migration.timeout);
    return migration;
}

} // namespace Shipyard
