// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "model/Ecosystem.h"
#include "support/Diagnostic.h"
#include "templates/ServiceTemplate.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace Shipyard {

// The service templates a new system can start from: Shipyard's own
// (frontend, backend, worker; compiled into the program) and a team's
// folder (the ecosystem's `templates:`), whose template of a name wins over
// the built-in one. A template is a folder holding a template.yaml.
class TemplateCatalog
{
public:
    // TEAMDIRECTORY: the team's folder, empty for none.
    explicit TemplateCatalog(const QString &teamDirectory = {});

    static QString builtInDirectory() { return QStringLiteral(":/shipyard/templates"); }

    // Every template's name, sorted.
    QStringList names() const;
    // The folder NAME is read from: the team's when it has one, else the built-in one; empty when none.
    QString directoryOf(const QString &name) const;
    // NAME read; nullopt with ERROR (an unknown name lists the known ones,
    // a broken template.yaml names its place).
    std::optional<ServiceTemplate> find(const QString &name, QString *error) const;

    // What `shipyardctl validate` says of an ecosystem's `templates:` (read
    // from ECOSYSTEMPATH, the file it was loaded from): a folder that is not
    // there is an error at the key (`new system` would refuse it), and
    // every template in it is read, its problems at their places in its
    // template.yaml. Nothing without the key.
    static Diagnostics check(const Ecosystem &ecosystem, const QString &ecosystemPath);

private:
    static QStringList templatesIn(const QString &directory);

    QString m_teamDirectory;
};

} // namespace Shipyard
