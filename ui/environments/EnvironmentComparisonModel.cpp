// SPDX-License-Identifier: GPL-2.0-or-later
#include "environments/EnvironmentComparisonModel.h"

#include <QLocale>

namespace Shipyard {

namespace {
// Internal ids: 0 for system rows, 1 + the system's row for commit rows.
constexpr quintptr systemRow = 0;
} // namespace

EnvironmentComparisonModel::EnvironmentComparisonModel(QObject *parent) : QAbstractItemModel(parent)
{ }

void EnvironmentComparisonModel::setComparison(
    const QString &from, const QString &to, const QList<EnvironmentComparison::SystemDifference> &differences)
{
    beginResetModel();
    m_from = from;
    m_to = to;
    m_differences = differences;
    endResetModel();
}

QStringList EnvironmentComparisonModel::tasksOnlyInFrom() const
{
    QStringList tasks;
    for (const EnvironmentComparison::SystemDifference &difference : m_differences) {
        for (const QString &task : difference.tasksOnlyInA) {
            if (!tasks.contains(task))
                tasks.append(task);
        }
    }
    return tasks;
}

QString EnvironmentComparisonModel::releaseNotes() const
{
    QString notes = tr("# %1 → %2").arg(m_from, m_to) + QStringLiteral("\n\n");
    const QStringList tasks = tasksOnlyInFrom();
    notes +=
        tr("Tasks: %1").arg(tasks.isEmpty() ? tr("none") : tasks.join(QStringLiteral(", "))) + QStringLiteral("\n\n");
    for (const EnvironmentComparison::SystemDifference &difference : m_differences) {
        if (difference.onlyInA.isEmpty())
            continue;
        notes += QStringLiteral("## ") + difference.system + QStringLiteral("\n\n");
        for (const CommitInfo &commit : difference.onlyInA)
            notes += QStringLiteral("- %1 %2 (%3)\n").arg(commit.id.left(12), commit.summary, commit.authorName);
        notes += QLatin1Char('\n');
    }
    return notes;
}

const CommitInfo *EnvironmentComparisonModel::commitAt(
    const EnvironmentComparison::SystemDifference &difference, int row, bool *added) const
{
    *added = row < difference.onlyInA.size();
    if (*added)
        return &difference.onlyInA[row];
    row -= int(difference.onlyInA.size());
    return row < difference.onlyInB.size() ? &difference.onlyInB[row] : nullptr;
}

QModelIndex EnvironmentComparisonModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, systemRow);
    return createIndex(row, column, quintptr(parent.row()) + 1);
}

QModelIndex EnvironmentComparisonModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == systemRow)
        return {};
    return createIndex(int(child.internalId() - 1), 0, systemRow);
}

int EnvironmentComparisonModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_differences.size());
    if (parent.internalId() != systemRow || parent.column() != 0)
        return 0;
    const EnvironmentComparison::SystemDifference &difference = m_differences[parent.row()];
    return int(difference.onlyInA.size() + difference.onlyInB.size());
}

int EnvironmentComparisonModel::columnCount(const QModelIndex &) const
{
    return 3;
}

QVariant EnvironmentComparisonModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    if (index.internalId() == systemRow) {
        const EnvironmentComparison::SystemDifference &difference = m_differences[index.row()];
        if (role == TasksRole)
            return difference.tasksOnlyInA;
        if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
            return {};
        switch (index.column()) {
        case 0:
            return difference.system;
        case 1:
            if (!difference.problem.isEmpty())
                return difference.problem;
            if (difference.same())
                return tr("the same commit %1").arg(difference.commitA.left(12));
            return tr("%1 → %2: %n commit(s) only in %3", nullptr, int(difference.onlyInA.size()))
                .arg(difference.commitB.isEmpty() ? tr("nothing") : difference.commitB.left(12),
                    difference.commitA.isEmpty() ? tr("nothing") : difference.commitA.left(12), m_from);
        case 2:
            return difference.tasksOnlyInA.join(QStringLiteral(", "));
        }
        return {};
    }
    const EnvironmentComparison::SystemDifference &difference = m_differences[int(index.internalId() - 1)];
    bool added = false;
    const CommitInfo *commit = commitAt(difference, index.row(), &added);
    if (!commit)
        return {};
    if (role == CommitIdRole)
        return commit->id;
    if (role == Qt::ToolTipRole)
        return commit->message;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case 0:
        return QString((added ? QStringLiteral("+ ") : QStringLiteral("− ")) + commit->id.left(12));
    case 1:
        return commit->summary;
    case 2:
        return tr("%1, %2").arg(
            commit->authorName, QLocale().toString(commit->authorTime.toLocalTime(), QLocale::ShortFormat));
    }
    return {};
}

QVariant EnvironmentComparisonModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case 0:
        return tr("System / commit");
    case 1:
        return tr("Change");
    case 2:
        return tr("Tasks / author");
    }
    return {};
}

} // namespace Shipyard
