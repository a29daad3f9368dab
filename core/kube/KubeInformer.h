// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "kube/KubeClient.h"
#include "kube/KubeError.h"
#include "kube/KubeResourceType.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <chrono>
#include <memory>

namespace Shipyard {

// A live, local copy of one collection (one resource type in one namespace
// or in all of them), kept true by the informer pattern of client-go:
// list page by page (each page applied as it arrives), then watch from the list's resourceVersion with
// bookmarks; after a disconnect, watch again from the last resourceVersion
// seen (backing off while the server is unreachable); when the server says
// that version is gone (HTTP 410 or an ERROR event with code 410), list
// again and reconcile. Decoding happens in the HTTP worker thread.
//
// Rows and signals are shaped for a QAbstractItemModel on top:
//  - Rows are a vector in arrival order; row(key) is O(1) (hash index).
//  - Changes arrive in coalesced batches, at most one batch per
//    batchInterval(). Within a batch the informer emits, in this order:
//      1. for every contiguous run of deleted rows, highest rows first:
//         itemsAboutToBeRemoved(first, last) ... itemsRemoved(first, last)
//         (rows after the run shift up, exactly like beginRemoveRows);
//      2. for every contiguous run of modified rows (indices after the
//         removals): itemsChanged(first, last);
//      3. for the new objects, appended at the end:
//         itemsAboutToBeInserted(first, last) ... itemsInserted(first, last).
//    Storage changes between each "about to" and its matching signal, so a
//    model maps them 1:1 onto begin/endRemoveRows, dataChanged,
//    begin/endInsertRows. An object added and deleted in the same batch is
//    never seen. An object replaced by a relist with the same
//    resourceVersion is not reported as changed.
//  - synced() once the first list is complete, what it lacked removed
//    (and again after each relist); errorOccurred() whenever listing or watching fails
//    (the informer keeps retrying).
//  - All signals are emitted in the informer's thread (create it in the
//    thread of the model).
//
// Informers are usually shared through KubeInformerRegistry, which stops
// one when its last user lets go.
class KubeInformer : public QObject
{
    Q_OBJECT
public:
    // `ns` empty: every namespace (or a cluster-scoped type).
    KubeInformer(KubeClient client, KubeResourceType type, QString ns, QObject *parent = nullptr);
    ~KubeInformer() override;

    void setLabelSelector(const QString &selector) { m_labelSelector = selector; }
    void setFieldSelector(const QString &selector) { m_fieldSelector = selector; }
    void setPageSize(int size) { m_pageSize = size; }
    // metadata.managedFields is a third of a typical object and no view
    // shows it; dropped by default (client-go informers use a transform for
    // the same). Set before start().
    void setKeepManagedFields(bool keep) { m_keepManagedFields = keep; }
    void setBatchInterval(std::chrono::milliseconds interval) { m_batchTimer.setInterval(interval); }
    // The timeoutSeconds each watch asks of the server; 0 (the default): a
    // random 5-10 minutes. A watch silent for longer (plus a grace) counts as
    // stalled, so tests of a stalled server shorten it.
    void setWatchTimeout(std::chrono::seconds timeout) { m_watchTimeout = timeout; }
    std::chrono::milliseconds batchInterval() const { return m_batchTimer.intervalAsDuration(); }

    void start();
    void stop();
    bool isRunning() const { return m_running; }
    bool hasSynced() const { return m_synced; }

    const KubeResourceType &type() const { return m_type; }
    const QString &ns() const { return m_ns; }

    // Rows hold compact JSON (a 10,000-pod cache in tens of MB rather than
    // hundreds as parsed trees); item() parses on demand, about 50 us for a
    // pod, so a model should extract its columns once per itemsChanged.
    int count() const { return int(m_items.size()); }
    QJsonObject item(int row) const;
    const QByteArray &rawItem(int row) const { return m_items.at(row).json; }
    const QString &key(int row) const { return m_items.at(row).key; }
    const QString &resourceVersion(int row) const { return m_items.at(row).resourceVersion; }
    // -1 when absent. The key is "namespace/name" (or "name"). Not to be
    // asked from a slot of the removal signals: rows are indexed again after
    // the batch's last removal.
    int row(const QString &key) const { return m_rows.value(key, -1); }
    static QString keyOf(const QJsonObject &object);

    // The last resourceVersion seen (list, event or bookmark).
    QString resourceVersion() const;
    // Drops the watch as a network failure would and resumes from
    // `resourceVersion` (the last one seen when empty). For tests.
    void simulateDisconnect(const QString &resourceVersion = {});
    // For tests and diagnostics.
    int listCount() const { return m_listCount; }
    int watchCount() const { return m_watchCount; }

Q_SIGNALS:
    void itemsAboutToBeRemoved(int first, int last);
    void itemsRemoved(int first, int last);
    void itemsChanged(int first, int last);
    void itemsAboutToBeInserted(int first, int last);
    void itemsInserted(int first, int last);
    void batchApplied();
    void synced();
    void errorOccurred(const Shipyard::KubeError &error);

public:
    // Shared with the worker thread; see KubeInformer.cpp.
    struct Shared;
    struct Row
    {
        QString key;
        QString resourceVersion;
        QByteArray json; // compact; empty in a change: deleted
    };

private:
    using Change = Row;

    void list();
    void listedPage(quint64 generation, bool restart, QList<Row> rows);
    void listed(quint64 generation, const KubeError &error, const QString &resourceVersion);
    void watch();
    void watchEnded(quint64 generation, const KubeResponse &response, bool expired, bool sawEvents);
    void scheduleRetry(bool relist);
    void drain();
    void apply(QList<Change> changes);

    KubeClient m_client;
    KubeResourceType m_type;
    QString m_ns;
    QString m_labelSelector;
    QString m_fieldSelector;
    int m_pageSize = 500;
    bool m_keepManagedFields = false;
    std::chrono::seconds m_watchTimeout { 0 };

    QList<Row> m_items;
    QHash<QString, int> m_rows;
    QSet<QString> m_listed; // the keys of the list under way

    std::shared_ptr<Shared> m_shared;
    std::shared_ptr<KubeStream> m_stream;
    quint64 m_generation = 0;
    bool m_running = false;
    bool m_synced = false;
    int m_failures = 0;
    int m_listCount = 0;
    int m_watchCount = 0;
    QTimer m_batchTimer;
    QTimer m_retryTimer;
    bool m_retryRelist = false;
};

} // namespace Shipyard
