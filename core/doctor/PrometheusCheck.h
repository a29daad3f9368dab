// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "doctor/DoctorCheck.h"
#include "doctor/EcosystemKeyLocations.h"
#include "model/Ecosystem.h"

namespace Shipyard {

// The Prometheus that watches each release (rollback.monitoring): one
// instant query, signed in as the watch signs in. Needed for delivering
// only when a watch without answers rolls the release back
// (onInconclusive: rollback); otherwise its outage leaves releases unwatched.
class PrometheusCheck : public DoctorCheck
{
public:
    PrometheusCheck(const MonitoringTrigger &trigger, const EcosystemKeyLocations &locations);
    DoctorResult run(const Context &context) const override;

private:
    MonitoringTrigger m_trigger;
    EcosystemKeyLocations m_locations;
};

} // namespace Shipyard
