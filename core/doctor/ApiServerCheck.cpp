// SPDX-License-Identifier: GPL-2.0-or-later
#include "doctor/ApiServerCheck.h"

#include "kube/KubeError.h"
#include "support/FutureWait.h"

#include <QUrl>

namespace Shipyard {

ApiServerCheck::ApiServerCheck(const QString &environment, const QString &context, KubeClient client,
    const QString &clientError, const EcosystemKeyLocations &locations)
    : DoctorCheck(QStringLiteral("environment %1").arg(environment), QStringLiteral("apiserver"))
    , m_context(context)
    , m_client(std::move(client))
    , m_clientError(clientError)
    , m_place(locations.place(
          { QStringLiteral("environments"), QStringLiteral("name=") + environment, QStringLiteral("context") }))
{
    setSilenceRemedy(QStringLiteral("check that %1 (context %2) is reachable from here (VPN, firewall, a "
                                    "stopped control plane), or give it longer with --timeout")
            .arg(serverOf(m_client), m_context));
}

QString ApiServerCheck::serverOf(const KubeClient &client)
{
    if (!client.isValid())
        return QStringLiteral("the apiserver");
    return QUrl(client.connection().cluster.server).toString(QUrl::RemoveUserInfo);
}

QString ApiServerCheck::remedyFor(
    const KubeError &error, const QString &context, const QString &server, const QString &place)
{
    switch (error.kind) {
    case KubeError::Kind::Network:
        return QStringLiteral("start the apiserver at %1, or correct the context '%2' at %3")
            .arg(server, context, place);
    case KubeError::Kind::Timeout:
        return QStringLiteral("check that %1 (context %2) is reachable from here (VPN, firewall, a stopped control "
                              "plane), or give it longer with --timeout")
            .arg(server, context);
    case KubeError::Kind::Tls:
        return QStringLiteral("correct the certificate authority or tls-server-name of the context '%1' in the "
                              "kubeconfig")
            .arg(context);
    case KubeError::Kind::Credentials:
        return QStringLiteral("make the user of context '%1' produce credentials again (log in, or fix its exec "
                              "plugin or certificate files)")
            .arg(context);
    default:
        break;
    }
    if (error.httpStatus == 401)
        return QStringLiteral("renew the credentials of the user of context '%1' in the kubeconfig").arg(context);
    if (error.httpStatus == 403)
        return QStringLiteral("ask the cluster's administrator to let the user of context '%1' read /version")
            .arg(context);
    return QStringLiteral("look at the apiserver at %1 (context '%2'): it answered with an error").arg(server, context);
}

DoctorResult ApiServerCheck::run(const Context &context) const
{
    if (!m_client.isValid())
        return broken(m_clientError,
            QStringLiteral(
                "add the context '%1' to the kubeconfig (or pass --kubeconfig), or correct the context at %2")
                .arg(m_context, m_place));
    KubeRequest request = KubeRequest::get(QStringLiteral("/version"));
    request.timeout = context.timeout;
    request.maxAttempts = 1; // a check measures one answer; retries would hide a flaky server
    const KubeResponse response = await(m_client.withRequestTimeout(context.timeout).send(request));
    const QString server = serverOf(m_client);
    if (!response.ok())
        return broken(response.error.message, remedyFor(response.error, m_context, server, m_place));
    const QString version = response.json().value(QStringLiteral("gitVersion")).toString();
    if (version.isEmpty())
        return warning(QStringLiteral("%1 answered /version without a version").arg(server),
            QStringLiteral("make sure context '%1' names a Kubernetes apiserver, not another service").arg(m_context));
    return ok(QStringLiteral("%1 at %2").arg(version, server));
}

} // namespace Shipyard
