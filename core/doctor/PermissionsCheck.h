// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "doctor/DoctorCheck.h"
#include "doctor/EcosystemKeyLocations.h"
#include "kube/KubeClient.h"

namespace Shipyard {

struct Environment;

// What a delivery into an environment does in its namespace, asked of the
// apiserver (one SelfSubjectAccessReview each, all at once): get, list,
// watch, create, patch and delete Deployments, Services and ConfigMaps; get,
// create and update Leases for the lock; for a showroom, create namespaces.
// Runs beside ApiServerCheck, not after it: an apiserver that does not
// answer makes this one "skipped", and costs no more time.
class PermissionsCheck : public DoctorCheck
{
public:
    PermissionsCheck(const Environment &environment, KubeClient client, const EcosystemKeyLocations &locations);
    DoctorResult run(const Context &context) const override;

    // The verbs asked per resource, for messages and documentation.
    static QStringList asked(bool showroom);

private:
    QString m_context;
    QString m_namespace;
    bool m_showroom = false;
    KubeClient m_client;
    QString m_place;
};

} // namespace Shipyard
