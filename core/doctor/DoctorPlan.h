// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "doctor/DoctorRunner.h"

#include <QProcessEnvironment>
#include <QString>

namespace Shipyard {

class ClusterAccess;
struct Ecosystem;

// Which checks an ecosystem calls for: each environment's context (its
// apiserver and the permissions a delivery there needs), the registry, the
// tracker, the review service, Prometheus and each Alertmanager when the
// ecosystem names them, each system's git remote, the tools its systems
// need, and each chat channel's webhook.
class DoctorPlan
{
public:
    struct Options
    {
        // Where tools are looked for (a PATH value); this process's PATH when empty.
        QString searchPath;
        // Where the variables the ecosystem names are read.
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    };

    static DoctorRunner::Checks checksFor(
        const Ecosystem &ecosystem, const ClusterAccess &cluster, const Options &options);
    static DoctorRunner::Checks checksFor(const Ecosystem &ecosystem, const ClusterAccess &cluster)
    {
        return checksFor(ecosystem, cluster, Options());
    }
};

} // namespace Shipyard
