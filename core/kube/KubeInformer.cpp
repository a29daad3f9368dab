// SPDX-License-Identifier: GPL-2.0-or-later
#include "kube/KubeInformer.h"

#include "kube/KubeListResult.h"
#include "kube/KubePager.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>

#include <algorithm>
#include <mutex>
#include <vector>

namespace Shipyard {

// What the worker thread and the informer's thread share. The worker only
// appends decoded events and wakes the informer; everything else happens in
// the informer's thread.
struct KubeInformer::Shared
{
    using Event = KubeInformer::Row;

    std::mutex mutex;
    KubeInformer *target = nullptr; // cleared when the informer goes away
    quint64 generation = 0; // events of an older list/watch cycle are dropped
    QString resourceVersion;
    std::vector<Event> pending;
    bool drainPosted = false;

    template<typename Function> void post(quint64 forGeneration, Function function)
    {
        std::lock_guard lock(mutex);
        if (target && forGeneration == generation)
            QMetaObject::invokeMethod(target, std::move(function), Qt::QueuedConnection);
    }
};

namespace {

QString resourceVersionOf(const QJsonObject &object)
{
    return object.value(QLatin1String("metadata")).toObject().value(QLatin1String("resourceVersion")).toString();
}

void dropManagedFields(QJsonObject &object)
{
    auto metadata = object.find(QLatin1String("metadata"));
    if (metadata == object.end())
        return;
    QJsonObject copy = metadata->toObject();
    if (!copy.contains(QLatin1String("managedFields")))
        return;
    copy.remove(QLatin1String("managedFields"));
    *metadata = copy;
}

// In the worker thread: what a row keeps of an object.
KubeInformer::Row toRow(QJsonObject object, bool keepManagedFields)
{
    if (!keepManagedFields)
        dropManagedFields(object);
    return { KubeInformer::keyOf(object), resourceVersionOf(object),
        QJsonDocument(object).toJson(QJsonDocument::Compact) };
}

// Runs of consecutive values of an ascending list: {first, last} pairs.
QList<std::pair<int, int>> runs(const QList<int> &sorted)
{
    QList<std::pair<int, int>> result;
    for (int row : sorted) {
        if (!result.isEmpty() && result.last().second + 1 == row)
            result.last().second = row;
        else
            result.append({ row, row });
    }
    return result;
}

} // namespace

KubeInformer::KubeInformer(KubeClient client, KubeResourceType type, QString ns, QObject *parent)
    : QObject(parent)
    , m_client(std::move(client))
    , m_type(std::move(type))
    , m_ns(m_type.namespaced ? std::move(ns) : QString())
    , m_shared(std::make_shared<Shared>())
{
    m_shared->target = this;
    m_batchTimer.setSingleShot(true);
    m_batchTimer.setInterval(std::chrono::milliseconds(50));
    connect(&m_batchTimer, &QTimer::timeout, this, &KubeInformer::drain);
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, [this] { m_retryRelist ? list() : watch(); });
}

KubeInformer::~KubeInformer()
{
    {
        std::lock_guard lock(m_shared->mutex);
        m_shared->target = nullptr;
    }
    if (m_stream)
        m_stream->cancel();
}

QString KubeInformer::keyOf(const QJsonObject &object)
{
    const QJsonObject metadata = object.value(QLatin1String("metadata")).toObject();
    const QString ns = metadata.value(QLatin1String("namespace")).toString();
    const QString name = metadata.value(QLatin1String("name")).toString();
    return ns.isEmpty() ? name : ns + QLatin1Char('/') + name;
}

QJsonObject KubeInformer::item(int row) const
{
    return QJsonDocument::fromJson(m_items.at(row).json).object();
}

QString KubeInformer::resourceVersion() const
{
    std::lock_guard lock(m_shared->mutex);
    return m_shared->resourceVersion;
}

void KubeInformer::start()
{
    if (m_running)
        return;
    m_running = true;
    m_failures = 0;
    list();
}

void KubeInformer::stop()
{
    if (!m_running)
        return;
    m_running = false;
    m_retryTimer.stop();
    {
        std::lock_guard lock(m_shared->mutex);
        ++m_shared->generation;
        m_generation = m_shared->generation;
        m_shared->pending.clear();
    }
    if (m_stream)
        m_stream->cancel();
    m_stream.reset();
}

void KubeInformer::simulateDisconnect(const QString &resourceVersion)
{
    if (!m_running || !m_stream)
        return;
    m_stream->cancel();
    m_stream.reset();
    if (!resourceVersion.isEmpty()) {
        std::lock_guard lock(m_shared->mutex);
        m_shared->resourceVersion = resourceVersion;
    }
    drain();
    watch();
}

void KubeInformer::list()
{
    if (!m_running)
        return;
    if (m_stream)
        m_stream->cancel();
    m_stream.reset();
    quint64 generation = 0;
    {
        std::lock_guard lock(m_shared->mutex);
        generation = ++m_shared->generation;
        m_shared->pending.clear();
    }
    m_generation = generation;
    ++m_listCount;
    QUrlQuery query;
    if (!m_labelSelector.isEmpty())
        query.addQueryItem(QStringLiteral("labelSelector"), m_labelSelector);
    if (!m_fieldSelector.isEmpty())
        query.addQueryItem(QStringLiteral("fieldSelector"), m_fieldSelector);
    std::weak_ptr<Shared> weak = m_shared;
    const bool keepManagedFields = m_keepManagedFields;
    const KubeResourceType type = m_type;
    const auto target = [weak]() -> std::pair<std::shared_ptr<Shared>, KubeInformer *> {
        auto shared = weak.lock();
        if (!shared)
            return {};
        std::lock_guard lock(shared->mutex);
        return { shared, shared->target };
    };
    // Pages become compact rows in the worker thread and are applied as
    // they arrive, so the first rows show while a list of tens of thousands
    // is still coming; only one page is ever a parsed tree. What the list
    // lacks is removed once it is complete.
    const auto onPage = [target, generation, keepManagedFields, type](QJsonArray items, bool restart) {
        QList<Row> rows;
        rows.reserve(items.size());
        for (qsizetype i = 0; i < items.size(); ++i) {
            QJsonObject object = items.at(i).toObject();
            // Items of a list carry no kind; watch events do. Make them alike.
            object.insert(QStringLiteral("kind"), type.kind);
            object.insert(QStringLiteral("apiVersion"), type.groupVersion());
            rows.append(toRow(std::move(object), keepManagedFields));
        }
        const auto [shared, informer] = target();
        if (informer)
            shared->post(generation, [informer, generation, restart, rows = std::move(rows)]() mutable {
                informer->listedPage(generation, restart, std::move(rows));
            });
    };
    KubePager::list(
        m_client, m_type.path(m_ns), query, m_pageSize, onPage, [target, generation](KubeListResult result) {
            const auto [shared, informer] = target();
            if (informer)
                shared->post(
                    generation, [informer, generation, error = result.error, version = result.resourceVersion] {
                        informer->listed(generation, error, version);
                    });
        });
}

void KubeInformer::listedPage(quint64 generation, bool restart, QList<Row> rows)
{
    if (!m_running || generation != m_generation)
        return;
    if (restart)
        m_listed.clear();
    m_listed.reserve(m_listed.size() + rows.size());
    for (const Row &row : rows)
        m_listed.insert(row.key);
    apply(std::move(rows));
}

void KubeInformer::listed(quint64 generation, const KubeError &error, const QString &resourceVersion)
{
    if (!m_running || generation != m_generation)
        return;
    if (error.isError()) {
        // The pages applied were true when listed; the relist corrects them.
        m_listed.clear();
        Q_EMIT errorOccurred(error);
        scheduleRetry(true);
        return;
    }
    // Reconcile: what the list holds is the truth; whatever it lacks is gone.
    QList<Change> changes;
    for (const Row &existing : std::as_const(m_items)) {
        if (!m_listed.contains(existing.key))
            changes.append({ existing.key, QString(), QByteArray() });
    }
    m_listed.clear();
    m_listed.squeeze();
    {
        std::lock_guard lock(m_shared->mutex);
        m_shared->resourceVersion = resourceVersion;
    }
    apply(std::move(changes));
    m_synced = true;
    Q_EMIT synced();
    watch();
}

void KubeInformer::watch()
{
    if (!m_running)
        return;
    ++m_watchCount;
    quint64 generation = 0;
    QString resourceVersion;
    {
        std::lock_guard lock(m_shared->mutex);
        generation = ++m_shared->generation;
        resourceVersion = m_shared->resourceVersion;
    }
    m_generation = generation;
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("watch"), QStringLiteral("1"));
    query.addQueryItem(QStringLiteral("resourceVersion"), resourceVersion);
    query.addQueryItem(QStringLiteral("allowWatchBookmarks"), QStringLiteral("true"));
    // Like client-go: a random 5-10 minutes, so reconnects of many watches
    // spread out. The client takes a watch silent for longer as stalled.
    const qint64 timeoutSeconds =
        m_watchTimeout.count() > 0 ? m_watchTimeout.count() : 300 + QRandomGenerator::global()->bounded(300);
    query.addQueryItem(QStringLiteral("timeoutSeconds"), QString::number(timeoutSeconds));
    if (!m_labelSelector.isEmpty())
        query.addQueryItem(QStringLiteral("labelSelector"), m_labelSelector);
    if (!m_fieldSelector.isEmpty())
        query.addQueryItem(QStringLiteral("fieldSelector"), m_fieldSelector);

    const KubeRequest request = KubeRequest::get(m_type.path(m_ns), query);

    struct StreamState
    {
        QByteArray buffer; // the client bounds a line (ReadLimits::watchEvent)
        bool expired = false;
        bool sawEvents = false;
        KubeError error; // why the informer stopped reading
    };
    auto state = std::make_shared<StreamState>();
    std::shared_ptr<Shared> shared = m_shared;
    const bool keepManagedFields = m_keepManagedFields;
    const QString place = m_client.placeOf(request);
    const auto onData = [shared, state, generation, keepManagedFields, place](QByteArrayView chunk) {
        state->buffer.append(chunk);
        std::vector<Shared::Event> events;
        QString latestVersion;
        qsizetype start = 0;
        for (qsizetype newline; (newline = state->buffer.indexOf('\n', start)) >= 0; start = newline + 1) {
            const QByteArrayView line = QByteArrayView(state->buffer).sliced(start, newline - start);
            if (line.trimmed().isEmpty())
                continue;
            QJsonParseError parseError;
            const QJsonDocument document = QJsonDocument::fromJson(line.toByteArray(), &parseError);
            const QJsonObject event = document.object();
            const QString type = event.value(QLatin1String("type")).toString();
            if (parseError.error != QJsonParseError::NoError || type.isEmpty()) {
                // Garbage would otherwise become a row without a key.
                state->error = KubeError::make(KubeError::Kind::Decode,
                    parseError.error != QJsonParseError::NoError
                        ? KubeError::tr("An event of the watch of %1 is not JSON: %2 at byte %3")
                              .arg(place, parseError.errorString())
                              .arg(parseError.offset)
                        : KubeError::tr("An event of the watch of %1 has no type").arg(place));
                state->buffer.clear();
                return false;
            }
            QJsonObject object = event.value(QLatin1String("object")).toObject();
            state->sawEvents = true;
            if (type == QLatin1String("ERROR")) {
                // Status 410 "too old resource version": only a relist helps.
                if (object.value(QLatin1String("code")).toInt() == 410)
                    state->expired = true;
                state->buffer.clear();
                return false;
            }
            latestVersion = resourceVersionOf(object);
            if (type == QLatin1String("BOOKMARK"))
                continue;
            if (type == QLatin1String("DELETED"))
                events.push_back({ keyOf(object), latestVersion, QByteArray() });
            else
                events.push_back(toRow(std::move(object), keepManagedFields));
        }
        state->buffer.remove(0, start);
        std::lock_guard lock(shared->mutex);
        if (generation != shared->generation || !shared->target)
            return false;
        if (!latestVersion.isEmpty())
            shared->resourceVersion = latestVersion;
        if (events.empty())
            return true;
        std::ranges::move(events, std::back_inserter(shared->pending));
        if (!shared->drainPosted) {
            shared->drainPosted = true;
            KubeInformer *informer = shared->target;
            QMetaObject::invokeMethod(
                informer,
                [informer] {
                    if (!informer->m_batchTimer.isActive())
                        informer->m_batchTimer.start();
                },
                Qt::QueuedConnection);
        }
        return true;
    };
    const auto onEnd = [shared, state, generation](KubeResponse response) {
        if (state->error.isError())
            response.error = state->error;
        KubeInformer *informer = nullptr;
        {
            std::lock_guard lock(shared->mutex);
            informer = shared->target;
        }
        if (informer) {
            shared->post(generation, [informer, generation, response = std::move(response), state] {
                informer->watchEnded(generation, response, state->expired, state->sawEvents);
            });
        }
    };
    m_stream = std::make_shared<KubeStream>(m_client.stream(request, onData, onEnd));
}

void KubeInformer::watchEnded(quint64 generation, const KubeResponse &response, bool expired, bool sawEvents)
{
    if (!m_running || generation != m_generation)
        return;
    m_stream.reset();
    // Apply what arrived before the end first: it is older than anything a relist brings.
    drain();
    if (expired || response.error.isGone()) {
        m_failures = 0;
        list();
        return;
    }
    if (response.ok() || (response.error.kind == KubeError::Kind::Cancelled && sawEvents)) {
        // The server ends watches after timeoutSeconds; carry on where it stopped.
        m_failures = 0;
        watch();
        return;
    }
    if (sawEvents)
        m_failures = 0;
    Q_EMIT errorOccurred(response.error);
    scheduleRetry(false);
}

void KubeInformer::scheduleRetry(bool relist)
{
    // 0.5 s doubling to 30 s, with jitter so that many informers do not reconnect in step.
    const int base = std::min(30000, 500 << std::min(m_failures, 6));
    ++m_failures;
    m_retryRelist = relist;
    m_retryTimer.start(base / 2 + int(QRandomGenerator::global()->bounded(base / 2 + 1)));
}

void KubeInformer::drain()
{
    std::vector<Shared::Event> events;
    {
        std::lock_guard lock(m_shared->mutex);
        events.swap(m_shared->pending);
        m_shared->drainPosted = false;
    }
    if (events.empty())
        return;
    // Coalesce: the last word on each object counts, in first-seen order.
    QList<Change> changes;
    QHash<QString, qsizetype> index;
    for (Shared::Event &event : events) {
        const auto it = index.constFind(event.key);
        if (it != index.cend()) {
            changes[*it] = std::move(event);
        } else {
            index.insert(event.key, changes.size());
            changes.append(std::move(event));
        }
    }
    apply(std::move(changes));
}

void KubeInformer::apply(QList<Change> changes)
{
    QList<int> removed;
    QList<QString> changedKeys;
    QList<Row> inserted;
    for (Change &change : changes) {
        const int row = m_rows.value(change.key, -1);
        if (change.json.isEmpty()) {
            if (row >= 0)
                removed.append(row);
        } else if (row >= 0) {
            if (m_items.at(row).resourceVersion != change.resourceVersion) {
                changedKeys.append(change.key);
                m_items[row] = std::move(change);
            }
        } else {
            inserted.append(std::move(change));
        }
    }
    if (removed.isEmpty() && changedKeys.isEmpty() && inserted.isEmpty())
        return;

    std::ranges::sort(removed);
    QList<std::pair<int, int>> removedRuns = runs(removed);
    std::ranges::reverse(removedRuns);
    for (const auto &[first, last] : std::as_const(removedRuns)) {
        Q_EMIT itemsAboutToBeRemoved(first, last);
        for (int row = first; row <= last; ++row)
            m_rows.remove(m_items.at(row).key);
        m_items.remove(first, last - first + 1);
        Q_EMIT itemsRemoved(first, last);
    }
    // The rows after the lowest run moved: indexed again once, not after
    // each run (a rollout's scattered deletions among 50,000 pods would
    // otherwise cost seconds). row() is not asked during the signals above.
    if (!removedRuns.isEmpty()) {
        for (int row = removedRuns.last().first; row < m_items.size(); ++row)
            m_rows[m_items.at(row).key] = row;
    }

    QList<int> changedRows;
    changedRows.reserve(changedKeys.size());
    for (const QString &key : std::as_const(changedKeys)) {
        const int row = m_rows.value(key, -1);
        if (row >= 0)
            changedRows.append(row);
    }
    std::ranges::sort(changedRows);
    for (const auto &[first, last] : runs(changedRows))
        Q_EMIT itemsChanged(first, last);

    if (!inserted.isEmpty()) {
        const int first = int(m_items.size());
        const int last = first + int(inserted.size()) - 1;
        Q_EMIT itemsAboutToBeInserted(first, last);
        m_items.reserve(m_items.size() + inserted.size());
        for (Row &row : inserted) {
            m_rows.insert(row.key, int(m_items.size()));
            m_items.append(std::move(row));
        }
        Q_EMIT itemsInserted(first, last);
    }
    Q_EMIT batchApplied();
}

} // namespace Shipyard
