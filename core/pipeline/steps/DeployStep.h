// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "pipeline/steps/DeliveryStep.h"

namespace Shipyard {

class ReleaseApplier;

// The systems' manifests rendered for their images, the release record
// begun, what a rollback would restore settled and recorded, then every
// object applied (server-side) and the rollouts waited for. From the first
// object applied on, a failure is rolled back (see RollbackStep).
class DeployStep : public DeliveryStep
{
public:
    Verdict run(DeliveryContext &context) override;
    // The ecosystem may ask to leave a failed rollout in place.
    bool keepsFailedRelease(const DeliveryContext &context) const override;

private:
    // Settles context.rollbackTarget(); the end of the delivery when it cannot.
    static std::optional<Verdict> settleRollbackTarget(DeliveryContext &context, const ReleaseApplier &applier);
    // Applies every object and waits for the rollouts: empty, or why not.
    static QString apply(DeliveryContext &context, const ReleaseApplier &applier, QHash<QString, qint64> *revisions);
    // The record's systems as applied.
    static void recordSystems(DeliveryContext &context, const QHash<QString, qint64> &revisions);
};

} // namespace Shipyard
