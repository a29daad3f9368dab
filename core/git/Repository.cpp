// SPDX-License-Identifier: GPL-2.0-or-later
#include "git/Repository.h"
#include "git/GitHandles.h"
#include "git/RemoteCallbacks.h"

#include <QCoreApplication>
#include <QDir>
#include <QTimeZone>

#include <utility>

namespace Shipyard {

using namespace GitHandles;

namespace {

QString localizedPath(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

CommitInfo commitInfo(const git_commit *commit)
{
    CommitInfo info;
    info.id = toQString(*git_commit_id(commit));
    info.summary = toQString(git_commit_summary(const_cast<git_commit *>(commit)));
    info.message = toQString(git_commit_message(commit));
    info.parentCount = int(git_commit_parentcount(commit));
    if (const git_signature *author = git_commit_author(commit)) {
        info.authorName = toQString(author->name);
        info.authorEmail = toQString(author->email);
        info.authorTime = QDateTime::fromSecsSinceEpoch(
            author->when.time, QTimeZone::fromSecondsAheadOfUtc(author->when.offset * 60));
    }
    git_message_trailer_array trailers = {};
    if (git_message_trailers(&trailers, git_commit_message(commit)) == 0) {
        for (size_t i = 0; i < trailers.count; ++i)
            info.trailers.append({ toQString(trailers.trailers[i].key), toQString(trailers.trailers[i].value) });
        git_message_trailer_array_free(&trailers);
    }
    return info;
}

} // namespace

Repository::Repository() = default;

Repository::Repository(git_repository *repository) : m_repository(repository)
{ }

Repository::~Repository()
{
    git_repository_free(m_repository);
}

Repository::Repository(Repository &&other) noexcept : m_repository(std::exchange(other.m_repository, nullptr))
{ }

Repository &Repository::operator=(Repository &&other) noexcept
{
    if (this != &other) {
        git_repository_free(m_repository);
        m_repository = std::exchange(other.m_repository, nullptr);
    }
    return *this;
}

Repository Repository::open(const QString &path, GitError *error)
{
    ensureInitialized();
    git_repository *repository = nullptr;
    // No search upwards: a system's repository path that is not a repository
    // must not silently resolve to the enclosing checkout.
    const int code =
        git_repository_open_ext(&repository, path.toUtf8().constData(), GIT_REPOSITORY_OPEN_NO_SEARCH, nullptr);
    if (code != 0) {
        if (error)
            *error = GitError::fromLibgit2(code, QStringLiteral("cannot open %1").arg(localizedPath(path)));
        return {};
    }
    return Repository(repository);
}

Repository Repository::clone(
    const QString &url, const QString &path, const GitControl &control, GitError *error, bool bare)
{
    ensureInitialized();
    RemoteCallbacks callbacks(control, QString());
    git_clone_options options = GIT_CLONE_OPTIONS_INIT;
    options.bare = bare ? 1 : 0;
    callbacks.install(&options.fetch_opts.callbacks);
    git_repository *repository = nullptr;
    const int code = git_clone(&repository, url.toUtf8().constData(), path.toUtf8().constData(), &options);
    const GitError result = callbacks.result(code, QStringLiteral("cannot clone %1").arg(url));
    if (result) {
        git_repository_free(repository);
        if (error)
            *error = result;
        return {};
    }
    return Repository(repository);
}

bool Repository::isBare() const
{
    return m_repository && git_repository_is_bare(m_repository);
}

QString Repository::path() const
{
    if (!m_repository)
        return {};
    const char *workdir = git_repository_workdir(m_repository);
    return QDir::cleanPath(toQString(workdir ? workdir : git_repository_path(m_repository)));
}

QString Repository::currentBranch() const
{
    if (!m_repository || git_repository_head_detached(m_repository) == 1)
        return {};
    git_reference *raw = nullptr;
    if (git_repository_head(&raw, m_repository) != 0)
        return {};
    ReferencePtr head(raw);
    return toQString(git_reference_shorthand(head.get()));
}

namespace {

// A named remote of the repository, or an anonymous one for a URL or path.
GitError openRemote(git_repository *repository, const QString &remote, RemotePtr *handle)
{
    git_remote *raw = nullptr;
    int code = git_remote_lookup(&raw, repository, remote.toUtf8().constData());
    if (code == GIT_ENOTFOUND || code == GIT_EINVALIDSPEC)
        code = git_remote_create_anonymous(&raw, repository, remote.toUtf8().constData());
    if (code != 0)
        return GitError::fromLibgit2(code, QStringLiteral("no remote %1").arg(remote));
    *handle = RemotePtr(raw);
    return {};
}

// libgit2's view of refspecs; `specs` must outlive it.
class RefspecArray
{
public:
    explicit RefspecArray(QList<QByteArray> &specs)
    {
        for (QByteArray &spec : specs)
            m_pointers.append(spec.data());
        m_array = { m_pointers.data(), size_t(m_pointers.size()) };
    }
    git_strarray *get() { return &m_array; }

private:
    QList<char *> m_pointers;
    git_strarray m_array {};
};

} // namespace

GitError Repository::fetch(const QString &remote, const GitControl &control, const QStringList &refspecs)
{
    if (!m_repository)
        return GitError(GitError::Kind::InvalidArgument, QStringLiteral("no repository"));
    RemotePtr handle;
    if (GitError error = openRemote(m_repository, remote, &handle))
        return error;

    QList<QByteArray> specs;
    for (const QString &spec : refspecs)
        specs.append(spec.toUtf8());
    RefspecArray array(specs);

    RemoteCallbacks callbacks(control, path());
    git_fetch_options options = GIT_FETCH_OPTIONS_INIT;
    callbacks.install(&options.callbacks);
    const int code =
        git_remote_fetch(handle.get(), specs.isEmpty() ? nullptr : array.get(), &options, "shipyard: fetch");
    return callbacks.result(code, QStringLiteral("cannot fetch from %1").arg(remote));
}

QList<RemoteHead> Repository::remoteHeads(const QString &remote, const GitControl &control, GitError *error)
{
    const auto fail = [&](GitError failure) {
        if (error)
            *error = std::move(failure);
        return QList<RemoteHead>();
    };
    if (!m_repository)
        return fail(GitError(GitError::Kind::InvalidArgument, QStringLiteral("no repository")));
    RemotePtr handle;
    if (GitError opened = openRemote(m_repository, remote, &handle))
        return fail(opened);
    RemoteCallbacks callbacks(control, path());
    git_remote_callbacks remoteCallbacks = GIT_REMOTE_CALLBACKS_INIT;
    callbacks.install(&remoteCallbacks);
    const int code = git_remote_connect(handle.get(), GIT_DIRECTION_FETCH, &remoteCallbacks, nullptr, nullptr);
    if (code != 0)
        return fail(callbacks.result(code, QStringLiteral("cannot list the branches of %1").arg(remote)));
    const git_remote_head **heads = nullptr;
    size_t count = 0;
    const int listed = git_remote_ls(&heads, &count, handle.get());
    if (listed != 0) {
        git_remote_disconnect(handle.get());
        return fail(GitError::fromLibgit2(listed, QStringLiteral("cannot list the branches of %1").arg(remote)));
    }
    static constexpr QLatin1StringView prefix("refs/heads/");
    QList<RemoteHead> result;
    for (size_t i = 0; i < count; ++i) {
        const QString name = QString::fromUtf8(heads[i]->name);
        // Tags, pull request refs and the symbolic HEAD are not branches.
        if (!name.startsWith(prefix))
            continue;
        char id[GIT_OID_MAX_HEXSIZE + 1] = {};
        git_oid_tostr(id, sizeof id, &heads[i]->oid);
        result.append({ name.mid(prefix.size()), QString::fromLatin1(id) });
    }
    git_remote_disconnect(handle.get());
    if (error)
        *error = {};
    return result;
}

QString Repository::remoteUrl(const QString &name) const
{
    if (!m_repository)
        return {};
    git_remote *raw = nullptr;
    if (git_remote_lookup(&raw, m_repository, name.toUtf8().constData()) != 0)
        return {};
    const RemotePtr handle(raw);
    const char *url = git_remote_url(handle.get());
    return url ? QString::fromUtf8(url) : QString();
}

QString Repository::trackRemoteBranch(const QString &remoteBranch, GitError *error)
{
    const auto fail = [&](const GitError &e) {
        if (error)
            *error = e;
        return QString();
    };
    if (!m_repository)
        return fail(GitError(GitError::Kind::InvalidArgument, QStringLiteral("no repository")));
    const qsizetype slash = remoteBranch.indexOf(QLatin1Char('/'));
    if (slash <= 0)
        return fail(GitError(GitError::Kind::InvalidArgument,
            QStringLiteral("%1 is not a remote branch (REMOTE/BRANCH)").arg(remoteBranch)));
    const QString local = remoteBranch.mid(slash + 1);
    git_reference *rawRemote = nullptr;
    if (const int code =
            git_branch_lookup(&rawRemote, m_repository, remoteBranch.toUtf8().constData(), GIT_BRANCH_REMOTE);
        code != 0)
        return fail(GitError::fromLibgit2(code, QStringLiteral("no remote branch %1").arg(remoteBranch)));
    ReferencePtr remote(rawRemote);
    git_commit *rawCommit = nullptr;
    if (const int code = git_commit_lookup(&rawCommit, m_repository, git_reference_target(remote.get())); code != 0)
        return fail(GitError::fromLibgit2(code, QStringLiteral("%1 names no commit").arg(remoteBranch)));
    CommitPtr commit(rawCommit);
    git_reference *rawLocal = nullptr;
    if (const int code = git_branch_create(&rawLocal, m_repository, local.toUtf8().constData(), commit.get(), 0);
        code != 0)
        return fail(GitError::fromLibgit2(code, QStringLiteral("cannot make branch %1").arg(local)));
    ReferencePtr created(rawLocal);
    if (const int code = git_branch_set_upstream(created.get(), remoteBranch.toUtf8().constData()); code != 0)
        return fail(
            GitError::fromLibgit2(code, QStringLiteral("cannot set %1 as upstream of %2").arg(remoteBranch, local)));
    return local;
}

GitError Repository::push(const QString &remote, const QStringList &refspecs, const GitControl &control)
{
    if (!m_repository)
        return GitError(GitError::Kind::InvalidArgument, QStringLiteral("no repository"));
    QList<QByteArray> specs;
    for (const QString &spec : refspecs) {
        // A leading '+' would force the update: pushing must never discard commits.
        if (spec.startsWith(QLatin1Char('+')))
            return GitError(
                GitError::Kind::InvalidArgument, QStringLiteral("forced pushes are not allowed: %1").arg(spec));
        if (spec.contains(QLatin1Char(':'))) {
            specs.append(spec.toUtf8());
        } else {
            GitError error;
            const QString name = referenceName(spec, &error);
            if (error)
                return error;
            specs.append((name % QLatin1Char(':') % name).toUtf8());
        }
    }
    RemotePtr handle;
    if (GitError error = openRemote(m_repository, remote, &handle))
        return error;

    RefspecArray array(specs);

    RemoteCallbacks callbacks(control, path());
    git_push_options options = GIT_PUSH_OPTIONS_INIT;
    callbacks.install(&options.callbacks);
    const int code = git_remote_push(handle.get(), array.get(), &options);
    return callbacks.result(code, QStringLiteral("cannot push to %1").arg(remote));
}

GitError Repository::pushCommit(
    const QString &remote, const QString &commit, const QString &branch, const GitControl &control)
{
    if (!m_repository)
        return GitError(GitError::Kind::InvalidArgument, QStringLiteral("no repository"));
    git_oid id;
    if (git_oid_fromstr(&id, commit.toLatin1().constData()) != 0)
        return GitError(GitError::Kind::InvalidArgument, QStringLiteral("%1 is not a commit id").arg(commit));
    // libgit2 pushes references, not bare commits: one made for this push
    // alone (the process and the commit name it), deleted whatever happens.
    const QString temporary =
        QStringLiteral("refs/shipyard/push/%1-%2").arg(QCoreApplication::applicationPid()).arg(commit);
    git_reference *raw = nullptr;
    int code = git_reference_create(&raw, m_repository, temporary.toUtf8().constData(), &id, 1, "shipyard: push");
    ReferencePtr reference(raw);
    if (code != 0)
        return GitError::fromLibgit2(code, QStringLiteral("cannot push %1").arg(commit));
    const GitError error = push(remote, { temporary + QStringLiteral(":refs/heads/") + branch }, control);
    git_reference_delete(reference.get());
    return error;
}

QList<BranchInfo> Repository::branches(BranchScope scope, GitError *error) const
{
    QList<BranchInfo> result;
    if (!m_repository)
        return result;
    const git_branch_t type = scope == BranchScope::Local ? GIT_BRANCH_LOCAL
        : scope == BranchScope::Remote                    ? GIT_BRANCH_REMOTE
                                                          : GIT_BRANCH_ALL;
    git_branch_iterator *rawIterator = nullptr;
    int code = git_branch_iterator_new(&rawIterator, m_repository, type);
    if (code != 0) {
        if (error)
            *error = GitError::fromLibgit2(code, QStringLiteral("cannot list branches"));
        return result;
    }
    BranchIteratorPtr iterator(rawIterator);
    git_reference *rawReference = nullptr;
    git_branch_t branchType;
    while ((code = git_branch_next(&rawReference, &branchType, iterator.get())) == 0) {
        ReferencePtr reference(rawReference);
        // "origin/HEAD" is an alias, not a branch.
        if (git_reference_type(reference.get()) == GIT_REFERENCE_SYMBOLIC)
            continue;
        BranchInfo branch;
        const char *name = nullptr;
        git_branch_name(&name, reference.get());
        branch.name = toQString(name);
        branch.fullName = toQString(git_reference_name(reference.get()));
        branch.isRemote = branchType == GIT_BRANCH_REMOTE;
        branch.isHead = git_branch_is_head(reference.get()) == 1;
        const git_oid *target = git_reference_target(reference.get());
        if (target)
            branch.commitId = toQString(*target);
        git_reference *rawUpstream = nullptr;
        if (!branch.isRemote && git_branch_upstream(&rawUpstream, reference.get()) == 0) {
            ReferencePtr upstream(rawUpstream);
            const char *upstreamName = nullptr;
            git_branch_name(&upstreamName, upstream.get());
            branch.upstream = toQString(upstreamName);
            const git_oid *upstreamTarget = git_reference_target(upstream.get());
            size_t ahead = 0;
            size_t behind = 0;
            if (target && upstreamTarget &&
                git_graph_ahead_behind(&ahead, &behind, m_repository, target, upstreamTarget) == 0) {
                branch.ahead = int(ahead);
                branch.behind = int(behind);
            }
        }
        result.append(branch);
    }
    if (code != GIT_ITEROVER && error)
        *error = GitError::fromLibgit2(code, QStringLiteral("cannot list branches"));
    return result;
}

QString Repository::upstreamRef(const QString &upstream) const
{
    const QString remote = QStringLiteral("origin/") + upstream;
    return resolve(remote).isEmpty() ? upstream : remote;
}

namespace {

// The commit REVISION names (a branch, a tag, an id); null with ERROR when none.
ObjectPtr peeledCommit(git_repository *repository, const QString &revision, GitError *error)
{
    git_object *raw = nullptr;
    const QString spec = revision % QStringLiteral("^{commit}");
    const int code = git_revparse_single(&raw, repository, spec.toUtf8().constData());
    if (code != 0 && error)
        *error = GitError::fromLibgit2(code, QStringLiteral("unknown revision %1").arg(revision));
    return ObjectPtr(code == 0 ? raw : nullptr);
}

} // namespace

QString Repository::resolve(const QString &revision, GitError *error) const
{
    if (!m_repository)
        return {};
    const ObjectPtr object = peeledCommit(m_repository, revision, error);
    return object ? toQString(*git_object_id(object.get())) : QString();
}

QString Repository::describe(const QString &commit, GitError *error) const
{
    if (!m_repository)
        return {};
    const ObjectPtr object = peeledCommit(m_repository, commit, error);
    if (!object)
        return {};
    git_describe_options options = GIT_DESCRIBE_OPTIONS_INIT;
    options.describe_strategy = GIT_DESCRIBE_TAGS;
    git_describe_result *described = nullptr;
    int code = git_describe_commit(&described, object.get(), &options);
    // No tag reaches it (ENOTFOUND), or the repository has no tag at all
    // (libgit2 says so as a describe error): not an error, the commit has no
    // name but its id.
    if (code == GIT_ENOTFOUND ||
        (code == GIT_ERROR && git_error_last() && git_error_last()->klass == GIT_ERROR_DESCRIBE))
        return {};
    if (code != 0) {
        if (error)
            *error = GitError::fromLibgit2(code, QStringLiteral("cannot describe %1").arg(commit));
        return {};
    }
    const Handle<git_describe_result, git_describe_result_free> result(described);
    git_describe_format_options format = GIT_DESCRIBE_FORMAT_OPTIONS_INIT;
    format.abbreviated_size = 7;
    git_buf text = GIT_BUF_INIT;
    code = git_describe_format(&text, result.get(), &format);
    QString name;
    if (code == 0)
        name = QString::fromUtf8(text.ptr, qsizetype(text.size));
    else if (error)
        *error = GitError::fromLibgit2(code, QStringLiteral("cannot describe %1").arg(commit));
    git_buf_dispose(&text);
    return name;
}

QString Repository::referenceName(const QString &branch, GitError *error) const
{
    if (!m_repository)
        return {};
    if (branch.startsWith(QLatin1String("refs/")))
        return branch;
    git_reference *raw = nullptr;
    int code = git_reference_dwim(&raw, m_repository, branch.toUtf8().constData());
    if (code != 0) {
        if (error)
            *error = GitError::fromLibgit2(code, QStringLiteral("no branch %1").arg(branch));
        return {};
    }
    ReferencePtr reference(raw);
    return toQString(git_reference_name(reference.get()));
}

std::optional<AheadBehind> Repository::aheadBehind(const QString &revision, const QString &base, GitError *error) const
{
    GitError problem;
    const QString tip = resolve(revision, &problem);
    const QString other = problem ? QString() : resolve(base, &problem);
    if (problem) {
        if (error)
            *error = problem;
        return std::nullopt;
    }
    git_oid tipId;
    git_oid baseId;
    git_oid_fromstr(&tipId, tip.toLatin1().constData());
    git_oid_fromstr(&baseId, other.toLatin1().constData());
    size_t ahead = 0;
    size_t behind = 0;
    const int code = git_graph_ahead_behind(&ahead, &behind, m_repository, &tipId, &baseId);
    if (code != 0) {
        if (error)
            *error = GitError::fromLibgit2(code, QStringLiteral("cannot compare %1 with %2").arg(revision, base));
        return std::nullopt;
    }
    return AheadBehind { int(ahead), int(behind) };
}

QList<CommitInfo> Repository::commitsBetween(const QString &base, const QString &tip, GitError *error, int limit) const
{
    QList<CommitInfo> result;
    if (!m_repository)
        return result;
    GitError problem;
    const QString tipId = resolve(tip, &problem);
    const QString baseId = problem || base.isEmpty() ? QString() : resolve(base, &problem);
    if (problem) {
        if (error)
            *error = problem;
        return result;
    }
    git_revwalk *rawWalk = nullptr;
    int code = git_revwalk_new(&rawWalk, m_repository);
    if (code != 0) {
        if (error)
            *error = GitError::fromLibgit2(code, QStringLiteral("cannot walk history"));
        return result;
    }
    RevwalkPtr walk(rawWalk);
    git_revwalk_sorting(walk.get(), GIT_SORT_TOPOLOGICAL | GIT_SORT_TIME);
    git_oid oid;
    git_oid_fromstr(&oid, tipId.toLatin1().constData());
    git_revwalk_push(walk.get(), &oid);
    if (!baseId.isEmpty()) {
        git_oid_fromstr(&oid, baseId.toLatin1().constData());
        git_revwalk_hide(walk.get(), &oid);
    }
    while (result.size() < limit && git_revwalk_next(&oid, walk.get()) == 0) {
        git_commit *rawCommit = nullptr;
        if (git_commit_lookup(&rawCommit, m_repository, &oid) != 0)
            continue;
        CommitPtr commit(rawCommit);
        result.append(commitInfo(commit.get()));
    }
    return result;
}

bool Repository::isWorkingTreeClean(GitError *error) const
{
    if (!m_repository)
        return false;
    if (isBare())
        return true;
    git_status_options options = GIT_STATUS_OPTIONS_INIT;
    options.show = GIT_STATUS_SHOW_INDEX_AND_WORKDIR;
    options.flags = GIT_STATUS_OPT_EXCLUDE_SUBMODULES;
    git_status_list *raw = nullptr;
    const int code = git_status_list_new(&raw, m_repository, &options);
    if (code != 0) {
        if (error)
            *error = GitError::fromLibgit2(code, QStringLiteral("cannot read the working tree status"));
        return false;
    }
    StatusListPtr list(raw);
    return git_status_list_entrycount(list.get()) == 0;
}

} // namespace Shipyard
