// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "model/Ecosystem.h"
#include "support/Diagnostic.h"

#include <QList>

#include <optional>

namespace Shipyard {

class DiagnosticSink;

// Where the reader found what the checks across the ecosystem point at,
// one entry per system or environment in the order they were kept.
struct EcosystemLocations
{
    QList<SourceLocation> dependsOn; // each system's 'dependsOn'
    QList<SourceLocation> environmentSystems; // each environment's 'systems'
    QList<SourceLocation> environmentApprovals; // each environment's 'approvals', or the item
    std::optional<SourceLocation> reviewsKind; // gating.reviews.kind, when written
};

// The checks that need the whole ecosystem read first: systems named by
// 'dependsOn' and by environments exist; approvals read from commit
// trailers, which anyone can write, guard no delivery unless trusted; a
// canary with a pause has something to judge it.
void checkEcosystem(const Ecosystem &ecosystem, const EcosystemLocations &locations, DiagnosticSink &sink);

} // namespace Shipyard
