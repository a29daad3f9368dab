// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "git/GitError.h"

#include <QString>

namespace Shipyard {

// A repository made for a new system: `git init` in a directory that holds
// its first files, every file added and committed once on BRANCH, which is
// what HEAD names. The committer is the user's git identity (user.name and
// user.email), or "Shipyard" when they have none, as for integrations.
class NewRepository
{
public:
    // The commit's id, or empty with ERROR set. Refuses a directory that is
    // already a repository: its history is someone's.
    static QString create(const QString &directory, const QString &branch, const QString &message, GitError *error);
};

} // namespace Shipyard
