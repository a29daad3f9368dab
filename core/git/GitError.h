// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QString>

namespace Shipyard {

// The outcome of a git operation. Kinds are what callers branch on (retry,
// ask for credentials, tell the developer to rebase); the message is for humans.
class GitError
{
public:
    enum class Kind {
        None,
        NotFound,
        Conflict,
        NonFastForward,
        Rejected, // the remote refused the update for its own reasons
        Authentication,
        Network,
        Cancelled,
        DirtyWorkingTree,
        ConcurrentUpdate, // a reference moved while we worked on it
        InvalidArgument,
        Other,
    };

    GitError() = default;
    GitError(Kind kind, const QString &message) : m_kind(kind), m_message(message) { }

    // Turns libgit2's last error into a GitError; context says what we were doing.
    static GitError fromLibgit2(int code, const QString &context);

    // Stable identifier of a kind, for JSON output and logs.
    static QString kindName(Kind kind);

    bool isError() const { return m_kind != Kind::None; }
    explicit operator bool() const { return isError(); }
    Kind kind() const { return m_kind; }
    QString message() const { return m_message; }

private:
    Kind m_kind = Kind::None;
    QString m_message;
};

} // namespace Shipyard
