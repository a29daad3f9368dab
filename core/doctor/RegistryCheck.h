// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "doctor/DoctorCheck.h"
#include "doctor/EcosystemKeyLocations.h"
#include "model/Ecosystem.h"

#include <QProcessEnvironment>

namespace Shipyard {

// The registry deliveries push to: GET /v2/ answers, with the credentials
// the ecosystem names when it names any. A registry behind token
// authentication is read once through RegistryClient (the tags of the
// first system's image, or a sign-in when there is none yet), which
// fetches the token as a push would.
class RegistryCheck : public DoctorCheck
{
public:
    RegistryCheck(const RegistrySettings &settings, QString sampleImage, const QProcessEnvironment &environment,
        const EcosystemKeyLocations &locations);
    DoctorResult run(const Context &context) const override;

private:
    DoctorResult readWithToken(const QString &address, const Context &context) const;
    // What to do when the registry or its token service refuses the account.
    QString accountRemedy() const;

    RegistrySettings m_settings;
    QString m_sampleImage;
    QProcessEnvironment m_environment;
    EcosystemKeyLocations m_locations;
};

} // namespace Shipyard
