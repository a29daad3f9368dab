// SPDX-License-Identifier: GPL-2.0-or-later
#include "pipeline/CanaryJudge.h"

#include "monitoring/AlertWatch.h"
#include "monitoring/MonitoringWatch.h"

#include <cmath>

namespace Shipyard {

CanaryJudge::CanaryJudge(const std::optional<MonitoringTrigger> &monitoring, QObject *parent)
    : QObject(parent), m_monitoring(monitoring)
{ }

CanaryJudge::~CanaryJudge() = default;

void CanaryJudge::watchAlerts(
    const AlertTrigger &alerts, const QList<AlertSelection> &selections, const QList<FiringAlert> &tolerated)
{
    m_alertTrigger = alerts;
    m_alertSelections = selections;
    m_toleratedAlerts = tolerated;
}

QString CanaryJudge::describe() const
{
    QStringList signals;
    if (m_monitoring)
        signals << QStringLiteral("%1 (threshold %2)").arg(m_monitoring->query).arg(m_monitoring->threshold);
    if (m_alertTrigger)
        signals << QStringLiteral("the alerts of %1").arg(m_alertTrigger->alertmanagerUrl);
    if (signals.isEmpty())
        return QStringLiteral("no signal judges it (no rollback.monitoring nor alerts, or not asked to watch)");
    return QStringLiteral("judged by ") + signals.join(QStringLiteral(" and "));
}

void CanaryJudge::start()
{
    m_answers = 0;
    m_alertAnswers = 0;
    m_lastError.clear();
    startAlerts();
    if (!m_monitoring)
        return;
    // The hold decides when the step ends, not the watch's own window: a
    // manual pause lasts until a person decides.
    MonitoringTrigger trigger = *m_monitoring;
    trigger.window = std::chrono::hours(24 * 365);
    m_watch = std::make_unique<MonitoringWatch>(trigger);
    m_watch->setInterval(trigger.interval);
    connect(m_watch.get(), &MonitoringWatch::evaluated, this, [this](double value) {
        ++m_answers;
        Q_EMIT note(std::isnan(value)
                ? QStringLiteral("canary monitoring: no data yet")
                : QStringLiteral("canary monitoring: %1 (threshold %2)").arg(value).arg(m_monitoring->threshold));
    });
    connect(m_watch.get(), &MonitoringWatch::queryFailed, this, [this](const QString &error) {
        m_lastError = error;
        Q_EMIT note(QStringLiteral("canary monitoring: query failed: ") + error);
    });
    connect(m_watch.get(), &MonitoringWatch::thresholdExceeded, this, [this](double value) {
        Q_EMIT objected(QStringLiteral("monitoring: %1 = %2, above the threshold %3")
                .arg(m_monitoring->query)
                .arg(value)
                .arg(m_monitoring->threshold));
    });
    m_watch->start();
}

void CanaryJudge::startAlerts()
{
    if (!m_alertTrigger || m_alertSelections.isEmpty())
        return;
    m_alerts = std::make_unique<AlertWatch>(*m_alertTrigger, m_alertSelections);
    // As for the query: the hold ends the step, not the watch's window.
    m_alerts->setWindow(std::chrono::hours(24 * 365));
    m_alerts->setTolerated(m_toleratedAlerts);
    connect(m_alerts.get(), &AlertWatch::checked, this, [this](int firing) {
        ++m_alertAnswers;
        Q_EMIT note(QStringLiteral("canary alerts: %1 firing").arg(firing));
    });
    connect(m_alerts.get(), &AlertWatch::queryFailed, this,
        [this](const QString &error) { Q_EMIT note(QStringLiteral("canary alerts: not read: ") + error); });
    connect(m_alerts.get(), &AlertWatch::fired, this,
        [this](const FiringAlert &alert) { Q_EMIT objected(QStringLiteral("alert %1").arg(alert.describe())); });
    m_alerts->start();
}

void CanaryJudge::stop()
{
    if (m_watch)
        m_watch->stop();
    if (m_alerts)
        m_alerts->stop();
}

CanaryJudge::Verdict CanaryJudge::conclude()
{
    stop();
    if (!m_monitoring && m_alertTrigger)
        return { true, m_alertAnswers > 0 ? QStringLiteral("no alert fired") : QStringLiteral("alerts not read") };
    if (!m_monitoring)
        return { true, QStringLiteral("held; no signal judged it") };
    if (m_answers > 0)
        return { true, QStringLiteral("monitoring stayed at or below %1").arg(m_monitoring->threshold) };
    // Prometheus that never answered must not read as healthy, nor as sick
    // unless the ecosystem says so.
    const QString inconclusive = QStringLiteral("monitoring inconclusive: %1")
                                     .arg(m_lastError.isEmpty() ? QStringLiteral("no answer") : m_lastError);
    if (m_monitoring->onInconclusive == MonitoringTrigger::Inconclusive::RollBack)
        return { false, inconclusive };
    return { true, inconclusive + QStringLiteral("; passed as the ecosystem asks") };
}

} // namespace Shipyard
