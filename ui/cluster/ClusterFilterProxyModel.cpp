// SPDX-License-Identifier: GPL-2.0-or-later
#include "cluster/ClusterFilterProxyModel.h"

#include "cluster/ClusterTreeModel.h"

namespace Shipyard {

ClusterFilterProxyModel::ClusterFilterProxyModel(QObject *parent) : QSortFilterProxyModel(parent)
{
    setRecursiveFilteringEnabled(true);
    setFilterCaseSensitivity(Qt::CaseInsensitive);
    setFilterKeyColumn(ClusterTreeModel::NameColumn);
}

void ClusterFilterProxyModel::setShowOldReplicaSets(bool show)
{
    if (show == m_showOld)
        return;
    m_showOld = show;
    invalidateRowsFilter();
}

bool ClusterFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (!m_showOld) {
        const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
        if (ClusterTreeModel::Kind(index.data(ClusterTreeModel::KindRole).toInt()) ==
                ClusterTreeModel::Kind::ReplicaSet &&
            sourceModel()->rowCount(index) == 0 &&
            index.siblingAtColumn(ClusterTreeModel::ReadyColumn).data().toString().endsWith(QLatin1String("/0")))
            return false;
    }
    return QSortFilterProxyModel::filterAcceptsRow(sourceRow, sourceParent);
}

} // namespace Shipyard
