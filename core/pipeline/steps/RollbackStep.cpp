// SPDX-License-Identifier: GPL-2.0-or-later
#include "pipeline/steps/RollbackStep.h"

#include "pipeline/FailurePolicy.h"
#include "pipeline/MigrationRollback.h"
#include "releases/ReleaseApplier.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QStringList>

#include <chrono>
#include <utility>

namespace Shipyard {

RollbackStep::RollbackStep(Step failedStep, QString reason, bool keep, Fault fault)
    : m_failedStep(failedStep), m_reason(std::move(reason)), m_keep(keep), m_fault(fault)
{ }

DeliveryStep::Verdict RollbackStep::run(DeliveryContext &context)
{
    return m_keep ? keep(context) : restore(context);
}

DeliveryStep::Verdict RollbackStep::restore(DeliveryContext &context) const
{
    const bool cancelled = context.cancelled();
    const ReleaseRecord &target = context.rollbackTarget();
    QElapsedTimer rollbackClock;
    rollbackClock.start();
    QStringList systems;
    QHash<QString, QList<QJsonObject>> current;
    for (const DeliveryContext::Work &work : context.work()) {
        systems.append(work.system.name);
        current.insert(work.system.name, work.objects);
        context.setState(Step::Rollback, work.system.name, State::Running);
    }
    context.log(QStringLiteral("rolling back to release %1: %2").arg(target.id, m_reason));
    // What the release's migrations set up is undone first, by the new
    // image that knows the schema, while the new release still runs.
    if (const std::optional<Verdict> stopped = undoMigrations(context, systems))
        return *stopped;
    // A rollback must run to its end even when the delivery was cancelled,
    // but not past the point where the lock may be another's.
    ReleaseApplier restorer(context.client(), context.namespaceName());
    restorer.setLog(context.logger());
    restorer.setDeploymentObserver(context.deploymentObserver());
    restorer.setWriteGuard(context.writeGuard());
    const QString rollbackError =
        restorer.restore(target, systems, current, context.ecosystem().rollback.rolloutTimeout);
    if (const QString why = context.whyNotWritable(); !rollbackError.isEmpty() && !why.isEmpty()) {
        for (const QString &system : systems)
            context.setState(Step::Rollback, system, State::Cancelled, why);
        return interrupted(m_failedStep, m_reason + QStringLiteral("; the rollback stopped: ") + why);
    }
    context.result().rollbackDuration = std::chrono::milliseconds(rollbackClock.elapsed());
    for (const QString &system : systems)
        context.setState(
            Step::Rollback, system, rollbackError.isEmpty() ? State::Succeeded : State::Failed, rollbackError);
    ReleaseRecord &record = context.record();
    record.result = ReleaseRecord::Result::Failed;
    record.reason = m_reason;
    if (rollbackError.isEmpty())
        record.restoredAt = QDateTime::currentDateTimeUtc();
    const KubeError saveError = context.saveRecord();
    if (saveError.isError())
        context.log(QStringLiteral("warning: release record not written: %1").arg(saveError.message));
    context.audit(QStringLiteral("rollback"),
        rollbackError.isEmpty() ? QStringLiteral("succeeded") : QStringLiteral("failed: ") + rollbackError, target.id,
        QJsonObject { { QStringLiteral("automatic"), true }, { QStringLiteral("reason"), m_reason },
            { QStringLiteral("failedRelease"), record.id } });
    if (FailurePolicy::returnsTasks(m_fault, cancelled, false))
        context.returnTasks(m_failedStep, m_reason);
    QString reason = m_reason;
    if (!rollbackError.isEmpty())
        reason += QStringLiteral("; the rollback failed too: ") + rollbackError;
    return end(cancelled              ? Outcome::Cancelled
            : rollbackError.isEmpty() ? Outcome::RolledBack
                                      : Outcome::Failed,
        m_failedStep, reason, cancelled ? Fault::Environment : m_fault);
}

std::optional<DeliveryStep::Verdict> RollbackStep::undoMigrations(
    DeliveryContext &context, const QStringList &systems) const
{
    ReleaseRecord &record = context.record();
    if (MigrationRollback::pending(record).isEmpty())
        return std::nullopt;
    MigrationRollback migrations(context.client(), context.namespaceName(), context.masker());
    migrations.setLog(context.logger());
    migrations.setWriteGuard(context.writeGuard());
    migrations.setSave([&context](const ReleaseRecord &) { return context.saveRecord(); });
    const QString stoppedBecause = migrations.run(record);
    if (stoppedBecause.isEmpty())
        return std::nullopt;
    if (const QString why = context.whyNotWritable(); !why.isEmpty()) {
        for (const QString &system : systems)
            context.setState(Step::Rollback, system, State::Cancelled, why);
        return interrupted(m_failedStep, m_reason + QStringLiteral("; the rollback stopped: ") + why);
    }
    // Left in progress on purpose: whoever holds the lock next finds the
    // release unfinished and tries its down again, or is refused, until a
    // person dealt with it. Nothing of the old release was restored.
    context.setRollbackStopped();
    for (const QString &system : systems)
        context.setState(Step::Rollback, system, State::Failed, stoppedBecause);
    record.reason = m_reason + QStringLiteral("; the rollback stopped: ") + stoppedBecause;
    if (const KubeError saved = context.saveRecord(); saved.isError())
        context.log(QStringLiteral("warning: release record not written: %1").arg(saved.message));
    context.audit(QStringLiteral("rollback"), QStringLiteral("stopped: ") + stoppedBecause, context.rollbackTarget().id,
        QJsonObject { { QStringLiteral("automatic"), true }, { QStringLiteral("reason"), m_reason },
            { QStringLiteral("failedRelease"), record.id } });
    if (FailurePolicy::returnsTasks(m_fault, context.cancelled(), false))
        context.returnTasks(m_failedStep, m_reason);
    return end(Outcome::Failed, m_failedStep,
        m_reason + QStringLiteral("; not rolled back, a person must decide: ") + stoppedBecause,
        context.cancelled() ? Fault::Environment : m_fault);
}

DeliveryStep::Verdict RollbackStep::keep(DeliveryContext &context) const
{
    for (const DeliveryContext::Work &work : context.work())
        context.setState(
            Step::Rollback, work.system.name, State::Skipped, QStringLiteral("kept as the ecosystem asks"));
    ReleaseRecord &record = context.record();
    record.result = ReleaseRecord::Result::Failed;
    record.reason = m_reason;
    const KubeError saveError = context.saveRecord();
    if (saveError.isError())
        context.log(QStringLiteral("warning: release record not written: %1").arg(saveError.message));
    if (FailurePolicy::returnsTasks(m_fault, context.cancelled(), false))
        context.returnTasks(m_failedStep, m_reason);
    return end(Outcome::Failed, m_failedStep, m_reason + QStringLiteral(" (left in place, not rolled back)"), m_fault);
}

} // namespace Shipyard
