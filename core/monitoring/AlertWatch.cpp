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
    : QObject(parent)
    , m_trigger(trigger)
    , m_selections(selections)
    , m_transport(transport ? std::move(transport) : std::make_shared<CurlTransport>())
    , m_cancelled(std::make_shared<std::atomic_bool>(false))
    , m_interval(trigger.interval)
    , m_window(trigger.window)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &AlertWatch::check);
}

AlertWatch::~AlertWatch()
{
    // A request still running ends early; its continuation is dropped with this object.
    m_cancelled->store(true);
}

void AlertWatch::start()
{
    if (m_running)
        return;
    m_running = true;
    m_answers = 0;
    m_lastError.clear();
    m_deadline.setRemainingTime(m_window);
    // From the event loop, like every check after it: an answer may be
    // there before the request's continuation is attached, and a verdict
    // must never arrive inside start().
    m_timer.start(0);
}

void AlertWatch::stop()
{
    m_running = false;
    m_timer.stop();
}

void AlertWatch::check()
{
    if (!m_running || m_inFlight)
        return;
    m_inFlight = true;
    const auto client = std::make_shared<AlertmanagerClient>(QUrl(m_trigger.alertmanagerUrl), m_transport);
    // A request may not outlast the window by much.
    client->setTimeout(int(std::clamp<std::chrono::milliseconds::rep>(m_interval.count(), 1000, 15000)));
    client->setCancelFlag(m_cancelled.get());
    QPromise<AlertmanagerClient::Answer> promise;
    QFuture<AlertmanagerClient::Answer> future = promise.future();
    QThreadPool::globalInstance()->start([promise = std::move(promise), client, selections = m_selections]() mutable {
        promise.start();
        promise.addResult(client->firing(selections));
        promise.finish();
    });
    future.then(this, [this](const AlertmanagerClient::Answer &answer) { handleAnswer(answer.alerts, answer.error); });
}

void AlertWatch::handleAnswer(const QList<FiringAlert> &alerts, const QString &error)
{
    m_inFlight = false;
    if (!m_running)
        return;
    if (!error.isEmpty()) {
        m_lastError = error;
        Q_EMIT queryFailed(error);
    } else {
        ++m_answers;
        QList<FiringAlert> firing = alerts;
        firing.removeIf([this](const FiringAlert &alert) {
            return std::any_of(m_tolerated.cbegin(), m_tolerated.cend(),
                [&](const FiringAlert &tolerated) { return tolerated.isSameFiring(alert); });
        });
        Q_EMIT checked(int(firing.size()));
        if (!firing.isEmpty()) {
            stop();
            Q_EMIT fired(firing.first());
            return;
        }
    }
    if (m_deadline.hasExpired()) {
        conclude();
        return;
    }
    // The last check falls on the end of the window.
    const qint64 remaining = m_deadline.remainingTime();
    m_timer.start(std::min(m_interval, std::chrono::milliseconds(std::max<qint64>(remaining, 0))));
}

void AlertWatch::conclude()
{
    stop();
    if (m_answers > 0)
        Q_EMIT passed();
    else
        Q_EMIT inconclusive(m_lastError);
}

} // namespace Shipyard
