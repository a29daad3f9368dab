// SPDX-License-Identifier: GPL-2.0-or-later
#include "pipeline/InterruptedRelease.h"

#include "pipeline/MigrationRollback.h"
#include "releases/ReleaseApplier.h"
#include "releases/ReleaseStore.h"

#include <QHash>
#include <QJsonObject>
#include <QStringList>

namespace Shipyard {

std::optional<ReleaseRecord> InterruptedRelease::find(const QList<ReleaseRecord> &records)
{
    if (records.isEmpty() || records.first().result != ReleaseRecord::Result::InProgress)
        return std::nullopt;
    return records.first();
}

QString InterruptedRelease::describe(const ReleaseRecord &interrupted)
{
    return QStringLiteral("release %1 (%2, started %3) never finished")
        .arg(interrupted.id, interrupted.who, interrupted.time.toString(Qt::ISODate));
}

QString InterruptedRelease::recover(ReleaseRecord interrupted, const ReleaseRecord &lastGood, const ReleaseStore &store,
    const ReleaseApplier &applier, const MigrationRollback &migrations, std::chrono::seconds timeout,
    const std::function<void(const QString &)> &log)
{
    if (!MigrationRollback::pending(interrupted).isEmpty()) {
        if (log)
            log(QStringLiteral("%1: undoing its migrations first").arg(describe(interrupted)));
        if (const QString stopped = migrations.run(interrupted); !stopped.isEmpty())
            return QStringLiteral("%1, and undoing its migrations stopped: %2").arg(describe(interrupted), stopped);
    }
    QStringList systems;
    QHash<QString, QList<QJsonObject>> applied;
    for (const ReleaseRecord::SystemRelease &release : std::as_const(interrupted.systems)) {
        systems.append(release.system);
        QList<QJsonObject> objects;
        for (const QJsonValue &object : release.objects)
            objects.append(object.toObject());
        applied.insert(release.system, objects);
    }
    if (log)
        log(QStringLiteral("%1: restoring release %2 over it").arg(describe(interrupted), lastGood.id));
    const QString error = applier.restore(lastGood, systems, applied, timeout);
    if (!error.isEmpty())
        return QStringLiteral("%1, and restoring release %2 over it failed: %3")
            .arg(describe(interrupted), lastGood.id, error);
    interrupted.result = ReleaseRecord::Result::Interrupted;
    interrupted.reason = QStringLiteral("interrupted; release %1 was restored over it").arg(lastGood.id);
    interrupted.restoredAt = QDateTime::currentDateTimeUtc();
    const KubeError saved = store.save(interrupted);
    if (saved.isError())
        return QStringLiteral("release %1 was restored over the interrupted %2, whose record was not updated: %3")
            .arg(lastGood.id, interrupted.id, saved.message);
    if (log)
        log(QStringLiteral("release %1 restored; %2 recorded as interrupted").arg(lastGood.id, interrupted.id));
    return {};
}

} // namespace Shipyard
