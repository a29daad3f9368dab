// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "doctor/DoctorCheck.h"
#include "doctor/EcosystemKeyLocations.h"
#include "model/Ecosystem.h"

namespace Shipyard {

// The tracker, as the robot reads it: the tasks awaiting delivery, listed
// with the ecosystem's token (which Redmine checks first: it would take a
// wrong key for an anonymous user and list nothing).
class TrackerCheck : public DoctorCheck
{
public:
    TrackerCheck(const Ecosystem &ecosystem, const EcosystemKeyLocations &locations);
    DoctorResult run(const Context &context) const override;

private:
    Ecosystem m_ecosystem;
    EcosystemKeyLocations m_locations;
};

} // namespace Shipyard
