// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "tracker/Tracker.h"

#include <QString>

namespace YAML {
class Node;
}

namespace Shipyard {

// Tasks in a YAML file kept beside the ecosystem: the tracker for solo work
// and the demo. The file is re-read on every call, so hand edits count, and
// written atomically, so a crash never leaves half a file:
//
//   statuses: [New, In Progress, For Delivery, Closed]   # optional: allowed statuses
//   tasks:
//     TASK-12:
//       title: Login page
//       status: In Progress
//       assignee: Alice
//       comments:
//         - at: 2025-01-02T10:00:00Z
//           text: Rebased onto main
//
// or, as the demo has it, 'tasks' as a list of mappings that each have a 'key'.
class FileTracker : public Tracker
{
public:
    // Larger files are refused rather than parsed.
    static constexpr qint64 maximumFileSize = 16 * 1024 * 1024;

    explicit FileTracker(const QString &path);

    QString description() const override;
    TaskLookup task(const QString &key) override;
    TrackerError transition(const QString &key, const QString &status) override;
    TrackerError addComment(const QString &key, const QString &text) override;
    TaskListing tasksWithStatus(const QString &status) override;

private:
    Task taskFrom(const YAML::Node &node, const QString &key) const;

    QString m_path;
};

} // namespace Shipyard
