// SPDX-License-Identifier: GPL-2.0-or-later
#include "pipeline/MigrationRollback.h"

#include "pipeline/MigrationJob.h"

#include <QDateTime>

#include <algorithm>

namespace Shipyard {

namespace {

using MigrationRun = ReleaseRecord::Migration;

// The system's Deployment among what RELEASE applied, the one that runs IMAGE if any.
QJsonObject deploymentOf(const ReleaseRecord &release, const QString &system, const QString &image)
{
    const ReleaseRecord::SystemRelease *applied = release.system(system);
    if (!applied)
        return {};
    QJsonObject first;
    for (const QJsonValue &value : applied->objects) {
        const QJsonObject object = value.toObject();
        if (object.value(QLatin1String("kind")).toString() != QLatin1String("Deployment"))
            continue;
        if (first.isEmpty())
            first = object;
        for (const QJsonValue &container :
            object[QLatin1String("spec")][QLatin1String("template")][QLatin1String("spec")][QLatin1String("containers")]
                .toArray()) {
            if (container[QLatin1String("image")].toString() == image)
                return object;
        }
    }
    return first;
}

QString tailOf(const QStringList &log, qsizetype lines)
{
    return log.mid(std::max<qsizetype>(log.size() - lines, 0)).join(QStringLiteral("\n  "));
}

} // namespace

MigrationRollback::MigrationRollback(KubeClient client, QString ns, SecretMasker masker)
    : m_client(std::move(client)), m_ns(std::move(ns)), m_masker(std::move(masker))
{ }

QList<MigrationRun> MigrationRollback::pending(const ReleaseRecord &release)
{
    QList<MigrationRun> ups;
    for (const MigrationRun &migration : release.migrations) {
        if (migration.phase == QLatin1String("up") && migration.result != MigrationRun::Result::Failed)
            ups.append(migration);
        // A down that succeeded undid its system's up.
        if (migration.phase == QLatin1String("down") && migration.result == MigrationRun::Result::Succeeded)
            ups.removeIf([&](const MigrationRun &up) { return up.system == migration.system; });
    }
    std::reverse(ups.begin(), ups.end());
    return ups;
}

void MigrationRollback::save(const ReleaseRecord &release) const
{
    if (!m_save)
        return;
    if (const KubeError error = m_save(release); error.isError() && m_log)
        m_log(QStringLiteral("warning: release record %1 not updated: %2").arg(release.id, error.message));
}

QString MigrationRollback::run(ReleaseRecord &release) const
{
    MigrationJob jobs(m_client, m_masker);
    jobs.setLog(m_log);
    jobs.setWriteGuard(m_writeGuard);
    jobs.setPollInterval(m_pollInterval);
    for (const MigrationRun &up : pending(release)) {
        MigrationJob::Spec spec;
        spec.ns = m_ns;
        spec.system = up.system;
        spec.releaseId = release.id;
        spec.image = up.image;
        spec.deployment = deploymentOf(release, up.system, up.image);
        if (up.result == MigrationRun::Result::Running) {
            // Killed while its up ran: how that ended decides whether there
            // is anything to undo.
            spec.phase = QStringLiteral("up");
            spec.timeout = std::chrono::seconds(std::max<qint64>(up.timeoutSeconds, 1));
            bool neverCreated = false;
            const MigrationJob::Outcome followed = jobs.follow(spec, &neverCreated);
            for (MigrationRun &recorded : release.migrations) {
                if (recorded.job == up.job && recorded.phase == up.phase) {
                    recorded.result = neverCreated ? MigrationRun::Result::Failed : followed.result;
                    recorded.message = neverCreated ? QStringLiteral("never started") : followed.message;
                    recorded.log = followed.log;
                    recorded.finished = QDateTime::currentDateTimeUtc();
                }
            }
            save(release);
            if (neverCreated)
                continue;
            if (followed.result == MigrationRun::Result::Running)
                return QStringLiteral("%1: the end of the interrupted migration up (Job %2) cannot be told: %3; "
                                      "nothing was rolled back")
                    .arg(up.system, followed.job, followed.error);
            if (followed.result == MigrationRun::Result::Failed)
                continue;
        }
        spec.phase = QStringLiteral("down");
        spec.command = up.down;
        spec.timeout = std::chrono::seconds(std::max<qint64>(up.timeoutSeconds, 1));
        MigrationRun down;
        down.system = up.system;
        down.phase = spec.phase;
        down.job = MigrationJob::jobName(spec.system, spec.releaseId, spec.phase);
        down.image = up.image;
        down.started = QDateTime::currentDateTimeUtc();
        if (up.down.isEmpty()) {
            down.result = MigrationRun::Result::Failed;
            down.message = QStringLiteral("its up recorded no down command");
        } else {
            release.migrations.append(down);
            save(release);
            release.migrations.removeLast();
            const MigrationJob::Outcome outcome = jobs.run(spec);
            down.result = outcome.result;
            down.message = outcome.error.isEmpty() ? outcome.message : outcome.error;
            down.log = outcome.log;
        }
        down.finished = QDateTime::currentDateTimeUtc();
        release.migrations.append(down);
        save(release);
        if (down.result == MigrationRun::Result::Succeeded) {
            if (m_log)
                m_log(QStringLiteral("%1: migration down done (Job %2)").arg(up.system, down.job));
            continue;
        }
        QString message = QStringLiteral("%1: migration down of release %2 failed (Job %3 in %4: %5)")
                              .arg(up.system, release.id, down.job, m_ns, down.message);
        if (!down.log.isEmpty())
            message += QStringLiteral("; its log ends:\n  %1\n").arg(tailOf(down.log, 10));
        message += QStringLiteral("; the rollback stopped before restoring anything: the environment still runs "
                                  "release %1 with the schema it set up. Fix the cause (or undo the migration by "
                                  "hand so that down has nothing left to do), delete the Job "
                                  "(kubectl -n %2 delete job %3) and roll back again")
                       .arg(release.id, m_ns, down.job);
        return m_masker.mask(message);
    }
    return {};
}

} // namespace Shipyard
