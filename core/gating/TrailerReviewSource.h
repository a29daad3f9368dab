// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "gating/ReviewSource.h"

namespace Shipyard {

// The embedded default: reviews are "Reviewed-by:" and "Approved-by:"
// trailers in the branch's own commits. Each reviewer counts once, however
// many commits name them; the branch's authors cannot review themselves.
// Reviewers are told apart by e-mail address when the trailer has one.
// The trailers are self-asserted: whoever writes or amends a commit writes
// its "Reviewed-by:" as well, so they record what the branch's authors
// claim, not what a review service saw. The ecosystem loader warns when they
// guard deliveries (see docs/ecosystem.md).
class TrailerReviewSource : public ReviewSource
{
public:
    QString description() const override { return QStringLiteral("commit trailers"); }
    ReviewLookup reviews(const ReviewRequest &request) override;
};

} // namespace Shipyard
