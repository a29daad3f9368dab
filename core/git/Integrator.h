// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "git/GitProgress.h"
#include "git/IntegrationResult.h"
#include "model/Ecosystem.h"

#include <QString>

namespace Shipyard {

class Repository;

// Brings a feature branch up to date with its upstream, and the upstream up
// to date with the feature branch, without ever leaving the repository half
// done: the new commits are made in memory, and only a clean result moves the
// branch (with a compare-and-swap on its old value). On conflicts the result
// lists the conflicted paths and refs, index, working tree and HEAD are exactly
// as they were (libgit2 may leave unreachable objects behind, which git gc drops).
//
// A branch that is checked out in a working tree is moved together with its
// working tree, which must then have no modified tracked files.
class Integrator
{
public:
    explicit Integrator(Repository &repository);

    // Committer of the commits made; defaults to the repository's user.name/user.email.
    void setIdentity(const QString &name, const QString &email);
    void setControl(const GitControl &control) { m_control = control; }
    // Compute only: no reference, index or file changes; the result tells whether it would be clean.
    void setDryRun(bool dryRun) { m_dryRun = dryRun; }
    // Write the commits, move nothing: newHead is a commit no reference names
    // yet (push it with Repository::pushCommit). The clone's branches, index
    // and files stay exactly as they are.
    void setKeepReferences(bool keep) { m_keepReferences = keep; }

    // Rebases `branch` onto `onto` (or merges `onto` into it), then moves the local `branch`.
    IntegrationResult updateBranch(const QString &branch, const QString &onto, IntegrationMode mode);
    // Moves the local branch `target` to include `branch`: fast-forward only, or a merge commit.
    IntegrationResult mergeInto(const QString &branch, const QString &target, MergeMode mode);
    // What updateBranch() does, on commits and in memory only: COMMIT
    // rebased onto (or merged with) ONTO; no reference moves. LABEL names
    // COMMIT in messages and in a merge commit's message.
    IntegrationResult integrate(const QString &commit, const QString &onto, IntegrationMode mode, const QString &label);
    // What mergeInto() does, on commits and in memory only: the commit TARGET
    // becomes once it includes COMMIT (COMMIT itself when fast-forward).
    IntegrationResult combine(
        const QString &commit, const QString &target, MergeMode mode, const QString &label, const QString &targetLabel);
    // A commit on ONTO that takes back what FROM..TO changed: TO's tree
    // returns to FROM's through a three-way merge, so that whatever others
    // added on top of TO stays. History is never rewritten. No reference
    // moves; conflicts are an error (Kind::Conflict, with the paths).
    IntegrationResult revert(const QString &from, const QString &to, const QString &onto, const QString &message);
    // Moves the local BRANCH from FROM to TO, only if it still points at FROM
    // and is not checked out in the working tree (whose files, index and
    // checkout are never changed this way), and with FASTFORWARDONLY only
    // when TO contains FROM. An error says why it stayed.
    GitError advanceBranch(
        const QString &branch, const QString &from, const QString &to, const QString &reason, bool fastForwardOnly);

private:
    // BRANCH's reference, which must be a local branch's; ERROR says why not.
    QString localBranchReference(const QString &branch, GitError *error) const;
    // integrate(), with ONTOLABEL naming ONTO in messages.
    IntegrationResult integrateOnto(const QString &commit, const QString &onto, const QString &ontoLabel,
        IntegrationMode mode, const QString &label);
    IntegrationResult rebase(const QString &branch, const QString &onto);
    IntegrationResult merge(const QString &ours, const QString &theirs, const QString &message, bool oursIsFirstParent);
    GitError moveBranch(const QString &branch, const QString &oldHead, const QString &newHead, const QString &reason);

    Repository &m_repository;
    GitControl m_control;
    QString m_name;
    QString m_email;
    bool m_dryRun = false;
    bool m_keepReferences = false;
};

} // namespace Shipyard
