// SPDX-License-Identifier: GPL-2.0-or-later
#include "pipeline/steps/MonitorStep.h"

#include "pipeline/ReleaseWatch.h"

namespace Shipyard {

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
            // The lock step refused the delivery for the same matchers
            // already; without them nothing could be watched.
            setStates(context, State::Failed, error);
            return rollBack(Step::Monitor, error, Fault::Environment);
        }
        watch.watchAlerts(*alerts, selections);
        what.append(QStringLiteral("alerts for %1 s").arg(alerts->window.count()));
    }
    setStates(context, State::Running, QStringLiteral("watching ") + what.join(QStringLiteral(" and ")));
    const ReleaseWatch::Verdict verdict = watch.run();
    switch (verdict.kind) {
    case ReleaseWatch::Verdict::Passed:
        setStates(context, State::Succeeded, verdict.message);
        break;
    case ReleaseWatch::Verdict::Failed:
        setStates(context, State::Failed, verdict.message);
        return rollBack(Step::Monitor, verdict.message, Fault::Branch);
    case ReleaseWatch::Verdict::Inconclusive: {
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
    case ReleaseWatch::Verdict::Cancelled:
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
