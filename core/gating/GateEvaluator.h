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
};

// The ecosystem's delivery rules (Gating) applied to one branch. Every rule
// gets a verdict with its reason, in a fixed order, so the UI can show them
// all and the pipeline can enforce the ones its step needs.
class GateEvaluator
{
public:
    explicit GateEvaluator(const Gating &gating);

    QList<GateVerdict> evaluate(const GateInput &input) const;

    // The gates a step needs: updating the branch, or merging it upstream.
    static QList<GateVerdict::Gate> branchUpdateGates();
    static QList<GateVerdict::Gate> mergeGates();
    // The first verdict of those gates that did not pass; nullopt if all passed.
    static std::optional<GateVerdict> firstFailure(
        const QList<GateVerdict> &verdicts, const QList<GateVerdict::Gate> &gates);

private:
    GateVerdict statusVerdict(
        GateVerdict::Gate gate, const GateInput &input, const QStringList &allowed, const QString &purpose) const;
    Gating m_gating;
};

} // namespace Shipyard
