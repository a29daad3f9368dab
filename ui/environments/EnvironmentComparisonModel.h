// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "live/EnvironmentComparison.h"

#include <QAbstractItemModel>

namespace Shipyard {

// A comparison of two environments as a tree: a row per system (its two
// commits and the tasks only the first has), under it the commits only the
// first runs ("+") and those only the second runs ("−"). A new comparison
// replaces the whole tree: it is one answer, not a stream of changes.
class EnvironmentComparisonModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Role { CommitIdRole = Qt::UserRole + 1, TasksRole };

    explicit EnvironmentComparisonModel(QObject *parent = nullptr);

    void setComparison(
        const QString &from, const QString &to, const QList<EnvironmentComparison::SystemDifference> &differences);
    const QList<EnvironmentComparison::SystemDifference> &differences() const { return m_differences; }
    QStringList tasksOnlyInFrom() const;
    // Markdown for a release announcement: tasks, then commits per system.
    QString releaseNotes() const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    // Child rows: the "+" commits, then the "−" ones.
    const CommitInfo *commitAt(const EnvironmentComparison::SystemDifference &difference, int row, bool *added) const;

    QString m_from;
    QString m_to;
    QList<EnvironmentComparison::SystemDifference> m_differences;
};

} // namespace Shipyard
