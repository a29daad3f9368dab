// SPDX-License-Identifier: GPL-2.0-or-later
#include "pipeline/steps/MigrateStep.h"

#include "manifests/ManifestReader.h"
#include "pipeline/MigrationJob.h"

#include <QDateTime>

#include <algorithm>

namespace Shipyard {

namespace {

using MigrationRun = ReleaseRecord::Migration;

// The Deployment of WORK's system: the first that runs its image.
QJsonObject deploymentOf(const DeliveryContext::Work &work)
{
    for (const QJsonObject &object : work.objects) {
        if (object.value(QLatin1String("kind")).toString() == QLatin1String("Deployment") &&
            !ManifestReader::imageOf(object, work.system.image).isEmpty())
            return object;
    }
    return {};
}

} // namespace

DeliveryStep::Verdict MigrateStep::run(DeliveryContext &context)
{
    MigrationJob jobs(context.client(), context.masker());
    jobs.setLog(context.logger());
    jobs.setWriteGuard(context.writeGuard());
    ReleaseRecord &record = context.record();
    for (DeliveryContext::Work &work : context.work()) {
        if (!work.system.migration) {
            context.setState(Step::Migrate, work.system.name, State::Skipped, QStringLiteral("no migrate"));
            continue;
        }
        // A migration already run is undone by the rollback a stop leads to.
        if (context.applied() && context.cancelled())
            return rollBack(Step::Migrate, QStringLiteral("cancelled"), Fault::Environment);
        if (const std::optional<Verdict> stop = stopped(context, Step::Migrate, work.system.name))
            return *stop;
        context.setState(Step::Migrate, work.system.name, State::Running);
        const Migration &declared = *work.system.migration;
        MigrationJob::Spec spec;
        spec.ns = context.namespaceName();
        spec.system = work.system.name;
        spec.releaseId = record.id;
        spec.phase = QStringLiteral("up");
        spec.image = work.image;
        spec.command = declared.up;
        spec.timeout = declared.timeout;
        spec.deployment = deploymentOf(work);
        spec.repository = work.system.image;
        if (spec.deployment.isEmpty()) {
            // The branch's manifests: nothing tells what the migration may reach.
            const QString reason = QStringLiteral("%1: declares migrate, but renders no Deployment running %2 to "
                                                  "take the migration's settings from")
                                       .arg(work.system.name, work.system.image);
            if (!context.applied())
                return fail(context, Step::Migrate, work, reason, Fault::Branch);
            context.setState(Step::Migrate, work.system.name, State::Failed, reason);
            return rollBack(Step::Migrate, reason, Fault::Branch);
        }

        // In the record before the Job exists: a delivery killed while it
        // runs leaves a release whose schema the next holder finds out about.
        MigrationRun entry;
        entry.system = work.system.name;
        entry.phase = spec.phase;
        entry.job = MigrationJob::jobName(spec.system, spec.releaseId, spec.phase);
        entry.image = spec.image;
        entry.started = QDateTime::currentDateTimeUtc();
        entry.down = declared.down;
        entry.timeoutSeconds = declared.timeout.count();
        record.migrations.append(entry);
        const qsizetype index = record.migrations.size() - 1;
        if (const KubeError saved = context.saveRecord(); saved.isError()) {
            const QString reason = QStringLiteral("release record not written: %1").arg(saved.message);
            if (saved.kind == KubeError::Kind::Cancelled) {
                context.setState(Step::Migrate, work.system.name, State::Cancelled, reason);
                return interrupted(Step::Migrate, saved.message);
            }
            record.migrations.removeAt(index);
            return context.applied() ? rollBack(Step::Migrate, reason, Fault::Environment)
                                     : fail(context, Step::Migrate, work, reason, Fault::Environment);
        }

        const MigrationJob::Outcome outcome = jobs.run(spec);
        MigrationRun &ran = record.migrations[index];
        ran.result = outcome.result;
        ran.message = outcome.error.isEmpty() ? outcome.message : outcome.error;
        ran.log = outcome.log;
        ran.finished = QDateTime::currentDateTimeUtc();
        if (outcome.result == MigrationRun::Result::Succeeded) {
            // The schema moved on: from here a failure is undone with `down`.
            context.setApplied();
            context.setState(Step::Migrate, work.system.name, State::Succeeded,
                QStringLiteral("Job %1 %2")
                    .arg(outcome.job, outcome.reused ? QStringLiteral("had completed") : QStringLiteral("completed")));
            if (const KubeError saved = context.saveRecord(); saved.isError())
                context.log(QStringLiteral("warning: release record not updated: %1").arg(saved.message));
            continue;
        }
        if (const QString why = context.whyNotWritable(); !why.isEmpty()) {
            context.setState(Step::Migrate, work.system.name, State::Cancelled, why);
            return interrupted(Step::Migrate, why);
        }
        QString reason;
        Fault fault = Fault::Branch;
        if (outcome.result == MigrationRun::Result::Failed) {
            reason =
                QStringLiteral("%1: migration up failed (Job %2: %3)").arg(work.system.name, outcome.job, ran.message);
            const QStringList tail = outcome.log.mid(std::max<qsizetype>(outcome.log.size() - 10, 0));
            if (!tail.isEmpty())
                reason += QStringLiteral("; its log ends:\n  ") + tail.join(QStringLiteral("\n  "));
        } else {
            // Not run, or its end not seen: nothing the branch did.
            reason = QStringLiteral("%1: migration up did not run: %2").arg(work.system.name, outcome.error);
            fault = Fault::Environment;
            // A Job that may still be running counts as one that changed the schema.
            if (outcome.started)
                context.setApplied();
        }
        if (!context.applied())
            return fail(context, Step::Migrate, work, reason, fault);
        context.setState(Step::Migrate, work.system.name, State::Failed, reason);
        return rollBack(Step::Migrate, reason, fault);
    }
    return goOn();
}

} // namespace Shipyard
