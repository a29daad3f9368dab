// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QSemaphore>
#include <QString>
#include <QThread>

namespace Shipyard {
class RobotMetrics;
}

namespace Shipyard::Ctl {

// The robot's HTTP endpoint, served from a thread of its own so that it
// answers while a pass blocks the robot's loop:
//   /metrics  RobotMetrics in Prometheus' text format
//   /healthz  200 while the process serves at all (a liveness probe)
//   /readyz   200 once a pass ran without an error, else 503 and why
class RobotEndpoint : public QThread
{
public:
    explicit RobotEndpoint(const RobotMetrics &metrics);
    ~RobotEndpoint() override;

    // "HOST:PORT", ":PORT" (every address) or "HOST:0" (any free port).
    // Blocks until the endpoint listens; false with ERROR when it cannot.
    bool listen(const QString &address, QString *error);
    // Where it listens: "127.0.0.1:8080".
    QString address() const { return m_address; }

protected:
    void run() override;

private:
    const RobotMetrics &m_metrics;
    QString m_requested;
    QString m_address;
    QString m_error;
    QSemaphore m_started; // released once run() listens or gave up
};

} // namespace Shipyard::Ctl
