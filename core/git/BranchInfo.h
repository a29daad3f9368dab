// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QString>

namespace Shipyard {

// A branch as listed by Repository::branches().
struct BranchInfo
{
    QString name; // "feature/TASK-12-login", "origin/main"
    QString fullName; // "refs/heads/feature/TASK-12-login"
    QString commitId;
    bool isRemote = false;
    bool isHead = false;
    QString upstream; // "origin/feature/TASK-12-login"; empty when none is set
    // Against upstream; both 0 when there is none.
    int ahead = 0;
    int behind = 0;
};

} // namespace Shipyard
