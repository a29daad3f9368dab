// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QList>
#include <QString>

namespace Shipyard {

// A commit as reasons name it: git's usual seven characters.
inline QString shortCommit(const QString &id)
{
    return id.left(7);
}

// One reviewer's current verdict on a branch.
struct Review
{
    enum class Verdict { Approved, Rejected };
    QString reviewer; // as the source names them: "Jane <jane@example.org>", a login
    Verdict verdict = Verdict::Approved;
    // The commit the verdict was given for; empty when the source does not
    // say. ({} here and below: braces naming only the first members stay valid.)
    QString commit {};
};

struct ReviewLookup
{
    // The verdicts that count: one per reviewer, each given for `commit`
    // (or, for a source that cannot tell, for the branch as it is).
    QList<Review> reviews;
    QString error; // set when the source could not answer; second, so that { {}, error } is a failed lookup
    // Approvals given for another commit than `commit` (an older push, a
    // previous patch set): shown in the gate's reason, never counted.
    QList<Review> outdated {};
    // The commit the verdicts were checked against: the branch tip being
    // delivered. Empty for sources that cannot bind a verdict to a commit.
    QString commit {};
    // Why the service's approvals, or some of them, cannot count for
    // `commit` ("pull request #12 is at 0123abc"); empty when nothing stands
    // between them and the commit.
    QString mismatch {};

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
