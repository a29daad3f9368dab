// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "kube/KubeClient.h"

#include <QAbstractItemModel>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QPointer>
#include <QRegularExpression>
#include <QSet>

#include <memory>
#include <unordered_map>
#include <vector>

namespace Shipyard {

class ClusterTreeFeed;
class KubeInformer;
class KubeInformerRegistry;

// Contexts → namespaces → deployments → replica sets → pods, live from
// informers (Deployments, ReplicaSets and Pods per watched namespace).
// Every context loads on its own: one that cannot be reached gets an error
// row of its own while the others fill in. Informer batches map onto
// begin/endInsertRows, begin/endRemoveRows and one dataChanged per parent
// and batch, so 10,000 pods churning never reset the view.
//
// A pod owned by a ReplicaSet that has not arrived yet (the informers are
// independent) waits, unseen, until its owner shows up; the same for a
// ReplicaSet and its Deployment.
class ClusterTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, StatusColumn, ReadyColumn, RestartsColumn, AgeColumn, ColumnCount };
    enum class Kind { Context, Namespace, Deployment, ReplicaSet, Pod, Error };
    Q_ENUM(Kind)
    enum Role {
        KindRole = Qt::UserRole + 1, // Kind as int
        ContextRole,
        NamespaceRole,
        ObjectNameRole,
        FailingRole, // bool: shown in the error color
    };

    // `registry` shares informers with other views; null: the model keeps its own.
    explicit ClusterTreeModel(KubeInformerRegistry *registry = nullptr, QObject *parent = nullptr);
    ~ClusterTreeModel() override;

    // Watches `namespaces` of one context (every namespace when empty). With a
    // valid `namespacePattern` (showrooms: "showroom-.+"), every namespace is
    // watched and those matching it are shown beside `namespaces`.
    void addContext(const QString &name, const KubeClient &client, const QStringList &namespaces = {},
        const QRegularExpression &namespacePattern = {});
    // A context that cannot even be connected to (not in the kubeconfig…).
    void addFailedContext(const QString &name, const QString &error);
    void clear();

    bool isContextLoaded(const QString &name) const;
    QString contextError(const QString &name) const;
    KubeClient client(const QString &context) const;
    // The object behind a deployment, replica set or pod row, as the informer holds it.
    QJsonObject object(const QModelIndex &index) const;
    QModelIndex findIndex(Kind kind, const QString &context, const QString &ns = {}, const QString &name = {}) const;
    // Rows of that kind currently in the tree; for tests and the benchmark.
    int count(Kind kind) const;
    // The failing pod with the smallest key, if any; cheap (kept as pods change).
    QModelIndex firstFailingPod() const;
    // No informer change waits to be applied.
    bool isIdle() const;
    // How long one slice of queued changes may hold the event loop.
    void setSliceMilliseconds(int milliseconds);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString kindName(Kind kind);

Q_SIGNALS:
    void contextLoaded(const QString &name);
    void contextFailed(const QString &name, const QString &error);
    // The queue of informer changes ran dry.
    void idle();

private:
    struct Node;
    struct ContextEntry;

    Node *nodeOf(const QModelIndex &index) const;
    QModelIndex indexOf(const Node *node, int column = 0) const;
    static QString nodeKey(const QString &context, Kind kind, const QString &informerKey);
    ContextEntry *contextEntry(const QString &name) const;

    // One object the feed took off its queue (row -1: gone), then all of them applied at once.
    void take(const QString &context, Kind kind, const KubeInformer &informer, const QString &informerKey, int row);
    void applyTaken();
    void contextSynced(const QString &name);
    void watchFailed(const QString &context, const QString &resource, const QString &ns, const QString &error);

    std::unique_ptr<Node> makeNode(
        ContextEntry *context, Kind kind, const KubeInformer &informer, const QString &informerKey, int row) const;
    static bool extract(Node *node, const QJsonObject &object);
    Node *namespaceNode(ContextEntry *context, const QString &ns);
    Node *resolveParent(Node *node);
    void adoptWaiting(Node *node);
    void insertChildren(Node *parent, std::vector<std::unique_ptr<Node>> nodes);
    void removeChildren(Node *parent, QList<int> rows);
    void registerSubtree(Node *node);
    void unregisterSubtree(Node *node);
    void setContextError(ContextEntry *context, const QString &error);

    std::unique_ptr<ClusterTreeFeed> m_feed;
    std::unique_ptr<Node> m_root;
    std::vector<std::unique_ptr<ContextEntry>> m_contexts;
    QHash<QString, Node *> m_nodes; // attached nodes by key
    std::unordered_map<QString, std::unique_ptr<Node>> m_pending; // nodes waiting for their owner, by key
    QMultiHash<QString, QString> m_waiting; // owner key → keys of nodes waiting for it
    QHash<int, int> m_counts; // Kind → attached rows
    QSet<QString> m_failingPods; // keys of attached pods shown as failing
    // What the feed's current slice brought, until applyTaken().
    std::vector<std::unique_ptr<Node>> m_inserted;
    QList<Node *> m_changed;
    QList<Node *> m_removed;
};

} // namespace Shipyard
