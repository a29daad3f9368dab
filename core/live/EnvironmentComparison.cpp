// SPDX-License-Identifier: GPL-2.0-or-later
#include "live/EnvironmentComparison.h"

#include "git/Repository.h"
#include "model/TaskKeyExtractor.h"

#include <QFileInfo>

namespace Shipyard {

namespace {

QStringList tasksOf(const QList<CommitInfo> &commits, const TaskKeyExtractor &keys)
{
    QStringList tasks;
    for (const CommitInfo &commit : commits) {
        for (const QString &key : keys.extractAll(commit.message.isEmpty() ? commit.summary : commit.message)) {
            if (!tasks.contains(key))
                tasks.append(key);
        }
    }
    return tasks;
}

} // namespace

QList<EnvironmentComparison::SystemDifference> EnvironmentComparison::compare(const Ecosystem &ecosystem,
    const QHash<QString, QString> &commitsA, const QHash<QString, QString> &commitsB, int limit)
{
    const TaskKeyExtractor keys(ecosystem.gating.taskKeyPattern);
    QList<SystemDifference> differences;
    for (const System &system : ecosystem.systems) {
        SystemDifference difference;
        difference.system = system.name;
        difference.commitA = commitsA.value(system.name);
        difference.commitB = commitsB.value(system.name);
        if (difference.commitA == difference.commitB) {
            if (difference.commitA.isEmpty())
                difference.problem = QStringLiteral("neither environment runs %1 from a known commit").arg(system.name);
            differences.append(difference);
            continue;
        }
        const QString path = ecosystem.resolvePath(system.repository);
        GitError error;
        const Repository repository = QFileInfo(path).isDir() ? Repository::open(path, &error) : Repository();
        if (!repository.isValid()) {
            difference.problem =
                QStringLiteral("%1: no repository at %2 to read its history from").arg(system.name, path);
            differences.append(difference);
            continue;
        }
        // A side without a known commit holds nothing: the other side's whole history is new to it.
        for (const QString &commit : { difference.commitA, difference.commitB }) {
            if (!commit.isEmpty() && repository.resolve(commit).isEmpty()) {
                difference.problem =
                    QStringLiteral("%1: commit %2 is not in %3 (fetch it)").arg(system.name, commit.left(12), path);
                break;
            }
        }
        if (difference.problem.isEmpty() && !difference.commitA.isEmpty())
            difference.onlyInA = repository.commitsBetween(difference.commitB, difference.commitA, &error, limit);
        if (difference.problem.isEmpty() && !error && !difference.commitB.isEmpty())
            difference.onlyInB = repository.commitsBetween(difference.commitA, difference.commitB, &error, limit);
        if (error)
            difference.problem = QStringLiteral("%1: %2").arg(system.name, error.message());
        difference.tasksOnlyInA = tasksOf(difference.onlyInA, keys);
        difference.tasksOnlyInB = tasksOf(difference.onlyInB, keys);
        differences.append(difference);
    }
    return differences;
}

} // namespace Shipyard
