// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "pipeline/steps/DeliveryStep.h"

namespace Shipyard {

// Each system's `migrate.up` as a Job with its new image and the settings
// of its Deployment as the release renders it (see MigrationJob), before
// any object of the release is applied. Every Job is in the release record
// before it starts and with its result and log tail after it ended.
//
// A failed `up` is the branch's: the delivery ends before the rollout with
// the Job's log tail as the reason its task goes back with. A successful
// `up` changed the environment: from then on a failure is rolled back, and
// the rollback runs the `down` of each `up` first (see MigrationRollback).
class MigrateStep : public DeliveryStep
{
public:
    Verdict run(DeliveryContext &context) override;
};

} // namespace Shipyard
