// SPDX-License-Identifier: GPL-2.0-or-later
#include "pipeline/Delivery.h"

#include "pipeline/DeliveryContext.h"
#include "pipeline/FailurePolicy.h"
#include "pipeline/ReleasePruning.h"
#include "pipeline/steps/BuildStep.h"
#include "pipeline/steps/CanaryStep.h"
#include "pipeline/steps/DeliveryStep.h"
#include "pipeline/steps/DeployStep.h"
#include "pipeline/steps/LockStep.h"
#include "pipeline/steps/MergeStep.h"
#include "pipeline/steps/MigrateStep.h"
#include "pipeline/steps/MonitorStep.h"
#include "pipeline/steps/PrepareStep.h"
#include "pipeline/steps/RollbackStep.h"
#include "pipeline/steps/SmokeStep.h"
#include "pipeline/steps/TestStep.h"
#include "pipeline/steps/UpdateStep.h"
#include "pipeline/steps/VerifyStep.h"

#include <QJsonArray>
#include <QMetaEnum>
#include <QThread>

#include <vector>

namespace Shipyard {

namespace {

template<typename E> QString enumKeyword(E value)
{
    return QString::fromLatin1(QMetaEnum::fromType<E>().valueToKey(int(value))).toLower();
}

} // namespace

struct Delivery::StateGate
{
    std::mutex mutex;
    Delivery *delivery = nullptr;
};

Delivery::Delivery(const Ecosystem &ecosystem, const QString &environment, const QList<Target> &targets,
    const Options &options, QObject *parent)
    : QObject(parent)
    , m_ecosystem(ecosystem)
    , m_environment(environment)
    , m_targets(targets)
    , m_options(options)
    , m_masker(ecosystem.secretMasker())
    , m_stateGate(std::make_shared<StateGate>())
{
    m_stateGate->delivery = this;
    m_steps.append({ Step::Lock, {}, State::Pending, {}, {}, {} });
    for (Step step : { Step::Update, Step::Build, Step::Test, Step::Verify, Step::Migrate, Step::Deploy, Step::Canary,
             Step::Smoke, Step::Monitor, Step::Rollback, Step::Merge }) {
        for (const Target &target : targets)
            m_steps.append({ step, target.system, State::Pending, {}, {}, {} });
    }
}

Delivery::~Delivery()
{
    {
        std::lock_guard lock(m_stateGate->mutex);
        m_stateGate->delivery = nullptr;
    }
    if (m_thread) {
        cancel();
        m_thread->wait();
        delete m_thread;
    }
}

std::function<void(const QJsonObject &)> Delivery::deploymentObserver(const QHash<QString, QString> &systems) const
{
    return [gate = m_stateGate, systems](const QJsonObject &deployment) {
        const QString system = systems.value(deployment[QLatin1String("metadata")][QLatin1String("name")].toString());
        std::lock_guard lock(gate->mutex);
        if (gate->delivery && !system.isEmpty())
            Q_EMIT gate->delivery->deploymentState(system, deployment);
    };
}

QString Delivery::keyword(Step step)
{
    return enumKeyword(step);
}

QString Delivery::keyword(State state)
{
    return enumKeyword(state);
}

QString Delivery::keyword(Outcome outcome)
{
    return outcome == Outcome::RolledBack ? QStringLiteral("rolled-back") : enumKeyword(outcome);
}

void Delivery::start()
{
    if (m_thread)
        return;
    m_running = true;
    m_thread = QThread::create([this] { run(); });
    m_thread->start();
}

void Delivery::cancel()
{
    m_cancel = true;
}

bool Delivery::isRunning() const
{
    return m_running;
}

bool Delivery::wait(std::chrono::milliseconds timeout)
{
    if (!m_thread)
        return true;
    return m_thread->wait(QDeadlineTimer(timeout));
}

QList<Delivery::StepState> Delivery::steps() const
{
    std::lock_guard lock(m_mutex);
    return m_steps;
}

QMap<QString, QList<CanaryStepResult>> Delivery::canary() const
{
    std::lock_guard lock(m_mutex);
    return m_canary;
}

void Delivery::setCanary(const QString &system, const QList<CanaryStepResult> &unmasked)
{
    QList<CanaryStepResult> steps = unmasked;
    for (CanaryStepResult &step : steps)
        step.message = m_masker.mask(step.message);
    {
        std::lock_guard lock(m_mutex);
        m_canary.insert(system, steps);
    }
    Q_EMIT canaryChanged(system, steps);
}

Delivery::Result Delivery::result() const
{
    std::lock_guard lock(m_mutex);
    return m_result;
}

QString Delivery::log() const
{
    std::lock_guard lock(m_mutex);
    return m_log.join(QLatin1Char('\n'));
}

void Delivery::setState(Step step, const QString &system, State state, const QString &unmasked)
{
    const QString message = m_masker.mask(unmasked);
    {
        std::lock_guard lock(m_mutex);
        for (StepState &entry : m_steps) {
            if (entry.step != step || entry.system != system)
                continue;
            entry.state = state;
            if (state == State::Running)
                entry.started = QDateTime::currentDateTimeUtc();
            else if (state != State::Pending)
                entry.finished = QDateTime::currentDateTimeUtc();
            if (!message.isEmpty())
                entry.message = message;
        }
    }
    Q_EMIT stepStateChanged(step, system, state, message);
}

QList<Delivery::StepState> Delivery::stepsFromJson(const QJsonArray &steps)
{
    const QMetaEnum stepNames = QMetaEnum::fromType<Step>();
    const QMetaEnum stateNames = QMetaEnum::fromType<State>();
    QList<StepState> parsed;
    for (const QJsonValue &value : steps) {
        const QJsonObject object = value.toObject();
        StepState entry;
        bool stepKnown = false;
        bool stateKnown = false;
        for (int i = 0; i < stepNames.keyCount(); ++i) {
            if (QString::fromLatin1(stepNames.key(i)).toLower() == object.value(QLatin1String("step")).toString()) {
                entry.step = Step(stepNames.value(i));
                stepKnown = true;
            }
        }
        for (int i = 0; i < stateNames.keyCount(); ++i) {
            if (QString::fromLatin1(stateNames.key(i)).toLower() == object.value(QLatin1String("state")).toString()) {
                entry.state = State(stateNames.value(i));
                stateKnown = true;
            }
        }
        // A step or state of a newer Shipyard is left out rather than misread.
        if (!stepKnown || !stateKnown)
            continue;
        entry.system = object.value(QLatin1String("system")).toString();
        entry.started = QDateTime::fromString(object.value(QLatin1String("started")).toString(), Qt::ISODateWithMs);
        entry.finished = QDateTime::fromString(object.value(QLatin1String("finished")).toString(), Qt::ISODateWithMs);
        entry.message = object.value(QLatin1String("message")).toString();
        parsed.append(entry);
    }
    return parsed;
}

QJsonArray Delivery::stepsToJson(const QList<StepState> &steps)
{
    QJsonArray array;
    for (const StepState &entry : steps) {
        QJsonObject step { { QStringLiteral("step"), keyword(entry.step) },
            { QStringLiteral("state"), keyword(entry.state) } };
        if (!entry.system.isEmpty())
            step.insert(QStringLiteral("system"), entry.system);
        if (entry.started.isValid())
            step.insert(QStringLiteral("started"), entry.started.toString(Qt::ISODateWithMs));
        if (entry.finished.isValid())
            step.insert(QStringLiteral("finished"), entry.finished.toString(Qt::ISODateWithMs));
        if (!entry.message.isEmpty())
            step.insert(QStringLiteral("message"), entry.message);
        array.append(step);
    }
    return array;
}

QJsonArray Delivery::recordedSteps() const
{
    QList<StepState> recorded = steps();
    // What has not run by the time the record is written will not run.
    for (StepState &entry : recorded) {
        if (entry.state == State::Pending)
            entry.state = State::Skipped;
    }
    return stepsToJson(recorded);
}

void Delivery::appendLog(const QString &unmasked)
{
    // Every line passes here, from the steps and from the commands alike.
    const QString line = m_masker.mask(unmasked);
    {
        std::lock_guard lock(m_mutex);
        m_log.append(line);
    }
    Q_EMIT logLine(line);
}

QStringList Delivery::logLines() const
{
    std::lock_guard lock(m_mutex);
    return m_log;
}

void Delivery::run()
{
    DeliveryContext context(*this, m_ecosystem, m_environment, m_targets, m_options, m_cancel);
    QString error;
    if (!context.prepare(&error)) {
        finish(context, Outcome::Failed, keyword(Step::Lock), error);
        return;
    }
    // The steps in their order, each across all systems before the next.
    std::vector<std::unique_ptr<DeliveryStep>> steps;
    steps.push_back(std::make_unique<LockStep>());
    steps.push_back(std::make_unique<UpdateStep>());
    steps.push_back(std::make_unique<BuildStep>());
    steps.push_back(std::make_unique<TestStep>());
    steps.push_back(std::make_unique<VerifyStep>());
    steps.push_back(std::make_unique<PrepareStep>());
    steps.push_back(std::make_unique<MigrateStep>());
    steps.push_back(std::make_unique<DeployStep>());
    steps.push_back(std::make_unique<CanaryStep>());
    steps.push_back(std::make_unique<SmokeStep>());
    steps.push_back(std::make_unique<MonitorStep>());
    steps.push_back(std::make_unique<MergeStep>());
    for (const std::unique_ptr<DeliveryStep> &step : steps) {
        if (!runStep(context, *step))
            return;
        // Once in progress, the record follows every step: a delivery killed
        // later still says how far it got.
        if (context.record().result == ReleaseRecord::Result::InProgress) {
            if (const KubeError saved = context.saveRecord(); saved.isError())
                appendLog(QStringLiteral("warning: release record not updated: %1").arg(saved.message));
        }
    }
    recordRelease(context);
}

bool Delivery::runStep(DeliveryContext &context, DeliveryStep &step)
{
    using Next = DeliveryStep::Verdict::Next;
    using Said = FailurePolicy::Said;
    const DeliveryStep::Verdict verdict = step.run(context);
    context.result().fault = verdict.fault;
    if (verdict.next == Next::GoOn)
        return true;
    const Said said = verdict.next == Next::NotStarted ? Said::NotStarted
        : verdict.next == Next::End                    ? Said::End
        : verdict.next == Next::Interrupted            ? Said::Interrupted
                                                       : Said::RollBack;
    const FailurePolicy::Action action =
        FailurePolicy::decide(said, context.applied(), m_cancel, step.keepsFailedRelease(context));
    switch (action) {
    case FailurePolicy::Action::Finish:
        finish(context, verdict.outcome, keyword(verdict.step), verdict.reason);
        return false;
    case FailurePolicy::Action::End:
        end(context, said == Said::RollBack ? (m_cancel ? Outcome::Cancelled : Outcome::Failed) : verdict.outcome,
            verdict.step, verdict.reason);
        return false;
    case FailurePolicy::Action::Interrupt:
        interrupt(context, verdict.step, verdict.reason);
        return false;
    case FailurePolicy::Action::Keep:
    case FailurePolicy::Action::Restore:
        break;
    }
    RollbackStep rollback(verdict.step, verdict.reason, action == FailurePolicy::Action::Keep, verdict.fault);
    return runStep(context, rollback);
}

void Delivery::recordRelease(DeliveryContext &context)
{
    context.record().result = ReleaseRecord::Result::Succeeded;
    const KubeError saveError = context.saveRecord();
    if (saveError.isError()) {
        // What runs and what upstream holds are the new release: the
        // delivery happened. Only its record says otherwise, and the next
        // delivery would take it for an interrupted one and restore the
        // previous release: say so.
        appendLog(QStringLiteral("warning: the release is delivered, but its record still says in progress (%1); "
                                 "the next delivery will restore release %2 over it unless the record is fixed")
                .arg(saveError.message, context.rollbackTarget().id));
    }
    context.advanceBranches();
    const ReleasePruning::Result pruned = ReleasePruning(context.client(), context.namespaceName())
                                              .prune(context.store(), m_ecosystem.rollback.keepReleases);
    if (pruned.jobs > 0)
        appendLog(QStringLiteral("migration Jobs of releases no longer recorded deleted: %1").arg(pruned.jobs));
    for (const QString &warning : pruned.warnings)
        appendLog(QStringLiteral("warning: ") + warning);
    KubeError moveError;
    if (const int moved = context.store().moveSecretValuesOut(&moveError))
        appendLog(QStringLiteral("%1 older release records no longer hold the values of their Secrets").arg(moved));
    if (moveError.isError())
        appendLog(QStringLiteral("warning: older release records still hold the values of their Secrets: %1")
                .arg(moveError.message));
    end(context, Outcome::Succeeded, Step::Merge, {});
}

void Delivery::interrupt(DeliveryContext &context, Step step, const QString &reason)
{
    // No cluster write: the audit goes to the journal only, the lock is not
    // touched (another holder has it, or will), the record stays in progress.
    context.result().interrupted = true;
    context.audit(QStringLiteral("deliver"), QStringLiteral("interrupted: ") + reason, context.result().releaseId,
        context.auditDetails(), false);
    finish(context, Outcome::Failed, keyword(step),
        reason +
            QStringLiteral("; stopped without another change, no rollback: the next delivery finds this release "
                           "interrupted and restores the last good one"));
}

void Delivery::end(DeliveryContext &context, Outcome outcome, Step step, const QString &reason)
{
    // A delivery that ends before its first change leaves no release behind
    // it: a record already written in progress says it failed.
    // A rollback that stopped leaves its release in progress on purpose.
    if (context.record().result == ReleaseRecord::Result::InProgress && outcome != Outcome::Succeeded &&
        !context.rollbackStopped()) {
        context.record().result = ReleaseRecord::Result::Failed;
        context.record().reason = reason;
        if (const KubeError saved = context.saveRecord(); saved.isError())
            appendLog(QStringLiteral("warning: release record not updated: %1").arg(saved.message));
    }
    context.audit(QStringLiteral("deliver"),
        reason.isEmpty() ? keyword(outcome) : keyword(outcome) + QStringLiteral(": ") + reason,
        context.result().releaseId, context.auditDetails());
    context.releaseLock();
    finish(context, outcome, outcome == Outcome::Succeeded ? QString() : keyword(step), reason);
}

void Delivery::finish(DeliveryContext &context, Outcome outcome, const QString &failedStep, const QString &reason)
{
    Result &result = context.result();
    result.outcome = outcome;
    result.failedStep = failedStep;
    result.reason = m_masker.mask(reason);
    // A failure nobody can pin on the branch says so, since its task stays put.
    if ((outcome == Outcome::Failed || outcome == Outcome::RolledBack) && result.fault == Fault::Environment &&
        !context.tasks().isEmpty() && result.returnedTasks.isEmpty() && !reason.isEmpty())
        result.reason += QStringLiteral(" (not the branch's fault: %1 not returned)")
                             .arg(context.tasks().join(QStringLiteral(", ")));
    result.duration = std::chrono::milliseconds(context.elapsed());
    {
        std::lock_guard lock(m_mutex);
        for (StepState &entry : m_steps) {
            if (entry.state == State::Pending)
                entry.state = outcome == Outcome::Cancelled ? State::Cancelled : State::Skipped;
        }
        m_result = result;
    }
    if (!reason.isEmpty())
        appendLog(QStringLiteral("delivery %1: %2").arg(keyword(outcome), reason));
    else
        appendLog(QStringLiteral("delivery %1 in %2 ms").arg(keyword(outcome)).arg(context.elapsed()));
    {
        std::lock_guard lock(m_stateGate->mutex);
        m_stateGate->delivery = nullptr;
    }
    // Told once the result is final, before anyone waiting on it goes on.
    context.notifyEnd(result);
    m_running = false;
    Q_EMIT finished(result);
}

} // namespace Shipyard
