// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "model/Ecosystem.h"

#include <yaml-cpp/yaml.h>

namespace Shipyard {

class DiagnosticSink;

// Reads the ecosystem's `robot` (NODE; nothing when it is undefined):
//   robot:
//     pollInterval: 5m          # between passes nothing woke; at least 1s
//     webhooks:
//       maxBodyBytes: 1048576
//       github: {secretEnv: SHIPYARD_WEBHOOK_SECRET}   # and gitlab, gerrit, jira, tasks
// Each problem is reported at its place; a secret written in the file is an error.
void readRobotSettings(const YAML::Node &node, RobotSettings &robot, DiagnosticSink &sink);

} // namespace Shipyard
