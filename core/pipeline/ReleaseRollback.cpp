// SPDX-License-Identifier: GPL-2.0-or-later
#include "pipeline/ReleaseRollback.h"

#include "audit/AuditJournal.h"
#include "audit/AuditTrail.h"
#include "notify/Notifier.h"
#include "pipeline/EnvironmentLock.h"
#include "pipeline/InterruptedRelease.h"
#include "pipeline/MigrationRollback.h"
#include "pipeline/ReleasePruning.h"
#include "pipeline/WritePermissions.h"
#include "releases/ReleaseApplier.h"
#include "releases/ReleaseSecrets.h"
#include "releases/ReleaseStore.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QSet>
#include <QSysInfo>

namespace Shipyard {

ReleaseRollback::ReleaseRollback(const Ecosystem &ecosystem, const QString &environment, const Options &options)
    : m_ecosystem(ecosystem), m_environment(environment), m_options(options)
{ }

ReleaseRollback::Result ReleaseRollback::run(const QString &releaseId)
{
    QElapsedTimer clock;
    clock.start();
    Result result;
    const auto fail = [&](const QString &error) {
        result.error = error;
        result.duration = std::chrono::milliseconds(clock.elapsed());
        return result;
    };
    const Environment *environment = m_ecosystem.environment(m_environment);
    if (!environment)
        return fail(QStringLiteral("no environment named %1").arg(m_environment));
    const QString ns = environment->namespaceFor(m_options.taskKey);
    QString clientError;
    const KubeClient client = m_options.cluster.client(environment->context, &clientError);
    if (!client.isValid())
        return fail(clientError);

    // The Lease is the rollback's first write, and the lock what keeps
    // deliveries out while it restores: what holding it needs is asked
    // before taking it; what the restore needs, once the records say what
    // it restores, before the restore.
    WritePermissions lockPermissions(client, ns);
    lockPermissions.addLock();
    if (const QString missing = lockPermissions.check(); !missing.isEmpty())
        return fail(missing);
    EnvironmentLock lock(
        client, ns, m_options.identity.isEmpty() ? EnvironmentLock::defaultIdentity() : m_options.identity);
    lock.setEnvironment(environment->name, environment->isProtected);
    QString lockError;
    if (!lock.acquire(m_options.waitForLock, nullptr, &lockError, [this](const QString &holder) {
            if (m_log)
                m_log(QStringLiteral("waiting: held by %1").arg(holder));
        }))
        return fail(lockError);

    // Writes give up in time for the lease, and stop once it may be another's.
    const KubeClient writer = lock.writeClient();
    const ReleaseStore store(writer, ns);
    KubeError error;
    const QList<ReleaseRecord> records = store.list(&error);
    if (error.isError())
        return fail(QStringLiteral("release records unreadable: %1").arg(error.message));
    // A delivery that never ended left its release in progress: what it
    // applied is undone too, and without a release named, the last good one
    // is what comes back.
    const std::optional<ReleaseRecord> interrupted = InterruptedRelease::find(records);
    if (interrupted && m_log)
        m_log(InterruptedRelease::describe(*interrupted) + QStringLiteral(": it is rolled back with the rest"));
    const ReleaseRecord *current = nullptr;
    const ReleaseRecord *target = nullptr;
    for (const ReleaseRecord &record : records) {
        if (!record.isGood())
            continue;
        if (!current)
            current = &record;
        else if (releaseId.isEmpty() && !target && !interrupted)
            target = &record;
        if (!releaseId.isEmpty() && record.id == releaseId)
            target = &record;
    }
    if (interrupted && releaseId.isEmpty() && !target)
        target = current;
    if (!releaseId.isEmpty() && !target) {
        for (const ReleaseRecord &record : records) {
            if (record.id == releaseId)
                return fail(QStringLiteral("release %1 %2: only a good release can be restored")
                        .arg(releaseId, ReleaseRecord::keyword(record.result)));
        }
        return fail(QStringLiteral("no release %1 in %2").arg(releaseId, ns));
    }
    if (!target)
        return fail(QStringLiteral("no earlier good release in %1 to go back to").arg(ns));
    result.restoredId = target->id;
    result.replacedId = current ? current->id : QString();

    QStringList systems;
    QHash<QString, QList<QJsonObject>> currentObjects;
    for (const ReleaseRecord::SystemRelease &release : target->systems)
        systems.append(release.system);
    for (const ReleaseRecord *replaced : { current, interrupted ? &*interrupted : nullptr }) {
        if (!replaced)
            continue;
        for (const ReleaseRecord::SystemRelease &release : replaced->systems) {
            if (!systems.contains(release.system))
                systems.append(release.system);
            QList<QJsonObject> &objects = currentObjects[release.system];
            for (const QJsonValue &object : release.objects) {
                if (!objects.contains(object.toObject()))
                    objects.append(object.toObject());
            }
        }
    }
    const auto audit = [&](const QString &outcome) {
        AuditRecord record;
        record.action = QStringLiteral("rollback");
        record.context = environment->context;
        record.namespaceName = ns;
        record.releaseId = target->id;
        record.result = outcome;
        record.details = QJsonObject { { QStringLiteral("environment"), environment->name },
            { QStringLiteral("automatic"), false }, { QStringLiteral("replacedRelease"), result.replacedId } };
        AuditTrail trail(client, m_options.auditJournal);
        trail.addSecrets(m_ecosystem.secretMasker());
        const AuditTrail::Outcome audited = trail.record(record);
        if (!audited.ok() && m_log)
            m_log(QStringLiteral("warning: audit: %1").arg(audited.errorMessage()));
    };

    // The restore is the first change; everything it and the records
    // written after it need is asked before it, so that a missing
    // permission leaves the environment as it is rather than half restored.
    WritePermissions permissions(writer, ns);
    bool secrets = false;
    for (const QString &system : std::as_const(systems)) {
        QSet<QString> kept;
        if (const ReleaseRecord::SystemRelease *release = target->system(system)) {
            for (const QJsonValue &object : release->objects) {
                kept.insert(ReleaseApplier::describe(object.toObject()));
                permissions.addApplied({ object.toObject() });
            }
        }
        for (const QJsonObject &object : currentObjects.value(system)) {
            if (!kept.contains(ReleaseApplier::describe(object)))
                permissions.addRemoved({ object });
        }
    }
    // Records are written again with their Secrets' values beside them.
    for (const ReleaseRecord *record : { target, current, interrupted ? &*interrupted : nullptr }) {
        if (!record)
            continue;
        for (const ReleaseRecord::SystemRelease &release : record->systems) {
            for (const QJsonValue &object : release.objects)
                secrets |= ReleaseSecrets::isSecret(object.toObject());
        }
    }
    permissions.addReleaseRecords(secrets);
    permissions.addEvents();
    // The releases the restore goes back over, newest first: what their
    // migrations set up is undone before it.
    QList<ReleaseRecord> replaced;
    for (const ReleaseRecord &record : records) {
        if (record.id == target->id)
            break;
        if (!MigrationRollback::pending(record).isEmpty())
            replaced.append(record);
    }
    if (!replaced.isEmpty())
        permissions.addMigrations();
    if (const QString missing = permissions.check(); !missing.isEmpty()) {
        audit(QStringLiteral("failed: ") + missing);
        return fail(missing);
    }

    const auto writeGuard = [&lock, timeout = m_ecosystem.rollback.rolloutTimeout] {
        return lock.waitUntilWritable(timeout) ? QString() : lock.whyNotWritable();
    };
    MigrationRollback migrations(writer, ns, m_ecosystem.secretMasker());
    migrations.setLog(m_log);
    migrations.setWriteGuard(writeGuard);
    migrations.setSave([&store](const ReleaseRecord &record) { return store.save(record); });
    // Each record as its downs left it, for the marks written after the restore.
    QHash<QString, ReleaseRecord> undone;
    for (ReleaseRecord record : std::as_const(replaced)) {
        const QString stopped = migrations.run(record);
        undone.insert(record.id, record);
        if (!stopped.isEmpty()) {
            // Nothing restored: the environment runs what it ran, with its schema.
            audit(QStringLiteral("stopped: ") + stopped);
            return fail(QStringLiteral("not rolled back, a person must decide: ") + stopped);
        }
    }

    ReleaseApplier applier(writer, ns);
    applier.setLog(m_log);
    applier.setWriteGuard(writeGuard);
    QHash<QString, qint64> revisions;
    const QString restoreError =
        applier.restore(*target, systems, currentObjects, m_ecosystem.rollback.rolloutTimeout, &revisions);

    audit(restoreError.isEmpty() ? QStringLiteral("succeeded") : QStringLiteral("failed: ") + restoreError);
    if (!restoreError.isEmpty())
        return fail(restoreError);

    if (interrupted) {
        ReleaseRecord marked = undone.value(interrupted->id, *interrupted);
        marked.result = ReleaseRecord::Result::Interrupted;
        marked.reason = QStringLiteral("interrupted; release %1 was restored over it").arg(target->id);
        marked.restoredAt = QDateTime::currentDateTimeUtc();
        store.save(marked);
    }
    if (current && current->id != target->id) {
        ReleaseRecord rolledBack = undone.value(current->id, *current);
        rolledBack.result = ReleaseRecord::Result::RolledBack;
        rolledBack.reason = QStringLiteral("rolled back to %1").arg(target->id);
        store.save(rolledBack);
    }
    ReleaseRecord restored = *target;
    restored.id = ReleaseRecord::newId();
    restored.time = QDateTime::currentDateTimeUtc();
    restored.who = AuditJournal::currentOsUser() + QLatin1Char('@') + QSysInfo::machineHostName();
    restored.result = ReleaseRecord::Result::Succeeded;
    restored.reason.clear();
    restored.restoredFrom = target->id;
    // Its migrations ran for the release it restores, not again for this one.
    restored.migrations.clear();
    for (ReleaseRecord::SystemRelease &release : restored.systems)
        release.revision = revisions.value(release.system, release.revision);
    const KubeError saveError = store.save(restored);
    if (saveError.isError())
        return fail(QStringLiteral("restored, but the record was not written: %1").arg(saveError.message));
    for (const QString &warning : ReleasePruning(writer, ns).prune(store, m_ecosystem.rollback.keepReleases).warnings) {
        if (m_log)
            m_log(QStringLiteral("warning: ") + warning);
    }
    // Records from before their Secrets' values were kept apart give them up.
    store.moveSecretValuesOut();
    result.newReleaseId = restored.id;
    // Told as a delivery's rollback is: a person's is news to the same people.
    Notification notification;
    notification.event = NotificationEvent::DeliveryRolledBack;
    notification.environment = environment->name;
    notification.namespaceName = ns;
    notification.systems = systems;
    notification.tasks = current ? current->tasks : QStringList();
    notification.who = restored.who;
    notification.message =
        QStringLiteral("Rolled back by hand from release %1 to release %2.")
            .arg(result.replacedId.isEmpty() ? QStringLiteral("(none)") : result.replacedId, target->id);
    notification.releaseId = restored.id;
    for (const QString &warning : Notifier(m_ecosystem).send(notification)) {
        if (m_log)
            m_log(QStringLiteral("warning: ") + warning);
    }
    result.ok = true;
    result.duration = std::chrono::milliseconds(clock.elapsed());
    return result;
}

} // namespace Shipyard
