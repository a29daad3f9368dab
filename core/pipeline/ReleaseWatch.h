// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "model/Ecosystem.h"
#include "monitoring/AlertSelection.h"

#include <QEventLoop>
#include <QList>
#include <QString>

#include <chrono>
#include <memory>
#include <optional>

namespace Shipyard {

class AlertWatch;
class DeliveryContext;
class MonitoringWatch;

// The signals that judge a release while it runs, watched side by side in
// the calling (worker) thread: the ecosystem's monitoring query
// (MonitoringWatch) and the environment's Alertmanager alerts (AlertWatch),
// each over its own window, until one says the release is bad or all have
// had their say. Alerts a person delivered in spite of are not held against
// the release. The monitor step watches a whole release with it; a step of a
// partial rollout can watch its share the same way, for its pause
// (setWindow). Logs through the context; a cancel of the delivery ends it.
class ReleaseWatch
{
public:
    struct Verdict
    {
        enum Kind { Passed, Failed, Inconclusive, Cancelled };
        Kind kind = Passed;
        QString message;
        // Inconclusive: whether the ecosystem asks for a rollback then.
        bool rollBackWhenInconclusive = false;
    };

    explicit ReleaseWatch(DeliveryContext &context);
    ~ReleaseWatch();
    ReleaseWatch(const ReleaseWatch &) = delete;
    ReleaseWatch &operator=(const ReleaseWatch &) = delete;

    void watchQuery(const MonitoringTrigger &trigger);
    void watchAlerts(const AlertTrigger &trigger, const QList<AlertSelection> &selections);
    // Every watch for WINDOW rather than its trigger's; before watch*().
    void setWindow(std::chrono::milliseconds window) { m_window = window; }
    bool isEmpty() const { return !m_query && !m_alerts; }

    // Blocks until the verdict. The gravest speaks for all: a cancel, a
    // failure, an inconclusive watch that rolls back, one that keeps;
    // passed only when every watch passed, and then each says how.
    Verdict run();

private:
    void say(const Verdict &verdict);
    void sayFirst(const Verdict &verdict);
    // Ends the wait once VERDICT settles it, or every watch has spoken.
    void concludeOn(const Verdict &verdict);

    DeliveryContext &m_context;
    std::optional<std::chrono::milliseconds> m_window;
    QEventLoop m_loop;
    std::unique_ptr<MonitoringWatch> m_query;
    std::unique_ptr<AlertWatch> m_alerts;
    QList<Verdict> m_verdicts;
    bool m_done = false;
    bool m_quietLogged = false;
};

} // namespace Shipyard
