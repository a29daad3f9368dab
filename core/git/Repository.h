// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "git/BranchInfo.h"
#include "git/CommitInfo.h"
#include "git/GitError.h"
#include "git/GitProgress.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

struct git_repository;

namespace Shipyard {

// A branch as the remote advertises it, before any fetch.
struct RemoteHead
{
    QString name; // "feature/TASK-12-login" (without refs/heads/)
    QString commitId;
};

struct AheadBehind
{
    int ahead = 0;
    int behind = 0;
};

// A git repository, through libgit2 (Shipyard never runs the git program).
// Not thread-safe: use one Repository per thread; operations block, so run
// them in a worker. Network operations take credentials from the user's git
// credential helpers and their SSH agent.
class Repository
{
public:
    enum class BranchScope { Local, Remote, All };

    Repository();
    ~Repository();
    Repository(Repository &&other) noexcept;
    Repository &operator=(Repository &&other) noexcept;
    Repository(const Repository &) = delete;
    Repository &operator=(const Repository &) = delete;

    static Repository open(const QString &path, GitError *error = nullptr);
    static Repository clone(const QString &url, const QString &path, const GitControl &control = {},
        GitError *error = nullptr, bool bare = false);

    bool isValid() const { return m_repository != nullptr; }
    bool isBare() const;
    // The working tree, or the git directory of a bare repository.
    QString path() const;
    // Short name of the checked-out branch; empty when HEAD is detached or unborn.
    QString currentBranch() const;

    // remote: a configured remote's name or a URL. Empty refspecs: the configured ones.
    GitError fetch(const QString &remote, const GitControl &control = {}, const QStringList &refspecs = {});

    // The remote's branches and their commits, as `git ls-remote --heads`
    // lists them: one connection, nothing fetched, with the credentials a
    // fetch uses.
    QList<RemoteHead> remoteHeads(const QString &remote, const GitControl &control = {}, GitError *error = nullptr);

    // The URL of the configured remote NAME as written in the repository's
    // configuration; empty when there is no such remote.
    QString remoteUrl(const QString &name) const;

    // Makes a local branch of REMOTEBRANCH ("origin/TASK-7-x") at its commit,
    // with it as upstream, as `git switch TASK-7-x` does for a branch only
    // the remote has; returns the local name ("TASK-7-x"). An existing
    // local branch of that name is an error: nothing is overwritten.
    QString trackRemoteBranch(const QString &remoteBranch, GitError *error = nullptr);

    // Refuses to rewrite history: a non-fast-forward update is an error (Kind::NonFastForward)
    // and nothing on either side changes. refspecs: "refs/heads/x:refs/heads/x" or a branch name.
    GitError push(const QString &remote, const QStringList &refspecs, const GitControl &control = {});
    // Pushes COMMIT to the remote's BRANCH, fast-forward only, through a
    // temporary reference of its own that is removed afterwards: no local
    // branch moves.
    GitError pushCommit(
        const QString &remote, const QString &commit, const QString &branch, const GitControl &control = {});

    QList<BranchInfo> branches(BranchScope scope = BranchScope::Local, GitError *error = nullptr) const;
    // Commit id that a branch, remote branch, tag or id names.
    QString resolve(const QString &revision, GitError *error = nullptr) const;
    // The name `git describe --tags` gives COMMIT: "v1.5.0" when a tag names
    // it, "v1.5.0-2-g3f6a1b2" two commits after one; empty when no tag is
    // reachable from it (then the commit itself is the best name).
    QString describe(const QString &commit, GitError *error = nullptr) const;
    // What to bring a branch onto or judge it against: origin's copy of
    // UPSTREAM once fetched, the local one in a repository without it.
    QString upstreamRef(const QString &upstream) const;
    // Full reference name of a branch ("main" → "refs/heads/main", "origin/main" → "refs/remotes/origin/main").
    QString referenceName(const QString &branch, GitError *error = nullptr) const;
    // Commits of `revision` that `base` lacks, and the other way round.
    std::optional<AheadBehind> aheadBehind(
        const QString &revision, const QString &base, GitError *error = nullptr) const;
    // Commits reachable from tip but not from base, newest first, at most limit.
    QList<CommitInfo> commitsBetween(
        const QString &base, const QString &tip, GitError *error = nullptr, int limit = 10000) const;
    // Tracked files unmodified (untracked files are ignored: they survive checkouts).
    bool isWorkingTreeClean(GitError *error = nullptr) const;

    // For the other classes of core/git.
    git_repository *handle() const { return m_repository; }

private:
    explicit Repository(git_repository *repository);
    git_repository *m_repository = nullptr;
};

} // namespace Shipyard
