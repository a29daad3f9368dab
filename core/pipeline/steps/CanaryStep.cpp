// SPDX-License-Identifier: GPL-2.0-or-later
#include "pipeline/steps/CanaryStep.h"

#include "pipeline/CanaryControl.h"
#include "pipeline/CanaryJudge.h"
#include "releases/CanaryDeployment.h"
#include "releases/CanaryState.h"
#include "releases/ReleaseApplier.h"
#include "support/Duration.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QTimer>

namespace Shipyard {

namespace {

using Step = Delivery::Step;
using State = Delivery::State;
using StepVerdict = CanaryStepResult::Verdict;

// How often a held step looks for a person's decision, a cancel and the lock.
constexpr std::chrono::milliseconds checkInterval { 500 };

QString nameOf(const QJsonObject &object)
{
    return object[QLatin1String("metadata")][QLatin1String("name")].toString();
}

// One system's canary, from its first share to its promotion or its abort.
class CanaryRun
{
public:
    CanaryRun(DeliveryContext &context, DeliveryContext::Work &work, const CanaryPlan &plan)
        : m_context(context)
        , m_work(work)
        , m_plan(plan)
        , m_system(work.system.name)
        , m_applier(context.client(), context.namespaceName())
    {
        m_applier.setLog(context.logger());
        m_applier.setCancelFlag(context.cancelFlag());
        m_applier.setWriteGuard(context.writeGuard());
        m_applier.setDeploymentObserver(context.deploymentObserver());
        int old = 0;
        for (const QJsonObject &main : std::as_const(work.heldForCanary))
            old += work.runningReplicas.value(nameOf(main));
        for (int share : plan.steps) {
            CanaryStepResult step;
            step.share = share;
            step.oldReplicas = share == 100 ? 0 : old;
            step.replicas = share == 100 ? old : replicasFor(share);
            m_steps.append(step);
        }
        m_state.system = m_system;
        m_state.deployment = CanaryDeployment::nameOf(nameOf(work.heldForCanary.first()));
        m_state.release = context.record().id;
        m_state.stepCount = int(plan.steps.size());
    }

    std::optional<DeliveryStep::Verdict> run();

private:
    // The outcome of holding one step.
    struct Hold
    {
        enum Kind { Passed, Objected, Promote, Abort, Cancelled, LockLost };
        Kind kind = Passed;
        QString message;
    };

    int replicasFor(int share) const
    {
        int replicas = 0;
        for (const QJsonObject &main : std::as_const(m_work.heldForCanary))
            replicas += CanaryDeployment::replicasFor(share, m_work.runningReplicas.value(nameOf(main)));
        return replicas;
    }

    // The steps as they stand, to the Delivery and the record; with APPLY,
    // the canaries applied with INDEX's replicas and the state in their
    // annotations. Empty or why they were not applied.
    QString publish(int index, bool apply);
    std::optional<DeliveryStep::Verdict> rollOut(int index);
    Hold hold(int index);
    std::optional<DeliveryStep::Verdict> promote(int index);
    DeliveryStep::Verdict abort(int index, StepVerdict verdict, const QString &reason, Fault fault);
    QString summary() const;

    DeliveryContext &m_context;
    DeliveryContext::Work &m_work;
    const CanaryPlan &m_plan;
    const QString m_system;
    ReleaseApplier m_applier;
    QList<CanaryStepResult> m_steps;
    CanaryState m_state;
};

std::optional<DeliveryStep::Verdict> CanaryRun::run()
{
    QStringList shares;
    for (int share : m_plan.steps)
        shares.append(QStringLiteral("%1 %").arg(share));
    const QString pause = m_plan.manual ? QStringLiteral("each waiting for a person")
                                        : QStringLiteral("each held %1").arg(formatDuration(m_plan.pause));
    m_context.setState(
        Step::Canary, m_system, State::Running, QStringLiteral("%1, %2").arg(shares.join(QStringLiteral(", ")), pause));
    m_context.log(QStringLiteral("%1: canary %2, %3").arg(m_system, shares.join(QStringLiteral(" → ")), pause));
    for (int index = 0; index < m_steps.size(); ++index) {
        if (m_steps[index].share == 100)
            return promote(index);
        if (const std::optional<DeliveryStep::Verdict> stopped = rollOut(index))
            return stopped;
        const Hold held = hold(index);
        switch (held.kind) {
        case Hold::Passed:
            m_steps[index].verdict = StepVerdict::Passed;
            m_steps[index].message = held.message;
            m_context.log(
                QStringLiteral("%1: canary at %2 passed: %3").arg(m_system, m_steps[index].describe(), held.message));
            break;
        case Hold::Promote:
            m_steps[index].verdict = StepVerdict::Promoted;
            m_steps[index].message = held.message;
            m_context.log(QStringLiteral("%1: canary %2").arg(m_system, held.message));
            // A person's promote skips what is left before 100 %.
            for (int later = index + 1; later < m_steps.size() - 1; ++later)
                m_steps[later].verdict = StepVerdict::Skipped;
            return promote(int(m_steps.size()) - 1);
        case Hold::Objected:
            return abort(index, StepVerdict::Failed, held.message, Fault::Branch);
        case Hold::Abort:
            return abort(index, StepVerdict::Aborted, held.message, Fault::Branch);
        case Hold::Cancelled:
            return abort(index, StepVerdict::Cancelled, QStringLiteral("cancelled"), Fault::Environment);
        case Hold::LockLost:
            // Not a write more: the next holder restores over this release,
            // the canary included (see ReleaseApplier::restore).
            m_steps[index].verdict = StepVerdict::Cancelled;
            m_steps[index].message = held.message;
            m_context.setCanary(m_system, m_steps);
            m_context.setState(Step::Canary, m_system, State::Cancelled, held.message);
            return DeliveryStep::interrupted(Step::Canary, held.message);
        }
    }
    return std::nullopt;
}

QString CanaryRun::publish(int index, bool apply)
{
    m_context.setCanary(m_system, m_steps);
    if (const KubeError saved = m_context.saveRecord(); saved.isError())
        m_context.log(QStringLiteral("warning: release record not updated: %1").arg(saved.message));
    if (!apply)
        return {};
    m_state.step = index + 1;
    m_state.share = m_steps[index].share;
    m_state.steps = m_steps;
    for (const QJsonObject &main : std::as_const(m_work.heldForCanary)) {
        QJsonObject canary = CanaryDeployment::make(main, m_system,
            CanaryDeployment::replicasFor(m_steps[index].share, m_work.runningReplicas.value(nameOf(main))));
        QJsonObject metadata = canary.value(QLatin1String("metadata")).toObject();
        QJsonObject annotations = metadata.value(QLatin1String("annotations")).toObject();
        const QJsonObject state = m_state.annotations();
        for (auto it = state.begin(); it != state.end(); ++it)
            annotations.insert(it.key(), it.value());
        metadata.insert(QStringLiteral("annotations"), annotations);
        canary.insert(QStringLiteral("metadata"), metadata);
        KubeError error;
        if (const QString refused = m_applier.apply(canary, nullptr, &error); !refused.isEmpty())
            return refused;
        // A change to the environment like any other: a failure from here on is rolled back.
        m_context.setApplied();
    }
    return {};
}

std::optional<DeliveryStep::Verdict> CanaryRun::rollOut(int index)
{
    m_steps[index].verdict = StepVerdict::Holding;
    m_context.setState(Step::Canary, m_system, State::Running,
        QStringLiteral("step %1 of %2: %3").arg(index + 1).arg(m_steps.size()).arg(m_steps[index].describe()));
    if (const QString refused = publish(index, true); !refused.isEmpty()) {
        if (const QString why = m_context.whyNotWritable(); !why.isEmpty()) {
            m_context.setState(Step::Canary, m_system, State::Cancelled, why);
            return DeliveryStep::interrupted(Step::Canary, why);
        }
        return abort(index, StepVerdict::Failed, refused, Fault::Environment);
    }
    QList<QJsonObject> canaries;
    for (const QJsonObject &main : std::as_const(m_work.heldForCanary))
        canaries.append(CanaryDeployment::make(main, m_system, 0));
    const ReleaseApplier::RolloutOutcome rollout =
        m_applier.waitForRollouts(canaries, m_context.ecosystem().rollback.rolloutTimeout);
    if (rollout.cancelled)
        return abort(index, StepVerdict::Cancelled, QStringLiteral("cancelled"), Fault::Environment);
    if (!rollout.ok()) {
        const bool unreachable = KubeError::isOutOfReach(rollout.errorKind) ||
            rollout.errorKind == KubeError::Kind::Tls || rollout.errorKind == KubeError::Kind::Credentials;
        // New pods that never become ready are the branch's.
        return abort(index, StepVerdict::Failed, QStringLiteral("the canary did not roll out: ") + rollout.error,
            unreachable ? Fault::Environment : Fault::Branch);
    }
    m_context.log(QStringLiteral("%1: canary at %2").arg(m_system, m_steps[index].describe()));
    return std::nullopt;
}

CanaryRun::Hold CanaryRun::hold(int index)
{
    const std::optional<MonitoringTrigger> &monitoring = m_context.ecosystem().rollback.monitoring;
    CanaryJudge judge(m_context.options().watchMonitoring ? monitoring : std::nullopt);
    if (const std::optional<AlertTrigger> &alerts = m_context.environment().alerts;
        alerts && m_context.options().watchMonitoring) {
        QString error;
        QList<AlertSelection> selections = m_context.alertSelections(&error);
        selections.removeIf([this](const AlertSelection &selection) { return selection.system != m_system; });
        // The lock step refused the delivery over matchers that do not read.
        if (!selections.isEmpty())
            judge.watchAlerts(*alerts, selections, m_context.toleratedAlerts());
    }
    const CanaryControl control(m_context.client(), m_context.namespaceName());
    QDeadlineTimer pause(m_plan.manual
            ? QDeadlineTimer(QDeadlineTimer::Forever)
            : QDeadlineTimer(std::chrono::duration_cast<std::chrono::milliseconds>(m_plan.pause)));
    if (m_plan.manual) {
        m_state.paused = QStringLiteral("waiting for a person: shipyardctl canary promote|abort %1").arg(m_system);
        m_steps[index].message = QStringLiteral("waiting for a person");
        if (const QString refused = publish(index, true); !refused.isEmpty())
            m_context.log(QStringLiteral("warning: the canary's state not written: %1").arg(refused));
        m_context.setState(Step::Canary, m_system, State::Running,
            QStringLiteral("step %1 of %2: %3, waiting for a person")
                .arg(index + 1)
                .arg(m_steps.size())
                .arg(m_steps[index].describe()));
        m_context.log(QStringLiteral("%1: canary paused at %2 %: %3")
                .arg(m_system)
                .arg(m_steps[index].share)
                .arg(m_state.paused));
    } else {
        m_context.log(
            QStringLiteral("%1: canary held %2, %3").arg(m_system, formatDuration(m_plan.pause), judge.describe()));
    }

    Hold result;
    QEventLoop loop;
    QObject::connect(&judge, &CanaryJudge::note, &loop, [this](const QString &line) { m_context.log(line); });
    QObject::connect(&judge, &CanaryJudge::objected, &loop, [&](const QString &reason) {
        result = { Hold::Objected, reason };
        loop.quit();
    });
    QTimer check;
    QObject::connect(&check, &QTimer::timeout, &loop, [&] {
        if (m_context.cancelled()) {
            result = { Hold::Cancelled, QStringLiteral("cancelled") };
        } else if (m_context.lockLost()) {
            result = { Hold::LockLost, m_context.whyNotWritable() };
        } else {
            QString who;
            KubeError error;
            const std::optional<CanaryControl::Decision> decided =
                control.decision(m_system, m_context.record().id, &who, &error);
            if (error.isError())
                m_context.log(QStringLiteral("warning: the canary's decision not read: %1").arg(error.message));
            if (decided == CanaryControl::Decision::Promote)
                result = { Hold::Promote, QStringLiteral("promoted by %1").arg(who) };
            else if (decided == CanaryControl::Decision::Abort)
                result = { Hold::Abort, QStringLiteral("aborted by %1").arg(who) };
            else if (!pause.hasExpired())
                return;
            else if (const CanaryJudge::Verdict verdict = judge.conclude(); verdict.passed)
                result = { Hold::Passed, verdict.message };
            else
                result = { Hold::Objected, verdict.message };
        }
        loop.quit();
    });
    check.start(checkInterval);
    judge.start();
    loop.exec();
    judge.stop();
    m_state.paused.clear();
    return result;
}

std::optional<DeliveryStep::Verdict> CanaryRun::promote(int index)
{
    // The main Deployments as the deploy step would have applied them.
    m_steps[index].verdict = StepVerdict::Holding;
    m_context.setState(
        Step::Canary, m_system, State::Running, QStringLiteral("promoting: %1").arg(m_steps[index].describe()));
    m_context.setCanary(m_system, m_steps);
    for (const QJsonObject &main : std::as_const(m_work.heldForCanary)) {
        KubeError error;
        if (const QString refused = m_applier.apply(main, nullptr, &error); !refused.isEmpty()) {
            if (error.kind == KubeError::Kind::Cancelled) {
                m_context.setState(Step::Canary, m_system, State::Cancelled, refused);
                return DeliveryStep::interrupted(Step::Canary, refused);
            }
            return abort(index, StepVerdict::Failed, refused, Fault::Environment);
        }
    }
    const ReleaseApplier::RolloutOutcome rollout =
        m_applier.waitForRollouts(m_work.heldForCanary, m_context.ecosystem().rollback.rolloutTimeout);
    if (rollout.cancelled)
        return abort(index, StepVerdict::Cancelled, QStringLiteral("cancelled"), Fault::Environment);
    if (!rollout.ok())
        return abort(index, StepVerdict::Failed, rollout.error,
            KubeError::isOutOfReach(rollout.errorKind) ? Fault::Environment : Fault::Branch);
    for (ReleaseRecord::SystemRelease &release : m_context.record().systems) {
        if (release.system == m_system)
            release.revision = rollout.revisions.value(nameOf(m_work.heldForCanary.first()));
    }
    bool unreachable = false;
    if (const QString error = m_applier.removeCanaries({ m_system }, &unreachable); !error.isEmpty())
        m_context.log(QStringLiteral("warning: %1: the canary, now the same as the main Deployment, is left: %2")
                .arg(m_system, error));
    m_steps[index].verdict = StepVerdict::Passed;
    m_steps[index].message = QStringLiteral("promoted");
    publish(index, false);
    m_context.setState(Step::Canary, m_system, State::Succeeded, QStringLiteral("promoted: %1").arg(summary()));
    return std::nullopt;
}

DeliveryStep::Verdict CanaryRun::abort(int index, StepVerdict verdict, const QString &reason, Fault fault)
{
    m_steps[index].verdict = verdict;
    m_steps[index].message = reason;
    m_context.log(QStringLiteral("%1: canary aborted at %2 %: %3").arg(m_system).arg(m_steps[index].share).arg(reason));
    // The rollback removes it too; removed here first, it stops serving at once.
    if (const QString error = m_applier.removeCanaries({ m_system }); !error.isEmpty())
        m_context.log(QStringLiteral("warning: %1").arg(error));
    publish(index, false);
    const QString why = QStringLiteral("canary aborted at %1 %: %2").arg(m_steps[index].share).arg(reason);
    m_context.setState(
        Step::Canary, m_system, verdict == StepVerdict::Cancelled ? State::Cancelled : State::Failed, why);
    return DeliveryStep::rollBack(Step::Canary, QStringLiteral("%1: %2").arg(m_system, why), fault);
}

QString CanaryRun::summary() const
{
    QStringList parts;
    for (const CanaryStepResult &step : m_steps)
        parts.append(QStringLiteral("%1 % %2").arg(step.share).arg(CanaryStepResult::keyword(step.verdict)));
    return parts.join(QStringLiteral(", "));
}

} // namespace

DeliveryStep::Verdict CanaryStep::run(DeliveryContext &context)
{
    for (DeliveryContext::Work &work : context.work()) {
        const std::optional<CanaryPlan> plan = CanaryPlan::forDelivery(work.system, context.environment());
        if (!plan || work.heldForCanary.isEmpty()) {
            context.setState(Step::Canary, work.system.name, State::Skipped,
                plan ? QStringLiteral("delivered at once: nothing ran yet to put a canary beside") : QString());
            continue;
        }
        if (const std::optional<Verdict> stopped = CanaryRun(context, work, *plan).run())
            return *stopped;
    }
    return goOn();
}

} // namespace Shipyard
