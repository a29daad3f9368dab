// SPDX-License-Identifier: GPL-2.0-or-later
#include "git/Integrator.h"
#include "git/GitHandles.h"
#include "git/Repository.h"

#include <algorithm>

namespace Shipyard {

using namespace GitHandles;

namespace {

git_oid toOid(const QString &id)
{
    git_oid oid;
    git_oid_fromstr(&oid, id.toLatin1().constData());
    return oid;
}

QStringList conflictedPaths(git_index *index)
{
    QStringList paths;
    git_index_conflict_iterator *raw = nullptr;
    if (git_index_conflict_iterator_new(&raw, index) != 0)
        return paths;
    ConflictIteratorPtr iterator(raw);
    const git_index_entry *ancestor = nullptr;
    const git_index_entry *ours = nullptr;
    const git_index_entry *theirs = nullptr;
    while (git_index_conflict_next(&ancestor, &ours, &theirs, iterator.get()) == 0) {
        const git_index_entry *entry = ours ? ours : theirs ? theirs : ancestor;
        if (entry)
            paths.append(toQString(entry->path));
    }
    std::sort(paths.begin(), paths.end());
    paths.erase(std::unique(paths.begin(), paths.end()), paths.end());
    return paths;
}

// Whether `descendant` contains `ancestor` (or is it).
bool contains(git_repository *repository, const QString &descendant, const QString &ancestor)
{
    if (descendant == ancestor)
        return true;
    const git_oid a = toOid(descendant);
    const git_oid b = toOid(ancestor);
    return git_graph_descendant_of(repository, &a, &b) == 1;
}

} // namespace

Integrator::Integrator(Repository &repository) : m_repository(repository)
{ }

void Integrator::setIdentity(const QString &name, const QString &email)
{
    m_name = name;
    m_email = email;
}

QString Integrator::localBranchReference(const QString &branch, GitError *error) const
{
    const QString reference = m_repository.referenceName(branch, error);
    if (!*error && !reference.startsWith(QLatin1String("refs/heads/")))
        *error = GitError(GitError::Kind::InvalidArgument, QStringLiteral("%1 is not a local branch").arg(branch));
    return reference;
}

IntegrationResult Integrator::updateBranch(const QString &branch, const QString &onto, IntegrationMode mode)
{
    IntegrationResult result;
    const QString reference = localBranchReference(branch, &result.error);
    const QString head = result.error ? QString() : m_repository.resolve(reference, &result.error);
    const QString ontoId = result.error ? QString() : m_repository.resolve(onto, &result.error);
    if (result.error)
        return result;
    result = integrateOnto(head, ontoId, onto, mode, branch);
    if (result.error || result.upToDate)
        return result;
    result.error = moveBranch(
        reference, result.oldHead, result.newHead, QStringLiteral("shipyard: update %1 with %2").arg(branch, onto));
    return result;
}

IntegrationResult Integrator::integrate(
    const QString &commit, const QString &onto, IntegrationMode mode, const QString &label)
{
    return integrateOnto(commit, onto, onto.left(12), mode, label);
}

IntegrationResult Integrator::integrateOnto(
    const QString &commit, const QString &onto, const QString &ontoLabel, IntegrationMode mode, const QString &label)
{
    IntegrationResult result;
    git_repository *repository = m_repository.handle();
    result.oldHead = result.newHead = commit;
    if (contains(repository, commit, onto)) {
        result.upToDate = true;
        return result;
    }
    if (contains(repository, onto, commit)) {
        result.newHead = onto; // nothing of its own yet: just catch up
        return result;
    }
    IntegrationResult computed = mode == IntegrationMode::Rebase
        ? rebase(commit, onto)
        : merge(commit, onto, QStringLiteral("Merge %1 into %2").arg(ontoLabel, label), true);
    computed.oldHead = commit;
    if (computed.error) {
        computed.newHead = commit;
        if (computed.error.kind() == GitError::Kind::Conflict)
            computed.error = GitError(GitError::Kind::Conflict,
                QStringLiteral("%1 does not %2 cleanly onto %3: conflicts in %4")
                    .arg(label, mode == IntegrationMode::Rebase ? QStringLiteral("rebase") : QStringLiteral("merge"),
                        ontoLabel, computed.conflicts.join(QStringLiteral(", "))));
    }
    return computed;
}

IntegrationResult Integrator::combine(
    const QString &commit, const QString &target, MergeMode mode, const QString &label, const QString &targetLabel)
{
    IntegrationResult result;
    git_repository *repository = m_repository.handle();
    result.oldHead = result.newHead = target;
    if (contains(repository, target, commit)) {
        result.upToDate = true;
        return result;
    }
    if (mode == MergeMode::FastForward) {
        if (!contains(repository, commit, target)) {
            result.error = GitError(GitError::Kind::NonFastForward,
                QStringLiteral("%1 cannot be fast-forwarded to %2: %1 has commits that %2 lacks")
                    .arg(targetLabel, label));
            return result;
        }
        result.newHead = commit;
        return result;
    }
    IntegrationResult computed =
        merge(target, commit, QStringLiteral("Merge %1 into %2").arg(label, targetLabel), true);
    computed.oldHead = target;
    if (computed.error) {
        computed.newHead = target;
        if (computed.error.kind() == GitError::Kind::Conflict)
            computed.error = GitError(GitError::Kind::Conflict,
                QStringLiteral("%1 does not merge cleanly into %2: conflicts in %3")
                    .arg(label, targetLabel, computed.conflicts.join(QStringLiteral(", "))));
        return computed;
    }
    computed.commitsApplied = 1;
    return computed;
}

IntegrationResult Integrator::mergeInto(const QString &branch, const QString &target, MergeMode mode)
{
    IntegrationResult result;
    const QString reference = localBranchReference(target, &result.error);
    const QString head = result.error ? QString() : m_repository.resolve(reference, &result.error);
    const QString branchId = result.error ? QString() : m_repository.resolve(branch, &result.error);
    if (result.error)
        return result;
    result = combine(branchId, head, mode, branch, target);
    if (result.error.kind() == GitError::Kind::NonFastForward)
        result.error =
            GitError(result.error.kind(), result.error.message() + QStringLiteral("; update %1 first").arg(branch));
    if (result.error || result.upToDate)
        return result;
    result.error = moveBranch(
        reference, result.oldHead, result.newHead, QStringLiteral("shipyard: merge %1 into %2").arg(branch, target));
    return result;
}

namespace {

GitError makeSignature(git_repository *repository, const QString &name, const QString &email, SignaturePtr *out)
{
    git_signature *raw = nullptr;
    int code = -1;
    if (!name.isEmpty())
        code = git_signature_now(&raw, name.toUtf8().constData(), email.toUtf8().constData());
    if (code != 0)
        code = git_signature_default(&raw, repository);
    if (code != 0)
        code = git_signature_now(&raw, "Shipyard", "shipyard@localhost");
    if (code != 0)
        return GitError::fromLibgit2(code, QStringLiteral("cannot make a committer signature"));
    out->reset(raw);
    return {};
}

} // namespace

IntegrationResult Integrator::rebase(const QString &branch, const QString &onto)
{
    IntegrationResult result;
    git_repository *repository = m_repository.handle();
    SignaturePtr committer;
    if ((result.error = makeSignature(repository, m_name, m_email, &committer)))
        return result;

    git_annotated_commit *rawBranch = nullptr;
    git_annotated_commit *rawOnto = nullptr;
    const git_oid branchId = toOid(branch);
    const git_oid ontoId = toOid(onto);
    int code = git_annotated_commit_lookup(&rawBranch, repository, &branchId);
    AnnotatedCommitPtr branchCommit(rawBranch);
    if (code == 0)
        code = git_annotated_commit_lookup(&rawOnto, repository, &ontoId);
    AnnotatedCommitPtr ontoCommit(rawOnto);
    if (code != 0) {
        result.error = GitError::fromLibgit2(code, QStringLiteral("cannot rebase"));
        return result;
    }

    git_rebase_options options = GIT_REBASE_OPTIONS_INIT;
    options.inmemory = 1;
    git_rebase *rawRebase = nullptr;
    code = git_rebase_init(&rawRebase, repository, branchCommit.get(), ontoCommit.get(), nullptr, &options);
    if (code != 0) {
        result.error = GitError::fromLibgit2(code, QStringLiteral("cannot start the rebase"));
        return result;
    }
    RebasePtr operation(rawRebase);
    const qint64 total = qint64(git_rebase_operation_entrycount(operation.get()));
    QString head = onto;
    git_rebase_operation *step = nullptr;
    qint64 index = 0;
    while ((code = git_rebase_next(&step, operation.get())) == 0) {
        if (m_control.isCancelled()) {
            git_rebase_abort(operation.get());
            result.error = GitError(GitError::Kind::Cancelled, QStringLiteral("rebase cancelled"));
            return result;
        }
        m_control.report({ GitProgress::Phase::Applying, ++index, total, QString() });
        git_index *rawIndex = nullptr;
        if (git_rebase_inmemory_index(&rawIndex, operation.get()) == 0) {
            IndexPtr stepIndex(rawIndex);
            if (git_index_has_conflicts(stepIndex.get())) {
                result.conflicts = conflictedPaths(stepIndex.get());
                git_rebase_abort(operation.get());
                result.error = GitError(GitError::Kind::Conflict, QStringLiteral("conflicts"));
                return result;
            }
        }
        git_oid created;
        code = git_rebase_commit(&created, operation.get(), nullptr, committer.get(), nullptr, nullptr);
        if (code == GIT_EAPPLIED) // already upstream: the commit disappears, as with git rebase
            continue;
        if (code != 0) {
            git_rebase_abort(operation.get());
            result.error = GitError::fromLibgit2(code, QStringLiteral("cannot rebase"));
            return result;
        }
        head = toQString(created);
        ++result.commitsApplied;
    }
    if (code != GIT_ITEROVER) {
        git_rebase_abort(operation.get());
        result.error = GitError::fromLibgit2(code, QStringLiteral("cannot rebase"));
        return result;
    }
    result.newHead = head;
    return result;
}

IntegrationResult Integrator::merge(
    const QString &ours, const QString &theirs, const QString &message, bool oursIsFirstParent)
{
    IntegrationResult result;
    git_repository *repository = m_repository.handle();
    SignaturePtr committer;
    if ((result.error = makeSignature(repository, m_name, m_email, &committer)))
        return result;
    const git_oid oursId = toOid(ours);
    const git_oid theirsId = toOid(theirs);
    git_commit *rawOurs = nullptr;
    git_commit *rawTheirs = nullptr;
    int code = git_commit_lookup(&rawOurs, repository, &oursId);
    CommitPtr oursCommit(rawOurs);
    if (code == 0)
        code = git_commit_lookup(&rawTheirs, repository, &theirsId);
    CommitPtr theirsCommit(rawTheirs);
    if (code != 0) {
        result.error = GitError::fromLibgit2(code, QStringLiteral("cannot merge"));
        return result;
    }
    m_control.report({ GitProgress::Phase::Applying, 0, 1, QString() });
    git_merge_options options = GIT_MERGE_OPTIONS_INIT;
    git_index *rawIndex = nullptr;
    code = git_merge_commits(&rawIndex, repository, oursCommit.get(), theirsCommit.get(), &options);
    IndexPtr index(rawIndex);
    if (code != 0) {
        result.error = GitError::fromLibgit2(code, QStringLiteral("cannot merge"));
        return result;
    }
    if (git_index_has_conflicts(index.get())) {
        result.conflicts = conflictedPaths(index.get());
        result.error = GitError(GitError::Kind::Conflict, QStringLiteral("conflicts"));
        return result;
    }
    if (m_dryRun) {
        // A clean merge is all a dry run needs to know; no objects are written.
        result.newHead = ours;
        result.commitsApplied = 1;
        return result;
    }
    git_oid treeId;
    code = git_index_write_tree_to(&treeId, index.get(), repository);
    git_tree *rawTree = nullptr;
    if (code == 0)
        code = git_tree_lookup(&rawTree, repository, &treeId);
    TreePtr tree(rawTree);
    if (code != 0) {
        result.error = GitError::fromLibgit2(code, QStringLiteral("cannot write the merge"));
        return result;
    }
    const git_commit *parents[2] = { oursIsFirstParent ? oursCommit.get() : theirsCommit.get(),
        oursIsFirstParent ? theirsCommit.get() : oursCommit.get() };
    git_oid created;
    code = git_commit_create(&created, repository, nullptr, committer.get(), committer.get(), nullptr,
        message.toUtf8().constData(), tree.get(), 2, parents);
    if (code != 0) {
        result.error = GitError::fromLibgit2(code, QStringLiteral("cannot commit the merge"));
        return result;
    }
    m_control.report({ GitProgress::Phase::Applying, 1, 1, QString() });
    result.newHead = toQString(created);
    result.commitsApplied = 1;
    return result;
}

IntegrationResult Integrator::revert(
    const QString &from, const QString &to, const QString &onto, const QString &message)
{
    IntegrationResult result;
    git_repository *repository = m_repository.handle();
    result.oldHead = result.newHead = onto;
    SignaturePtr committer;
    if ((result.error = makeSignature(repository, m_name, m_email, &committer)))
        return result;
    const auto treeOf = [&](const QString &id, CommitPtr *commit, TreePtr *tree) {
        const git_oid oid = toOid(id);
        git_commit *rawCommit = nullptr;
        int code = git_commit_lookup(&rawCommit, repository, &oid);
        commit->reset(rawCommit);
        git_tree *rawTree = nullptr;
        if (code == 0)
            code = git_commit_tree(&rawTree, rawCommit);
        tree->reset(rawTree);
        return code;
    };
    CommitPtr fromCommit, toCommit, ontoCommit;
    TreePtr fromTree, toTree, ontoTree;
    int code = treeOf(from, &fromCommit, &fromTree);
    if (code == 0)
        code = treeOf(to, &toCommit, &toTree);
    if (code == 0)
        code = treeOf(onto, &ontoCommit, &ontoTree);
    if (code != 0) {
        result.error = GitError::fromLibgit2(code, QStringLiteral("cannot revert"));
        return result;
    }
    // Base TO, ours ONTO, theirs FROM: the change TO→FROM applied on ONTO.
    git_merge_options options = GIT_MERGE_OPTIONS_INIT;
    git_index *rawIndex = nullptr;
    code = git_merge_trees(&rawIndex, repository, toTree.get(), ontoTree.get(), fromTree.get(), &options);
    IndexPtr index(rawIndex);
    if (code != 0) {
        result.error = GitError::fromLibgit2(code, QStringLiteral("cannot revert"));
        return result;
    }
    if (git_index_has_conflicts(index.get())) {
        result.conflicts = conflictedPaths(index.get());
        result.error = GitError(GitError::Kind::Conflict,
            QStringLiteral("the revert of %1..%2 conflicts with what came after it in %3")
                .arg(from.left(12), to.left(12), result.conflicts.join(QStringLiteral(", "))));
        return result;
    }
    git_oid treeId;
    code = git_index_write_tree_to(&treeId, index.get(), repository);
    git_tree *rawTree = nullptr;
    if (code == 0)
        code = git_tree_lookup(&rawTree, repository, &treeId);
    TreePtr tree(rawTree);
    git_oid created;
    const git_commit *parents[1] = { ontoCommit.get() };
    if (code == 0)
        code = git_commit_create(&created, repository, nullptr, committer.get(), committer.get(), nullptr,
            message.toUtf8().constData(), tree.get(), 1, parents);
    if (code != 0) {
        result.error = GitError::fromLibgit2(code, QStringLiteral("cannot commit the revert"));
        return result;
    }
    result.newHead = toQString(created);
    result.commitsApplied = 1;
    return result;
}

GitError Integrator::advanceBranch(
    const QString &branch, const QString &from, const QString &to, const QString &reason, bool fastForwardOnly)
{
    GitError error;
    const QString reference = m_repository.referenceName(branch, &error);
    if (error)
        return error;
    if (!reference.startsWith(QLatin1String("refs/heads/")))
        return GitError(GitError::Kind::InvalidArgument, QStringLiteral("%1 is not a local branch").arg(branch));
    if (!m_repository.isBare() && m_repository.currentBranch() == branch)
        return GitError(GitError::Kind::DirtyWorkingTree,
            QStringLiteral("it is checked out in %1, whose files are not Shipyard's to change")
                .arg(m_repository.path()));
    if (fastForwardOnly && !contains(m_repository.handle(), to, from))
        return GitError(GitError::Kind::NonFastForward, QStringLiteral("it has commits the delivered one lacks"));
    const git_oid oldId = toOid(from);
    const git_oid newId = toOid(to);
    git_reference *raw = nullptr;
    const int code = git_reference_create_matching(
        &raw, m_repository.handle(), reference.toUtf8().constData(), &newId, 1, &oldId, reason.toUtf8().constData());
    git_reference_free(raw);
    if (code == GIT_EMODIFIED)
        return GitError(GitError::Kind::ConcurrentUpdate, QStringLiteral("it moved meanwhile"));
    if (code != 0)
        return GitError::fromLibgit2(code, QStringLiteral("cannot update %1").arg(reference));
    return {};
}

GitError Integrator::moveBranch(
    const QString &reference, const QString &oldHead, const QString &newHead, const QString &reason)
{
    if (m_dryRun || m_keepReferences || oldHead == newHead)
        return {};
    git_repository *repository = m_repository.handle();
    const bool checkedOut =
        !m_repository.isBare() && m_repository.currentBranch() == reference.mid(int(qstrlen("refs/heads/")));

    const git_oid oldId = toOid(oldHead);
    const git_oid newId = toOid(newHead);
    auto checkout = [&](const git_oid &id) -> GitError {
        git_commit *raw = nullptr;
        int code = git_commit_lookup(&raw, repository, &id);
        CommitPtr commit(raw);
        if (code == 0) {
            git_checkout_options options = GIT_CHECKOUT_OPTIONS_INIT;
            // SAFE checks every file before writing any: it fails without touching the tree.
            options.checkout_strategy = GIT_CHECKOUT_SAFE;
            code = git_checkout_tree(repository, reinterpret_cast<const git_object *>(commit.get()), &options);
        }
        return code == 0 ? GitError() : GitError::fromLibgit2(code, QStringLiteral("cannot update the working tree"));
    };

    if (checkedOut) {
        GitError error;
        if (!m_repository.isWorkingTreeClean(&error))
            return error ? error
                         : GitError(GitError::Kind::DirtyWorkingTree,
                               QStringLiteral("%1 is checked out in %2 with uncommitted changes; commit or stash "
                                              "them first")
                                   .arg(reference.mid(11), m_repository.path()));
        if ((error = checkout(newId)))
            return error;
    }
    git_reference *raw = nullptr;
    const int code = git_reference_create_matching(
        &raw, repository, reference.toUtf8().constData(), &newId, 1, &oldId, reason.toUtf8().constData());
    git_reference_free(raw);
    if (code != 0) {
        if (checkedOut)
            checkout(oldId);
        if (code == GIT_EMODIFIED)
            return GitError(GitError::Kind::ConcurrentUpdate,
                QStringLiteral("%1 moved while it was being updated; nothing was changed").arg(reference));
        return GitError::fromLibgit2(code, QStringLiteral("cannot update %1").arg(reference));
    }
    return {};
}

} // namespace Shipyard
