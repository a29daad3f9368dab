// SPDX-License-Identifier: GPL-2.0-or-later
#include "git/NewRepository.h"
#include "git/GitHandles.h"

#include <QDir>
#include <QFile>

namespace Shipyard {

using namespace GitHandles;

QString NewRepository::create(const QString &directory, const QString &branch, const QString &message, GitError *error)
{
    ensureInitialized();
    const auto failed = [error](int code, const QString &what) {
        *error = GitError::fromLibgit2(code, what);
        return QString();
    };
    if (QDir(directory).exists(QStringLiteral(".git"))) {
        *error = GitError(GitError::Kind::InvalidArgument,
            QStringLiteral("%1 is a git repository already").arg(QDir::toNativeSeparators(directory)));
        return {};
    }
    const QByteArray head = QStringLiteral("refs/heads/%1").arg(branch).toUtf8();
    if (git_reference_is_valid_name(head.constData()) != 1) {
        *error = GitError(GitError::Kind::InvalidArgument, QStringLiteral("'%1' is no branch name").arg(branch));
        return {};
    }
    git_repository_init_options options = GIT_REPOSITORY_INIT_OPTIONS_INIT;
    options.flags = GIT_REPOSITORY_INIT_MKPATH;
    options.initial_head = head.constData() + qstrlen("refs/heads/");
    git_repository *rawRepository = nullptr;
    int code = git_repository_init_ext(&rawRepository, QFile::encodeName(directory).constData(), &options);
    if (code != 0)
        return failed(
            code, QStringLiteral("cannot create a repository in %1").arg(QDir::toNativeSeparators(directory)));
    const RepositoryPtr repository(rawRepository);

    git_index *rawIndex = nullptr;
    if ((code = git_repository_index(&rawIndex, repository.get())) != 0)
        return failed(code, QStringLiteral("cannot read the new repository's index"));
    const IndexPtr index(rawIndex);
    if ((code = git_index_add_all(index.get(), nullptr, GIT_INDEX_ADD_DEFAULT, nullptr, nullptr)) != 0 ||
        (code = git_index_write(index.get())) != 0)
        return failed(code, QStringLiteral("cannot add the files of %1").arg(QDir::toNativeSeparators(directory)));
    git_oid treeId;
    if ((code = git_index_write_tree(&treeId, index.get())) != 0)
        return failed(code, QStringLiteral("cannot write the first tree"));
    git_tree *rawTree = nullptr;
    if ((code = git_tree_lookup(&rawTree, repository.get(), &treeId)) != 0)
        return failed(code, QStringLiteral("cannot read the first tree"));
    const TreePtr tree(rawTree);

    git_signature *rawSignature = nullptr;
    if (git_signature_default(&rawSignature, repository.get()) != 0 &&
        (code = git_signature_now(&rawSignature, "Shipyard", "shipyard@localhost")) != 0)
        return failed(code, QStringLiteral("cannot make a committer signature"));
    const SignaturePtr signature(rawSignature);
    git_oid commitId;
    code = git_commit_create(&commitId, repository.get(), "HEAD", signature.get(), signature.get(), nullptr,
        message.toUtf8().constData(), tree.get(), 0, nullptr);
    if (code != 0)
        return failed(code, QStringLiteral("cannot make the first commit"));
    *error = {};
    return toQString(commitId);
}

} // namespace Shipyard
