// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

// Internal to core/git: owning handles for libgit2 objects, so that every
// early return frees what it allocated.

#include <git2.h>

#include <QString>

#include <memory>

namespace Shipyard::GitHandles {

template<typename T, void (*Free)(T *)> struct Deleter
{
    void operator()(T *object) const { Free(object); }
};

template<typename T, void (*Free)(T *)> using Handle = std::unique_ptr<T, Deleter<T, Free>>;

using RepositoryPtr = Handle<git_repository, git_repository_free>;
using ReferencePtr = Handle<git_reference, git_reference_free>;
using CommitPtr = Handle<git_commit, git_commit_free>;
using TreePtr = Handle<git_tree, git_tree_free>;
using IndexPtr = Handle<git_index, git_index_free>;
using RemotePtr = Handle<git_remote, git_remote_free>;
using RevwalkPtr = Handle<git_revwalk, git_revwalk_free>;
using AnnotatedCommitPtr = Handle<git_annotated_commit, git_annotated_commit_free>;
using RebasePtr = Handle<git_rebase, git_rebase_free>;
using SignaturePtr = Handle<git_signature, git_signature_free>;
using StatusListPtr = Handle<git_status_list, git_status_list_free>;
using BranchIteratorPtr = Handle<git_branch_iterator, git_branch_iterator_free>;
using ConfigPtr = Handle<git_config, git_config_free>;
using ConflictIteratorPtr = Handle<git_index_conflict_iterator, git_index_conflict_iterator_free>;
using ObjectPtr = Handle<git_object, git_object_free>;

// libgit2 needs its global state set up once per process; safe from any thread.
void ensureInitialized();

inline QString toQString(const char *text)
{
    return text ? QString::fromUtf8(text) : QString();
}

inline QString toQString(const git_oid &oid)
{
    char buffer[GIT_OID_MAX_HEXSIZE + 1] = {};
    git_oid_tostr(buffer, sizeof buffer, &oid);
    return QString::fromLatin1(buffer);
}

} // namespace Shipyard::GitHandles
