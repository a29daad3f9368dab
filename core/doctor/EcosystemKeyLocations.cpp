// SPDX-License-Identifier: GPL-2.0-or-later
#include "doctor/EcosystemKeyLocations.h"

#include "support/YamlDocument.h"

#include <QFile>
#include <QFileInfo>

#include <yaml-cpp/yaml.h>

namespace Shipyard {

namespace {

constexpr qint64 maximumSize = 8 * 1024 * 1024; // as EcosystemLoader reads

SourceLocation locationOf(const YAML::Node &node)
{
    const YAML::Mark mark = node.Mark();
    if (mark.line < 0)
        return {};
    return { mark.line + 1, mark.column + 1 };
}

} // namespace

struct EcosystemKeyLocations::Tree
{
    YAML::Node root;
};

EcosystemKeyLocations EcosystemKeyLocations::read(const QString &filePath)
{
    EcosystemKeyLocations locations;
    locations.m_fileName = QFileInfo(filePath).fileName();
    QFile file(filePath);
    if (!file.open(QIODevice::ReadOnly) || file.size() > maximumSize)
        return locations;
    DiagnosticSink sink(filePath);
    const std::optional<YAML::Node> root = YamlDocument::parse(file.readAll(), maximumSize, sink);
    if (root)
        locations.m_tree = std::make_shared<Tree>(Tree { *root });
    return locations;
}

SourceLocation EcosystemKeyLocations::locate(const QStringList &path, bool exact) const
{
    if (!m_tree)
        return {};
    // yaml-cpp's Node is a handle; reset() rebinds it where = would assign into the tree.
    YAML::Node node;
    node.reset(m_tree->root);
    SourceLocation found;
    for (const QString &segment : path) {
        YAML::Node next;
        bool matched = false;
        if (segment.startsWith(QLatin1String("name=")) && node.IsSequence()) {
            const std::string name = segment.mid(5).toStdString();
            for (const YAML::Node &item : node) {
                if (item.IsMap() && item["name"] && item["name"].IsScalar() && item["name"].Scalar() == name) {
                    next.reset(item);
                    matched = true;
                    break;
                }
            }
        } else if (node.IsMap()) {
            for (const auto &entry : node) {
                if (entry.first.IsScalar() && entry.first.Scalar() == segment.toStdString()) {
                    next.reset(entry.second);
                    matched = true;
                    break;
                }
            }
        }
        if (!matched)
            return exact ? SourceLocation() : found;
        node.reset(next);
        found = locationOf(node);
    }
    return found;
}

QString EcosystemKeyLocations::place(const QStringList &path) const
{
    const SourceLocation location = locate(path);
    if (!location.isValid())
        return m_fileName;
    return QStringLiteral("%1:%2:%3").arg(m_fileName).arg(location.line).arg(location.column);
}

QString EcosystemKeyLocations::setting(const QString &dottedKey) const
{
    return QStringLiteral("%1 at %2").arg(dottedKey, place(dottedKey.split(QLatin1Char('.'))));
}

} // namespace Shipyard
