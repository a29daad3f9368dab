// SPDX-License-Identifier: GPL-2.0-or-later
#include "doctor/GitRemoteCheck.h"

#include "git/Repository.h"
#include "support/EnglishCount.h"

#include <QUrl>

#include <algorithm>

namespace Shipyard {

GitRemoteCheck::GitRemoteCheck(
    const QString &system, const QString &directory, const QString &upstream, const QString &place)
    : DoctorCheck(QStringLiteral("system %1").arg(system), QStringLiteral("git remote"))
    , m_directory(directory)
    , m_upstream(upstream)
    , m_place(place)
{
    setSilenceRemedy(QStringLiteral("check that the remote origin of %1 is reachable from here (network, SSH agent, "
                                    "credential helper)")
            .arg(directory));
}

QString GitRemoteCheck::displayUrl(const QString &url)
{
    if (!url.contains(QLatin1String("://")))
        return url; // a path, or scp-like user@host:path
    return QUrl(url).toString(QUrl::RemoveUserInfo);
}

DoctorResult GitRemoteCheck::run(const Context &context) const
{
    GitError error;
    Repository repository = Repository::open(m_directory, &error);
    if (error)
        return broken(error.message(),
            QStringLiteral("clone the system's repository into %1, or correct the repository at %2")
                .arg(m_directory, m_place));
    const QString url = displayUrl(repository.remoteUrl(QStringLiteral("origin")));
    if (url.isEmpty())
        return warning(QStringLiteral("%1 has no remote 'origin': deliveries use its local branches").arg(m_directory),
            QStringLiteral("add the team's repository: git -C %1 remote add origin URL").arg(m_directory));
    GitControl control;
    control.cancelled = context.cancelled;
    const QList<RemoteHead> heads = repository.remoteHeads(QStringLiteral("origin"), control, &error);
    if (error) {
        if (error.kind() == GitError::Kind::Authentication)
            return broken(QStringLiteral("origin at %1: %2").arg(url, error.message()),
                QStringLiteral("give this user access to %1 (a git credential helper, or a key in the SSH agent)")
                    .arg(url));
        return broken(QStringLiteral("origin at %1: %2").arg(url, error.message()),
            QStringLiteral("make %1 reachable, or point origin elsewhere: git -C %2 remote set-url origin URL")
                .arg(url, m_directory));
    }
    const auto upstream =
        std::find_if(heads.begin(), heads.end(), [this](const RemoteHead &head) { return head.name == m_upstream; });
    if (upstream == heads.end())
        return broken(QStringLiteral("origin at %1 has no branch '%2'").arg(url, m_upstream),
            QStringLiteral("push %1 to origin, or correct the system's upstream at %2").arg(m_upstream, m_place));
    return ok(QStringLiteral("origin at %1: %2, %3 at %4")
            .arg(url, countOf(heads.size(), "branch", "branches"), m_upstream, upstream->commitId.left(12)));
}

} // namespace Shipyard
