// SPDX-License-Identifier: GPL-2.0-or-later
#include "pipeline/steps/PrepareStep.h"

#include "git/Repository.h"
#include "manifests/ManifestReader.h"
#include "manifests/ManifestRenderer.h"
#include "model/Labels.h"
#include "pipeline/InterruptedRelease.h"
#include "pipeline/MigrationRollback.h"
#include "pipeline/SettingsSecretCheck.h"
#include "pipeline/WritePermissions.h"
#include "releases/ReleaseApplier.h"
#include "releases/ReleaseSecrets.h"

#include <QDateTime>
#include <QJsonArray>

namespace Shipyard {

namespace {

// The commit's name for people, as `git describe --tags` gives it; empty
// without a tag, a clone or a commit (an image given as it is).
QString versionOf(const DeliveryContext::Work &work)
{
    if (!work.isGit || work.commit.isEmpty())
        return {};
    GitError error;
    const Repository repository = Repository::open(work.directory, &error);
    return error ? QString() : repository.describe(work.commit);
}

} // namespace

DeliveryStep::Verdict PrepareStep::run(DeliveryContext &context)
{
    const ReleaseApplier applier = context.applier();
    ReleaseRecord &record = context.record();
    record.id = ReleaseRecord::newId();
    record.time = QDateTime::currentDateTimeUtc();
    record.who = context.who();
    record.environment = context.environment().name;
    record.tasks = context.tasks();
    context.result().releaseId = record.id;
    if (const std::optional<Verdict> refused = render(context))
        return *refused;
    if (const std::optional<Verdict> refused = checkSettingsSecret(context))
        return *refused;
    if (const std::optional<Verdict> refused = checkPermissions(context))
        return *refused;
    if (const std::optional<Verdict> refused = recoverInterrupted(context, applier))
        return *refused;
    if (const std::optional<Verdict> unsettled = settleRollbackTarget(context, applier))
        return *unsettled;

    // Written before the first change: a delivery killed from here on leaves
    // a record the next one recognises (see InterruptedRelease).
    record.result = ReleaseRecord::Result::InProgress;
    context.recordSystems({});
    if (const KubeError saved = context.saveRecord(); saved.isError()) {
        const QString reason = QStringLiteral("release record not written: %1").arg(saved.message);
        for (const DeliveryContext::Work &work : context.work())
            context.setState(Step::Deploy, work.system.name, State::Failed, reason);
        return saved.kind == KubeError::Kind::Cancelled ? interrupted(Step::Deploy, saved.message)
                                                        : end(Outcome::Failed, Step::Deploy, reason);
    }
    return goOn();
}

std::optional<DeliveryStep::Verdict> PrepareStep::render(DeliveryContext &context)
{
    const ReleaseRecord &record = context.record();
    // Charts render as `helm install` would against this cluster.
    ClusterCapabilities capabilities;
    bool asked = false;
    for (const DeliveryContext::Work &work : context.work()) {
        if (work.system.manifests.kind == ManifestSource::Kind::Helm && !asked) {
            asked = true;
            capabilities = ClusterCapabilities::fetch(context.client());
            if (!capabilities.error.isEmpty())
                context.log(QStringLiteral("warning: the cluster's version and APIs could not be read (%1): charts "
                                           "render with Helm's defaults")
                        .arg(capabilities.error));
        }
    }
    for (DeliveryContext::Work &work : context.work()) {
        QString error;
        const QString source = context.sourceDirectory(work, &error);
        Fault fault = Fault::Environment;
        if (!source.isEmpty()) {
            ManifestRenderer renderer(
                context.ecosystem(), context.environment(), context.namespaceName(), context.showroomTask());
            renderer.setCancelFlag(context.cancelFlag());
            renderer.setCapabilities(capabilities);
            const ManifestRenderer::Result rendering = renderer.render(work.system, source);
            QList<QPair<QString, QString>> annotations { { Labels::gitSha, work.commit },
                { Labels::tasks, context.tasks().join(QLatin1Char(',')) }, { Labels::release, record.id },
                { Labels::source, rendering.source }, { Labels::deliveredBy, record.who },
                { Labels::deliveredAt, record.time.toUTC().toString(Qt::ISODate) } };
            if (const QString version = versionOf(work); !version.isEmpty())
                annotations.append({ Labels::version, version });
            const ManifestRenderer::Result rendered =
                renderer.forDelivery(rendering, work.system, work.image, annotations);
            for (const QString &warning : rendered.warnings)
                context.log(QStringLiteral("warning: %1").arg(warning));
            if (rendered.ok())
                context.log(QStringLiteral("%1: %2 rendered for %3: %4 objects")
                        .arg(work.system.name, rendered.source, context.environment().name)
                        .arg(rendered.objects.size()));
            work.objects = rendered.objects;
            work.manifestSource = rendered.source;
            error = rendered.error;
            // The sources are the branch's own files; the tools, the machine's.
            fault = rendered.fault;
        }
        if (!error.isEmpty())
            return fail(context, Step::Deploy, work, error, fault);
    }
    return std::nullopt;
}

std::optional<DeliveryStep::Verdict> PrepareStep::checkSettingsSecret(DeliveryContext &context)
{
    const QString &name = context.environment().secret;
    if (name.isEmpty() || context.work().isEmpty())
        return std::nullopt;
    QList<QJsonObject> objects;
    for (const DeliveryContext::Work &work : context.work())
        objects += work.objects;
    // A showroom's namespace is new: what fills it for the team may still be at work.
    const std::chrono::seconds patience = context.environment().kind == EnvironmentKind::Showroom
        ? SettingsSecretCheck::showroomPatience
        : std::chrono::seconds(0);
    const SettingsSecretCheck::Result checked = SettingsSecretCheck::run(
        context.client(), context.namespaceName(), name, objects, patience, context.logger(), context.cancelFlag());
    if (!checked.warning.isEmpty())
        context.log(QStringLiteral("warning: %1").arg(checked.warning));
    if (checked.problem.isEmpty())
        return std::nullopt;
    // The environment is not ready for any branch: nobody's task goes back.
    return fail(context, Step::Deploy, context.work().first(), checked.problem, Fault::Environment);
}

std::optional<DeliveryStep::Verdict> PrepareStep::checkPermissions(DeliveryContext &context)
{
    // Here is the delivery's first write beyond its lock (whose own
    // permissions the lock step asked before taking it): restoring over an
    // interrupted release, a baseline record, the in-progress record, then
    // the objects. Everything those and a rollback of them need is asked
    // at once, so that a refusal leaves the environment as it was.
    WritePermissions permissions(context.client(), context.namespaceName());
    bool secrets = false;
    for (const DeliveryContext::Work &work : context.work()) {
        permissions.addApplied(work.objects);
        // A failure rolls back, deleting what this release adds and the last good one lacks.
        permissions.addRemoved(work.objects);
        for (const QJsonObject &object : work.objects)
            secrets |= ReleaseSecrets::isSecret(object);
    }
    // A rollback restores the last good release, which may hold kinds this
    // one no longer has. Records that cannot be read are reported where
    // the rollback target is settled.
    if (const std::optional<ReleaseRecord> previous = context.store().latestGood()) {
        for (const ReleaseRecord::SystemRelease &release : previous->systems) {
            for (const QJsonValue &object : release.objects) {
                permissions.addApplied({ object.toObject() });
                secrets |= ReleaseSecrets::isSecret(object.toObject());
            }
        }
    }
    // An interrupted release is undone first: what it applied and the last
    // good release lacks is deleted.
    bool migrations = false;
    if (const std::optional<ReleaseRecord> interrupted = InterruptedRelease::find(context.store().list())) {
        migrations = !interrupted->migrations.isEmpty();
        for (const ReleaseRecord::SystemRelease &release : interrupted->systems) {
            for (const QJsonValue &object : release.objects) {
                permissions.addRemoved({ object.toObject() });
                secrets |= ReleaseSecrets::isSecret(object.toObject());
            }
        }
    }
    permissions.addReleaseRecords(secrets);
    permissions.addEvents();
    // The migrations this release runs, which a rollback would undo, and
    // those of an interrupted release.
    for (const DeliveryContext::Work &work : context.work())
        migrations |= work.system.migration.has_value();
    if (migrations)
        permissions.addMigrations();
    const QString missing = permissions.check();
    if (missing.isEmpty())
        return std::nullopt;
    for (const DeliveryContext::Work &work : context.work())
        context.setState(Step::Deploy, work.system.name, State::Failed, missing);
    // Nobody's branch is at fault: the task stays where it is.
    return end(Outcome::Failed, Step::Deploy, missing, Fault::Environment);
}

std::optional<DeliveryStep::Verdict> PrepareStep::recoverInterrupted(
    DeliveryContext &context, const ReleaseApplier &applier)
{
    KubeError error;
    const QList<ReleaseRecord> records = context.store().list(&error);
    if (error.isError())
        return end(Outcome::Failed, Step::Deploy, QStringLiteral("release records unreadable: %1").arg(error.message));
    const std::optional<ReleaseRecord> found = InterruptedRelease::find(records);
    if (!found)
        return std::nullopt;
    context.audit(QStringLiteral("recover"), QStringLiteral("started"), found->id,
        QJsonObject { { QStringLiteral("interrupted"), found->who } });
    if (context.ecosystem().rollback.onInterrupted == RollbackPolicy::Interrupted::Refuse) {
        const QString reason = QStringLiteral("%1; the ecosystem asks to look first (rollback.onInterrupted: "
                                              "refuse): restore a release with shipyardctl rollback, then deliver")
                                   .arg(InterruptedRelease::describe(*found));
        return end(Outcome::Failed, Step::Deploy, reason);
    }
    const std::optional<ReleaseRecord> lastGood = context.store().latestGood(&error);
    QString failure;
    if (error.isError())
        failure = QStringLiteral("release records unreadable: %1").arg(error.message);
    else if (!lastGood)
        failure = QStringLiteral("%1, and no good release is recorded to restore over it")
                      .arg(InterruptedRelease::describe(*found));
    else {
        MigrationRollback migrations(context.client(), context.namespaceName(), context.masker());
        migrations.setLog(context.logger());
        migrations.setWriteGuard(context.writeGuard());
        migrations.setSave([&context](const ReleaseRecord &record) { return context.store().save(record); });
        failure = InterruptedRelease::recover(*found, *lastGood, context.store(), applier, migrations,
            context.ecosystem().rollback.rolloutTimeout, context.logger());
    }
    context.audit(QStringLiteral("recover"),
        failure.isEmpty() ? QStringLiteral("succeeded") : QStringLiteral("failed: ") + failure, found->id,
        QJsonObject { { QStringLiteral("restored"), lastGood ? lastGood->id : QString() } });
    if (failure.isEmpty())
        return std::nullopt;
    if (const QString why = context.whyNotWritable(); !why.isEmpty())
        return interrupted(Step::Deploy, why);
    return end(Outcome::Failed, Step::Deploy, failure);
}

std::optional<DeliveryStep::Verdict> PrepareStep::settleRollbackTarget(
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
        if (const QString why = context.whyNotWritable(); !why.isEmpty())
            return interrupted(Step::Deploy, why);
        const KubeError error = context.store().save(rollbackTarget);
        if (error.isError())
            return end(
                Outcome::Failed, Step::Deploy, QStringLiteral("release record not written: %1").arg(error.message));
        context.log(QStringLiteral("recorded the current state as release %1").arg(rollbackTarget.id));
    }
    context.result().previousReleaseId = rollbackTarget.id;
    return std::nullopt;
}

} // namespace Shipyard
