// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "kube/KubeClient.h"
#include "live/EnvironmentWatch.h"
#include "live/ShowroomInfo.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>

#include <memory>

namespace Shipyard {

class KubeInformer;
class KubeInformerRegistry;

// The live showrooms of one showroom environment: the namespaces that
// ShowroomManager labels as that environment's showrooms, from a list+watch
// on namespaces (never a poll), each with its own EnvironmentWatch on the
// showroom's Deployments.
//
// Showrooms keep the informer's order (a relist's order, then arrival) and
// their signals are shaped like its rows, so that a model maps them 1:1
// onto begin/endInsertColumns and begin/endRemoveColumns: storage changes
// between each "about to" signal and its match. A namespace being deleted
// stays, marked terminating, until it is gone.
class ShowroomDirectory : public QObject
{
    Q_OBJECT
public:
    ShowroomDirectory(QString environment, QString context, QObject *parent = nullptr);
    ~ShowroomDirectory() override;

    // The registry must outlive the directory: each showroom's watch
    // acquires its informer there.
    void start(const KubeClient &client, KubeInformerRegistry &registry);
    // For an environment that cannot be watched at all (no such context).
    void fail(const QString &reason);

    const QString &environment() const { return m_environment; }
    const QString &context() const { return m_context; }
    EnvironmentWatch::Connection connection() const { return m_connection; }
    const QString &connectionError() const { return m_connectionError; }
    // True once the showrooms are listed (or listing failed) and every
    // showroom's watch has answered or failed.
    bool isSettled() const;

    int count() const { return int(m_showrooms.size()); }
    // Deployment and pod counts are not kept: each showroom's watch has them.
    const ShowroomInfo &showroom(int index) const { return m_showrooms.at(index).info; }
    EnvironmentWatch *watch(int index) const { return m_showrooms.at(index).watch; }
    // -1 when no showroom has that task.
    int indexOfTask(const QString &task) const;

Q_SIGNALS:
    void showroomsAboutToBeInserted(int first, int last);
    void showroomsInserted(int first, int last);
    void showroomsAboutToBeRemoved(int first, int last);
    void showroomsRemoved(int first, int last);
    // Its labels or annotations changed (expiry extended, deletion started).
    void showroomChanged(int index);
    // From the showroom's own watch.
    void systemChanged(int index, const QString &system);
    void showroomConnectionChanged(int index);
    // Listing or watching the namespaces started, failed or recovered.
    void connectionChanged();

private:
    struct Entry
    {
        ShowroomInfo info;
        EnvironmentWatch *watch = nullptr;
    };

    void insertRows(int first, int last);
    void changeRows(int first, int last);
    void removeRows(int first, int last);
    EnvironmentWatch *startWatch(const QString &ns);
    int indexOfWatch(const EnvironmentWatch *watch) const;
    void setConnection(EnvironmentWatch::Connection connection, const QString &error = {});

    QString m_environment;
    QString m_context;
    KubeClient m_client;
    KubeInformerRegistry *m_registry = nullptr;
    std::shared_ptr<KubeInformer> m_informer;
    QList<Entry> m_showrooms;
    EnvironmentWatch::Connection m_connection = EnvironmentWatch::Connection::Connecting;
    QString m_connectionError;
};

} // namespace Shipyard
