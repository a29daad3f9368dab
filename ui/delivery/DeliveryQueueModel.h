// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "kube/KubeClient.h"
#include "pipeline/DeliveryQueueWatch.h"

#include <QAbstractListModel>
#include <QPointer>

namespace Shipyard {

// Who holds an environment's delivery lock and who waits for it, in order:
// the holder first, then the waiters oldest first. Fed by a
// DeliveryQueueWatch; setEntries() merges each new picture into the rows
// (rows inserted, removed or moved, dataChanged with only the roles that
// changed — a renewal changes the expiry and nothing else).
class DeliveryQueueModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role {
        IdentityRole = Qt::UserRole + 1, // user@host/pid
        ReasonRole, // what it delivers, when the lease says
        SinceRole, // QDateTime: the holder acquired / the waiter queued
        ExpiresRole, // QDateTime: unless renewed before
        HolderRole, // bool
        ExpiredRole, // bool
        LeaseRole, // the Lease's name
    };

    explicit DeliveryQueueModel(QObject *parent = nullptr);

    // Watches the leases of NS through CLIENT; an invalid client empties the model.
    void watch(const KubeClient &client, const QString &ns);
    void clear();
    DeliveryQueueWatch *source() const { return m_watch; }
    QString lastError() const { return m_error; }

    void setEntries(const QList<DeliveryQueueWatch::Entry> &wanted);
    const QList<DeliveryQueueWatch::Entry> &entries() const { return m_entries; }
    // The live holder (empty: free) and the live waiters.
    QString holder() const;
    int waiting() const;
    // "Queue: 2 waiting", for a button.
    QString summary() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    // The holder or the number of waiters changed, or the watch is back after an error.
    void summaryChanged();
    void errorOccurred(const QString &message);

private:
    static QVariant value(const DeliveryQueueWatch::Entry &entry, int role);

    QPointer<DeliveryQueueWatch> m_watch;
    QList<DeliveryQueueWatch::Entry> m_entries;
    QString m_error;
};

} // namespace Shipyard
