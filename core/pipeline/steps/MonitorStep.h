// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "pipeline/steps/DeliveryStep.h"

namespace Shipyard {

// The monitoring signal: the release is watched for the window of the
// ecosystem's rollback.monitoring query (MonitoringWatch); above its
// threshold it is rolled back. One watch for the whole environment, shown
// on every system's row.
class MonitorStep : public DeliveryStep
{
public:
    Verdict run(DeliveryContext &context) override;

private:
    static void setStates(DeliveryContext &context, State state, const QString &message);
};

} // namespace Shipyard
