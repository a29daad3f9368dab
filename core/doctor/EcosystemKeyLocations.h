// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "support/Diagnostic.h"

#include <QString>
#include <QStringList>

#include <memory>

namespace Shipyard {

// Where a setting is written in the ecosystem file, for remedies that send
// the reader to it ("correct registry.url at ecosystem.yaml:12:8"). The
// loaded Ecosystem keeps places for systems and environments only; this
// reads the file again for the rest. Cheap to copy; thread-safe to read.
class EcosystemKeyLocations
{
public:
    EcosystemKeyLocations() = default;
    static EcosystemKeyLocations read(const QString &filePath);

    // The place of the value at PATH: mapping keys, and for a list the item
    // whose `name` is the segment ("name=staging"). Where PATH leaves the
    // file, the deepest part of it that is there; nothing when not even
    // its first key is.
    // With EXACT, nothing unless all of PATH is there.
    SourceLocation locate(const QStringList &path, bool exact = false) const;
    // "ecosystem.yaml:12:8" for PATH, or "ecosystem.yaml" when unknown.
    QString place(const QStringList &path) const;
    // "registry.url at ecosystem.yaml:12:8" from "registry.url".
    QString setting(const QString &dottedKey) const;

private:
    struct Tree;
    std::shared_ptr<const Tree> m_tree;
    QString m_fileName;
};

} // namespace Shipyard
