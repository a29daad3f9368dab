// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "doctor/DoctorCheck.h"
#include "doctor/EcosystemKeyLocations.h"
#include "model/Ecosystem.h"

namespace Shipyard {

// An Alertmanager whose alerts gate deliveries (docs/alerts.md): its
// alerts read once, signed in as the gate signs in. One check per distinct
// address; needed for delivering only when an environment using it stops
// without it (onUnreachable: stop).
class AlertmanagerCheck : public DoctorCheck
{
public:
    // ENVIRONMENTS: the environments whose alerts it holds; PLACE: where
    // its address is written.
    AlertmanagerCheck(const AlertTrigger &trigger, const QStringList &environments, bool needed, const QString &place);
    DoctorResult run(const Context &context) const override;

private:
    AlertTrigger m_trigger;
    QStringList m_environments;
    QString m_place;
};

} // namespace Shipyard
