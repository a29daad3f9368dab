// SPDX-License-Identifier: GPL-2.0-or-later
#include "monitoring/DoraMetrics.h"

#include "git/Repository.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QHash>

#include <algorithm>
#include <memory>

namespace Shipyard {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Shipyard::DoraMetrics)
};

// What Delivery writes into the snapshot of the state it found before the
// first delivery into an environment.
const QLatin1String baselineReason("the state found before the first delivery");

} // namespace

bool DoraMetrics::isDeployment(const ReleaseRecord &record)
{
    // A delivery still running has no outcome to count yet.
    return record.restoredFrom.isEmpty() && record.reason != baselineReason &&
        record.result != ReleaseRecord::Result::InProgress;
}

DoraMetrics::Summary DoraMetrics::compute(
    const QList<ReleaseRecord> &records, const QDateTime &from, const QDateTime &to, const CommitTime &commitTime)
{
    Summary summary;
    summary.from = from.toUTC();
    summary.to = to.toUTC();

    QList<ReleaseRecord> ordered = records;
    std::stable_sort(
        ordered.begin(), ordered.end(), [](const ReleaseRecord &a, const ReleaseRecord &b) { return a.time < b.time; });

    for (QDate day = summary.from.date(); day.isValid() && day <= summary.to.date(); day = day.addDays(1))
        summary.days.append({ day, 0, 0 });

    qint64 restoreSeconds = 0;
    QList<qint64> leadTimes;
    for (qsizetype i = 0; i < ordered.size(); ++i) {
        const ReleaseRecord &record = ordered[i];
        if (!isDeployment(record) || record.time < summary.from || record.time > summary.to)
            continue;
        ++summary.deployments;
        const bool failed = !record.isGood();
        const qint64 dayIndex = summary.from.date().daysTo(record.time.toUTC().date());
        if (dayIndex >= 0 && dayIndex < summary.days.size())
            ++(failed ? summary.days[dayIndex].failed : summary.days[dayIndex].succeeded);
        if (failed) {
            ++summary.failures;
            // Restored by its own automatic rollback, or else by the next good
            // release of any kind: a delivery or a person's rollback.
            if (record.restoredAt.isValid()) {
                ++summary.restored;
                restoreSeconds += std::max<qint64>(0, record.time.secsTo(record.restoredAt));
                continue;
            }
            const auto next = std::find_if(ordered.cbegin() + i + 1, ordered.cend(),
                [&](const ReleaseRecord &later) { return later.isGood() && later.time >= record.time; });
            if (next != ordered.cend()) {
                ++summary.restored;
                restoreSeconds += record.time.secsTo(next->time);
            } else {
                ++summary.unrestored;
            }
            continue;
        }
        for (const ReleaseRecord::SystemRelease &system : record.systems) {
            if (system.gitSha.isEmpty())
                continue;
            const std::optional<QDateTime> committed =
                commitTime ? commitTime(system.system, system.gitSha) : std::nullopt;
            if (committed && committed->isValid())
                leadTimes.append(std::max<qint64>(0, committed->secsTo(record.time)));
            else
                ++summary.leadTimeUnknown;
        }
    }

    const double days = std::max(1.0, double(summary.from.secsTo(summary.to)) / 86400.0);
    summary.perDay = summary.deployments / days;
    summary.perWeek = summary.perDay * 7;
    if (summary.deployments > 0)
        summary.changeFailureRate = double(summary.failures) / summary.deployments;
    if (summary.restored > 0)
        summary.timeToRestore = std::chrono::seconds(restoreSeconds / summary.restored);
    summary.leadTimeSamples = int(leadTimes.size());
    if (!leadTimes.isEmpty()) {
        std::sort(leadTimes.begin(), leadTimes.end());
        const qsizetype middle = leadTimes.size() / 2;
        const qint64 median =
            leadTimes.size() % 2 ? leadTimes[middle] : (leadTimes[middle - 1] + leadTimes[middle]) / 2;
        summary.leadTime = std::chrono::seconds(median);
    }
    return summary;
}

DoraMetrics::CommitTime DoraMetrics::localRepositories(const Ecosystem &ecosystem)
{
    // Opened lazily, once per system, and kept for the lookups that follow.
    auto repositories = std::make_shared<QHash<QString, std::shared_ptr<Repository>>>();
    QHash<QString, QString> paths;
    for (const System &system : ecosystem.systems) {
        const QString location = system.repository;
        if (location.contains(QLatin1String("://")) || location.contains(QLatin1Char('@')))
            continue;
        const QString path = ecosystem.resolvePath(location);
        if (QFileInfo(path).isDir())
            paths.insert(system.name, path);
    }
    return [repositories, paths](const QString &system, const QString &sha) -> std::optional<QDateTime> {
        if (!paths.contains(system) || sha.isEmpty())
            return std::nullopt;
        auto found = repositories->constFind(system);
        if (found == repositories->constEnd()) {
            GitError error;
            auto repository = std::make_shared<Repository>(Repository::open(paths.value(system), &error));
            found = repositories->insert(system, error ? nullptr : repository);
        }
        if (!found.value())
            return std::nullopt;
        GitError error;
        const QList<CommitInfo> commits = found.value()->commitsBetween({}, sha, &error, 1);
        if (error || commits.isEmpty())
            return std::nullopt;
        return commits.first().authorTime;
    };
}

QString DoraMetrics::formatDuration(std::chrono::seconds duration)
{
    const qint64 total = duration.count();
    const qint64 days = total / 86400;
    const qint64 hours = (total % 86400) / 3600;
    const qint64 minutes = (total % 3600) / 60;
    const qint64 seconds = total % 60;
    if (days > 0)
        return hours > 0 ? Tr::tr("%1 d %2 h").arg(days).arg(hours) : Tr::tr("%1 d").arg(days);
    if (hours > 0)
        return minutes > 0 ? Tr::tr("%1 h %2 min").arg(hours).arg(minutes) : Tr::tr("%1 h").arg(hours);
    if (minutes > 0)
        return seconds > 0 ? Tr::tr("%1 min %2 s").arg(minutes).arg(seconds) : Tr::tr("%1 min").arg(minutes);
    return Tr::tr("%1 s").arg(seconds);
}

} // namespace Shipyard
