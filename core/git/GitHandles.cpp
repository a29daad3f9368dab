// SPDX-License-Identifier: GPL-2.0-or-later
#include "git/GitHandles.h"

namespace Shipyard::GitHandles {

void ensureInitialized()
{
    // Never shut down: other threads may still hold repositories at exit.
    static const int initialized = git_libgit2_init();
    Q_UNUSED(initialized);
}

} // namespace Shipyard::GitHandles
