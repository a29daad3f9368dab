// SPDX-License-Identifier: GPL-2.0-or-later
#include "pipeline/TaskBranches.h"

#include "git/Repository.h"
#include "model/TaskKeyExtractor.h"

#include <QFileInfo>

namespace Shipyard {

QList<Delivery::Target> TaskBranches::targets(const Ecosystem &ecosystem, const QStringList &systems,
    const QString &task, const QMap<QString, QString> &images, QString *error)
{
    QList<Delivery::Target> found;
    const TaskKeyExtractor keys(ecosystem.gating.taskKeyPattern);
    for (const System &system : ecosystem.systems) {
        if (!systems.isEmpty() && !systems.contains(system.name))
            continue;
        Delivery::Target target;
        target.system = system.name;
        target.image = images.value(system.name);
        const QString directory = ecosystem.resolvePath(system.repository);
        if (QFileInfo::exists(directory + QStringLiteral("/.git"))) {
            GitError gitError;
            Repository repository = Repository::open(directory, &gitError);
            const QList<BranchInfo> branches =
                gitError ? QList<BranchInfo>() : repository.branches(Repository::BranchScope::Local, &gitError);
            if (gitError) {
                if (error)
                    *error = QStringLiteral("%1: %2: %3").arg(system.name, directory, gitError.message());
                return {};
            }
            QStringList named;
            for (const BranchInfo &branch : branches) {
                if (keys.extract(branch.name) == task)
                    named.append(branch.name);
            }
            // A clone that only fetches (the robot's) has the branch only as
            // its remote's: it is made local, as `git switch` would.
            if (named.isEmpty() && !repository.isBare()) {
                QStringList remote;
                for (const BranchInfo &branch : repository.branches(Repository::BranchScope::Remote, &gitError)) {
                    if (branch.name.startsWith(QLatin1String("origin/")) && keys.extract(branch.name) == task &&
                        !branch.name.endsWith(QLatin1String("/HEAD")))
                        remote.append(branch.name);
                }
                if (remote.size() == 1) {
                    const QString local = repository.trackRemoteBranch(remote.first(), &gitError);
                    if (gitError) {
                        if (error)
                            *error = QStringLiteral("%1: %2: %3").arg(system.name, directory, gitError.message());
                        return {};
                    }
                    named.append(local);
                } else {
                    named = remote;
                }
            }
            if (named.size() > 1) {
                named.sort();
                if (error)
                    *error = QStringLiteral("%1: several branches name %2 in %3 (%4): keep one")
                                 .arg(system.name, task, directory, named.join(QStringLiteral(", ")));
                return {};
            }
            target.branch = named.value(0);
        }
        found.append(target);
    }
    return found;
}

QList<Delivery::Target> TaskBranches::branchesOnly(const QList<Delivery::Target> &targets)
{
    QList<Delivery::Target> onBranches;
    for (const Delivery::Target &target : targets) {
        if (!target.usesUpstream())
            onBranches.append(target);
    }
    return onBranches;
}

} // namespace Shipyard
