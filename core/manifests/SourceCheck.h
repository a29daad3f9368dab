// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "model/Ecosystem.h"
#include "support/Diagnostic.h"

namespace Shipyard {

// Whether every system's source renders for every environment it is
// delivered to, from the repository's working tree: charts and overlays
// through their tools, plain files with their ${NAME} placeholders. A
// failure is reported at the ecosystem line that names the source, with the
// tool's words (and, for a placeholder, its place in the manifest).
// Repositories that are no folder here (git URLs) are left out and said.
//
// Blocking: runs the tools.
class SourceCheck
{
public:
    struct Result
    {
        Diagnostics diagnostics;
        int rendered = 0; // system × environment pairs rendered
        QStringList skipped; // systems whose repository is not here
    };
    static Result run(const Ecosystem &ecosystem);
};

} // namespace Shipyard
