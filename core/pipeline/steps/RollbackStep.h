// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "pipeline/steps/DeliveryStep.h"

#include <QStringList>

#include <optional>

namespace Shipyard {

// What a failure once objects were applied (or a migration run) leads to:
// the `down` of every migration the release ran (see MigrationRollback),
// then the environment's last good release (context.rollbackTarget()) restored, the failed release
// recorded and, when the failure was the branch's, the tasks returned to
// their developers. A lock that may be another's stops it at once. Not one of the steps
// Delivery runs in order: Delivery runs it for the step that failed. When
// that step keeps its failed releases (keepsFailedRelease()), the release is
// left in place instead, recorded as failed all the same.
class RollbackStep : public DeliveryStep
{
public:
    RollbackStep(Step failedStep, QString reason, bool keep, Fault fault);

    Verdict run(DeliveryContext &context) override;

private:
    Verdict restore(DeliveryContext &context) const;
    // The end of the delivery when a migration's down failed: nothing is
    // restored, the release stays in progress, and the result says why.
    std::optional<Verdict> undoMigrations(DeliveryContext &context, const QStringList &systems) const;
    Verdict keep(DeliveryContext &context) const;

    Step m_failedStep;
    QString m_reason;
    bool m_keep;
    Fault m_fault;
};

} // namespace Shipyard
