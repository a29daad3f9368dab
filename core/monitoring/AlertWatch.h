// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "model/Ecosystem.h"
#include "monitoring/AlertSelection.h"
#include "monitoring/FiringAlert.h"
#include "monitoring/WindowedWatch.h"

#include <memory>

namespace Shipyard {

class HttpTransport;

// Watches the Alertmanager of an AlertTrigger for alerts of the delivered
// systems (their AlertSelections), every interval for a window (by default
// the trigger's), and says, once, how the window went: fired as soon as one
// fires, otherwise as a WindowedWatch does.
//
// The same watch serves the window after a release (MonitorStep) and any
// shorter one, such as a step of a partial rollout: setWindow() to its length.
//
// Requests run in the global thread pool, one at a time; nothing here waits
// for the network in the caller's thread.
class AlertWatch : public WindowedWatch
{
    Q_OBJECT
public:
    AlertWatch(const AlertTrigger &trigger, const QList<AlertSelection> &selections, QObject *parent = nullptr,
        std::shared_ptr<HttpTransport> transport = {});

    // Alerts a person delivered in spite of (Delivery::Options::alertOverride):
    // not held against the release while they go on firing. The same alert
    // firing anew, after it resolved, is.
    void setTolerated(const QList<FiringAlert> &alerts) { m_tolerated = alerts; }
    const AlertTrigger &trigger() const { return m_trigger; }

Q_SIGNALS:
    // Every answer: how many matching alerts fire, tolerated ones left out.
    void checked(int firing);
    void fired(const Shipyard::FiringAlert &alert);

private:
    void check() override;
    bool judge(const QList<FiringAlert> &alerts);

    AlertTrigger m_trigger;
    QList<AlertSelection> m_selections;
    QList<FiringAlert> m_tolerated;
    std::shared_ptr<HttpTransport> m_transport;
};

} // namespace Shipyard
