// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <atomic>

namespace Shipyard::Ctl {

// SIGINT and SIGTERM as a flag, for commands that run until stopped
// (`lock take`, `robot`): they finish what they do, let go of their Leases
// and leave, instead of dying with them held.
namespace StopSignals {
void install();
bool requested();
const std::atomic_bool *flag();
} // namespace StopSignals

} // namespace Shipyard::Ctl
