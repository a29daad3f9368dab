// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "pipeline/steps/DeliveryStep.h"

#include <QString>

namespace Shipyard {

class Repository;

// Into upstream, only where a delivery is final (staging, production), for
// every system or for none:
//  1. every merge is prepared in memory on the remote's upstream as fetched
//     now, no reference moved: a conflict anywhere pushes nothing;
//  2. the merged commits are pushed one system after another, fast-forward
//     only; a push beaten by someone else's is integrated again onto the new
//     upstream and tried once more;
//  3. if a system's push still fails, each upstream that took its push gets
//     a revert commit (never a force push) and the release is rolled back:
//     upstream holds what runs, everywhere.
// The clone's own branches move only after the whole delivery succeeded
// (DeliveryContext::advanceBranches).
class MergeStep : public DeliveryStep
{
public:
    Verdict run(DeliveryContext &context) override;

private:
    struct Plan
    {
        DeliveryContext::Work *work = nullptr;
        QString before; // the remote's upstream before the push
        QString merged; // what is pushed
        bool landed = false;
    };
    // Fetches and computes what PLAN's upstream becomes; empty, or why not
    // (CONFLICT says whether the branch and upstream conflict).
    static QString prepare(DeliveryContext &context, Repository &repository, Plan &plan, bool *conflict);
    // Pushes PLAN, integrating again once when upstream moved meanwhile.
    static QString push(DeliveryContext &context, Plan &plan, bool *conflict);
    // Takes back what PLAN pushed, with a commit on top of its upstream.
    static QString revert(DeliveryContext &context, const Plan &plan, const QString &why);
};

} // namespace Shipyard
