// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "doctor/DoctorCheck.h"
#include "doctor/EcosystemKeyLocations.h"
#include "kube/KubeClient.h"

namespace Shipyard {

struct KubeError;

// An environment's kubeconfig context: its apiserver answers GET /version
// in time, and says which version it is.
class ApiServerCheck : public DoctorCheck
{
public:
    // CLIENT is the context's; invalid, CLIENTERROR says why (no such
    // context, an unreadable kubeconfig).
    ApiServerCheck(const QString &environment, const QString &context, KubeClient client, const QString &clientError,
        const EcosystemKeyLocations &locations);
    DoctorResult run(const Context &context) const override;

    // The remedy for ERROR from the apiserver of context CONTEXT at SERVER,
    // whose name is set at PLACE; shared with PermissionsCheck.
    static QString remedyFor(
        const KubeError &error, const QString &context, const QString &server, const QString &place);
    // SERVER without user info, for messages.
    static QString serverOf(const KubeClient &client);

private:
    QString m_context;
    KubeClient m_client;
    QString m_clientError;
    QString m_place; // environments[name].context in the file
};

} // namespace Shipyard
