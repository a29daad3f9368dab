// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "model/Ecosystem.h"
#include "pipeline/Delivery.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace Shipyard {

// Which branch of each system carries a task: the local branch of the
// system's repository whose name holds the task key (Gating::taskKeyPattern),
// or, when there is none, the one of its `origin` that does, made local.
class TaskBranches
{
public:
    // One target per system of `systems` (empty: every system): its branch
    // for the task, or its upstream when it has none (or is no local git
    // repository). `images`: system → image given instead of built. Two
    // branches naming the task in one repository are an error: guessing
    // would deliver something nobody chose.
    static QList<Delivery::Target> targets(const Ecosystem &ecosystem, const QStringList &systems, const QString &task,
        const QMap<QString, QString> &images = {}, QString *error = nullptr);

    // Only the targets on a branch.
    static QList<Delivery::Target> branchesOnly(const QList<Delivery::Target> &targets);
};

} // namespace Shipyard
