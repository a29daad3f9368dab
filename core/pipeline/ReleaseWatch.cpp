// SPDX-License-Identifier: GPL-2.0-or-later
#include "pipeline/ReleaseWatch.h"

#include "monitoring/AlertWatch.h"
#include "monitoring/MonitoringWatch.h"
#include "pipeline/DeliveryContext.h"

#include <QObject>
#include <QTimer>

#include <cmath>

namespace Shipyard {

namespace {

// Seconds, as the verdicts name a window.
qint64 seconds(std::chrono::milliseconds window)
{
    return std::chrono::duration_cast<std::chrono::seconds>(window).count();
}

} // namespace

ReleaseWatch::ReleaseWatch(DeliveryContext &context) : m_context(context)
{ }

ReleaseWatch::~ReleaseWatch() = default;

void ReleaseWatch::watchQuery(const MonitoringTrigger &watched)
{
    MonitoringTrigger trigger = watched;
    if (m_window)
        trigger.window = std::chrono::duration_cast<std::chrono::seconds>(*m_window);
    m_query = std::make_unique<MonitoringWatch>(trigger);
    m_query->setInterval(trigger.interval);
    MonitoringWatch *w = m_query.get();
    QObject::connect(w, &MonitoringWatch::evaluated, &m_loop, [this, trigger](double value) {
        m_context.log(std::isnan(value)
                ? QStringLiteral("monitoring: no data yet")
                : QStringLiteral("monitoring: %1 (threshold %2)").arg(value).arg(trigger.threshold));
    });
    QObject::connect(w, &MonitoringWatch::queryFailed, &m_loop,
        [this](const QString &error) { m_context.log(QStringLiteral("monitoring: query failed: ") + error); });
    QObject::connect(w, &MonitoringWatch::thresholdExceeded, &m_loop, [this, trigger](double value) {
        sayFirst({ Verdict::Failed,
            QStringLiteral("monitoring: %1 = %2, above the threshold %3")
                .arg(trigger.query)
                .arg(value)
                .arg(trigger.threshold) });
    });
    QObject::connect(w, &MonitoringWatch::passed, &m_loop, [this, trigger] {
        sayFirst({ Verdict::Passed,
            QStringLiteral("stayed at or below %1 for %2 s").arg(trigger.threshold).arg(trigger.window.count()) });
    });
    QObject::connect(w, &MonitoringWatch::inconclusive, &m_loop, [this, trigger](const QString &reason) {
        sayFirst({ Verdict::Inconclusive, QStringLiteral("monitoring inconclusive: ") + reason,
            trigger.onInconclusive == MonitoringTrigger::Inconclusive::RollBack });
    });
}

void ReleaseWatch::watchAlerts(const AlertTrigger &trigger, const QList<AlertSelection> &selections)
{
    m_alerts = std::make_unique<AlertWatch>(trigger, selections);
    if (m_window)
        m_alerts->setWindow(*m_window);
    m_alerts->setTolerated(m_context.toleratedAlerts());
    AlertWatch *w = m_alerts.get();
    QObject::connect(w, &AlertWatch::checked, &m_loop, [this](int firing) {
        // The first quiet answer is worth a line; the others would only repeat it.
        if (firing == 0 && !m_quietLogged)
            m_context.log(QStringLiteral("alerts: none fires"));
        m_quietLogged = m_quietLogged || firing == 0;
    });
    QObject::connect(w, &AlertWatch::queryFailed, &m_loop,
        [this](const QString &error) { m_context.log(QStringLiteral("alerts: ") + error); });
    QObject::connect(w, &AlertWatch::fired, &m_loop, [this](const FiringAlert &alert) {
        say({ Verdict::Failed, QStringLiteral("alert %1 fired (%2)").arg(alert.describe(), alert.system) });
    });
    QObject::connect(w, &AlertWatch::passed, &m_loop,
        [this, w] { say({ Verdict::Passed, QStringLiteral("no alert fired for %1 s").arg(seconds(w->window())) }); });
    QObject::connect(w, &AlertWatch::inconclusive, &m_loop, [this, trigger](const QString &reason) {
        say({ Verdict::Inconclusive, QStringLiteral("alerts inconclusive: ") + reason,
            trigger.onUnreachable == AlertTrigger::Unreachable::Stop });
    });
}

ReleaseWatch::Verdict ReleaseWatch::run()
{
    m_verdicts.clear();
    m_done = isEmpty();
    QTimer cancelCheck;
    QObject::connect(&cancelCheck, &QTimer::timeout, &m_loop, [this] {
        if (m_context.cancelled())
            say({ Verdict::Cancelled, QStringLiteral("cancelled") });
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
    const auto rank = [](const Verdict &verdict) {
        switch (verdict.kind) {
        case Verdict::Cancelled:
            return 4;
        case Verdict::Failed:
            return 3;
        case Verdict::Inconclusive:
            return verdict.rollBackWhenInconclusive ? 2 : 1;
        case Verdict::Passed:
            break;
        }
        return 0;
    };
    Verdict overall = m_verdicts.value(0);
    QStringList passed;
    for (const Verdict &verdict : std::as_const(m_verdicts)) {
        if (rank(verdict) > rank(overall))
            overall = verdict;
        if (verdict.kind == Verdict::Passed)
            passed.append(verdict.message);
    }
    if (overall.kind == Verdict::Passed)
        overall.message = passed.join(QStringLiteral("; "));
    return overall;
}

void ReleaseWatch::sayFirst(const Verdict &verdict)
{
    // The query's verdict comes first in what the watch says, however the
    // windows end.
    m_verdicts.prepend(verdict);
    concludeOn(verdict);
}

void ReleaseWatch::say(const Verdict &verdict)
{
    m_verdicts.append(verdict);
    concludeOn(verdict);
}

void ReleaseWatch::concludeOn(const Verdict &verdict)
{
    if (verdict.kind == Verdict::Failed || verdict.kind == Verdict::Cancelled ||
        m_verdicts.size() == int(bool(m_query)) + int(bool(m_alerts))) {
        m_done = true;
        m_loop.quit();
    }
}

} // namespace Shipyard
