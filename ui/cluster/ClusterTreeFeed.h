// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "cluster/ClusterTreeModel.h"

#include <QObject>
#include <QSet>
#include <QTimer>

#include <deque>
#include <functional>
#include <memory>
#include <vector>

namespace Shipyard {

class KubeInformer;
class KubeInformerRegistry;

// Where ClusterTreeModel's objects come from: per context, an informer for
// each kind of object the tree shows in each watched namespace, shared with
// other views through the registry. Informer signals only queue the keys of
// the objects they touch, each key once, in arrival order. Parsing a pod
// costs ~50 us, so 10,000 at once would freeze the window for half a second:
// the queue is worked off in slices of a few ms instead, and each object is
// handed over in whatever state its informer holds when its turn comes,
// however many events it had.
class ClusterTreeFeed : public QObject
{
    Q_OBJECT
public:
    using Kind = ClusterTreeModel::Kind;

    // One informer of one context.
    struct Watch
    {
        QString context;
        Kind kind = Kind::Pod;
        QString ns; // empty: every namespace
        std::function<bool(QStringView ns)> shows; // objects in other namespaces are skipped unread
        std::shared_ptr<KubeInformer> informer;
        QList<QMetaObject::Connection> connections;
        bool synced = false;
        ~Watch();
    };

    // Gets each queued object: its row in `watch.informer`, or -1 once it is gone.
    using Take = std::function<void(const Watch &watch, const QString &informerKey, int row)>;

    // `sliceTaken` runs after each slice's last `take`.
    ClusterTreeFeed(
        KubeInformerRegistry *registry, Take take, std::function<void()> sliceTaken, QObject *parent = nullptr);
    ~ClusterTreeFeed() override;

    void watch(const QString &context, const KubeClient &client, Kind kind, const QString &ns,
        std::function<bool(QStringView ns)> shows);
    // Every watch stops, and whatever was queued is dropped.
    void clear();
    bool isIdle() const { return m_queue.empty(); }
    void setSliceMilliseconds(int milliseconds) { m_sliceMilliseconds = milliseconds; }

Q_SIGNALS:
    // Every watch of `context` has listed (again, after a relist).
    void contextSynced(const QString &context);
    void watchFailed(const QString &context, const QString &resource, const QString &ns, const QString &error);
    // The queue ran dry.
    void idle();

private:
    void enqueue(Watch *watch, int first, int last);
    void process();
    void synced(Watch *watch);

    KubeInformerRegistry *m_registry = nullptr;
    Take m_take;
    std::function<void()> m_sliceTaken;
    std::vector<std::unique_ptr<Watch>> m_watches;
    std::deque<std::pair<Watch *, QString>> m_queue; // (watch, informer key), in arrival order
    QSet<std::pair<Watch *, QString>> m_queued; // what m_queue holds
    QTimer m_timer;
    int m_sliceMilliseconds = 8;
};

} // namespace Shipyard
