// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "model/Ecosystem.h"

#include <QAbstractTableModel>

namespace Shipyard {

class EnvironmentMonitor;

// Systems (rows) × environments (columns). Each cell shows the system's live
// state in that environment (image tag, ready/desired replicas, health) from
// the EnvironmentMonitor; a change repaints only its own cell, and an
// unreachable cluster marks only its own column.
class EnvironmentMatrixModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Role {
        SystemNameRole = Qt::UserRole + 1,
        EnvironmentNameRole,
        DeliveredRole, // false when the environment does not run this system
        NamespaceRole,
        ContextRole,
        HealthRole, // SystemState::Health as int; -1 when the environment is not watched
        ImageRole,
        ConnectionErrorRole,
    };

    using QAbstractTableModel::QAbstractTableModel;

    void setEcosystem(const Ecosystem &ecosystem);
    // The monitor must watch the same ecosystem; nullptr shows no live state.
    void setMonitor(EnvironmentMonitor *monitor);
    const Ecosystem &ecosystem() const { return m_ecosystem; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void connectWatches();
    void systemChanged(int column, const QString &system);
    void columnChanged(int column);

    bool isDelivered(const System &system, const Environment &environment) const;

    Ecosystem m_ecosystem;
    EnvironmentMonitor *m_monitor = nullptr;
};

} // namespace Shipyard
