// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "gating/GateVerdict.h"
#include "gating/Review.h"
#include "git/IntegrationResult.h"
#include "model/Ecosystem.h"
#include "tracker/Tracker.h"

#include <QList>

#include <optional>

namespace Shipyard {

// Everything known about one branch; gathered by the caller (git, tracker,
// review source), so that evaluating is pure and instant.
struct GateInput
{
    QString branch;
    QString upstream;
    QString taskKey; // empty: the branch has none
    std::optional<TaskLookup> task; // unset: not looked up
    std::optional<ReviewLookup> reviews; // unset: not looked up
    std::optional<IntegrationResult> integration; // a dry run onto upstream; unset: not tried
    int requiredApprovals = -1; // an environment's own threshold; -1: the ecosystem's reviewsRequired
};

// The ecosystem's delivery rules (Gating) applied to one branch. Every rule
// gets a verdict with its reason, in a fixed order, so the UI can show them
// all and the pipeline can enforce the ones its step needs.
class GateEvaluator
{
public:
    explicit GateEvaluator(const Gating &gating);
    // robotMergeStatus: the status that sends a task to the delivery robot
    // (tracker.statuses.awaitingDelivery). Putting a task there asks for
    // its delivery and merge, so merging is allowed from it too.
    GateEvaluator(const Gating &gating, const QString &robotMergeStatus);

    QList<GateVerdict> evaluate(const GateInput &input) const;

    // The gates a step needs: updating the branch, or merging it upstream.
    static QList<GateVerdict::Gate> branchUpdateGates();
    static QList<GateVerdict::Gate> mergeGates();
    // A showroom is how QA sees a task at any status: it needs a task and a
    // branch that rebases cleanly, not a status that lets developers push.
    static QList<GateVerdict::Gate> showroomGates();
    // The first verdict of those gates that did not pass; nullopt if all passed.
    static std::optional<GateVerdict> firstFailure(
        const QList<GateVerdict> &verdicts, const QList<GateVerdict::Gate> &gates);

private:
    GateVerdict statusVerdict(
        GateVerdict::Gate gate, const GateInput &input, const QStringList &allowed, const QString &purpose) const;
    Gating m_gating;
    QStringList m_mergeStatuses;
};

} // namespace Shipyard
