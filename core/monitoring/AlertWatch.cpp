// SPDX-License-Identifier: GPL-2.0-or-later
#include "monitoring/AlertWatch.h"

#include "http/CurlTransport.h"
#include "monitoring/AlertmanagerClient.h"

#include <QFuture>
#include <QPromise>
#include <QThreadPool>

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
    const std::shared_ptr<const std::atomic_bool> cancelled = cancelFlag();
    client->setCancelFlag(cancelled.get());
    QPromise<AlertmanagerClient::Answer> promise;
    QFuture<AlertmanagerClient::Answer> future = promise.future();
    // CANCELLED is held so that the flag outlives this watch while the request runs.
    QThreadPool::globalInstance()->start(
        [promise = std::move(promise), client, selections = m_selections, cancelled]() mutable {
            promise.start();
            promise.addResult(client->firing(selections));
            promise.finish();
        });
    future.then(this, [this](const AlertmanagerClient::Answer &answer) {
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
