// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "git/GitError.h"

#include <QString>
#include <QStringList>

namespace Shipyard {

// What Integrator did, or would do in a dry run.
struct IntegrationResult
{
    GitError error; // Kind::Conflict comes with conflicts filled
    QStringList conflicts; // paths, sorted
    QString oldHead; // the branch's commit before
    QString newHead; // after (equal to oldHead when nothing changed)
    int commitsApplied = 0;
    bool upToDate = false; // nothing to do
    bool changed() const { return !error && oldHead != newHead; }
    bool isClean() const { return !error; }
};

} // namespace Shipyard
