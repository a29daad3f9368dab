// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "kube/KubeClient.h"
#include "kube/KubeError.h"
#include "pipeline/EnvironmentLock.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>

#include <memory>

namespace Shipyard {

class KubeInformer;

// The delivery lock of one environment and its queue, live: a watch on the
// Leases of the environment's namespace (EnvironmentLock's lock and its
// `shipyard-delivery-queue-…` entries), read the way EnvironmentLock reads
// them. entries() is the holder first (when the lock names one), then the
// waiters oldest first. A lease that stops being renewed changes nothing
// on the server, so the entries are also judged again every second by the
// wall clock; changed() is emitted only when something shown differs.
// Lives in the thread that creates it (the informer decodes elsewhere).
class DeliveryQueueWatch : public QObject
{
    Q_OBJECT
public:
    struct Entry
    {
        QString lease; // shipyard-delivery for the holder, the queue lease for a waiter
        bool holder = false;
        QString identity; // user@host/pid
        QString reason; // what it delivers or why it holds, when the lease says
        QDateTime since; // the holder: acquired; a waiter: entered the queue
        QDateTime renewed;
        QDateTime expires; // unless renewed before
        bool expired = false; // the next taker gets it (a waiter: the next waiter deletes it)
        bool operator==(const Entry &other) const = default;
    };

    DeliveryQueueWatch(KubeClient client, QString ns, QObject *parent = nullptr);
    ~DeliveryQueueWatch() override;

    void start();
    bool hasSynced() const { return m_synced; }
    const QString &ns() const { return m_ns; }
    const QList<Entry> &entries() const { return m_entries; }
    // Who holds the lock (empty: free or expired) and how many wait.
    QString holder() const;
    int waiting() const;

    // Entries of a lock STATUS as read once (EnvironmentLock::read) or from the watch.
    static QList<Entry> entriesOf(const EnvironmentLock::Status &status);

Q_SIGNALS:
    void changed();
    void synced();
    void errorOccurred(const QString &message);

private:
    void evaluate();

    QString m_ns;
    std::unique_ptr<KubeInformer> m_informer;
    QTimer m_clock;
    QList<Entry> m_entries;
    bool m_synced = false;
};

} // namespace Shipyard
