// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QSortFilterProxyModel>

namespace Shipyard {

// The Cluster view's filter over ClusterTreeModel: rows whose name contains
// the filter text, with their ancestors; and, unless asked for, no replica
// sets a deployment has scaled to zero (the old revisions, up to ten per
// deployment, kept for rollbacks).
class ClusterFilterProxyModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit ClusterFilterProxyModel(QObject *parent = nullptr);

    void setShowOldReplicaSets(bool show);
    bool showsOldReplicaSets() const { return m_showOld; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    bool m_showOld = false;
};

} // namespace Shipyard
