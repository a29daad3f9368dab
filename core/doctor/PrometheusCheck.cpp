// SPDX-License-Identifier: GPL-2.0-or-later
#include "doctor/PrometheusCheck.h"

#include "doctor/BoundedTransport.h"
#include "monitoring/PrometheusClient.h"

namespace Shipyard {

PrometheusCheck::PrometheusCheck(const MonitoringTrigger &trigger, const EcosystemKeyLocations &locations)
    : DoctorCheck(QStringLiteral("prometheus"), QStringLiteral("query"),
          trigger.onInconclusive == MonitoringTrigger::Inconclusive::RollBack)
    , m_trigger(trigger)
    , m_locations(locations)
{
    setSilenceRemedy(QStringLiteral("check that %1 is reachable from here, or correct %2")
            .arg(QUrl(trigger.prometheusUrl).toString(QUrl::RemoveUserInfo),
                locations.setting(QStringLiteral("rollback.monitoring.prometheus"))));
}

DoctorResult PrometheusCheck::run(const Context &context) const
{
    const QString address = QUrl(m_trigger.prometheusUrl).toString(QUrl::RemoveUserInfo);
    PrometheusClient client(
        QUrl(m_trigger.prometheusUrl), std::make_shared<BoundedTransport>(context.timeoutMs(), context.cancelled));
    client.setTimeout(context.timeoutMs());
    client.setCancelFlag(context.cancelled);
    client.setCredentials(m_trigger.credentials);
    // A query that needs no series: it answers on an empty Prometheus too.
    const PrometheusResult result = client.query(QStringLiteral("vector(1)"));
    const QString place = m_locations.setting(QStringLiteral("rollback.monitoring.prometheus"));
    const QString consequence =
        neededForDelivery() ? QString() : QStringLiteral(" (until then, releases go unwatched)");
    if (!result.isError())
        return ok(QStringLiteral("Prometheus at %1 answers queries").arg(address));
    const QString &why = result.errorText;
    switch (result.errorKind) {
    case PrometheusResult::ErrorKind::Credentials:
        return broken(why,
            QStringLiteral("set the variables named beside %1 to an account of Prometheus%2").arg(place, consequence));
    case PrometheusResult::ErrorKind::Unreachable:
        return broken(why, QStringLiteral("start Prometheus at %1, or correct %2%3").arg(address, place, consequence));
    default:
        break;
    }
    return broken(why, QStringLiteral("correct %1: it must name Prometheus' HTTP API%2").arg(place, consequence));
}

} // namespace Shipyard
