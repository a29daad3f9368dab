// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "model/Ecosystem.h"

#include <QAbstractTableModel>
#include <QMetaObject>
#include <QPointer>
#include <QTimer>

namespace Shipyard {

class ClusterAccess;
class DeliveryQueueWatch;
class EnvironmentMonitor;
class EnvironmentWatch;
class FreezeWatch;
class ShowroomDirectory;
struct ShowroomInfo;

// Systems (rows) × environments (columns). Each cell shows the system's live
// state in that environment from the EnvironmentMonitor: the version people
// know it by (`git describe --tags` when delivered, else the image's tag),
// its health in a symbol and words, the tasks it carried, who delivered it
// and how long ago; a change repaints only its own cell, and an unreachable
// cluster marks only its own column. A column's header says whether the
// environment is frozen and who holds its delivery lock, with how many wait
// (a DeliveryQueueWatch per fixed environment, see setCluster()).
//
// A showroom environment has a column per live showroom (one per task), in
// the order its ShowroomDirectory keeps them; columns are inserted and
// removed as showrooms come and go. While none is up (or before they are
// listed, or when they cannot be) the environment keeps one greyed
// placeholder column that says so.
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
        TaskRole, // the showroom's task; empty outside showroom columns
        ShowroomPlaceholderRole, // true in a showroom environment's column while none is up
        FrozenRole, // header: the environment is in one of its freeze windows now
        LockHolderRole, // header: who holds the environment's delivery lock; empty when free
        QueueLengthRole, // header: how many deliveries wait for it
        VersionRole, // the version shown: the described commit, else the image's short tag
    };

    using QAbstractTableModel::QAbstractTableModel;

    void setEcosystem(const Ecosystem &ecosystem);
    // The monitor must watch the same ecosystem; nullptr shows no live state.
    void setMonitor(EnvironmentMonitor *monitor);
    // Watches each fixed environment's delivery lock and queue through
    // CLUSTER's contexts; an empty ClusterAccess stops watching.
    void setCluster(const ClusterAccess &cluster);
    const Ecosystem &ecosystem() const { return m_ecosystem; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // The first column of an environment (its placeholder or first showroom), -1 when out of range.
    int firstColumn(int environment) const;
    // ENVIRONMENT's freeze windows as time passes; nullptr when out of range.
    FreezeWatch *freezeWatch(int environment) const;

private:
    // What one environment shows: a fixed one always one column; a showroom
    // environment one column per showroom of its directory, or a placeholder.
    struct Span
    {
        QPointer<ShowroomDirectory> directory;
        int columns = 1;
        bool placeholder = true;
    };
    // Where a column comes from: showroom is -1 for a fixed environment and a placeholder.
    struct Source
    {
        int environment = -1;
        int showroom = -1;
    };

    void relayout();
    void watchFreezes();
    void monitorReset();
    void connectSources();
    Source sourceOf(int column) const;
    const ShowroomInfo *showroomAt(const Source &source) const;
    const EnvironmentWatch *watchAt(const Source &source) const;
    bool isCurrent(int environment, const ShowroomDirectory *directory) const;

    void systemChanged(int column, const QString &system);
    void columnChanged(int column);
    void showroomsAboutToBeInserted(int environment, int first, int last);
    void showroomsInserted(int environment, int first, int last);
    void showroomsAboutToBeRemoved(int environment, int first, int last);
    void showroomsRemoved(int environment, int first, int last);

    bool isDelivered(const System &system, const Environment &environment) const;
    QString placeholderText(int environment) const;

    Ecosystem m_ecosystem;
    EnvironmentMonitor *m_monitor = nullptr;
    QList<Span> m_spans;
    QList<FreezeWatch *> m_freezes; // one per environment, owned by this model
    QList<DeliveryQueueWatch *> m_locks; // one per environment, null for showrooms; owned
    QTimer *m_clock = nullptr; // "2 h ago" grows older
    QList<QMetaObject::Connection> m_connections;
};

} // namespace Shipyard
