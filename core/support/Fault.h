// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

namespace Shipyard {

// Whose a failure is, which decides whether a task goes back to its developer.
//  - Branch: what the branch brings fails, and only its developer can fix it:
//    a merge conflict, a failing build, test or smoke command, manifests the
//    server refuses, a rollout that fails on the new image, the monitoring
//    signal after the release.
//  - Environment: Shipyard, its tools or the places it delivers to fail: the
//    lock not taken or lost, a registry or apiserver out of reach, a missing
//    permission or tool, a cancel. The task stays where it is.
enum class Fault { Branch, Environment };

} // namespace Shipyard
