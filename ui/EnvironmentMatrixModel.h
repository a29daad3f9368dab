// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "model/Ecosystem.h"

#include <QAbstractTableModel>

namespace Shipyard {

// Systems (rows) × environments (columns). Each cell says where the system
// runs in that environment; the live state (image, health, age) is filled in
// by the cluster connection, and until it reports, the cell says so.
class EnvironmentMatrixModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Role {
        SystemNameRole = Qt::UserRole + 1,
        EnvironmentNameRole,
        DeliveredRole,  // false when the environment does not run this system
        NamespaceRole,
        ContextRole,
    };

    using QAbstractTableModel::QAbstractTableModel;

    void setEcosystem(const Ecosystem &ecosystem);
    const Ecosystem &ecosystem() const { return m_ecosystem; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    bool isDelivered(const System &system, const Environment &environment) const;

    Ecosystem m_ecosystem;
};

} // namespace Shipyard
