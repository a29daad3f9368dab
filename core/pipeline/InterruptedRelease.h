// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "releases/ReleaseRecord.h"

#include <QList>
#include <QString>

#include <chrono>
#include <functional>
#include <optional>

namespace Shipyard {

class MigrationRollback;
class ReleaseApplier;
class ReleaseStore;

// A release whose delivery never ended. A delivery writes its record "in
// progress" before its first change; a holder that is killed, or that stops
// writing because it may have lost its lock, leaves it so. Whoever holds the
// environment's lock next finds it, puts the last good release back over
// whatever it applied, and marks it interrupted, before changing anything
// else: deliveries and rollbacks alike.
class InterruptedRelease
{
public:
    // The newest of RECORDS (newest first) when it is still in progress. Asked
    // with the lock held: nobody is delivering it any more.
    static std::optional<ReleaseRecord> find(const QList<ReleaseRecord> &records);

    // Undoes INTERRUPTED's migrations with MIGRATIONS (which writes its
    // record as it goes), restores LASTGOOD over INTERRUPTED's systems (what
    // INTERRUPTED added and LASTGOOD lacks is deleted), then records
    // INTERRUPTED as interrupted. Empty on success, else why not; the record
    // stays in progress then, and a failed `down` restores nothing.
    static QString recover(ReleaseRecord interrupted, const ReleaseRecord &lastGood, const ReleaseStore &store,
        const ReleaseApplier &applier, const MigrationRollback &migrations, std::chrono::seconds timeout,
        const std::function<void(const QString &)> &log);

    // "release X, delivered by who at time, was interrupted"
    static QString describe(const ReleaseRecord &interrupted);
};

} // namespace Shipyard
