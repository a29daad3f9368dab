// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "model/Ecosystem.h"

#include <QDeadlineTimer>
#include <QObject>
#include <QTimer>

#include <atomic>
#include <chrono>
#include <memory>

namespace Shipyard {

class HttpTransport;

// Watches a release through a MonitoringTrigger: evaluates its query every
// interval during its window and says, once, how the window went —
// thresholdExceeded as soon as a value is above the threshold, passed when
// the window ends without that, inconclusive when no query succeeded during
// the whole window (Prometheus down must not read as healthy).
//
// Queries run in the global thread pool, one at a time; nothing here waits
// for the network in the caller's thread.
class MonitoringWatch : public QObject
{
    Q_OBJECT
public:
    explicit MonitoringWatch(
        const MonitoringTrigger &trigger, QObject *parent = nullptr, std::shared_ptr<HttpTransport> transport = {});
    ~MonitoringWatch() override;

    // Default 15 s; the first evaluation happens at start.
    void setInterval(std::chrono::milliseconds interval) { m_interval = interval; }
    std::chrono::milliseconds interval() const { return m_interval; }
    const MonitoringTrigger &trigger() const { return m_trigger; }

    void start();
    // Stops without a verdict (the release is being rolled back anyway).
    void stop();
    bool isRunning() const { return m_running; }

Q_SIGNALS:
    // Every successful evaluation; VALUE is empty (NaN) when there was no data.
    void evaluated(double value);
    // A query that failed; the watch goes on.
    void queryFailed(const QString &error);
    void thresholdExceeded(double value);
    void passed();
    void inconclusive(const QString &reason);

private:
    void evaluate();
    void handleResult(double value, bool hasValue, const QString &error);
    void conclude();

    MonitoringTrigger m_trigger;
    std::shared_ptr<HttpTransport> m_transport;
    std::shared_ptr<std::atomic_bool> m_cancelled;
    std::chrono::milliseconds m_interval { 15000 };
    QDeadlineTimer m_deadline;
    QTimer m_timer;
    bool m_running = false;
    bool m_inFlight = false;
    int m_successes = 0;
    QString m_lastError;
};

} // namespace Shipyard
