// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "support/SecretMasker.h"
#include "tracker/TrackerError.h"

#include <QString>

namespace Shipyard {

class Tracker;

// "Return the task to its developer": the task goes back to the ecosystem's
// return status (Gating::returnStatus) with a comment naming the failing step
// and the end of its log, so nobody has to dig for why. The reason and the
// log go through MASKER before anything is cut or written: a tracker is read
// by more people than a delivery's log.
class TaskReturner
{
public:
    static constexpr int excerptLines = 40;
    static constexpr int excerptCharacters = 4000;

    // MASKER: the ecosystem's (SecretMasker(environment, Ecosystem::secretVariables())).
    TaskReturner(Tracker &tracker, const QString &returnStatus, const SecretMasker &masker);

    // Comments first: a task moved back without a reason is worse than a
    // reason on a task that stayed.
    TrackerError returnTask(
        const QString &key, const QString &failingStep, const QString &reason, const QString &log) const;

    // The comment for texts already masked.
    static QString comment(const QString &failingStep, const QString &reason, const QString &log);
    // The last lines of a log, bounded in lines and characters (of a log
    // already masked: the cut could go through a secret).
    static QString excerpt(const QString &log);

private:
    Tracker &m_tracker;
    QString m_returnStatus;
    SecretMasker m_masker;
};

} // namespace Shipyard
