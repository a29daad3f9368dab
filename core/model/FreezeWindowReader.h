// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "model/Ecosystem.h"

namespace Shipyard {

class DiagnosticSink;
class YamlMappingReader;

// Reads an environment's `freezes` through R:
//   - weekly: {from: "Fri 16:00", to: "Mon 08:00"}
//     timeZone: Europe/Berlin
//     reason: the weekend
//   - from: "2026-12-24 00:00"
//     to: "2026-12-27 08:00"
//     reason: the holidays
// Each problem is reported at its place.
QList<FreezeWindow> readFreezeWindows(YamlMappingReader &r, DiagnosticSink &sink);

} // namespace Shipyard
