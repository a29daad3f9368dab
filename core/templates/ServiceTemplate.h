// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "model/Ecosystem.h"
#include "support/Diagnostic.h"

#include <QByteArray>
#include <QJsonValue>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>

namespace Shipyard {

// One file of a new system, its path relative to the repository.
struct TemplateFile
{
    QString path;
    QByteArray content;
};

// A service template: a folder whose files become a new system's repository
// and whose template.yaml says what the system's entry in the ecosystem
// file gets (see docs/service-templates.md). In every file and file name,
// `${name}`-style placeholders (a lower-case first letter) are filled in;
// `${NAME}` (upper case) is left for Shipyard's variables at delivery time.
class ServiceTemplate
{
public:
    static QString descriptionFileName() { return QStringLiteral("template.yaml"); }

    // Reads DIRECTORY/template.yaml; nullopt with the problems, each at its
    // place, in DIAGNOSTICS. NAME is the folder's name.
    static std::optional<ServiceTemplate> read(const QString &directory, const QString &name, Diagnostics *diagnostics);

    QString name() const { return m_name; }
    QString directory() const { return m_directory; }
    QString description() const { return m_description; }
    SystemTemplate kind() const { return m_kind; }
    // The port the service listens on; 0 for a template without one (a worker).
    int port() const { return m_port; }
    // The keys the system's entry gets besides name, template, repository,
    // upstream and image, in the file's order: a string, a list of strings
    // or a mapping of strings, placeholders not yet filled in.
    const QList<std::pair<QString, QJsonValue>> &systemKeys() const { return m_systemKeys; }

    // Every file but template.yaml, names and contents filled in from
    // VALUES; nullopt with ERRORS naming each unknown placeholder's file,
    // line and column.
    std::optional<QList<TemplateFile>> render(const QMap<QString, QString> &values, QStringList *errors) const;

    // TEXT with each ${name} of VALUES replaced; each one VALUES lacks is
    // added to UNKNOWN with its offset in TEXT.
    static QString fill(const QString &text, const QMap<QString, QString> &values,
        QList<std::pair<QString, qsizetype>> *unknown = nullptr);

private:
    QString m_name;
    QString m_directory;
    QString m_description;
    SystemTemplate m_kind = SystemTemplate::Backend;
    int m_port = 0;
    QList<std::pair<QString, QJsonValue>> m_systemKeys;
};

} // namespace Shipyard
