// SPDX-License-Identifier: GPL-2.0-or-later
#include "templates/TemplateCatalog.h"

#include <QDir>
#include <QFileInfo>

#include <yaml-cpp/yaml.h>

namespace Shipyard {

TemplateCatalog::TemplateCatalog(const QString &teamDirectory) : m_teamDirectory(teamDirectory)
{ }

QStringList TemplateCatalog::templatesIn(const QString &directory)
{
    QStringList names;
    if (directory.isEmpty())
        return names;
    const QDir dir(directory);
    for (const QString &name : dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        if (QFileInfo::exists(dir.filePath(name + QLatin1Char('/') + ServiceTemplate::descriptionFileName())))
            names.append(name);
    }
    return names;
}

QStringList TemplateCatalog::names() const
{
    QStringList names = templatesIn(builtInDirectory()) + templatesIn(m_teamDirectory);
    names.sort();
    names.removeDuplicates();
    return names;
}

QString TemplateCatalog::directoryOf(const QString &name) const
{
    if (templatesIn(m_teamDirectory).contains(name))
        return QDir(m_teamDirectory).filePath(name);
    if (templatesIn(builtInDirectory()).contains(name))
        return builtInDirectory() + QLatin1Char('/') + name;
    return {};
}

std::optional<ServiceTemplate> TemplateCatalog::find(const QString &name, QString *error) const
{
    const QString directory = directoryOf(name);
    if (directory.isEmpty()) {
        *error = QStringLiteral("no template named '%1'; the templates are: %2")
                     .arg(name, names().join(QStringLiteral(", ")));
        return std::nullopt;
    }
    Diagnostics diagnostics;
    std::optional<ServiceTemplate> found = ServiceTemplate::read(directory, name, &diagnostics);
    if (!found) {
        QStringList lines;
        for (const Diagnostic &diagnostic : std::as_const(diagnostics))
            lines.append(diagnostic.toString());
        *error = lines.join(QLatin1Char('\n'));
    }
    return found;
}

Diagnostics TemplateCatalog::check(const Ecosystem &ecosystem, const QString &ecosystemPath)
{
    Diagnostics diagnostics;
    if (ecosystem.templatesDirectory.isEmpty())
        return diagnostics;
    SourceLocation at;
    try {
        const YAML::Node key = YAML::LoadFile(ecosystemPath.toStdString())["templates"];
        if (key)
            at = { int(key.Mark().line) + 1, int(key.Mark().column) + 1 };
    } catch (const YAML::Exception &) {
        // The loader read it a moment ago; without a place the message still names the key.
    }
    const QString directory = ecosystem.resolvePath(ecosystem.templatesDirectory);
    if (!QFileInfo(directory).isDir()) {
        diagnostics.append({ ecosystemPath, at, Diagnostic::Severity::Error,
            QStringLiteral("templates: %1 is no folder; `shipyardctl new system` would refuse every template")
                .arg(QDir::toNativeSeparators(directory)) });
        return diagnostics;
    }
    const QStringList names = templatesIn(directory);
    if (names.isEmpty())
        diagnostics.append({ ecosystemPath, at, Diagnostic::Severity::Warning,
            QStringLiteral("templates: %1 holds no template (a folder with a %2); only the built-in ones are offered")
                .arg(QDir::toNativeSeparators(directory), ServiceTemplate::descriptionFileName()) });
    for (const QString &name : names)
        ServiceTemplate::read(QDir(directory).filePath(name), name, &diagnostics);
    return diagnostics;
}

} // namespace Shipyard
