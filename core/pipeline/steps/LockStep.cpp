// SPDX-License-Identifier: GPL-2.0-or-later
#include "pipeline/steps/LockStep.h"

#include "gating/FreezeCalendar.h"
#include "monitoring/AlertmanagerClient.h"
#include "pipeline/EnvironmentLock.h"
#include "pipeline/WritePermissions.h"

#include <QJsonArray>
#include <QStringList>

#include <memory>

namespace Shipyard {

DeliveryStep::Verdict LockStep::run(DeliveryContext &context)
{
    const Delivery::Options &options = context.options();
    context.setState(Step::Lock, {}, State::Running);
    if (const std::optional<Verdict> frozen = checkFreeze(context))
        return *frozen;
    if (const std::optional<Verdict> alerted = checkAlerts(context))
        return *alerted;
    QString clientError;
    const KubeClient client = options.cluster.client(context.environment().context, &clientError);
    if (!client.isValid()) {
        context.setState(Step::Lock, {}, State::Failed, clientError);
        return notStarted(Outcome::Failed, Step::Lock, clientError);
    }
    context.setClient(client);
    // Taking the lock writes the Lease: the first write of a delivery, and
    // one it cannot do without. What the lock needs is asked before trying,
    // so that a user who may not hold it hears why rather than a bare
    // Forbidden; everything else the delivery writes is asked by the deploy
    // step before its first change, once the manifests say what that is.
    WritePermissions lockPermissions(client, context.namespaceName());
    lockPermissions.addLock();
    if (const QString missing = lockPermissions.check(); !missing.isEmpty()) {
        context.setState(Step::Lock, {}, State::Failed, missing);
        context.audit(QStringLiteral("deliver"), QStringLiteral("failed: ") + missing, {}, context.auditDetails());
        return notStarted(Outcome::Failed, Step::Lock, missing);
    }
    EnvironmentLock &lock = context.setLock(std::make_unique<EnvironmentLock>(client, context.namespaceName(),
        options.identity.isEmpty() ? EnvironmentLock::defaultIdentity() : options.identity, options.leaseDuration));
    lock.setEnvironment(context.environment().name, context.environment().isProtected);
    {
        // What the lock's holder and the queue show others about this delivery.
        QStringList what;
        for (const DeliveryContext::Work &work : context.work()) {
            const QString &source = work.target.image.isEmpty() ? work.target.branch : work.target.image;
            what.append(source.isEmpty() ? work.system.name : work.system.name + QLatin1Char('=') + source);
        }
        QString reason = QStringLiteral("deliver ") + what.join(QStringLiteral(", "));
        if (!context.tasks().isEmpty())
            reason += QStringLiteral(" (") + context.tasks().join(QStringLiteral(", ")) + QLatin1Char(')');
        lock.setReason(reason);
    }
    QString lockError;
    bool waited = false;
    if (!lock.acquire(options.waitForLock, context.cancelFlag(), &lockError, [&](const QString &holder) {
            waited = true;
            context.log(QStringLiteral("waiting: %1 is held by %2").arg(context.environment().name, holder));
        })) {
        context.setState(Step::Lock, {}, context.cancelled() ? State::Cancelled : State::Failed, lockError);
        context.audit(QStringLiteral("deliver"),
            (context.cancelled() ? QStringLiteral("cancelled: ") : QStringLiteral("failed: ")) + lockError, {},
            context.auditDetails());
        return notStarted(context.cancelled() ? Outcome::Cancelled : Outcome::Failed, Step::Lock, lockError);
    }
    if (const std::optional<Verdict> frozen = checkFreeze(context))
        return *frozen;
    // Alerts may have begun to fire while another delivery held the lock.
    if (waited) {
        if (const std::optional<Verdict> alerted = checkAlerts(context))
            return *alerted;
    }
    // From here on every request gives up in time for the lease (see EnvironmentLock).
    context.setClient(lock.writeClient());
    QString held = QStringLiteral("held by %1").arg(lock.identity());
    if (const auto window = FreezeCalendar::frozenAt(context.environment().freezes, context.now()))
        held += QStringLiteral("; frozen %1, delivered anyway: %2").arg(window->describeEnd(), options.freezeOverride);
    if (!context.toleratedAlerts().isEmpty())
        held += QStringLiteral("; alerts firing, delivered anyway: %1").arg(options.alertOverride);
    context.setState(Step::Lock, {}, State::Succeeded, held);
    context.audit(QStringLiteral("deliver"), QStringLiteral("started"), {}, context.auditDetails());
    if (const auto window = FreezeCalendar::frozenAt(context.environment().freezes, context.now()))
        context.notify(NotificationEvent::FreezeOverride,
            QStringLiteral("%1 is frozen %2; delivered anyway: %3")
                .arg(context.environment().name, window->describeEnd(), options.freezeOverride));
    context.notify(NotificationEvent::DeliveryStarted);
    return goOn();
}

std::optional<DeliveryStep::Verdict> LockStep::checkFreeze(DeliveryContext &context)
{
    const std::optional<FreezeCalendar::Occurrence> window =
        FreezeCalendar::frozenAt(context.environment().freezes, context.now());
    if (!window)
        return std::nullopt;
    const QString &why = context.options().freezeOverride;
    if (!why.isEmpty()) {
        // Said once the freeze holds: a reason given outside a window overrides nothing.
        context.addAuditDetail(QStringLiteral("freezeOverride"), why);
        context.log(QStringLiteral("%1 is frozen %2; delivered anyway: %3")
                .arg(context.environment().name, window->describeEnd(), why));
        return std::nullopt;
    }
    const QString reason = QStringLiteral("%1 is frozen %2; a person may deliver anyway, saying why "
                                          "(shipyardctl deliver --override-freeze WHY)")
                               .arg(context.environment().name, window->describeEnd());
    context.setState(Step::Lock, {}, State::Failed, reason);
    context.audit(QStringLiteral("deliver"), QStringLiteral("refused: ") + reason, {}, context.auditDetails(), false);
    return notStarted(Outcome::Failed, Step::Lock, reason);
}

std::optional<DeliveryStep::Verdict> LockStep::checkAlerts(DeliveryContext &context)
{
    const Environment &environment = context.environment();
    if (!environment.alerts)
        return std::nullopt;
    const AlertTrigger &trigger = *environment.alerts;
    const auto refuse = [&](const QString &reason) {
        context.setState(Step::Lock, {}, State::Failed, reason);
        context.audit(
            QStringLiteral("deliver"), QStringLiteral("refused: ") + reason, {}, context.auditDetails(), false);
        return notStarted(Outcome::Failed, Step::Lock, reason);
    };
    QString error;
    const QList<AlertSelection> selections = context.alertSelections(&error);
    if (selections.isEmpty())
        return refuse(QStringLiteral("%1: %2").arg(environment.name, error));
    AlertmanagerClient client(QUrl(trigger.alertmanagerUrl));
    client.setCancelFlag(context.cancelFlag());
    client.setCredentials(trigger.credentials);
    const AlertmanagerClient::Answer answer = client.firing(selections);
    if (context.cancelled()) {
        // Cut short by a cancel: neither an unreadable Alertmanager nor a refusal.
        context.setState(Step::Lock, {}, State::Cancelled, QStringLiteral("cancelled"));
        context.audit(QStringLiteral("deliver"), QStringLiteral("cancelled: reading the alerts"), {},
            context.auditDetails(), false);
        return notStarted(Outcome::Cancelled, Step::Lock, QStringLiteral("cancelled"));
    }
    if (!answer.isAnswer()) {
        // Which way an outage of alerting goes is the ecosystem's to say.
        if (trigger.onUnreachable == AlertTrigger::Unreachable::Stop)
            return refuse(QStringLiteral("the alerts of %1 cannot be read (%2), and the ecosystem asks to stop then "
                                         "(onUnreachable: stop)")
                    .arg(environment.name, answer.error));
        context.log(QStringLiteral("warning: the alerts of %1 cannot be read (%2); delivering anyway "
                                   "(onUnreachable: proceed)")
                .arg(environment.name, answer.error));
        context.addAuditDetail(QStringLiteral("alertsUnread"), answer.error);
        return std::nullopt;
    }
    if (answer.alerts.isEmpty()) {
        context.log(QStringLiteral("no alert of %1 fires").arg(environment.name));
        return std::nullopt;
    }
    QStringList firing;
    for (const FiringAlert &alert : answer.alerts)
        firing.append(QStringLiteral("%1 (%2)").arg(alert.describe(), alert.system));
    const QString &why = context.options().alertOverride;
    if (!why.isEmpty()) {
        // Said once alerts fire: a reason given while none does overrides nothing.
        context.addAuditDetail(QStringLiteral("alertOverride"), why);
        context.addAuditDetail(QStringLiteral("firingAlerts"), QJsonArray::fromStringList(firing));
        context.tolerateAlerts(answer.alerts);
        context.log(QStringLiteral("alerts of %1 fire: %2; delivered anyway: %3")
                .arg(environment.name, firing.join(QStringLiteral("; ")), why));
        return std::nullopt;
    }
    // The environment's trouble, not the branches': no task goes back.
    context.result().refusedByAlerts = true;
    return refuse(QStringLiteral("alerts of %1 fire: %2; a person may deliver anyway, saying why "
                                 "(shipyardctl deliver --ignore-alerts WHY)")
            .arg(environment.name, firing.join(QStringLiteral("; "))));
}

} // namespace Shipyard
