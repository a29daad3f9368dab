// SPDX-License-Identifier: GPL-2.0-or-later
// ShowroomManager's sweep: which showrooms go (expired, their task done,
// their branches merged or gone), which sleep for being idle, and their
// namespaces deleted together.
#include "pipeline/ShowroomManager.h"

#include "git/Repository.h"
#include "kube/NamespaceDeletion.h"
#include "model/TaskKeyExtractor.h"
#include "tracker/TrackerFactory.h"

#include <QFileInfo>

#include <memory>
#include <mutex>

namespace Shipyard {

namespace {

QString isoUtc(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODate);
}

} // namespace

QString ShowroomManager::orphanReason(const QString &task) const
{
    const Environment *env = environment();
    if (!env)
        return {};
    const TaskKeyExtractor keys(m_ecosystem.gating.taskKeyPattern);
    int repositories = 0;
    int branchesFound = 0;
    for (const System &system : std::as_const(m_ecosystem.systems)) {
        if (!env->systems.isEmpty() && !env->systems.contains(system.name))
            continue;
        const QString directory = m_ecosystem.resolvePath(system.repository);
        if (!QFileInfo::exists(directory + QStringLiteral("/.git")))
            continue;
        GitError gitError;
        const Repository repository = Repository::open(directory, &gitError);
        const QList<BranchInfo> branches = repository.branches(Repository::BranchScope::Local, &gitError);
        // A repository that cannot be read proves nothing: keep the showroom.
        if (gitError)
            return {};
        ++repositories;
        const QString remoteUpstream = QStringLiteral("origin/") + system.upstream;
        const bool hasRemoteUpstream = !repository.resolve(remoteUpstream).isEmpty();
        for (const BranchInfo &branch : branches) {
            if (keys.extract(branch.name) != task)
                continue;
            ++branchesFound;
            const auto local = repository.aheadBehind(branch.name, system.upstream);
            if (!local)
                return {};
            if (local->ahead == 0)
                continue;
            const auto remote = hasRemoteUpstream ? repository.aheadBehind(branch.name, remoteUpstream) : std::nullopt;
            if (!remote || remote->ahead > 0)
                return {};
        }
    }
    if (repositories == 0)
        return {};
    if (branchesFound == 0)
        return QStringLiteral("no branch names %1 any more").arg(task);
    return QStringLiteral("every branch of %1 is merged into its upstream").arg(task);
}

ShowroomManager::SweepResult ShowroomManager::sweep(const QDateTime &now, bool dryRun, const Progress &progress) const
{
    SweepResult result;
    const auto say = [&](const QString &line) {
        if (progress)
            progress(line);
    };
    const QList<ShowroomInfo> showrooms = list(&result.error);
    if (!result.error.isEmpty())
        return result;
    std::unique_ptr<Tracker> tracker;
    bool trackerTried = false;
    const QString done = m_ecosystem.tracker.statuses.done;
    for (const ShowroomInfo &showroom : showrooms) {
        if (showroom.terminating) {
            say(QStringLiteral("%1: already being deleted").arg(showroom.namespaceName));
            continue;
        }
        SweepEntry entry;
        entry.showroom = showroom;
        if (showroom.isExpired(now) && showroom.isPinned())
            say(QStringLiteral("%1: expired at %2, kept: pinned by %3")
                    .arg(showroom.namespaceName, isoUtc(showroom.expiresAt), showroom.pinnedBy));
        else if (showroom.isExpired(now))
            entry.reasons.append(QStringLiteral("expired at %1").arg(isoUtc(showroom.expiresAt)));
        if (!showroom.task.isEmpty()) {
            if (!trackerTried) {
                trackerTried = true;
                TrackerFactory::Result made = TrackerFactory::create(m_ecosystem);
                tracker = std::move(made.tracker);
                if (!tracker)
                    result.warnings.append(
                        QStringLiteral("task statuses not checked, no tracker: %1").arg(made.error.message()));
            }
            if (tracker) {
                const TaskLookup lookup = tracker->task(showroom.task);
                if (lookup.error.isError())
                    result.warnings.append(QStringLiteral("%1: %2").arg(showroom.task, lookup.error.message()));
                else if (lookup.task && lookup.task->status.compare(done, Qt::CaseInsensitive) == 0)
                    entry.reasons.append(QStringLiteral("%1 is %2").arg(showroom.task, lookup.task->status));
            }
            const QString orphan = orphanReason(showroom.task);
            if (!orphan.isEmpty())
                entry.reasons.append(orphan);
        }
        if (entry.reasons.isEmpty()) {
            result.kept.append(showroom);
            if (!dryRun)
                warnOfExpiry(showroom, now, result.warnings, progress);
            // Idle for long: asleep costs nothing until someone looks again.
            const std::chrono::seconds sleepAfter = environment() ? environment()->sleepAfter : std::chrono::seconds(0);
            if (sleepAfter.count() > 0 && !showroom.isAsleep() && !showroom.isPinned() &&
                showroom.idleSince().isValid() && showroom.idleSince().secsTo(now) >= sleepAfter.count()) {
                SweepEntry idle;
                idle.showroom = showroom;
                idle.reasons.append(QStringLiteral("no delivery since %1").arg(isoUtc(showroom.idleSince())));
                say((dryRun ? QStringLiteral("%1: would sleep: %2") : QStringLiteral("%1: putting to sleep: %2"))
                        .arg(showroom.namespaceName, idle.reasons.first()));
                if (!dryRun) {
                    const ChangeResult slept = sleep(showroom.task, now, progress);
                    idle.error = slept.error;
                    idle.removed = slept.succeeded(); // here: put to sleep
                }
                result.slept.append(idle);
            }
            continue;
        }
        say((dryRun ? QStringLiteral("%1: would be removed: %2") : QStringLiteral("%1: removing: %2"))
                .arg(showroom.namespaceName, entry.reasons.join(QStringLiteral("; "))));
        result.removed.append(entry);
    }
    if (dryRun)
        return result;
    // Namespaces take seconds each to empty: they are deleted side by side.
    // Their progress comes from several threads at once; the caller's callback need not be thread-safe.
    auto progressLock = std::make_shared<std::mutex>();
    const Progress serialized = !progress ? Progress() : [progress, progressLock](const QString &line) {
        const std::lock_guard lock(*progressLock);
        progress(line);
    };
    QList<QFuture<NamespaceDeletion::Result>> deletions;
    for (const SweepEntry &entry : std::as_const(result.removed))
        deletions.append(NamespaceDeletion::run(m_client, entry.showroom.namespaceName, deletionTimeout, serialized));
    for (qsizetype i = 0; i < deletions.size(); ++i) {
        SweepEntry &entry = result.removed[i];
        const NamespaceDeletion::Result deleted = deletions[i].result();
        if (deleted.error.isError())
            entry.error = QStringLiteral("namespace %1: %2").arg(entry.showroom.namespaceName, deleted.error.message);
        entry.removed = entry.error.isEmpty();
        audit(QStringLiteral("showroom.sweep"), entry.showroom.namespaceName,
            entry.removed ? QStringLiteral("succeeded") : QStringLiteral("failed: ") + entry.error,
            QJsonObject { { QStringLiteral("task"), entry.showroom.task },
                { QStringLiteral("reasons"), QJsonArray::fromStringList(entry.reasons) } });
        if (entry.removed)
            result.warnings.append(notify(NotificationEvent::ShowroomDown, entry.showroom.task,
                entry.showroom.namespaceName, currentPerson(), {},
                QStringLiteral("Namespace %1 removed by the sweep: %2.")
                    .arg(entry.showroom.namespaceName, entry.reasons.join(QStringLiteral("; ")))));
    }
    return result;
}

} // namespace Shipyard
