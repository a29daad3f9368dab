// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QSemaphore>
#include <QString>
#include <QThread>

#include <functional>

namespace Shipyard {
class RobotMetrics;
class WebhookReceiver;
struct WebhookResult;
} // namespace Shipyard

namespace Shipyard::Ctl {

// The robot's HTTP endpoint, served from a thread of its own so that it
// answers while a pass blocks the robot's loop:
//   /metrics  RobotMetrics in Prometheus' text format
//   /healthz  200 while the process serves at all (a liveness probe)
//   /readyz   200 once a pass ran without an error, else 503 and why
//   POST /webhooks/SOURCE  a webhook, verified and read by WebhookReceiver
//             in this thread; ANSWERED hears every result (counted in
//             RobotMetrics) and wakes the robot on an accepted one, so
//             that the answer never waits for the robot's work
class RobotEndpoint : public QThread
{
public:
    using Answered = std::function<void(const QString &source, const WebhookResult &result)>;

    explicit RobotEndpoint(RobotMetrics &metrics);
    ~RobotEndpoint() override;

    // "HOST:PORT", ":PORT" (every address) or "HOST:0" (any free port).
    // Blocks until the endpoint listens; false with ERROR when it cannot.
    bool listen(const QString &address, QString *error);
    // Where it listens: "127.0.0.1:8080".
    QString address() const { return m_address; }
    // Before listen(): serve /webhooks/ too.
    void setWebhooks(const WebhookReceiver *receiver, Answered answered);

protected:
    void run() override;

private:
    RobotMetrics &m_metrics;
    const WebhookReceiver *m_webhooks = nullptr;
    Answered m_answered;
    QString m_requested;
    QString m_address;
    QString m_error;
    QSemaphore m_started; // released once run() listens or gave up
};

} // namespace Shipyard::Ctl
