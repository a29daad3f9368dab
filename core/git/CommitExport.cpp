// SPDX-License-Identifier: GPL-2.0-or-later
#include "git/CommitExport.h"

#include "git/GitHandles.h"
#include "git/Repository.h"

#include <QDir>
#include <QFile>

namespace Shipyard {

using namespace GitHandles;

namespace {

struct Walk
{
    git_repository *repository = nullptr;
    QDir root;
    GitError error;
};

int writeEntry(const char *parent, const git_tree_entry *entry, void *payload)
{
    Walk &walk = *static_cast<Walk *>(payload);
    const QString relative = toQString(parent) + toQString(git_tree_entry_name(entry));
    // A tree never names "..", but a hostile one could: nothing leaves the directory.
    if (relative.split(QLatin1Char('/')).contains(QStringLiteral(".."))) {
        walk.error =
            GitError(GitError::Kind::Other, QStringLiteral("%1: refusing a path outside the tree").arg(relative));
        return -1;
    }
    const QString path = walk.root.filePath(relative);
    const git_filemode_t mode = git_tree_entry_filemode(entry);
    if (mode == GIT_FILEMODE_TREE) {
        if (!QDir().mkpath(path)) {
            walk.error = GitError(GitError::Kind::Other, QStringLiteral("cannot create %1").arg(path));
            return -1;
        }
        return 0;
    }
    if (mode != GIT_FILEMODE_BLOB && mode != GIT_FILEMODE_BLOB_EXECUTABLE && mode != GIT_FILEMODE_LINK)
        return 0;
    git_blob *raw = nullptr;
    if (const int code = git_blob_lookup(&raw, walk.repository, git_tree_entry_id(entry)); code < 0) {
        walk.error = GitError::fromLibgit2(code, QStringLiteral("cannot read %1").arg(relative));
        return -1;
    }
    const Handle<git_blob, git_blob_free> blob(raw);
    const QByteArray content(
        static_cast<const char *>(git_blob_rawcontent(blob.get())), qsizetype(git_blob_rawsize(blob.get())));
    if (mode == GIT_FILEMODE_LINK) {
        QFile::remove(path);
        if (!QFile::link(QString::fromUtf8(content), path)) {
            walk.error = GitError(GitError::Kind::Other, QStringLiteral("cannot create the link %1").arg(path));
            return -1;
        }
        return 0;
    }
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(content) != content.size()) {
        walk.error =
            GitError(GitError::Kind::Other, QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
        return -1;
    }
    if (mode == GIT_FILEMODE_BLOB_EXECUTABLE)
        file.setPermissions(file.permissions() | QFile::ExeOwner | QFile::ExeGroup | QFile::ExeOther);
    return 0;
}

} // namespace

GitError CommitExport::run(const Repository &repository, const QString &revision, const QString &directory)
{
    ensureInitialized();
    if (!repository.isValid())
        return GitError(GitError::Kind::Other, QStringLiteral("no repository"));
    git_object *rawTree = nullptr;
    const QByteArray spec = (revision + QStringLiteral("^{tree}")).toUtf8();
    if (const int code = git_revparse_single(&rawTree, repository.handle(), spec.constData()); code < 0)
        return GitError::fromLibgit2(code, QStringLiteral("no commit %1").arg(revision));
    const ObjectPtr tree(rawTree);
    if (!QDir().mkpath(directory))
        return GitError(GitError::Kind::Other, QStringLiteral("cannot create %1").arg(directory));
    Walk walk { repository.handle(), QDir(directory), {} };
    const int code = git_tree_walk(reinterpret_cast<const git_tree *>(tree.get()), GIT_TREEWALK_PRE, writeEntry, &walk);
    if (walk.error)
        return walk.error;
    if (code < 0)
        return GitError::fromLibgit2(code, QStringLiteral("cannot export %1").arg(revision));
    return {};
}

} // namespace Shipyard
