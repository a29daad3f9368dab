// SPDX-License-Identifier: GPL-2.0-or-later
#include "monitoring/MonitoringWatch.h"

#include "http/CurlTransport.h"
#include "monitoring/PrometheusClient.h"

#include <QFuture>
#include <QPromise>
#include <QThreadPool>

#include <algorithm>
#include <cmath>
#include <limits>

namespace Shipyard {

namespace {

struct Evaluation
{
    bool hasValue = false;
    double value = 0;
    QString error;
};

} // namespace

MonitoringWatch::MonitoringWatch(
    const MonitoringTrigger &trigger, QObject *parent, std::shared_ptr<HttpTransport> transport)
    : QObject(parent)
    , m_trigger(trigger)
    , m_transport(transport ? std::move(transport) : std::make_shared<CurlTransport>())
    , m_cancelled(std::make_shared<std::atomic_bool>(false))
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &MonitoringWatch::evaluate);
}

MonitoringWatch::~MonitoringWatch()
{
    // A query still running ends early; its continuation is dropped with this object.
    m_cancelled->store(true);
}

void MonitoringWatch::start()
{
    if (m_running)
        return;
    m_running = true;
    m_successes = 0;
    m_lastError.clear();
    m_deadline.setRemainingTime(m_trigger.window);
    evaluate();
}

void MonitoringWatch::stop()
{
    m_running = false;
    m_timer.stop();
}

void MonitoringWatch::evaluate()
{
    if (!m_running || m_inFlight)
        return;
    m_inFlight = true;
    const auto client = std::make_shared<PrometheusClient>(QUrl(m_trigger.prometheusUrl), m_transport);
    // The query may not outlast the window by much.
    client->setTimeout(int(std::clamp<std::chrono::milliseconds::rep>(m_interval.count(), 1000, 15000)));
    client->setCancelFlag(m_cancelled.get());
    QPromise<Evaluation> promise;
    QFuture<Evaluation> future = promise.future();
    QThreadPool::globalInstance()->start(
        [promise = std::move(promise), client, cancelled = m_cancelled, query = m_trigger.query]() mutable {
            promise.start();
            Evaluation evaluation;
            const PrometheusResult result = client->query(query);
            const std::optional<double> value = result.singleValue(&evaluation.error);
            evaluation.hasValue = value.has_value();
            evaluation.value = value.value_or(0);
            promise.addResult(evaluation);
            promise.finish();
        });
    future.then(this, [this](const Evaluation &evaluation) {
        handleResult(evaluation.value, evaluation.hasValue, evaluation.error);
    });
}

void MonitoringWatch::handleResult(double value, bool hasValue, const QString &error)
{
    m_inFlight = false;
    if (!m_running)
        return;
    if (!error.isEmpty()) {
        m_lastError = error;
        Q_EMIT queryFailed(error);
    } else {
        ++m_successes;
        Q_EMIT evaluated(hasValue ? value : std::numeric_limits<double>::quiet_NaN());
        if (hasValue && value > m_trigger.threshold) {
            stop();
            Q_EMIT thresholdExceeded(value);
            return;
        }
    }
    if (m_deadline.hasExpired()) {
        conclude();
        return;
    }
    // The last evaluation falls on the end of the window.
    const qint64 remaining = m_deadline.remainingTime();
    m_timer.start(std::min(m_interval, std::chrono::milliseconds(std::max<qint64>(remaining, 0))));
}

void MonitoringWatch::conclude()
{
    stop();
    if (m_successes > 0)
        Q_EMIT passed();
    else
        Q_EMIT inconclusive(m_lastError);
}

} // namespace Shipyard
