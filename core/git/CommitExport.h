// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "git/GitError.h"

#include <QString>

namespace Shipyard {

class Repository;

// Writes the files of one commit into a directory of their own, leaving the
// repository's HEAD, index and working tree alone: the delivery robot tests
// a branch without checking it out where a developer works.
class CommitExport
{
public:
    // `directory` is created when missing. Regular and executable files and
    // symbolic links are written; submodules are left out.
    static GitError run(const Repository &repository, const QString &revision, const QString &directory);
};

} // namespace Shipyard
