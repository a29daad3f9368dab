// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "monitoring/PrometheusResult.h"

#include "monitoring/ServiceAuthorization.h"

#include <QDateTime>
#include <QUrl>

#include <atomic>
#include <memory>

namespace Shipyard {

class HttpTransport;

// Queries through the Prometheus HTTP API (/api/v1/query and query_range).
// Blocks on the network: call it from a worker thread (MonitoringWatch does).
class PrometheusClient
{
public:
    explicit PrometheusClient(const QUrl &baseUrl, std::shared_ptr<HttpTransport> transport = {});

    // At TIME, or now when it is invalid.
    PrometheusResult query(const QString &promql, const QDateTime &time = {}) const;
    // The series from START to END, one point every STEPSECONDS: a "matrix",
    // each point one sample carrying its series' labels.
    PrometheusResult queryRange(
        const QString &promql, const QDateTime &start, const QDateTime &end, int stepSeconds) const;

    static PrometheusResult parse(int httpStatus, const QByteArray &body);

    void setCancelFlag(const std::atomic_bool *flag) { m_cancelled = flag; }
    void setTimeout(int milliseconds) { m_timeoutMs = milliseconds; }
    // Signs every request in with CREDENTIALS' variables, read now.
    void setCredentials(const ServiceCredentials &credentials);
    QUrl baseUrl() const { return m_baseUrl; }

private:
    PrometheusResult post(const char *endpoint, const QByteArray &form) const;

    QUrl m_baseUrl;
    std::shared_ptr<HttpTransport> m_transport;
    const std::atomic_bool *m_cancelled = nullptr;
    int m_timeoutMs = 15000;
    ServiceAuthorization m_authorization;
};

} // namespace Shipyard
