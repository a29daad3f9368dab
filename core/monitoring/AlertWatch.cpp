// SPDX-License-Identifier: GPL-2.0-or-later
#include "monitoring/AlertWatch.h"

#include "http/CurlTransport.h"
#include "monitoring/AlertmanagerClient.h"

#include <algorithm>

namespace Shipyard {

AlertWatch::AlertWatch(const AlertTrigger &trigger, const QList<AlertSelection> &selections, QObject *parent,
    std::shared_ptr<HttpTransport> transport)
    : WindowedWatch(trigger.interval, trigger.window, parent)
    , m_trigger(trigger)
    , m_selections(selections)
    , m_transport(transport ? std::move(transport) : std::make_shared<CurlTransport>())
{ }

void AlertWatch::check()
{
    const auto client = std::make_shared<AlertmanagerClient>(QUrl(m_trigger.alertmanagerUrl), m_transport);
    client->setTimeout(requestTimeoutMs());
    client->setCredentials(m_trigger.credentials);
    askOffThread<AlertmanagerClient::Answer>(
        [client, selections = m_selections](const std::atomic_bool *cancelled) {
            client->setCancelFlag(cancelled);
            return client->firing(selections);
        },
        [this](const AlertmanagerClient::Answer &answer) {
            settle(
                answer.error, [&] { return judge(answer.alerts); },
                answer.errorKind == AlertmanagerClient::Answer::ErrorKind::Credentials);
        });
}

bool AlertWatch::judge(const QList<FiringAlert> &alerts)
{
    QList<FiringAlert> firing = alerts;
    firing.removeIf([this](const FiringAlert &alert) {
        return std::any_of(m_tolerated.cbegin(), m_tolerated.cend(),
            [&](const FiringAlert &tolerated) { return tolerated.isSameFiring(alert); });
    });
    Q_EMIT checked(int(firing.size()));
    if (firing.isEmpty())
        return false;
    stop();
    Q_EMIT fired(firing.first());
    return true;
}

} // namespace Shipyard
