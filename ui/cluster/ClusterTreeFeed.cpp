// SPDX-License-Identifier: GPL-2.0-or-later
#include "cluster/ClusterTreeFeed.h"

#include "kube/KubeError.h"
#include "kube/KubeInformer.h"
#include "kube/KubeInformerRegistry.h"
#include "kube/KubeResourceType.h"

#include <QElapsedTimer>

#include <algorithm>

namespace Shipyard {

namespace {

const KubeResourceType &typeOf(ClusterTreeFeed::Kind kind)
{
    using Kind = ClusterTreeFeed::Kind;
    static const KubeResourceType deployments = KubeResourceType::make(
        QStringLiteral("apps"), QStringLiteral("v1"), QStringLiteral("deployments"), QStringLiteral("Deployment"));
    static const KubeResourceType replicaSets = KubeResourceType::make(
        QStringLiteral("apps"), QStringLiteral("v1"), QStringLiteral("replicasets"), QStringLiteral("ReplicaSet"));
    static const KubeResourceType pods =
        KubeResourceType::make(QString(), QStringLiteral("v1"), QStringLiteral("pods"), QStringLiteral("Pod"));
    switch (kind) {
    case Kind::Deployment:
        return deployments;
    case Kind::ReplicaSet:
        return replicaSets;
    default:
        return pods;
    }
}

} // namespace

ClusterTreeFeed::Watch::~Watch()
{
    for (const QMetaObject::Connection &connection : std::as_const(connections))
        QObject::disconnect(connection);
}

ClusterTreeFeed::ClusterTreeFeed(
    KubeInformerRegistry *registry, Take take, std::function<void()> sliceTaken, QObject *parent)
    : QObject(parent), m_registry(registry), m_take(std::move(take)), m_sliceTaken(std::move(sliceTaken))
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(0);
    connect(&m_timer, &QTimer::timeout, this, &ClusterTreeFeed::process);
}

ClusterTreeFeed::~ClusterTreeFeed() = default;

void ClusterTreeFeed::watch(const QString &context, const KubeClient &client, Kind kind, const QString &ns,
    std::function<bool(QStringView ns)> shows)
{
    auto watch = std::make_unique<Watch>();
    watch->context = context;
    watch->kind = kind;
    watch->ns = ns;
    watch->shows = std::move(shows);
    watch->informer = m_registry->acquire(client, typeOf(kind), ns);
    Watch *w = watch.get();
    KubeInformer *informer = w->informer.get();
    w->connections << connect(informer, &KubeInformer::itemsInserted, this,
                          [this, w](int first, int last) { enqueue(w, first, last); })
                   << connect(informer, &KubeInformer::itemsChanged, this,
                          [this, w](int first, int last) { enqueue(w, first, last); })
                   // Keys are read while the rows still exist; the queue finds them gone.
                   << connect(informer, &KubeInformer::itemsAboutToBeRemoved, this,
                          [this, w](int first, int last) { enqueue(w, first, last); })
                   << connect(informer, &KubeInformer::synced, this, [this, w] { synced(w); })
                   << connect(informer, &KubeInformer::errorOccurred, this, [this, w](const KubeError &error) {
                          Q_EMIT watchFailed(w->context, typeOf(w->kind).resource, w->ns, error.message);
                      });
    m_watches.push_back(std::move(watch));
    // A shared informer may have listed already.
    if (informer->hasSynced()) {
        if (informer->count() > 0)
            enqueue(w, 0, informer->count() - 1);
        synced(w);
    }
}

void ClusterTreeFeed::clear()
{
    m_timer.stop();
    m_queue.clear();
    m_queued.clear();
    m_watches.clear();
}

void ClusterTreeFeed::enqueue(Watch *watch, int first, int last)
{
    for (int row = first; row <= last; ++row) {
        const QString &informerKey = watch->informer->key(row);
        // Namespaces outside the pattern are skipped before anything is parsed.
        if (!watch->shows(QStringView(informerKey).left(informerKey.indexOf(QLatin1Char('/')))))
            continue;
        std::pair<Watch *, QString> item { watch, informerKey };
        if (m_queued.contains(item))
            continue;
        m_queued.insert(item);
        m_queue.push_back(std::move(item));
    }
    if (!m_timer.isActive())
        m_timer.start();
}

void ClusterTreeFeed::process()
{
    QElapsedTimer slice;
    slice.start();
    while (!m_queue.empty() && slice.elapsed() < m_sliceMilliseconds) {
        const std::pair<Watch *, QString> item = std::move(m_queue.front());
        m_queue.pop_front();
        m_queued.remove(item);
        m_take(*item.first, item.second, item.first->informer->row(item.second));
    }
    m_sliceTaken();
    if (!m_queue.empty())
        m_timer.start();
    else
        Q_EMIT idle();
}

void ClusterTreeFeed::synced(Watch *watch)
{
    watch->synced = true;
    const bool all = std::all_of(m_watches.begin(), m_watches.end(),
        [watch](const auto &each) { return each->context != watch->context || each->synced; });
    if (all)
        Q_EMIT contextSynced(watch->context);
}

} // namespace Shipyard
