// SPDX-License-Identifier: GPL-2.0-or-later
#include "releases/ReleaseRecord.h"

#include "support/SecretMasker.h"

#include <QRandomGenerator>

#include <algorithm>

namespace Shipyard {

const ReleaseRecord::SystemRelease *ReleaseRecord::system(const QString &name) const
{
    for (const SystemRelease &release : systems) {
        if (release.system == name)
            return &release;
    }
    return nullptr;
}

QStringList ReleaseRecord::logTail(
    const QStringList &lines, const SecretMasker &masker, qsizetype maxLines, qsizetype maxBytes)
{
    // Room for the note about what was left out, should one be needed.
    const qsizetype budget = std::max<qsizetype>(maxBytes - 80, 0);
    QStringList kept;
    qsizetype bytes = 0;
    for (qsizetype i = lines.size() - 1; i >= 0 && kept.size() < maxLines; --i) {
        const QString masked = masker.mask(lines[i]);
        const qsizetype size = masked.toUtf8().size() + 1;
        if (bytes + size > budget)
            break;
        bytes += size;
        kept.append(masked);
    }
    if (kept.size() < lines.size() && kept.size() == maxLines && !kept.isEmpty())
        kept.removeLast(); // the note's line
    std::reverse(kept.begin(), kept.end());
    const qsizetype left = lines.size() - kept.size();
    if (left > 0 && maxLines > 0)
        kept.prepend(QStringLiteral("… %1 earlier lines are not kept with the record").arg(left));
    return kept;
}

QString ReleaseRecord::keyword(Result result)
{
    switch (result) {
    case Result::Succeeded:
        return QStringLiteral("succeeded");
    case Result::Failed:
        return QStringLiteral("failed");
    case Result::RolledBack:
        return QStringLiteral("rolled-back");
    case Result::InProgress:
        return QStringLiteral("in-progress");
    case Result::Interrupted:
        return QStringLiteral("interrupted");
    }
    return {};
}

std::optional<ReleaseRecord::Result> ReleaseRecord::resultFromKeyword(const QString &word)
{
    for (Result result :
        { Result::Succeeded, Result::Failed, Result::RolledBack, Result::InProgress, Result::Interrupted }) {
        if (keyword(result) == word)
            return result;
    }
    return std::nullopt;
}

QString ReleaseRecord::keyword(Migration::Result result)
{
    switch (result) {
    case Migration::Result::Running:
        return QStringLiteral("running");
    case Migration::Result::Succeeded:
        return QStringLiteral("succeeded");
    case Migration::Result::Failed:
        return QStringLiteral("failed");
    }
    return {};
}

QString ReleaseRecord::newId(const QDateTime &time)
{
    // The random part keeps two deliveries of the same second apart; the id
    // also names a ConfigMap, hence lower case and dashes only.
    return time.toUTC().toString(QStringLiteral("yyyyMMdd-HHmmss-zzz")) + QLatin1Char('-') +
        QString::number(QRandomGenerator::global()->bounded(0x10000), 16).rightJustified(4, QLatin1Char('0'));
}

QJsonObject ReleaseRecord::toJson() const
{
    QJsonArray systemArray;
    for (const SystemRelease &release : systems) {
        QJsonObject system {
            { QStringLiteral("system"), release.system },
            { QStringLiteral("image"), release.image },
            { QStringLiteral("gitSha"), release.gitSha },
            { QStringLiteral("branch"), release.branch },
            { QStringLiteral("source"), release.source },
            { QStringLiteral("revision"), release.revision },
            { QStringLiteral("objects"), release.objects },
        };
        if (!release.canary.isEmpty())
            system.insert(QStringLiteral("canary"), CanaryStepResult::toJson(release.canary));
        systemArray.append(system);
    }
    QJsonObject object {
        { QStringLiteral("id"), id },
        { QStringLiteral("time"), time.toUTC().toString(Qt::ISODateWithMs) },
        { QStringLiteral("who"), who },
        { QStringLiteral("environment"), environment },
        { QStringLiteral("tasks"), QJsonArray::fromStringList(tasks) },
        { QStringLiteral("result"), keyword(result) },
        { QStringLiteral("systems"), systemArray },
    };
    if (!reason.isEmpty())
        object.insert(QStringLiteral("reason"), reason);
    if (!restoredFrom.isEmpty())
        object.insert(QStringLiteral("restoredFrom"), restoredFrom);
    if (restoredAt.isValid())
        object.insert(QStringLiteral("restoredAt"), restoredAt.toUTC().toString(Qt::ISODateWithMs));
    if (!steps.isEmpty())
        object.insert(QStringLiteral("steps"), steps);
    QJsonArray migrationArray;
    for (const Migration &migration : migrations) {
        QJsonObject entry { { QStringLiteral("system"), migration.system },
            { QStringLiteral("phase"), migration.phase }, { QStringLiteral("job"), migration.job },
            { QStringLiteral("image"), migration.image }, { QStringLiteral("result"), keyword(migration.result) } };
        if (!migration.message.isEmpty())
            entry.insert(QStringLiteral("message"), migration.message);
        if (!migration.log.isEmpty())
            entry.insert(QStringLiteral("log"), QJsonArray::fromStringList(migration.log));
        if (migration.started.isValid())
            entry.insert(QStringLiteral("started"), migration.started.toUTC().toString(Qt::ISODateWithMs));
        if (migration.finished.isValid())
            entry.insert(QStringLiteral("finished"), migration.finished.toUTC().toString(Qt::ISODateWithMs));
        if (!migration.down.isEmpty())
            entry.insert(QStringLiteral("down"), QJsonArray::fromStringList(migration.down));
        if (migration.timeoutSeconds > 0)
            entry.insert(QStringLiteral("timeoutSeconds"), migration.timeoutSeconds);
        migrationArray.append(entry);
    }
    if (!migrationArray.isEmpty())
        object.insert(QStringLiteral("migrations"), migrationArray);
    return object;
}

std::optional<ReleaseRecord> ReleaseRecord::fromJson(const QJsonObject &object)
{
    ReleaseRecord record;
    record.id = object.value(QLatin1String("id")).toString();
    record.time = QDateTime::fromString(object.value(QLatin1String("time")).toString(), Qt::ISODateWithMs);
    const auto result = resultFromKeyword(object.value(QLatin1String("result")).toString());
    if (record.id.isEmpty() || !record.time.isValid() || !result)
        return std::nullopt;
    record.result = *result;
    record.who = object.value(QLatin1String("who")).toString();
    record.environment = object.value(QLatin1String("environment")).toString();
    record.reason = object.value(QLatin1String("reason")).toString();
    record.restoredFrom = object.value(QLatin1String("restoredFrom")).toString();
    record.steps = object.value(QLatin1String("steps")).toArray();
    record.restoredAt = QDateTime::fromString(object.value(QLatin1String("restoredAt")).toString(), Qt::ISODateWithMs);
    for (const QJsonValue &task : object.value(QLatin1String("tasks")).toArray())
        record.tasks.append(task.toString());
    for (const QJsonValue &value : object.value(QLatin1String("systems")).toArray()) {
        const QJsonObject system = value.toObject();
        SystemRelease release;
        release.system = system.value(QLatin1String("system")).toString();
        release.image = system.value(QLatin1String("image")).toString();
        release.gitSha = system.value(QLatin1String("gitSha")).toString();
        release.branch = system.value(QLatin1String("branch")).toString();
        release.source = system.value(QLatin1String("source")).toString();
        release.revision = system.value(QLatin1String("revision")).toInteger();
        release.objects = system.value(QLatin1String("objects")).toArray();
        release.canary = CanaryStepResult::fromJson(system.value(QLatin1String("canary")).toArray());
        record.systems.append(release);
    }
    const auto strings = [](const QJsonValue &value) {
        QStringList list;
        for (const QJsonValue &item : value.toArray())
            list.append(item.toString());
        return list;
    };
    for (const QJsonValue &value : object.value(QLatin1String("migrations")).toArray()) {
        const QJsonObject entry = value.toObject();
        Migration migration;
        migration.system = entry.value(QLatin1String("system")).toString();
        migration.phase = entry.value(QLatin1String("phase")).toString();
        migration.job = entry.value(QLatin1String("job")).toString();
        migration.image = entry.value(QLatin1String("image")).toString();
        // An unknown result is taken for one still running: never for a
        // success, which would skip undoing it, nor a failure, which would
        // skip running its down.
        const QString ended = entry.value(QLatin1String("result")).toString();
        migration.result = ended == keyword(Migration::Result::Succeeded) ? Migration::Result::Succeeded
            : ended == keyword(Migration::Result::Failed)                 ? Migration::Result::Failed
                                                                          : Migration::Result::Running;
        migration.message = entry.value(QLatin1String("message")).toString();
        migration.log = strings(entry.value(QLatin1String("log")));
        migration.started = QDateTime::fromString(entry.value(QLatin1String("started")).toString(), Qt::ISODateWithMs);
        migration.finished =
            QDateTime::fromString(entry.value(QLatin1String("finished")).toString(), Qt::ISODateWithMs);
        migration.down = strings(entry.value(QLatin1String("down")));
        migration.timeoutSeconds = entry.value(QLatin1String("timeoutSeconds")).toInteger();
        record.migrations.append(migration);
    }
    return record;
}

} // namespace Shipyard
