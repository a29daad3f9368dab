// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "model/Ecosystem.h"

#include <optional>

namespace YAML {
class Node;
}

namespace Shipyard {

class DiagnosticSink;
class YamlMappingReader;

// Reads the `canary` of a system or an environment (OWNER, read through R):
//   canary: {steps: [10, 50, 100], pause: 2m}
//   canary: {steps: [25, 100], pause: manual}
// and, where ALLOWOFF (environments), `canary: false`, which turns the
// systems' plans off there. Steps are whole percentages from 1 to 100,
// ascending, the last 100; the pause a duration or "manual". Each problem
// is reported at its place; nothing is returned for a plan with one.
std::optional<CanaryPlan> readCanaryPlan(
    YamlMappingReader &r, const YAML::Node &owner, DiagnosticSink &sink, bool allowOff);

} // namespace Shipyard
