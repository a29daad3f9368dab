// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "model/Ecosystem.h"

#include <optional>

namespace Shipyard {

class DiagnosticSink;
class YamlMappingReader;

// Reads a system's `migrate` through R:
//   migrate:
//     up: bin/migrate up            # a string runs through /bin/sh -c
//     down: [bin/migrate, down]     # a list runs as it is (exec form)
//     timeout: 10m                  # optional: how long each Job may run
// Both commands are required: a migration that cannot be undone says so in
// a `down` of its own (see docs/migrations.md). Each problem is reported at
// its place; nothing when the system has no `migrate`.
std::optional<Migration> readMigration(YamlMappingReader &r, DiagnosticSink &sink);

} // namespace Shipyard
