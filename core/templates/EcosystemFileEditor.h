// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QList>
#include <QString>

#include <optional>
#include <utility>

namespace Shipyard {

// Adds a system to an ecosystem file as a person would: the new item is
// inserted as text after the last item of `systems:`, in the file's own
// style (block or flow, its indentation, blank lines between items or not,
// its line endings), and every other byte of the file stays as it was:
// comments, order, quoting. Re-dumping the parsed YAML would lose all that.
class EcosystemFileEditor
{
public:
    // Keys in order, each with its value as YAML flow text ("make test",
    // "[deploy/]"); see flowValue().
    using Entry = QList<std::pair<QString, QString>>;

    struct Result
    {
        QByteArray data; // the whole new file
        int line = 0; // where the new item starts, 1-based
        QByteArray inserted; // the new item as written (for a preview)
    };

    // DATA with ENTRY as the last system; nullopt with ERROR when DATA is
    // no mapping with a `systems:` list to add to.
    static std::optional<Result> appendSystem(const QByteArray &data, const Entry &entry, QString *error);

    // A string, a list of strings or a mapping of strings as YAML flow text;
    // a string stays plain where YAML reads it back as the same string.
    static QString flowValue(const QJsonValue &value);
    static QString flowScalar(const QString &text);
};

} // namespace Shipyard
