// SPDX-License-Identifier: GPL-2.0-or-later
#include "git/RemoteCallbacks.h"
#include "git/CredentialHelper.h"
#include "git/GitHandles.h"

#include <git2/sys/errors.h>

#include <QUrl>

namespace Shipyard {

using namespace GitHandles;

RemoteCallbacks::RemoteCallbacks(const GitControl &control, const QString &repositoryPath)
    : m_control(control), m_repositoryPath(repositoryPath)
{ }

void RemoteCallbacks::install(git_remote_callbacks *callbacks)
{
    callbacks->credentials = &RemoteCallbacks::credentials;
    callbacks->transfer_progress = &RemoteCallbacks::transferProgress;
    callbacks->sideband_progress = &RemoteCallbacks::sidebandProgress;
    callbacks->push_transfer_progress = &RemoteCallbacks::pushTransferProgress;
    callbacks->push_update_reference = &RemoteCallbacks::pushUpdateReference;
    callbacks->payload = this;
}

GitError RemoteCallbacks::result(int code, const QString &context) const
{
    if (m_cancelled || (code != 0 && m_control.isCancelled()))
        return GitError(GitError::Kind::Cancelled, context % QStringLiteral(": cancelled"));
    if (code != 0 && !m_authenticationProblem.isEmpty())
        return GitError(GitError::Kind::Authentication, context % QStringLiteral(": ") % m_authenticationProblem);
    if (code == GIT_ENONFASTFORWARD)
        return GitError(GitError::Kind::NonFastForward,
            context %
                QStringLiteral(": the remote branch has commits that are not in yours (someone pushed "
                               "meanwhile); fetch, integrate them and push again. Nothing was changed."));
    if (code != 0)
        return GitError::fromLibgit2(code, context);
    if (!m_rejected.isEmpty())
        return GitError(GitError::Kind::Rejected,
            context % QStringLiteral(": the remote refused ") % m_rejected.join(QStringLiteral("; ")));
    return {};
}

int RemoteCallbacks::credentials(
    git_credential **out, const char *url, const char *usernameFromUrl, unsigned int allowedTypes, void *payload)
{
    auto *self = static_cast<RemoteCallbacks *>(payload);
    const QString user = toQString(usernameFromUrl);

    if ((allowedTypes & GIT_CREDENTIAL_SSH_KEY) && self->m_agentAttempts++ == 0)
        return git_credential_ssh_key_from_agent(out, user.isEmpty() ? "git" : usernameFromUrl);

    if (allowedTypes & GIT_CREDENTIAL_USERPASS_PLAINTEXT) {
        // libgit2 asks again after a refusal; asking the helpers twice would
        // only loop on the same stored password.
        if (self->m_helperAttempts++ > 0) {
            self->m_authenticationProblem =
                QStringLiteral("the server refused the credentials from your git credential helper");
            git_error_set_str(GIT_ERROR_NET, "authentication failed");
            return GIT_EAUTH;
        }
        const QUrl parsed(toQString(url));
        const CredentialHelper helper(CredentialHelper::configuredHelpers(self->m_repositoryPath, parsed));
        if (const auto credential = helper.fill(parsed, user)) {
            return git_credential_userpass_plaintext_new(
                out, credential->username.toUtf8().constData(), credential->password.toUtf8().constData());
        }
        self->m_authenticationProblem = QStringLiteral("%1 needs a username and password, and no git credential helper "
                                                       "(credential.helper) provided them")
                                            .arg(parsed.toDisplayString(QUrl::RemoveUserInfo));
        git_error_set_str(GIT_ERROR_NET, "no credentials");
        return GIT_EAUTH;
    }
    if (allowedTypes & GIT_CREDENTIAL_SSH_KEY)
        self->m_authenticationProblem = QStringLiteral("your SSH agent has no key this server accepts");
    return GIT_PASSTHROUGH;
}

int RemoteCallbacks::transferProgress(const git_indexer_progress *stats, void *payload)
{
    auto *self = static_cast<RemoteCallbacks *>(payload);
    if (self->m_control.isCancelled()) {
        self->m_cancelled = true;
        return GIT_EUSER;
    }
    GitProgress progress;
    if (stats->received_objects < stats->total_objects) {
        progress.phase = GitProgress::Phase::Receiving;
        progress.current = stats->received_objects;
        progress.total = stats->total_objects;
    } else {
        progress.phase = GitProgress::Phase::Indexing;
        progress.current = stats->indexed_deltas;
        progress.total = stats->total_deltas;
    }
    self->m_control.report(progress);
    return 0;
}

int RemoteCallbacks::sidebandProgress(const char *text, int length, void *payload)
{
    auto *self = static_cast<RemoteCallbacks *>(payload);
    if (self->m_control.isCancelled()) {
        self->m_cancelled = true;
        return GIT_EUSER;
    }
    GitProgress progress;
    progress.phase = GitProgress::Phase::Remote;
    progress.message = QString::fromUtf8(text, length).trimmed();
    self->m_control.report(progress);
    return 0;
}

int RemoteCallbacks::pushTransferProgress(unsigned int current, unsigned int total, size_t, void *payload)
{
    auto *self = static_cast<RemoteCallbacks *>(payload);
    if (self->m_control.isCancelled()) {
        self->m_cancelled = true;
        return GIT_EUSER;
    }
    GitProgress progress;
    progress.phase = GitProgress::Phase::Sending;
    progress.current = current;
    progress.total = total;
    self->m_control.report(progress);
    return 0;
}

int RemoteCallbacks::pushUpdateReference(const char *reference, const char *status, void *payload)
{
    auto *self = static_cast<RemoteCallbacks *>(payload);
    if (status)
        self->m_rejected.append(toQString(reference) % QStringLiteral(" (") % toQString(status) % QLatin1Char(')'));
    return 0;
}

} // namespace Shipyard
