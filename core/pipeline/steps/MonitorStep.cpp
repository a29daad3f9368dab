// SPDX-License-Identifier: GPL-2.0-or-later
#include "pipeline/steps/MonitorStep.h"

#include "monitoring/MonitoringWatch.h"

#include <QEventLoop>
#include <QObject>
#include <QTimer>

#include <atomic>
#include <cmath>
#include <functional>

namespace Shipyard {

namespace {

struct MonitoringVerdict
{
    enum Kind { Passed, Exceeded, Inconclusive, Cancelled };
    Kind kind = Passed;
    QString message;
};

// Watches the release for the trigger's window in this (worker) thread.
MonitoringVerdict watchRelease(
    const MonitoringTrigger &trigger, const std::function<void(const QString &)> &log, const std::atomic_bool &cancel)
{
    MonitoringWatch watch(trigger);
    watch.setInterval(trigger.interval);
    MonitoringVerdict verdict;
    QEventLoop loop;
    QObject::connect(&watch, &MonitoringWatch::evaluated, &loop, [&](double value) {
        log(std::isnan(value) ? QStringLiteral("monitoring: no data yet")
                              : QStringLiteral("monitoring: %1 (threshold %2)").arg(value).arg(trigger.threshold));
    });
    QObject::connect(&watch, &MonitoringWatch::queryFailed, &loop,
        [&](const QString &error) { log(QStringLiteral("monitoring: query failed: ") + error); });
    QObject::connect(&watch, &MonitoringWatch::thresholdExceeded, &loop, [&](double value) {
        verdict = { MonitoringVerdict::Exceeded,
            QStringLiteral("monitoring: %1 = %2, above the threshold %3")
                .arg(trigger.query)
                .arg(value)
                .arg(trigger.threshold) };
        loop.quit();
    });
    QObject::connect(&watch, &MonitoringWatch::passed, &loop, [&] {
        verdict = { MonitoringVerdict::Passed,
            QStringLiteral("stayed at or below %1 for %2 s").arg(trigger.threshold).arg(trigger.window.count()) };
        loop.quit();
    });
    QObject::connect(&watch, &MonitoringWatch::inconclusive, &loop, [&](const QString &reason) {
        verdict = { MonitoringVerdict::Inconclusive, QStringLiteral("monitoring inconclusive: ") + reason };
        loop.quit();
    });
    QTimer cancelCheck;
    QObject::connect(&cancelCheck, &QTimer::timeout, &loop, [&] {
        if (cancel) {
            watch.stop();
            verdict = { MonitoringVerdict::Cancelled, QStringLiteral("cancelled") };
            loop.quit();
        }
    });
    cancelCheck.start(100);
    watch.start();
    loop.exec();
    return verdict;
}

} // namespace

DeliveryStep::Verdict MonitorStep::run(DeliveryContext &context)
{
    const std::optional<MonitoringTrigger> &trigger = context.ecosystem().rollback.monitoring;
    // Local and showroom environments take no real traffic to judge.
    const bool watched = context.environment().isFinal();
    if (!trigger || !context.options().watchMonitoring || !watched) {
        setStates(context, State::Skipped,
            !trigger ? QString()
                : !watched
                ? QStringLiteral("%1 environments are not watched").arg(Shipyard::keyword(context.environment().kind))
                : QStringLiteral("not asked to watch"));
        return goOn();
    }
    setStates(context, State::Running,
        QStringLiteral("watching %1 for %2 s").arg(trigger->query).arg(trigger->window.count()));
    const MonitoringVerdict verdict = watchRelease(*trigger, context.logger(), *context.cancelFlag());
    switch (verdict.kind) {
    case MonitoringVerdict::Passed:
        setStates(context, State::Succeeded, verdict.message);
        break;
    case MonitoringVerdict::Exceeded:
        setStates(context, State::Failed, verdict.message);
        return rollBack(Step::Monitor, verdict.message, Fault::Branch);
    case MonitoringVerdict::Inconclusive: {
        // Rolled back as the ecosystem asks, but no answer from Prometheus
        // says nothing against the branch.
        if (trigger->onInconclusive == MonitoringTrigger::Inconclusive::RollBack) {
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
    case MonitoringVerdict::Cancelled:
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
