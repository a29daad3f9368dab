// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "git/CommitInfo.h"
#include "model/Ecosystem.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace Shipyard {

// What one environment runs that another does not, system by system: the
// commits between the two deployed commits and the tasks they name — the
// release notes of promoting one environment into the other. Deployed
// commits come from the shipyard.dev/git-sha annotation (SystemState), the
// history from each system's repository on this machine.
class EnvironmentComparison
{
public:
    struct SystemDifference
    {
        QString system;
        QString commitA; // empty: A does not run the system, or not from a known commit
        QString commitB;
        QList<CommitInfo> onlyInA; // newest first
        QList<CommitInfo> onlyInB;
        QStringList tasksOnlyInA;
        QStringList tasksOnlyInB;
        QString problem; // why the commits could not be compared
        bool same() const { return problem.isEmpty() && onlyInA.isEmpty() && onlyInB.isEmpty(); }
    };

    // COMMITSA/COMMITSB: system → deployed commit. Systems of the ecosystem
    // only; at most LIMIT commits per side and system.
    static QList<SystemDifference> compare(const Ecosystem &ecosystem, const QHash<QString, QString> &commitsA,
        const QHash<QString, QString> &commitsB, int limit = 500);
};

} // namespace Shipyard
