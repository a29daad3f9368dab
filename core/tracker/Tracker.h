// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "tracker/Task.h"
#include "tracker/TrackerError.h"

#include <QList>
#include <QString>

#include <optional>

namespace Shipyard {

struct TaskLookup
{
    std::optional<Task> task; // set unless error
    TrackerError error;
};

struct TaskListing
{
    QList<Task> tasks;
    TrackerError error;
};

// An issue tracker. Calls block (network): run them in a worker thread.
// Implementations are not required to be thread-safe.
class Tracker
{
public:
    virtual ~Tracker() = default;

    // For messages: "Redmine at https://redmine.example.org".
    virtual QString description() const = 0;
    virtual TaskLookup task(const QString &key) = 0;
    // status: the tracker's status name, matched case-insensitively.
    virtual TrackerError transition(const QString &key, const QString &status) = 0;
    virtual TrackerError addComment(const QString &key, const QString &text) = 0;
    // Every task in `status` (matched case-insensitively), for the delivery
    // robot's polls. Trackers that cannot search say so.
    virtual TaskListing tasksWithStatus(const QString &status)
    {
        Q_UNUSED(status)
        return { {},
            { TrackerError::Kind::Other, QStringLiteral("%1 cannot list tasks by status").arg(description()) } };
    }
};

} // namespace Shipyard
