// SPDX-License-Identifier: GPL-2.0-or-later
#include "git/GitError.h"

#include <git2.h>

namespace Shipyard {

GitError GitError::fromLibgit2(int code, const QString &context)
{
    const git_error *last = git_error_last();
    QString detail = last && last->message ? QString::fromUtf8(last->message).trimmed() : QString();
    if (detail.isEmpty())
        detail = QStringLiteral("libgit2 error %1").arg(code);

    Kind kind = Kind::Other;
    switch (code) {
    case GIT_ENOTFOUND:
        kind = Kind::NotFound;
        break;
    case GIT_ECONFLICT:
    case GIT_EMERGECONFLICT:
    case GIT_EUNMERGED:
        kind = Kind::Conflict;
        break;
    case GIT_ENONFASTFORWARD:
        kind = Kind::NonFastForward;
        break;
    case GIT_EAUTH:
        kind = Kind::Authentication;
        break;
    case GIT_EUSER:
        kind = Kind::Cancelled;
        break;
    case GIT_EMODIFIED:
    case GIT_ELOCKED:
        kind = Kind::ConcurrentUpdate;
        break;
    case GIT_TIMEOUT:
        kind = Kind::Network;
        break;
    default:
        if (last &&
            (last->klass == GIT_ERROR_NET || last->klass == GIT_ERROR_HTTP || last->klass == GIT_ERROR_SSH ||
                last->klass == GIT_ERROR_SSL))
            kind = Kind::Network;
        // Connection failures come from the OS layer.
        if (last && last->klass == GIT_ERROR_OS &&
            (detail.contains(QLatin1String("connect")) || detail.contains(QLatin1String("resolve"))))
            kind = Kind::Network;
        break;
    }
    // libgit2 reports a failed authentication over HTTP as a plain error.
    if (kind == Kind::Network &&
        (detail.contains(QLatin1String("authentication"), Qt::CaseInsensitive) ||
            detail.contains(QLatin1String("401"))))
        kind = Kind::Authentication;
    if (kind == Kind::Cancelled)
        detail = QStringLiteral("cancelled");
    return GitError(kind, context.isEmpty() ? detail : context % QStringLiteral(": ") % detail);
}

QString GitError::kindName(Kind kind)
{
    switch (kind) {
    case GitError::Kind::None:
        return QStringLiteral("none");
    case GitError::Kind::NotFound:
        return QStringLiteral("not-found");
    case GitError::Kind::Conflict:
        return QStringLiteral("conflict");
    case GitError::Kind::NonFastForward:
        return QStringLiteral("non-fast-forward");
    case GitError::Kind::Rejected:
        return QStringLiteral("rejected");
    case GitError::Kind::Authentication:
        return QStringLiteral("authentication");
    case GitError::Kind::Network:
        return QStringLiteral("network");
    case GitError::Kind::Cancelled:
        return QStringLiteral("cancelled");
    case GitError::Kind::DirtyWorkingTree:
        return QStringLiteral("dirty-working-tree");
    case GitError::Kind::ConcurrentUpdate:
        return QStringLiteral("concurrent-update");
    case GitError::Kind::InvalidArgument:
        return QStringLiteral("invalid-argument");
    case GitError::Kind::Other:
        return QStringLiteral("other");
    }
    return QString();
}

} // namespace Shipyard
