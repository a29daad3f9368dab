// SPDX-License-Identifier: GPL-2.0-or-later
#include "monitoring/MonitoringWatch.h"

#include "http/CurlTransport.h"
#include "monitoring/PrometheusClient.h"

#include <limits>

namespace Shipyard {

namespace {

struct Evaluation
{
    std::optional<double> value;
    QString error;
    bool refused = false; // the credentials: no later query will do better
};

} // namespace

MonitoringWatch::MonitoringWatch(
    const MonitoringTrigger &trigger, QObject *parent, std::shared_ptr<HttpTransport> transport)
    : WindowedWatch(std::chrono::seconds(15), trigger.window, parent)
    , m_trigger(trigger)
    , m_transport(transport ? std::move(transport) : std::make_shared<CurlTransport>())
{ }

void MonitoringWatch::check()
{
    const auto client = std::make_shared<PrometheusClient>(QUrl(m_trigger.prometheusUrl), m_transport);
    client->setTimeout(requestTimeoutMs());
    client->setCredentials(m_trigger.credentials);
    askOffThread<Evaluation>(
        [client, query = m_trigger.query](const std::atomic_bool *cancelled) {
            client->setCancelFlag(cancelled);
            Evaluation evaluation;
            const PrometheusResult result = client->query(query);
            evaluation.value = result.singleValue(&evaluation.error);
            evaluation.refused = result.errorKind == PrometheusResult::ErrorKind::Credentials;
            return evaluation;
        },
        [this](const Evaluation &evaluation) {
            settle(evaluation.error, [&] { return judge(evaluation.value); }, evaluation.refused);
        });
}

bool MonitoringWatch::judge(std::optional<double> value)
{
    Q_EMIT evaluated(value.value_or(std::numeric_limits<double>::quiet_NaN()));
    if (!value || *value <= m_trigger.threshold)
        return false;
    stop();
    Q_EMIT thresholdExceeded(*value);
    return true;
}

} // namespace Shipyard
