// SPDX-License-Identifier: GPL-2.0-or-later
#include "pipeline/steps/MonitorStep.h"

#include "monitoring/AlertWatch.h"
#include "monitoring/MonitoringWatch.h"

#include <QEventLoop>
#include <QObject>
#include <QTimer>

#include <cmath>
#include <memory>

namespace Shipyard {

namespace {

struct WatchVerdict
{
    enum Kind { Passed, Failed, Inconclusive, Cancelled };
    Kind kind = Passed;
    QString message;
    // Inconclusive: whether the ecosystem asks for a rollback then.
    bool rollBackWhenInconclusive = false;
};

// Watches the release in this (worker) thread with every signal the
// ecosystem names, each over its own window, until one says the release
// failed or all have had their say.
class ReleaseWatch
{
public:
    explicit ReleaseWatch(DeliveryContext &context) : m_context(context) { }

    void watchQuery(const MonitoringTrigger &trigger)
    {
        auto watch = std::make_unique<MonitoringWatch>(trigger);
        watch->setInterval(trigger.interval);
        MonitoringWatch *w = watch.get();
        QObject::connect(w, &MonitoringWatch::evaluated, &m_loop, [this, trigger](double value) {
            m_context.log(std::isnan(value)
                    ? QStringLiteral("monitoring: no data yet")
                    : QStringLiteral("monitoring: %1 (threshold %2)").arg(value).arg(trigger.threshold));
        });
        QObject::connect(w, &MonitoringWatch::queryFailed, &m_loop,
            [this](const QString &error) { m_context.log(QStringLiteral("monitoring: query failed: ") + error); });
        QObject::connect(w, &MonitoringWatch::thresholdExceeded, &m_loop, [this, trigger](double value) {
            say({ WatchVerdict::Failed,
                QStringLiteral("monitoring: %1 = %2, above the threshold %3")
                    .arg(trigger.query)
                    .arg(value)
                    .arg(trigger.threshold) });
        });
        QObject::connect(w, &MonitoringWatch::passed, &m_loop, [this, trigger] {
            say({ WatchVerdict::Passed,
                QStringLiteral("stayed at or below %1 for %2 s").arg(trigger.threshold).arg(trigger.window.count()) });
        });
        QObject::connect(w, &MonitoringWatch::inconclusive, &m_loop, [this, trigger](const QString &reason) {
            say({ WatchVerdict::Inconclusive, QStringLiteral("monitoring inconclusive: ") + reason,
                trigger.onInconclusive == MonitoringTrigger::Inconclusive::RollBack });
        });
        m_query = std::move(watch);
    }

    void watchAlerts(const AlertTrigger &trigger, const QList<AlertSelection> &selections)
    {
        auto watch = std::make_unique<AlertWatch>(trigger, selections);
        watch->setTolerated(m_context.toleratedAlerts());
        AlertWatch *w = watch.get();
        QObject::connect(w, &AlertWatch::checked, &m_loop, [this](int firing) {
            // The first quiet answer is worth a line; the others would only repeat it.
            if (firing == 0 && !m_quietLogged)
                m_context.log(QStringLiteral("alerts: none fires"));
            m_quietLogged = m_quietLogged || firing == 0;
        });
        QObject::connect(w, &AlertWatch::queryFailed, &m_loop,
            [this](const QString &error) { m_context.log(QStringLiteral("alerts: ") + error); });
        QObject::connect(w, &AlertWatch::fired, &m_loop, [this](const FiringAlert &alert) {
            say({ WatchVerdict::Failed, QStringLiteral("alert %1 fired (%2)").arg(alert.describe(), alert.system) });
        });
        QObject::connect(w, &AlertWatch::passed, &m_loop, [this, trigger] {
            say({ WatchVerdict::Passed, QStringLiteral("no alert fired for %1 s").arg(trigger.window.count()) });
        });
        QObject::connect(w, &AlertWatch::inconclusive, &m_loop, [this, trigger](const QString &reason) {
            say({ WatchVerdict::Inconclusive, QStringLiteral("alerts inconclusive: ") + reason,
                trigger.onUnreachable == AlertTrigger::Unreachable::Stop });
        });
        m_alerts = std::move(watch);
    }

    WatchVerdict run()
    {
        QTimer cancelCheck;
        QObject::connect(&cancelCheck, &QTimer::timeout, &m_loop, [this] {
            if (m_context.cancelled())
                say({ WatchVerdict::Cancelled, QStringLiteral("cancelled") });
        });
        cancelCheck.start(100);
        if (m_query)
            m_query->start();
        if (m_alerts)
            m_alerts->start();
        if (!m_done)
            m_loop.exec();
        if (m_query)
            m_query->stop();
        if (m_alerts)
            m_alerts->stop();
        // The gravest verdict speaks for all: a cancel, a failure, an
        // inconclusive watch that rolls back, one that keeps; passed only
        // when every watch passed, and then each says how.
        const auto rank = [](const WatchVerdict &verdict) {
            switch (verdict.kind) {
            case WatchVerdict::Cancelled:
                return 4;
            case WatchVerdict::Failed:
                return 3;
            case WatchVerdict::Inconclusive:
                return verdict.rollBackWhenInconclusive ? 2 : 1;
            case WatchVerdict::Passed:
                break;
            }
            return 0;
        };
        WatchVerdict overall = m_verdicts.value(0);
        QStringList passed;
        for (const WatchVerdict &verdict : std::as_const(m_verdicts)) {
            if (rank(verdict) > rank(overall))
                overall = verdict;
            if (verdict.kind == WatchVerdict::Passed)
                passed.append(verdict.message);
        }
        if (overall.kind == WatchVerdict::Passed)
            overall.message = passed.join(QStringLiteral("; "));
        return overall;
    }

private:
    void say(const WatchVerdict &verdict)
    {
        m_verdicts.append(verdict);
        if (verdict.kind == WatchVerdict::Failed || verdict.kind == WatchVerdict::Cancelled ||
            m_verdicts.size() == int(bool(m_query)) + int(bool(m_alerts))) {
            m_done = true;
            m_loop.quit();
        }
    }

    DeliveryContext &m_context;
    QEventLoop m_loop;
    std::unique_ptr<MonitoringWatch> m_query;
    std::unique_ptr<AlertWatch> m_alerts;
    QList<WatchVerdict> m_verdicts;
    bool m_done = false;
    bool m_quietLogged = false;
};

} // namespace

DeliveryStep::Verdict MonitorStep::run(DeliveryContext &context)
{
    const std::optional<MonitoringTrigger> &trigger = context.ecosystem().rollback.monitoring;
    const std::optional<AlertTrigger> &alerts = context.environment().alerts;
    // Local and showroom environments take no real traffic to judge.
    const bool watched = context.environment().isFinal();
    if ((!trigger && !alerts) || !context.options().watchMonitoring || !watched) {
        setStates(context, State::Skipped,
            !trigger && !alerts ? QString()
                : !watched
                ? QStringLiteral("%1 environments are not watched").arg(Shipyard::keyword(context.environment().kind))
                : QStringLiteral("not asked to watch"));
        return goOn();
    }
    ReleaseWatch watch(context);
    QStringList what;
    if (trigger) {
        watch.watchQuery(*trigger);
        what.append(QStringLiteral("%1 for %2 s").arg(trigger->query).arg(trigger->window.count()));
    }
    if (alerts) {
        QString error;
        const QList<AlertSelection> selections = context.alertSelections(&error);
        if (selections.isEmpty()) {
            // The lock step read the same matchers: only a change of the
            // ecosystem in between gets here, and nothing can be watched.
            setStates(context, State::Failed, error);
            return rollBack(Step::Monitor, error, Fault::Environment);
        }
        watch.watchAlerts(*alerts, selections);
        what.append(QStringLiteral("alerts for %1 s").arg(alerts->window.count()));
    }
    setStates(context, State::Running, QStringLiteral("watching ") + what.join(QStringLiteral(" and ")));
    const WatchVerdict verdict = watch.run();
    switch (verdict.kind) {
    case WatchVerdict::Passed:
        setStates(context, State::Succeeded, verdict.message);
        break;
    case WatchVerdict::Failed:
        setStates(context, State::Failed, verdict.message);
        return rollBack(Step::Monitor, verdict.message, Fault::Branch);
    case WatchVerdict::Inconclusive: {
        // Rolled back as the ecosystem asks, but no answer from monitoring
        // says nothing against the branch.
        if (verdict.rollBackWhenInconclusive) {
            setStates(context, State::Failed, verdict.message);
            return rollBack(Step::Monitor, verdict.message, Fault::Environment);
        }
        const QString note = verdict.message + QStringLiteral("; kept as the ecosystem asks");
        context.log(QStringLiteral("warning: ") + note);
        setStates(context, State::Succeeded, note);
        // The release kept says why in its record (a failure after this replaces it).
        context.record().reason = note;
        break;
    }
    case WatchVerdict::Cancelled:
        setStates(context, State::Cancelled, QStringLiteral("cancelled"));
        return rollBack(Step::Monitor, QStringLiteral("cancelled"), Fault::Environment);
    }
    return goOn();
}

void MonitorStep::setStates(DeliveryContext &context, State state, const QString &message)
{
    for (const DeliveryContext::Work &work : context.work())
        context.setState(Step::Monitor, work.system.name, state, message);
}

} // namespace Shipyard
