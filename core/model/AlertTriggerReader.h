// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "model/Ecosystem.h"

namespace Shipyard {

class DiagnosticSink;
class YamlMappingReader;

// Reads the `alerts` of R, the ecosystem's `rollback` or an environment:
//   alerts:
//     alertmanager: https://alertmanager.example.org:9093
//     matchers: ['service="${SYSTEM}"', 'env="${ENVIRONMENT}"']
//     window: 5m          # the watch after a release
//     interval: 15s
//     onUnreachable: proceed   # or stop
// over BASE (the ecosystem's, for an environment): what R does not name is
// BASE's. Without `alerts`, BASE as it is. Each problem is reported at its
// place; a trigger with errors is left out.
std::optional<AlertTrigger> readAlertTrigger(
    YamlMappingReader &r, const std::optional<AlertTrigger> &base, DiagnosticSink &sink);

} // namespace Shipyard
