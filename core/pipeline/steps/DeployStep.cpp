// SPDX-License-Identifier: GPL-2.0-or-later
#include "pipeline/steps/DeployStep.h"

#include "model/Labels.h"
#include "releases/ManifestReader.h"
#include "releases/ReleaseApplier.h"

#include <QDateTime>
#include <QJsonArray>

namespace Shipyard {

DeliveryStep::Verdict DeployStep::run(DeliveryContext &context)
{
    ReleaseApplier applier(context.client(), context.namespaceName());
    applier.setLog(context.logger());
    applier.setCancelFlag(context.cancelFlag());
    ReleaseRecord &record = context.record();
    record.id = ReleaseRecord::newId();
    record.time = QDateTime::currentDateTimeUtc();
    record.who = context.who();
    record.environment = context.environment().name;
    record.tasks = context.tasks();
    context.result().releaseId = record.id;
    for (DeliveryContext::Work &work : context.work()) {
        QString error;
        work.objects = ManifestReader::render(work.system, work.directory, work.image,
            { { Labels::gitSha, work.commit }, { Labels::tasks, context.tasks().join(QLatin1Char(',')) },
                { Labels::release, record.id } },
            &error);
        if (!error.isEmpty()) {
            context.setState(Step::Deploy, work.system.name, State::Failed, error);
            return end(Outcome::Failed, Step::Deploy, error);
        }
    }
    if (const std::optional<Verdict> unsettled = settleRollbackTarget(context, applier))
        return *unsettled;
    applier.setDeploymentObserver(context.deploymentObserver());

    QHash<QString, qint64> revisions;
    const QString failure = apply(context, applier, &revisions);
    recordSystems(context, revisions);
    if (!failure.isEmpty())
        return rollBack(Step::Deploy, failure);
    return goOn();
}

bool DeployStep::keepsFailedRelease(const DeliveryContext &context) const
{
    return !context.ecosystem().rollback.onRolloutFailure;
}

std::optional<DeliveryStep::Verdict> DeployStep::settleRollbackTarget(
    DeliveryContext &context, const ReleaseApplier &applier)
{
    const ReleaseRecord &record = context.record();
    KubeError storeError;
    std::optional<ReleaseRecord> previous = context.store().latestGood(&storeError);
    if (storeError.isError()) {
        const QString reason = QStringLiteral("release records unreadable: %1").arg(storeError.message);
        return end(Outcome::Failed, Step::Deploy, reason);
    }
    // What a rollback restores: the last good release, completed with the
    // current state of systems it does not know (delivered before Shipyard).
    ReleaseRecord &rollbackTarget = context.rollbackTarget();
    rollbackTarget = previous.value_or(ReleaseRecord {});
    bool recordBaseline = !previous;
    if (recordBaseline) {
        rollbackTarget.id = ReleaseRecord::newId(record.time.addMSecs(-1));
        rollbackTarget.time = record.time.addMSecs(-1);
        rollbackTarget.who = context.who();
        rollbackTarget.environment = context.environment().name;
        rollbackTarget.reason = QStringLiteral("the state found before the first delivery");
    }
    for (const DeliveryContext::Work &work : context.work()) {
        if (rollbackTarget.system(work.system.name))
            continue;
        QString error;
        ReleaseRecord::SystemRelease current;
        current.system = work.system.name;
        current.objects = applier.capture(work.objects, &error);
        if (!error.isEmpty())
            return end(Outcome::Failed, Step::Deploy, error);
        for (const QJsonValue &object : std::as_const(current.objects)) {
            if (current.image.isEmpty())
                current.image = ManifestReader::imageOf(object.toObject(), work.system.image);
            if (current.gitSha.isEmpty())
                current.gitSha =
                    object[QLatin1String("metadata")][QLatin1String("annotations")][Labels::gitSha].toString();
        }
        rollbackTarget.systems.append(current);
    }
    if (recordBaseline) {
        const KubeError error = context.store().save(rollbackTarget);
        if (error.isError())
            return end(
                Outcome::Failed, Step::Deploy, QStringLiteral("release record not written: %1").arg(error.message));
        context.log(QStringLiteral("recorded the current state as release %1").arg(rollbackTarget.id));
    }
    context.result().previousReleaseId = rollbackTarget.id;
    return std::nullopt;
}

QString DeployStep::apply(DeliveryContext &context, const ReleaseApplier &applier, QHash<QString, qint64> *revisions)
{
    QString failure;
    for (const DeliveryContext::Work &work : context.work()) {
        if (context.cancelled()) {
            failure = QStringLiteral("cancelled");
            break;
        }
        context.setState(Step::Deploy, work.system.name, State::Running);
        for (const QJsonObject &object : work.objects) {
            context.setApplied();
            const QString error = applier.apply(object);
            if (!error.isEmpty()) {
                failure = QStringLiteral("%1: %2").arg(work.system.name, error);
                break;
            }
        }
        if (!failure.isEmpty()) {
            context.setState(Step::Deploy, work.system.name, State::Failed, failure);
            break;
        }
    }
    if (!failure.isEmpty())
        return failure;

    QList<QJsonObject> all;
    for (const DeliveryContext::Work &work : context.work())
        all += work.objects;
    const ReleaseApplier::RolloutOutcome rollout =
        applier.waitForRollouts(all, context.ecosystem().rollback.rolloutTimeout);
    *revisions = rollout.revisions;
    if (rollout.cancelled)
        failure = QStringLiteral("cancelled");
    else if (!rollout.ok())
        failure = rollout.error;
    for (const DeliveryContext::Work &work : context.work()) {
        bool failedHere = false;
        for (const QJsonObject &object : work.objects)
            failedHere |= ReleaseApplier::describe(object) == rollout.failedObject;
        context.setState(Step::Deploy, work.system.name,
            rollout.cancelled ? State::Cancelled
                : failedHere  ? State::Failed
                              : State::Succeeded,
            failedHere ? rollout.error : QString());
    }
    return failure;
}

void DeployStep::recordSystems(DeliveryContext &context, const QHash<QString, qint64> &revisions)
{
    for (const DeliveryContext::Work &work : context.work()) {
        ReleaseRecord::SystemRelease release;
        release.system = work.system.name;
        release.image = work.image;
        release.gitSha = work.commit;
        release.branch = work.target.usesUpstream() ? work.system.upstream : work.target.branch;
        for (const QJsonObject &object : work.objects) {
            release.objects.append(object);
            if (object.value(QLatin1String("kind")).toString() == QLatin1String("Deployment"))
                release.revision = revisions.value(object[QLatin1String("metadata")][QLatin1String("name")].toString());
        }
        context.record().systems.append(release);
    }
}

} // namespace Shipyard
