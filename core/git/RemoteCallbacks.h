// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

// Internal to core/git: the libgit2 callbacks shared by clone, fetch and push
// (credentials, progress, cancellation, the remote's verdict on each ref).

#include "git/GitError.h"
#include "git/GitProgress.h"

#include <git2.h>

#include <QString>
#include <QStringList>

namespace Shipyard {

class RemoteCallbacks
{
public:
    RemoteCallbacks(const GitControl &control, const QString &repositoryPath);

    // Fills libgit2's callback table with this object as payload.
    void install(git_remote_callbacks *callbacks);

    // Turns the libgit2 result into an error, taking cancellation, failed
    // authentication and refused references into account.
    GitError result(int code, const QString &context) const;

    QStringList rejectedReferences() const { return m_rejected; }

private:
    static int credentials(
        git_credential **out, const char *url, const char *usernameFromUrl, unsigned int allowedTypes, void *payload);
    static int transferProgress(const git_indexer_progress *stats, void *payload);
    static int sidebandProgress(const char *text, int length, void *payload);
    static int pushTransferProgress(unsigned int current, unsigned int total, size_t bytes, void *payload);
    static int pushUpdateReference(const char *reference, const char *status, void *payload);

    const GitControl &m_control;
    QString m_repositoryPath;
    int m_agentAttempts = 0;
    int m_helperAttempts = 0;
    bool m_cancelled = false;
    QString m_authenticationProblem;
    QStringList m_rejected;
};

} // namespace Shipyard
