// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QList>
#include <QString>

namespace Shipyard {

// One reviewer's current verdict on a branch.
struct Review
{
    enum class Verdict { Approved, Rejected };
    QString reviewer; // as the source names them: "Jane <jane@example.org>", a login
    Verdict verdict = Verdict::Approved;
};

struct ReviewLookup
{
    QList<Review> reviews; // one per reviewer
    QString error; // set when the source could not answer

    int approvals() const
    {
        int count = 0;
        for (const Review &review : reviews)
            count += review.verdict == Review::Verdict::Approved ? 1 : 0;
        return count;
    }
    bool hasRejection() const { return approvals() != reviews.size(); }
};

} // namespace Shipyard
