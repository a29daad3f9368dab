// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "pipeline/steps/DeliveryStep.h"

namespace Shipyard {

class ReleaseApplier;

// Everything a release needs before its first change, which the migrate and
// deploy steps then make: the systems' manifests rendered for their images
// (from the delivered commits' files), an interrupted release found and
// undone, what a rollback would restore settled and recorded, and the
// release recorded as in progress. What all of that and the rest of the
// delivery need is asked of the server before the first of it (see
// WritePermissions). It has no row of its own in the step table: its
// failures are the deploy step's, as people know them.
class PrepareStep : public DeliveryStep
{
public:
    Verdict run(DeliveryContext &context) override;

private:
    static std::optional<Verdict> render(DeliveryContext &context);
    // The environment's settings Secret is there with the keys the objects use.
    static std::optional<Verdict> checkSettingsSecret(DeliveryContext &context);
    // Every permission the rest of the delivery needs, asked before its first
    // write; the end of the delivery, changing nothing, when one is missing.
    static std::optional<Verdict> checkPermissions(DeliveryContext &context);
    // An earlier delivery that never ended: restored over, or refused.
    static std::optional<Verdict> recoverInterrupted(DeliveryContext &context, const ReleaseApplier &applier);
    // Settles context.rollbackTarget(); the end of the delivery when it cannot.
    static std::optional<Verdict> settleRollbackTarget(DeliveryContext &context, const ReleaseApplier &applier);
};

} // namespace Shipyard
