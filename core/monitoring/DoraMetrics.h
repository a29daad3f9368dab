// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "model/Ecosystem.h"
#include "releases/ReleaseRecord.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>

#include <chrono>
#include <functional>
#include <optional>

namespace Shipyard {

// The four DORA measures of one environment, from its release records:
// deployment frequency, change failure rate, time to restore and lead time
// for changes. Rollbacks made by a person (records naming the release they
// restored) and the snapshot a first delivery takes of what it found are not
// deployments of a change: they count only as restorations.
class DoraMetrics
{
public:
    // When the commit GITSHA of SYSTEM was made; empty when nobody can say
    // (the repository is remote or lacks the commit).
    using CommitTime = std::function<std::optional<QDateTime>(const QString &system, const QString &gitSha)>;

    struct Day
    {
        QDate date; // UTC
        int succeeded = 0;
        int failed = 0; // failed or rolled back
    };

    struct Summary
    {
        QDateTime from;
        QDateTime to;
        int deployments = 0;
        int failures = 0;
        double perDay = 0;
        double perWeek = 0;
        std::optional<double> changeFailureRate; // 0…1; empty without deployments
        // Mean over the failures followed by a good release.
        std::optional<std::chrono::seconds> timeToRestore;
        int restored = 0;
        int unrestored = 0; // failures with no good release after them (yet)
        // Median over the delivered commits whose time is known.
        std::optional<std::chrono::seconds> leadTime;
        int leadTimeSamples = 0;
        int leadTimeUnknown = 0; // delivered commits whose time nobody knows
        QList<Day> days; // every day from `from` to `to`, oldest first
    };

    // RECORDS in any order; only those in [FROM, TO] count as deployments,
    // but a good release after TO still ends a failure inside the window.
    static Summary compute(const QList<ReleaseRecord> &records, const QDateTime &from, const QDateTime &to,
        const CommitTime &commitTime = {});

    // Commit times from the systems' repositories that are local paths;
    // opens each repository once. Blocks on the disk.
    static CommitTime localRepositories(const Ecosystem &ecosystem);

    static bool isDeployment(const ReleaseRecord &record);
    // "3 h 20 min", "45 s", "2 d 4 h"
    static QString formatDuration(std::chrono::seconds duration);
};

} // namespace Shipyard
