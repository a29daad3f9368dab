// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "pipeline/PrometheusResult.h"

#include <QDateTime>
#include <QUrl>

#include <atomic>
#include <memory>

namespace Shipyard {

class HttpTransport;

// Instant queries through the Prometheus HTTP API (/api/v1/query). Blocks on
// the network: call it from a worker thread (MonitoringWatch does).
class PrometheusClient
{
public:
    explicit PrometheusClient(const QUrl &baseUrl, std::shared_ptr<HttpTransport> transport = {});

    // At TIME, or now when it is invalid.
    PrometheusResult query(const QString &promql, const QDateTime &time = {}) const;

    static PrometheusResult parse(int httpStatus, const QByteArray &body);

    void setCancelFlag(const std::atomic_bool *flag) { m_cancelled = flag; }
    void setTimeout(int milliseconds) { m_timeoutMs = milliseconds; }
    QUrl baseUrl() const { return m_baseUrl; }

private:
    QUrl m_baseUrl;
    std::shared_ptr<HttpTransport> m_transport;
    const std::atomic_bool *m_cancelled = nullptr;
    int m_timeoutMs = 15000;
};

} // namespace Shipyard
