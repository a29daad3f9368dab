// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QString>
#include <QUrl>

namespace Shipyard {

// A task in the tracker, as the gates and the delivery robot see it.
struct Task
{
    QString key; // "TASK-12"
    QString title;
    QString status; // the tracker's own name, e.g. "In Progress"
    QString assignee; // display name; empty when unassigned
    QUrl url; // where a human opens it
};

} // namespace Shipyard
