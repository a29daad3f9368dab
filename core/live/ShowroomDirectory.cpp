// SPDX-License-Identifier: GPL-2.0-or-later
#include "live/ShowroomDirectory.h"

#include "kube/KubeError.h"
#include "kube/KubeInformer.h"
#include "kube/KubeInformerRegistry.h"
#include "kube/KubeResourceType.h"

#include <algorithm>

namespace Shipyard {

namespace {

bool sameShowroom(const ShowroomInfo &a, const ShowroomInfo &b)
{
    return a.namespaceName == b.namespaceName && a.task == b.task && a.creator == b.creator && a.created == b.created &&
        a.expiresAt == b.expiresAt && a.terminating == b.terminating && a.pinnedBy == b.pinnedBy &&
        a.pinReason == b.pinReason && a.sleepingSince == b.sleepingSince;
}

} // namespace

ShowroomDirectory::ShowroomDirectory(QString environment, QString context, QObject *parent)
    : QObject(parent), m_environment(std::move(environment)), m_context(std::move(context))
{ }

ShowroomDirectory::~ShowroomDirectory()
{
    // The watches are children; their informers go back to the registry with them.
    for (const Entry &entry : std::as_const(m_showrooms))
        disconnect(entry.watch, nullptr, this, nullptr);
}

void ShowroomDirectory::start(const KubeClient &client, KubeInformerRegistry &registry)
{
    m_client = client;
    m_registry = &registry;
    const KubeResourceType namespaces = KubeResourceType::make(
        QString(), QStringLiteral("v1"), QStringLiteral("namespaces"), QStringLiteral("Namespace"), false);
    m_informer = registry.acquire(client, namespaces, QString(), ShowroomInfo::labelSelector(m_environment));
    KubeInformer *informer = m_informer.get();
    connect(informer, &KubeInformer::itemsAboutToBeInserted, this, &ShowroomDirectory::showroomsAboutToBeInserted);
    connect(informer, &KubeInformer::itemsInserted, this, &ShowroomDirectory::insertRows);
    connect(informer, &KubeInformer::itemsChanged, this, &ShowroomDirectory::changeRows);
    connect(informer, &KubeInformer::itemsAboutToBeRemoved, this, &ShowroomDirectory::showroomsAboutToBeRemoved);
    connect(informer, &KubeInformer::itemsRemoved, this, &ShowroomDirectory::removeRows);
    connect(informer, &KubeInformer::synced, this, [this] { setConnection(EnvironmentWatch::Connection::Live); });
    connect(informer, &KubeInformer::errorOccurred, this,
        [this](const KubeError &error) { setConnection(EnvironmentWatch::Connection::Failed, error.message); });
    // A shared informer may already hold the showrooms.
    if (informer->count() > 0) {
        Q_EMIT showroomsAboutToBeInserted(0, informer->count() - 1);
        insertRows(0, informer->count() - 1);
    }
    if (informer->hasSynced())
        setConnection(EnvironmentWatch::Connection::Live);
}

void ShowroomDirectory::fail(const QString &reason)
{
    setConnection(EnvironmentWatch::Connection::Failed, reason);
}

void ShowroomDirectory::setConnection(EnvironmentWatch::Connection connection, const QString &error)
{
    if (m_connection == connection && m_connectionError == error)
        return;
    m_connection = connection;
    m_connectionError = error;
    Q_EMIT connectionChanged();
}

bool ShowroomDirectory::isSettled() const
{
    if (m_connection == EnvironmentWatch::Connection::Connecting)
        return false;
    return std::none_of(m_showrooms.cbegin(), m_showrooms.cend(),
        [](const Entry &entry) { return entry.watch->connection() == EnvironmentWatch::Connection::Connecting; });
}

int ShowroomDirectory::indexOfTask(const QString &task) const
{
    for (int i = 0; i < count(); ++i) {
        if (m_showrooms[i].info.task == task)
            return i;
    }
    return -1;
}

int ShowroomDirectory::indexOfWatch(const EnvironmentWatch *watch) const
{
    for (int i = 0; i < count(); ++i) {
        if (m_showrooms[i].watch == watch)
            return i;
    }
    return -1;
}

EnvironmentWatch *ShowroomDirectory::startWatch(const QString &ns)
{
    auto *watch = new EnvironmentWatch(m_context, ns, this);
    watch->start(m_client, *m_registry);
    return watch;
}

void ShowroomDirectory::insertRows(int first, int last)
{
    if (m_connection == EnvironmentWatch::Connection::Failed && m_informer->hasSynced())
        setConnection(EnvironmentWatch::Connection::Live);
    QList<Entry> added;
    for (int row = first; row <= last; ++row) {
        Entry entry;
        entry.info = ShowroomInfo::fromNamespace(m_informer->item(row));
        entry.watch = startWatch(entry.info.namespaceName);
        added.append(entry);
    }
    m_showrooms.append(added);
    Q_EMIT showroomsInserted(first, last);
    // Connected only now: a model hears of a showroom's systems once it has its column.
    for (const Entry &entry : std::as_const(added)) {
        EnvironmentWatch *watch = entry.watch;
        connect(watch, &EnvironmentWatch::systemChanged, this, [this, watch](const QString &system) {
            if (const int index = indexOfWatch(watch); index >= 0)
                Q_EMIT systemChanged(index, system);
        });
        connect(watch, &EnvironmentWatch::connectionChanged, this, [this, watch] {
            if (const int index = indexOfWatch(watch); index >= 0)
                Q_EMIT showroomConnectionChanged(index);
        });
    }
}

void ShowroomDirectory::changeRows(int first, int last)
{
    if (m_connection == EnvironmentWatch::Connection::Failed && m_informer->hasSynced())
        setConnection(EnvironmentWatch::Connection::Live);
    for (int row = first; row <= last && row < count(); ++row) {
        ShowroomInfo info = ShowroomInfo::fromNamespace(m_informer->item(row));
        if (sameShowroom(info, m_showrooms[row].info))
            continue;
        m_showrooms[row].info = std::move(info);
        Q_EMIT showroomChanged(row);
    }
}

void ShowroomDirectory::removeRows(int first, int last)
{
    for (int row = first; row <= last; ++row) {
        EnvironmentWatch *watch = m_showrooms[row].watch;
        disconnect(watch, nullptr, this, nullptr);
        delete watch;
    }
    m_showrooms.remove(first, last - first + 1);
    Q_EMIT showroomsRemoved(first, last);
}

} // namespace Shipyard
