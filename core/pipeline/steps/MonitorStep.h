// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "pipeline/steps/DeliveryStep.h"

namespace Shipyard {

// The monitoring signals: the release is watched for the window of the
// ecosystem's rollback.monitoring query (MonitoringWatch) and for that of
// the environment's alerts (AlertWatch), side by side; above the query's
// threshold, or once a matching alert fires, it is rolled back. Alerts a
// person delivered in spite of are not held against it. One watch for the
// whole environment, shown on every system's row.
class MonitorStep : public DeliveryStep
{
public:
    Verdict run(DeliveryContext &context) override;

private:
    static void setStates(DeliveryContext &context, State state, const QString &message);
};

} // namespace Shipyard
