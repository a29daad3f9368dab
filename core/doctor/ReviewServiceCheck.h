// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "doctor/DoctorCheck.h"
#include "doctor/EcosystemKeyLocations.h"
#include "model/Ecosystem.h"

#include <QProcessEnvironment>

namespace Shipyard {

// The review service gating asks for approvals (Gerrit, GitLab, GitHub):
// one authenticated read of the account the token belongs to, the
// cheapest request each API offers that a wrong token fails.
class ReviewServiceCheck : public DoctorCheck
{
public:
    ReviewServiceCheck(
        const ReviewSettings &settings, const QProcessEnvironment &environment, const EcosystemKeyLocations &locations);
    DoctorResult run(const Context &context) const override;

private:
    ReviewSettings m_settings;
    QProcessEnvironment m_environment;
    EcosystemKeyLocations m_locations;
};

} // namespace Shipyard
