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
