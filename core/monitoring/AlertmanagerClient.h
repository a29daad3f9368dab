// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "monitoring/AlertSelection.h"
#include "monitoring/FiringAlert.h"

#include "monitoring/ServiceAuthorization.h"

#include <QUrl>

#include <atomic>
#include <memory>

namespace Shipyard {

class HttpTransport;

// Reads the alerts an Alertmanager holds through its API v2
// (GET /api/v2/alerts). Blocks on the network: call it from a worker thread
// (the delivery's, or the pool, as AlertWatch does).
class AlertmanagerClient
{
public:
    struct Answer
    {
        // As PrometheusResult's: Credentials when Alertmanager (or its
        // proxy) refused Shipyard's or wants some, or the variables meant to
        // hold them are not set; Server for an HTTP error, Protocol for an
        // answer that is no list of alerts or a URL that is none.
        enum class ErrorKind { None, Unreachable, Credentials, Server, Protocol, Cancelled };

        QList<FiringAlert> alerts;
        ErrorKind errorKind = ErrorKind::None;
        QString error; // empty when Alertmanager answered
        bool isAnswer() const { return error.isEmpty(); }
    };

    explicit AlertmanagerClient(const QUrl &baseUrl, std::shared_ptr<HttpTransport> transport = {});

    // The active alerts, neither silenced nor inhibited, that match every
    // one of MATCHERS.
    Answer alerts(const QList<AlertMatcher> &matchers) const;
    // The alerts that match any of SELECTIONS, each once, carrying the
    // system of the first selection it matched. One request per distinct
    // list of matchers; the first that fails fails the whole answer.
    Answer firing(const QList<AlertSelection> &selections) const;

    // An answer's body: a JSON list of gettableAlert objects. Anything else,
    // or an alert without labels, is an error rather than "nothing fires".
    static Answer parse(int httpStatus, const QByteArray &body);

    void setCancelFlag(const std::atomic_bool *flag) { m_cancelled = flag; }
    void setTimeout(int milliseconds) { m_timeoutMs = milliseconds; }
    // Signs every request in with CREDENTIALS' variables, read now.
    void setCredentials(const ServiceCredentials &credentials);
    QUrl baseUrl() const { return m_baseUrl; }

private:
    QUrl m_baseUrl;
    std::shared_ptr<HttpTransport> m_transport;
    const std::atomic_bool *m_cancelled = nullptr;
    int m_timeoutMs = 15000;
    ServiceAuthorization m_authorization;
};

} // namespace Shipyard
