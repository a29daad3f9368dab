// SPDX-License-Identifier: GPL-2.0-or-later
#include "doctor/AlertmanagerCheck.h"

#include "doctor/BoundedTransport.h"
#include "monitoring/AlertmanagerClient.h"
#include "support/EnglishCount.h"

namespace Shipyard {

AlertmanagerCheck::AlertmanagerCheck(
    const AlertTrigger &trigger, const QStringList &environments, bool needed, const QString &place)
    : DoctorCheck(QStringLiteral("alertmanager"), QStringLiteral("alerts"), needed)
    , m_trigger(trigger)
    , m_environments(environments)
    , m_place(place)
{
    setSilenceRemedy(QStringLiteral("check that %1 is reachable from here, or correct the alertmanager at %2")
            .arg(QUrl(trigger.alertmanagerUrl).toString(QUrl::RemoveUserInfo), place));
}

DoctorResult AlertmanagerCheck::run(const Context &context) const
{
    const QString address = QUrl(m_trigger.alertmanagerUrl).toString(QUrl::RemoveUserInfo);
    AlertmanagerClient client(
        QUrl(m_trigger.alertmanagerUrl), std::make_shared<BoundedTransport>(context.timeoutMs(), context.cancelled));
    client.setTimeout(context.timeoutMs());
    client.setCancelFlag(context.cancelled);
    client.setCredentials(m_trigger.credentials);
    const AlertmanagerClient::Answer answer = client.alerts({});
    const QString consequence =
        neededForDelivery() ? QString() : QStringLiteral(" (until then, its alerts gate nothing)");
    if (answer.isAnswer())
        return ok(QStringLiteral("Alertmanager at %1 for %2: %3")
                .arg(address, m_environments.join(QStringLiteral(", ")),
                    countOf(answer.alerts.size(), "active alert", "active alerts")));
    switch (answer.errorKind) {
    case AlertmanagerClient::Answer::ErrorKind::Credentials:
        return broken(answer.error,
            QStringLiteral("set the variables named beside the alertmanager at %1 to an account of it%2")
                .arg(m_place, consequence));
    case AlertmanagerClient::Answer::ErrorKind::Server:
    case AlertmanagerClient::Answer::ErrorKind::Protocol:
        // Something answered, but not as Alertmanager's API v2: starting
        // it is not the cure, the address is.
        return broken(answer.error,
            QStringLiteral("correct the alertmanager at %1: it must name Alertmanager's API%2")
                .arg(m_place, consequence));
    default:
        break;
    }
    return broken(answer.error,
        QStringLiteral("start Alertmanager at %1, or correct the alertmanager at %2%3")
            .arg(address, m_place, consequence));
}

} // namespace Shipyard
