// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "model/Ecosystem.h"
#include "support/Diagnostic.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

namespace Shipyard {

struct EcosystemLoadResult
{
    // Present when the file has no errors (it may still have warnings).
    std::optional<Ecosystem> ecosystem;
    Diagnostics diagnostics;
};

// Reads and validates an ecosystem file. Every problem is reported at once,
// each with its place; hostile input gets an error, never a crash or a hang.
class EcosystemLoader
{
public:
    // Files larger than this are refused before parsing: an ecosystem is a
    // few kilobytes, and parsing hundreds of megabytes would freeze the UI.
    static constexpr qint64 maximumFileSize = 8 * 1024 * 1024;

    // Contexts of the user's kubeconfig; when set, environments must name one of them.
    void setKnownContexts(const QStringList &contexts) { m_knownContexts = contexts; }

    EcosystemLoadResult loadFile(const QString &path) const;
    EcosystemLoadResult loadData(const QByteArray &data, const QString &fileName) const;

private:
    QStringList m_knownContexts;
};

} // namespace Shipyard
