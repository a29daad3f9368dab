// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "kube/RolloutResult.h"

#include <QAbstractTableModel>

namespace Shipyard {

// A deployment's revisions, newest first. A reload changes only what
// changed: new revisions are inserted, gone ones removed.
class RolloutHistoryModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { RevisionColumn, ImageColumn, ReplicaSetColumn, CauseColumn, ColumnCount };
    enum Role { RevisionRole = Qt::UserRole + 1 };

    using QAbstractTableModel::QAbstractTableModel;

    void setRevisions(QList<RolloutRevision> oldestFirst);
    void setCurrentRevision(qint64 revision);
    qint64 currentRevision() const { return m_current; }
    qint64 revisionAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<RolloutRevision> m_revisions; // newest first
    qint64 m_current = 0;
};

} // namespace Shipyard
