// SPDX-License-Identifier: GPL-2.0-or-later
// The tree's shape, in one piece: the nodes, their index by key, the
// objects waiting for an owner that has not arrived, the counts, the
// grouping of a slice's changes by parent and the begin/end calls of
// QAbstractItemModel change together. Every change to the shape is
// bracketed by the model's notifications with row numbers valid at that
// moment, and the bookkeeping follows in the same step; splitting them
// would put one invariant in two places. Where the objects come from
// (informers, the coalescing queue, time slices) is ClusterTreeFeed; what a
// row says about its object, in words, is ClusterTreeText (from
// KubeObjectStatus).
#include "cluster/ClusterTreeModel.h"

#include "cluster/ClusterTreeFeed.h"
#include "cluster/ClusterTreeText.h"
#include "kube/KubeInformer.h"
#include "kube/KubeInformerRegistry.h"

#include <QBrush>
#include <QJsonArray>

#include <algorithm>
#include <utility>

namespace Shipyard {

using Kind = ClusterTreeModel::Kind;

struct ClusterTreeModel::Node
{
    Kind kind = Kind::Context;
    QString key;
    QString name;
    QString ns;
    QString ownerKey; // the node this one belongs under, when it is not its namespace
    Node *parent = nullptr;
    int row = 0;
    std::vector<std::unique_ptr<Node>> children;
    ContextEntry *context = nullptr;
    const KubeInformer *informer = nullptr; // the one holding the object, for object()
    QString informerKey;
    ClusterTreeText text;
    QDateTime created;
};

struct ClusterTreeModel::ContextEntry
{
    QString name;
    KubeClient client;
    QStringList namespaces;
    QRegularExpression namespacePattern; // valid: every namespace is watched, these are shown

    bool shows(QStringView ns) const
    {
        return !namespacePattern.isValid() || namespacePattern.pattern().isEmpty() || namespaces.contains(ns) ||
            namespacePattern.matchView(ns).hasMatch();
    }
    Node *node = nullptr;
    QString error;
    bool loaded = false;
};

namespace {

QJsonObject controllerOf(const QJsonObject &metadata)
{
    for (const QJsonValue &owner : metadata.value(QLatin1String("ownerReferences")).toArray()) {
        if (owner[QLatin1String("controller")].toBool())
            return owner.toObject();
    }
    return {};
}

} // namespace

ClusterTreeModel::ClusterTreeModel(KubeInformerRegistry *registry, QObject *parent)
    : QAbstractItemModel(parent), m_root(std::make_unique<Node>())
{
    if (!registry)
        registry = new KubeInformerRegistry(this);
    m_feed = std::make_unique<ClusterTreeFeed>(
        registry,
        [this](const ClusterTreeFeed::Watch &watch, const QString &informerKey, int row) {
            take(watch.context, watch.kind, *watch.informer, informerKey, row);
        },
        [this] { applyTaken(); });
    connect(m_feed.get(), &ClusterTreeFeed::contextSynced, this, &ClusterTreeModel::contextSynced);
    connect(m_feed.get(), &ClusterTreeFeed::watchFailed, this, &ClusterTreeModel::watchFailed);
    connect(m_feed.get(), &ClusterTreeFeed::idle, this, &ClusterTreeModel::idle);
}

ClusterTreeModel::~ClusterTreeModel()
{
    // The informers stop calling back before the nodes go.
    m_feed.reset();
}

bool ClusterTreeModel::isIdle() const
{
    return m_feed->isIdle();
}

void ClusterTreeModel::setSliceMilliseconds(int milliseconds)
{
    m_feed->setSliceMilliseconds(milliseconds);
}

QString ClusterTreeModel::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Context:
        return tr("context");
    case Kind::Namespace:
        return tr("namespace");
    case Kind::Deployment:
        return tr("deployment");
    case Kind::ReplicaSet:
        return tr("replica set");
    case Kind::Pod:
        return tr("pod");
    case Kind::Error:
        return tr("error");
    }
    return {};
}

QString ClusterTreeModel::nodeKey(const QString &context, Kind kind, const QString &informerKey)
{
    return context + QLatin1Char('|') + QString::number(int(kind)) + QLatin1Char('|') + informerKey;
}

ClusterTreeModel::ContextEntry *ClusterTreeModel::contextEntry(const QString &name) const
{
    for (const auto &context : m_contexts) {
        if (context->name == name)
            return context.get();
    }
    return nullptr;
}

void ClusterTreeModel::addContext(const QString &name, const KubeClient &client, const QStringList &namespaces,
    const QRegularExpression &namespacePattern)
{
    if (contextEntry(name))
        return;
    auto entry = std::make_unique<ContextEntry>();
    entry->name = name;
    entry->client = client;
    entry->namespaces = namespaces;
    entry->namespacePattern = namespacePattern;
    const bool everyNamespace =
        namespaces.isEmpty() || (namespacePattern.isValid() && !namespacePattern.pattern().isEmpty());
    auto node = std::make_unique<Node>();
    node->kind = Kind::Context;
    node->name = name;
    node->key = nodeKey(name, Kind::Context, {});
    node->context = entry.get();
    node->text.status = ClusterTreeText::contextStatus(false, false);
    entry->node = node.get();
    ContextEntry *context = entry.get();
    m_contexts.push_back(std::move(entry));
    std::vector<std::unique_ptr<Node>> nodes;
    nodes.push_back(std::move(node));
    insertChildren(m_root.get(), std::move(nodes));

    // Namespaces named up front are shown even while empty.
    for (const QString &ns : namespaces)
        namespaceNode(context, ns);
    const QStringList watched = everyNamespace ? QStringList { QString() } : namespaces;
    const auto shows = [context](QStringView ns) { return context->shows(ns); };
    for (const QString &ns : watched) {
        for (const Kind kind : { Kind::Deployment, Kind::ReplicaSet, Kind::Pod })
            m_feed->watch(name, client, kind, ns, shows);
    }
}

void ClusterTreeModel::addFailedContext(const QString &name, const QString &error)
{
    if (contextEntry(name))
        return;
    auto entry = std::make_unique<ContextEntry>();
    entry->name = name;
    auto node = std::make_unique<Node>();
    node->kind = Kind::Context;
    node->name = name;
    node->key = nodeKey(name, Kind::Context, {});
    node->context = entry.get();
    entry->node = node.get();
    ContextEntry *context = entry.get();
    m_contexts.push_back(std::move(entry));
    std::vector<std::unique_ptr<Node>> nodes;
    nodes.push_back(std::move(node));
    insertChildren(m_root.get(), std::move(nodes));
    setContextError(context, error);
}

void ClusterTreeModel::clear()
{
    if (m_contexts.empty())
        return;
    // Reloading an ecosystem replaces everything at once: the one reset.
    beginResetModel();
    m_feed->clear();
    m_inserted.clear();
    m_changed.clear();
    m_removed.clear();
    m_contexts.clear();
    m_root->children.clear();
    m_nodes.clear();
    m_failingPods.clear();
    m_pending.clear();
    m_waiting.clear();
    m_counts.clear();
    endResetModel();
}

bool ClusterTreeModel::extract(Node *node, const QJsonObject &object)
{
    ClusterTreeText text;
    switch (node->kind) {
    case Kind::Deployment:
        text = ClusterTreeText::deployment(object);
        break;
    case Kind::ReplicaSet:
        text = ClusterTreeText::replicaSet(object);
        break;
    case Kind::Pod:
        text = ClusterTreeText::pod(object);
        break;
    default:
        break;
    }
    const bool changed = text != node->text;
    node->text = std::move(text);
    if (!node->created.isValid())
        node->created = QDateTime::fromString(
            object[QLatin1String("metadata")][QLatin1String("creationTimestamp")].toString(), Qt::ISODate);
    return changed;
}

std::unique_ptr<ClusterTreeModel::Node> ClusterTreeModel::makeNode(
    ContextEntry *context, Kind kind, const KubeInformer &informer, const QString &informerKey, int row) const
{
    const QJsonObject object = informer.item(row);
    const QJsonObject metadata = object.value(QLatin1String("metadata")).toObject();
    auto node = std::make_unique<Node>();
    node->kind = kind;
    node->informerKey = informerKey;
    node->key = nodeKey(context->name, kind, informerKey);
    node->name = metadata.value(QLatin1String("name")).toString();
    node->ns = metadata.value(QLatin1String("namespace")).toString();
    node->context = context;
    node->informer = &informer;
    const QJsonObject owner = controllerOf(metadata);
    const QString ownerKind = owner.value(QLatin1String("kind")).toString();
    if (kind == Kind::Pod && ownerKind == QLatin1String("ReplicaSet"))
        node->ownerKey = nodeKey(node->context->name, Kind::ReplicaSet,
            node->ns + QLatin1Char('/') + owner.value(QLatin1String("name")).toString());
    else if (kind == Kind::ReplicaSet && ownerKind == QLatin1String("Deployment"))
        node->ownerKey = nodeKey(node->context->name, Kind::Deployment,
            node->ns + QLatin1Char('/') + owner.value(QLatin1String("name")).toString());
    extract(node.get(), object);
    return node;
}

ClusterTreeModel::Node *ClusterTreeModel::namespaceNode(ContextEntry *context, const QString &ns)
{
    const QString key = nodeKey(context->name, Kind::Namespace, ns);
    if (Node *existing = m_nodes.value(key))
        return existing;
    auto node = std::make_unique<Node>();
    node->kind = Kind::Namespace;
    node->key = key;
    node->name = ns;
    node->ns = ns;
    node->context = context;
    Node *raw = node.get();
    std::vector<std::unique_ptr<Node>> nodes;
    nodes.push_back(std::move(node));
    insertChildren(context->node, std::move(nodes));
    return raw;
}

ClusterTreeModel::Node *ClusterTreeModel::resolveParent(Node *node)
{
    if (!node->ownerKey.isEmpty())
        return m_nodes.value(node->ownerKey); // null: wait for the owner
    return namespaceNode(node->context, node->ns);
}

void ClusterTreeModel::adoptWaiting(Node *node)
{
    const QList<QString> waiting = m_waiting.values(node->key);
    if (waiting.isEmpty())
        return;
    m_waiting.remove(node->key);
    for (const QString &key : waiting) {
        auto it = m_pending.find(key);
        if (it == m_pending.end())
            continue;
        std::unique_ptr<Node> child = std::move(it->second);
        m_pending.erase(it);
        child->parent = node;
        child->row = int(node->children.size());
        adoptWaiting(child.get());
        node->children.push_back(std::move(child));
    }
}

void ClusterTreeModel::registerSubtree(Node *node)
{
    m_nodes.insert(node->key, node);
    ++m_counts[int(node->kind)];
    if (node->kind == Kind::Pod && node->text.failing)
        m_failingPods.insert(node->key);
    for (const auto &child : node->children)
        registerSubtree(child.get());
}

void ClusterTreeModel::unregisterSubtree(Node *node)
{
    m_nodes.remove(node->key);
    --m_counts[int(node->kind)];
    m_failingPods.remove(node->key);
    for (const auto &child : node->children)
        unregisterSubtree(child.get());
}

void ClusterTreeModel::insertChildren(Node *parent, std::vector<std::unique_ptr<Node>> nodes)
{
    if (nodes.empty())
        return;
    const int first = int(parent->children.size());
    for (const auto &node : nodes)
        adoptWaiting(node.get());
    beginInsertRows(indexOf(parent), first, first + int(nodes.size()) - 1);
    for (auto &node : nodes) {
        node->parent = parent;
        node->row = int(parent->children.size());
        parent->children.push_back(std::move(node));
    }
    endInsertRows();
    for (int row = first; row < int(parent->children.size()); ++row)
        registerSubtree(parent->children[row].get());
}

void ClusterTreeModel::removeChildren(Node *parent, QList<int> rows)
{
    if (rows.isEmpty())
        return;
    std::sort(rows.begin(), rows.end(), std::greater<int>());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    int i = 0;
    while (i < rows.size()) {
        // A contiguous run, highest rows first, so lower indices stay valid.
        int last = rows[i];
        int first = last;
        while (i + 1 < rows.size() && rows[i + 1] == first - 1) {
            ++i;
            first = rows[i];
        }
        ++i;
        beginRemoveRows(indexOf(parent), first, last);
        for (int row = first; row <= last; ++row)
            unregisterSubtree(parent->children[row].get());
        parent->children.erase(parent->children.begin() + first, parent->children.begin() + last + 1);
        endRemoveRows();
    }
    for (int row = rows.last(); row < int(parent->children.size()); ++row)
        parent->children[row]->row = row;
}

void ClusterTreeModel::take(
    const QString &contextName, Kind kind, const KubeInformer &informer, const QString &informerKey, int row)
{
    const QString key = nodeKey(contextName, kind, informerKey);
    Node *node = m_nodes.value(key);
    auto pending = m_pending.find(key);
    if (row < 0) {
        if (pending != m_pending.end()) {
            m_waiting.remove(pending->second->ownerKey, key);
            m_pending.erase(pending);
        } else if (node) {
            m_removed.append(node);
        }
    } else if (node) {
        if (extract(node, informer.item(row))) {
            m_changed.append(node);
            if (node->kind == Kind::Pod && node->text.failing)
                m_failingPods.insert(key);
            else
                m_failingPods.remove(key);
        }
    } else if (pending != m_pending.end()) {
        extract(pending->second.get(), informer.item(row));
    } else if (ContextEntry *context = contextEntry(contextName)) {
        m_inserted.push_back(makeNode(context, kind, informer, informerKey, row));
    }
}

void ClusterTreeModel::applyTaken()
{
    const QList<Node *> changed = std::exchange(m_changed, {});
    QList<Node *> removed = std::exchange(m_removed, {});
    std::vector<std::unique_ptr<Node>> inserted = std::exchange(m_inserted, {});

    // Changes first, while every row number is still valid: one dataChanged per parent.
    {
        QList<Node *> parents;
        QHash<Node *, std::pair<int, int>> spans;
        for (Node *node : std::as_const(changed)) {
            auto it = spans.find(node->parent);
            if (it == spans.end()) {
                parents.append(node->parent);
                spans.insert(node->parent, { node->row, node->row });
            } else {
                it->first = std::min(it->first, node->row);
                it->second = std::max(it->second, node->row);
            }
        }
        for (Node *parent : std::as_const(parents)) {
            const auto [first, last] = spans.value(parent);
            Q_EMIT dataChanged(indexOf(parent->children[first].get(), StatusColumn),
                indexOf(parent->children[last].get(), RestartsColumn),
                { Qt::DisplayRole, Qt::ToolTipRole, Qt::ForegroundRole, FailingRole });
        }
    }

    // Removals, pods before their replica sets before their deployments, so
    // no parent goes before the children removed with it in this slice.
    std::stable_sort(removed.begin(), removed.end(), [](const Node *a, const Node *b) { return a->kind > b->kind; });
    {
        QList<Node *> parents;
        QHash<Node *, QList<int>> rows;
        Kind kind = removed.isEmpty() ? Kind::Pod : removed.first()->kind;
        const auto flush = [&] {
            for (Node *parent : std::as_const(parents))
                removeChildren(parent, rows.value(parent));
            parents.clear();
            rows.clear();
        };
        for (Node *node : std::as_const(removed)) {
            if (node->kind != kind) {
                flush();
                kind = node->kind;
            }
            if (!rows.contains(node->parent))
                parents.append(node->parent);
            rows[node->parent].append(node->row);
        }
        flush();
    }

    // Insertions, owners before what they own, grouped by parent so that a
    // burst of pods under one replica set is one insertion.
    std::stable_sort(inserted.begin(), inserted.end(), [](const auto &a, const auto &b) { return a->kind < b->kind; });
    for (std::size_t i = 0; i < inserted.size();) {
        const Kind kind = inserted[i]->kind;
        QList<Node *> parents;
        std::unordered_map<Node *, std::vector<std::unique_ptr<Node>>> groups;
        for (; i < inserted.size() && inserted[i]->kind == kind; ++i) {
            std::unique_ptr<Node> node = std::move(inserted[i]);
            Node *parent = resolveParent(node.get());
            if (!parent) {
                const QString key = node->key;
                m_waiting.insert(node->ownerKey, key);
                m_pending.emplace(key, std::move(node));
                continue;
            }
            if (groups.find(parent) == groups.end())
                parents.append(parent);
            groups[parent].push_back(std::move(node));
        }
        for (Node *parent : std::as_const(parents))
            insertChildren(parent, std::move(groups[parent]));
    }
}

void ClusterTreeModel::contextSynced(const QString &name)
{
    ContextEntry *context = contextEntry(name);
    if (!context)
        return;
    if (!context->error.isEmpty())
        setContextError(context, {});
    const QString status = ClusterTreeText::contextStatus(true, false);
    if (context->node->text.status != status) {
        context->node->text.status = status;
        const QModelIndex index = indexOf(context->node, StatusColumn);
        Q_EMIT dataChanged(index, index, { Qt::DisplayRole, Qt::ToolTipRole });
    }
    if (!context->loaded) {
        context->loaded = true;
        Q_EMIT contextLoaded(context->name);
    }
}

void ClusterTreeModel::watchFailed(
    const QString &context, const QString &resource, const QString &ns, const QString &error)
{
    if (ContextEntry *entry = contextEntry(context))
        setContextError(entry, ClusterTreeText::watchError(resource, ns, error));
}

void ClusterTreeModel::setContextError(ContextEntry *context, const QString &error)
{
    if (context->error == error)
        return;
    Node *contextNode = context->node;
    const QString errorKey = nodeKey(context->name, Kind::Error, {});
    Node *errorNode = m_nodes.value(errorKey);
    context->error = error;
    if (error.isEmpty()) {
        if (errorNode)
            removeChildren(contextNode, { errorNode->row });
    } else if (errorNode) {
        errorNode->name = error;
        const QModelIndex index = indexOf(errorNode);
        Q_EMIT dataChanged(index, index, { Qt::DisplayRole, Qt::ToolTipRole });
    } else {
        // The error row comes first, above whatever did load.
        auto node = std::make_unique<Node>();
        node->kind = Kind::Error;
        node->key = errorKey;
        node->name = error;
        node->context = context;
        node->text.failing = true;
        beginInsertRows(indexOf(contextNode), 0, 0);
        node->parent = contextNode;
        Node *raw = node.get();
        contextNode->children.insert(contextNode->children.begin(), std::move(node));
        for (int row = 0; row < int(contextNode->children.size()); ++row)
            contextNode->children[row]->row = row;
        endInsertRows();
        registerSubtree(raw);
    }
    const bool failing = !error.isEmpty();
    const QString status = ClusterTreeText::contextStatus(context->loaded, failing);
    if (contextNode->text.status != status || contextNode->text.failing != failing) {
        contextNode->text.status = status;
        contextNode->text.failing = failing;
        Q_EMIT dataChanged(indexOf(contextNode, NameColumn), indexOf(contextNode, StatusColumn),
            { Qt::DisplayRole, Qt::ToolTipRole, Qt::ForegroundRole, FailingRole });
    }
    if (!error.isEmpty())
        Q_EMIT contextFailed(context->name, error);
}

bool ClusterTreeModel::isContextLoaded(const QString &name) const
{
    const ContextEntry *context = contextEntry(name);
    return context && context->loaded;
}

QString ClusterTreeModel::contextError(const QString &name) const
{
    const ContextEntry *context = contextEntry(name);
    return context ? context->error : QString();
}

KubeClient ClusterTreeModel::client(const QString &context) const
{
    const ContextEntry *entry = contextEntry(context);
    return entry ? entry->client : KubeClient();
}

QJsonObject ClusterTreeModel::object(const QModelIndex &index) const
{
    const Node *node = nodeOf(index);
    if (!node || !node->informer)
        return {};
    const int row = node->informer->row(node->informerKey);
    return row < 0 ? QJsonObject() : node->informer->item(row);
}

QModelIndex ClusterTreeModel::findIndex(Kind kind, const QString &context, const QString &ns, const QString &name) const
{
    QString informerKey;
    if (kind == Kind::Namespace)
        informerKey = ns;
    else if (kind != Kind::Context && kind != Kind::Error)
        informerKey = ns + QLatin1Char('/') + name;
    const Node *node = m_nodes.value(nodeKey(context, kind, informerKey));
    return node ? indexOf(node) : QModelIndex();
}

QModelIndex ClusterTreeModel::firstFailingPod() const
{
    if (m_failingPods.isEmpty())
        return {};
    const QString first = *std::min_element(m_failingPods.cbegin(), m_failingPods.cend());
    return indexOf(m_nodes.value(first));
}

int ClusterTreeModel::count(Kind kind) const
{
    return m_counts.value(int(kind));
}

ClusterTreeModel::Node *ClusterTreeModel::nodeOf(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : m_root.get();
}

QModelIndex ClusterTreeModel::indexOf(const Node *node, int column) const
{
    if (!node || node == m_root.get())
        return {};
    return createIndex(node->row, column, const_cast<Node *>(node));
}

QModelIndex ClusterTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    const Node *node = nodeOf(parent);
    if (row < 0 || column < 0 || column >= ColumnCount || row >= int(node->children.size()))
        return {};
    return createIndex(row, column, node->children[row].get());
}

QModelIndex ClusterTreeModel::parent(const QModelIndex &child) const
{
    const Node *node = nodeOf(child);
    if (!child.isValid() || !node->parent)
        return {};
    return indexOf(node->parent);
}

int ClusterTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return int(nodeOf(parent)->children.size());
}

int ClusterTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant ClusterTreeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const Node *node = nodeOf(index);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return node->name;
        case StatusColumn:
            return node->text.status;
        case ReadyColumn:
            return node->text.ready;
        case RestartsColumn:
            return node->text.restarts < 0 ? QVariant() : QVariant(node->text.restarts);
        case AgeColumn:
            return ClusterTreeText::age(node->created);
        }
        return {};
    case Qt::ToolTipRole:
        if (node->kind == Kind::Error || (node->kind == Kind::Context && !node->context->error.isEmpty()))
            return node->context->error;
        if (!node->text.detail.isEmpty())
            return node->text.detail;
        return QStringLiteral("%1 %2").arg(kindName(node->kind), node->name);
    case Qt::ForegroundRole:
        if (node->text.failing && (index.column() == StatusColumn || node->kind == Kind::Error))
            return QBrush(QColor(0xda, 0x44, 0x53));
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == RestartsColumn || index.column() == AgeColumn || index.column() == ReadyColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case KindRole:
        return int(node->kind);
    case ContextRole:
        return node->context ? node->context->name : QString();
    case NamespaceRole:
        return node->ns;
    case ObjectNameRole:
        return node->kind == Kind::Error ? QString() : node->name;
    case FailingRole:
        return node->text.failing;
    }
    return {};
}

QVariant ClusterTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case StatusColumn:
        return tr("Status");
    case ReadyColumn:
        return tr("Ready");
    case RestartsColumn:
        return tr("Restarts");
    case AgeColumn:
        return tr("Age");
    }
    return {};
}

} // namespace Shipyard
