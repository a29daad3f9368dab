// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "gating/Review.h"

#include <QString>

namespace Shipyard {

class Repository;

// What a review source needs to find a branch's reviews.
struct ReviewRequest
{
    Repository *repository = nullptr; // for sources that read commits
    QString branch; // "feature/TASK-12-login"
    QString upstream; // "origin/main": the commits under review are branch minus upstream
    // The commit whose approvals count: the branch's tip before integration
    // (full id). A delivery rebases or merges the branch onto upstream in
    // memory, which makes a new commit nobody reviewed; what reviewers saw
    // and approved is the tip the developer pushed, and the integrated commit
    // only adds upstream's own, already merged, work to it. Empty: the tip of
    // the local branch `branch` in `repository`, which is what the update
    // step integrates. ({}: braces naming only the first three stay valid.)
    QString commit {};
};

// Where approvals come from: commit trailers, Gerrit, GitLab, GitHub.
// Calls may block on the network: run them in a worker.
class ReviewSource
{
public:
    virtual ~ReviewSource() = default;
    virtual QString description() const = 0;
    virtual ReviewLookup reviews(const ReviewRequest &request) = 0;
};

} // namespace Shipyard
