// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "gating/ReviewSource.h"

namespace Shipyard {

// The embedded default: reviews are "Reviewed-by:" and "Approved-by:"
// trailers in the branch's own commits. Each reviewer counts once, however
// many commits name them; the branch's authors cannot review themselves.
// Reviewers are told apart by e-mail address when the trailer has one.
class TrailerReviewSource : public ReviewSource
{
public:
    QString description() const override { return QStringLiteral("commit trailers"); }
    ReviewLookup reviews(const ReviewRequest &request) override;
};

} // namespace Shipyard
