// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "model/Ecosystem.h"
#include "monitoring/AlertSelection.h"
#include "monitoring/FiringAlert.h"

#include <QDeadlineTimer>
#include <QObject>
#include <QTimer>

#include <atomic>
#include <chrono>
#include <memory>

namespace Shipyard {

class HttpTransport;

// Watches the Alertmanager of an AlertTrigger for alerts of the delivered
// systems (their AlertSelections), every interval for a window, and says,
// once, how the window went: fired as soon as one fires, passed when the
// window ends without one, inconclusive when Alertmanager never answered
// during the whole window (no answer must not read as "all quiet").
//
// The same watch serves the window after a release (MonitorStep) and any
// shorter one, such as a step of a partial rollout: setWindow() to its length.
//
// Requests run in the global thread pool, one at a time; nothing here waits
// for the network in the caller's thread.
class AlertWatch : public QObject
{
    Q_OBJECT
public:
    AlertWatch(const AlertTrigger &trigger, const QList<AlertSelection> &selections, QObject *parent = nullptr,
        std::shared_ptr<HttpTransport> transport = {});
    ~AlertWatch() override;

    // Default: the trigger's. The first check follows start() at once, from
    // the event loop.
    void setInterval(std::chrono::milliseconds interval) { m_interval = interval; }
    void setWindow(std::chrono::milliseconds window) { m_window = window; }
    std::chrono::milliseconds window() const { return m_window; }
    // Alerts a person delivered in spite of (Delivery::Options::alertOverride):
    // not held against the release while they go on firing. The same alert
    // firing anew, after it resolved, is.
    void setTolerated(const QList<FiringAlert> &alerts) { m_tolerated = alerts; }
    const AlertTrigger &trigger() const { return m_trigger; }

    void start();
    // Stops without a verdict (the release is being rolled back anyway).
    void stop();
    bool isRunning() const { return m_running; }

Q_SIGNALS:
    // Every answer: how many matching alerts fire, tolerated ones left out.
    void checked(int firing);
    // A request that failed; the watch goes on.
    void queryFailed(const QString &error);
    void fired(const Shipyard::FiringAlert &alert);
    void passed();
    void inconclusive(const QString &reason);

private:
    void check();
    void handleAnswer(const QList<FiringAlert> &alerts, const QString &error);
    void conclude();

    AlertTrigger m_trigger;
    QList<AlertSelection> m_selections;
    QList<FiringAlert> m_tolerated;
    std::shared_ptr<HttpTransport> m_transport;
    std::shared_ptr<std::atomic_bool> m_cancelled;
    std::chrono::milliseconds m_interval;
    std::chrono::milliseconds m_window;
    QDeadlineTimer m_deadline;
    QTimer m_timer;
    bool m_running = false;
    bool m_inFlight = false;
    int m_answers = 0;
    QString m_lastError;
};

} // namespace Shipyard
