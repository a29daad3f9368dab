// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "gating/GateVerdict.h"
#include "gating/Review.h"
#include "model/Ecosystem.h"
#include "tracker/Tracker.h"

#include <QList>
#include <QString>

#include <optional>

namespace Shipyard {

// Every local branch of every system with its task and gate verdicts: what
// `shipyardctl tasks` prints and the Tasks board shows. Blocks (git, the
// tracker, review servers): run it in a worker thread.
class BranchGateScan
{
public:
    struct Branch
    {
        QString system;
        QString name;
        QString commit;
        QString upstream;
        QString taskKey; // empty: the name has none
        std::optional<TaskLookup> task; // unset without a key or a tracker
        ReviewLookup reviews;
        QList<GateVerdict> verdicts;
        bool readyToUpdate = false; // the gates for a developer updating the branch pass
        bool readyForShowroom = false; // the gates for delivering it to a showroom pass
        bool readyToMerge = false; // the gates for merging it upstream pass
    };
    struct System
    {
        QString name;
        QString upstream;
        QString error; // the repository could not be read
        QString reviewError;
        QList<Branch> branches;
    };
    struct Result
    {
        QString error; // nothing could be scanned (a bad task key pattern)
        QString trackerError;
        QList<System> systems;
        QStringList withoutKey; // "system:branch"
    };

    static Result run(const Ecosystem &ecosystem);
};

} // namespace Shipyard
