// SPDX-License-Identifier: GPL-2.0-or-later
#include "history/ReleaseHistoryModel.h"

#include "widgets/BackgroundTask.h"

#include "releases/ReleaseStore.h"

#include <QColor>
#include <QLocale>
#include <QSet>

#include <algorithm>

namespace Shipyard {

namespace {

struct Listing
{
    QList<ReleaseRecord> records;
    QString error;
};

} // namespace

ReleaseHistoryModel::ReleaseHistoryModel(QObject *parent) : QAbstractTableModel(parent)
{ }

void ReleaseHistoryModel::setSource(const KubeClient &client, const QString &ns)
{
    m_client = client;
    m_ns = ns;
    m_hasSource = client.isValid() && !ns.isEmpty();
    ++m_generation;
    m_loading = false;
    setRecords({});
}

void ReleaseHistoryModel::refresh()
{
    if (!m_hasSource) {
        m_error = tr("no environment chosen");
        Q_EMIT loaded(m_error);
        return;
    }
    m_loading = true;
    const int generation = m_generation;
    runInBackground([client = m_client, ns = m_ns] {
        KubeError error;
        Listing listing;
        listing.records = ReleaseStore(client, ns).list(&error);
        if (error.isError())
            listing.error = tr("release records of %1: %2").arg(ns, error.message);
        return listing;
    }).then(this, [this, generation](const Listing &listing) {
        if (generation != m_generation)
            return;
        m_loading = false;
        m_error = listing.error;
        if (listing.error.isEmpty())
            setRecords(listing.records);
        Q_EMIT loaded(m_error);
    });
}

bool ReleaseHistoryModel::sameRecord(const ReleaseRecord &a, const ReleaseRecord &b)
{
    return a.toJson() == b.toJson();
}

void ReleaseHistoryModel::setRecords(const QList<ReleaseRecord> &records)
{
    QSet<QString> wanted;
    for (const ReleaseRecord &record : records)
        wanted.insert(record.id);
    for (int row = int(m_records.size()) - 1; row >= 0; --row) {
        if (!wanted.contains(m_records[row].id)) {
            beginRemoveRows({}, row, row);
            m_records.removeAt(row);
            endRemoveRows();
        }
    }
    for (int row = 0; row < records.size(); ++row) {
        const ReleaseRecord &record = records[row];
        if (row < m_records.size() && m_records[row].id == record.id) {
            if (!sameRecord(m_records[row], record)) {
                m_records[row] = record;
                Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
            }
            continue;
        }
        // Out of order (a clock moved): take it out where it was.
        const int old = rowOfRelease(record.id);
        if (old >= 0) {
            beginRemoveRows({}, old, old);
            m_records.removeAt(old);
            endRemoveRows();
        }
        beginInsertRows({}, row, row);
        m_records.insert(row, record);
        endInsertRows();
    }
}

const ReleaseRecord *ReleaseHistoryModel::record(int row) const
{
    return row >= 0 && row < m_records.size() ? &m_records[row] : nullptr;
}

int ReleaseHistoryModel::rowOfRelease(const QString &id) const
{
    for (int row = 0; row < m_records.size(); ++row) {
        if (m_records[row].id == id)
            return row;
    }
    return -1;
}

int ReleaseHistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_records.size());
}

int ReleaseHistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ReleaseHistoryModel::migrationTitle(const ReleaseRecord::Migration &migration)
{
    switch (migration.result) {
    case ReleaseRecord::Migration::Result::Running:
        return tr("%1 %2 running").arg(migration.system, migration.phase);
    case ReleaseRecord::Migration::Result::Succeeded:
        return tr("%1 %2 done").arg(migration.system, migration.phase);
    case ReleaseRecord::Migration::Result::Failed:
        return tr("%1 %2 failed").arg(migration.system, migration.phase);
    }
    return {};
}

QString ReleaseHistoryModel::resultTitle(ReleaseRecord::Result result)
{
    switch (result) {
    case ReleaseRecord::Result::Succeeded:
        return tr("succeeded");
    case ReleaseRecord::Result::Failed:
        return tr("failed");
    case ReleaseRecord::Result::RolledBack:
        return tr("rolled back");
    case ReleaseRecord::Result::InProgress:
        return tr("in progress");
    case ReleaseRecord::Result::Interrupted:
        return tr("interrupted");
    }
    return {};
}

QVariant ReleaseHistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ReleaseRecord &record = m_records[index.row()];
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        switch (Column(index.column())) {
        case IdColumn:
            return record.id;
        case TimeColumn:
            return QLocale().toString(record.time.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        case WhoColumn:
            return record.who;
        case TasksColumn:
            return record.tasks.join(QStringLiteral(", "));
        case SystemsColumn: {
            QStringList systems;
            for (const ReleaseRecord::SystemRelease &system : record.systems) {
                if (!system.image.isEmpty())
                    systems.append(tr("%1 → %2").arg(system.system, system.image));
            }
            return systems.join(role == Qt::ToolTipRole ? QStringLiteral("\n") : QStringLiteral(", "));
        }
        case ResultColumn:
            return resultTitle(record.result);
        case MigrationsColumn: {
            QStringList migrations;
            for (const ReleaseRecord::Migration &migration : record.migrations) {
                if (role == Qt::DisplayRole) {
                    migrations.append(migrationTitle(migration));
                    continue;
                }
                // The tooltip has what a person needs to act on a failure:
                // which Job, how it ended and the end of its log.
                QString entry = tr("%1 — Job %2").arg(migrationTitle(migration), migration.job);
                if (!migration.message.isEmpty())
                    entry += QStringLiteral(": ") + migration.message;
                const QStringList tail = migration.log.mid(std::max<qsizetype>(migration.log.size() - 5, 0));
                if (!tail.isEmpty())
                    entry += QStringLiteral("\n    ") + tail.join(QStringLiteral("\n    "));
                migrations.append(entry);
            }
            return migrations.join(role == Qt::ToolTipRole ? QStringLiteral("\n") : QStringLiteral(", "));
        }
        case ReasonColumn:
            // A person's rollback says what it restored.
            if (!record.restoredFrom.isEmpty())
                return record.reason.isEmpty()
                    ? tr("rollback: restores %1").arg(record.restoredFrom)
                    : tr("rollback: restores %1 — %2").arg(record.restoredFrom, record.reason);
            return record.reason;
        case ColumnCount:
            break;
        }
        return {};
    case Qt::ForegroundRole:
        if (index.column() == ResultColumn &&
            (record.result == ReleaseRecord::Result::Failed || record.result == ReleaseRecord::Result::Interrupted))
            return QColor(0xc0, 0x1c, 0x28);
        if (index.column() == ResultColumn && record.result == ReleaseRecord::Result::RolledBack)
            return QColor(0xb3, 0x6b, 0x00);
        if (index.column() == MigrationsColumn &&
            std::ranges::any_of(record.migrations, [](const ReleaseRecord::Migration &migration) {
                return migration.result == ReleaseRecord::Migration::Result::Failed;
            }))
            return QColor(0xc0, 0x1c, 0x28);
        return {};
    case IdRole:
        return record.id;
    case ResultRole:
        return ReleaseRecord::keyword(record.result);
    case TimeRole:
        return record.time;
    case IsGoodRole:
        return record.isGood();
    default:
        return {};
    }
}

QVariant ReleaseHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case IdColumn:
        return tr("Release");
    case TimeColumn:
        return tr("Time");
    case WhoColumn:
        return tr("Who");
    case TasksColumn:
        return tr("Tasks");
    case SystemsColumn:
        return tr("Systems → images");
    case ResultColumn:
        return tr("Result");
    case MigrationsColumn:
        return tr("Migrations");
    case ReasonColumn:
        return tr("Reason");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace Shipyard
