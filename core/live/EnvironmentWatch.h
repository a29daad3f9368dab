// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "live/SystemState.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QString>

#include <memory>

namespace Shipyard {

class KubeClient;
class KubeInformer;
class KubeInformerRegistry;
struct KubeError;

// The live state of every system in one environment (one namespace of one
// context), from an informer on its Deployments: one Deployment per system,
// named after it, and during a partial rollout its canary beside it, which
// shows as the system's SystemState::canary. Each environment loads on its own, so an unreachable
// cluster only marks its own environment.
class EnvironmentWatch : public QObject
{
    Q_OBJECT
public:
    enum class Connection { Connecting, Live, Failed };

    EnvironmentWatch(QString context, QString ns, QObject *parent = nullptr);
    ~EnvironmentWatch() override;

    void start(const KubeClient &client, KubeInformerRegistry &registry);
    // For an environment that cannot be watched at all (no such context).
    void fail(const QString &reason);

    const QString &context() const { return m_context; }
    const QString &ns() const { return m_ns; }
    Connection connection() const { return m_connection; }
    const QString &connectionError() const { return m_connectionError; }
    // Unknown until the first list arrives; Missing when the system has no Deployment.
    SystemState state(const QString &system) const;

Q_SIGNALS:
    void systemChanged(const QString &system);
    void connectionChanged();

private:
    void refreshRows(int first, int last);
    void forgetRows(int first, int last);
    void setConnection(Connection connection, const QString &error = {});

    QString m_context;
    QString m_ns;
    std::shared_ptr<KubeInformer> m_informer;
    // Read again for every change: the canary's own Deployment.
    void refreshCanary(const QJsonObject &deployment);

    QHash<QString, SystemState> m_states;
    QHash<QString, SystemState::Canary> m_canaries; // by system
    QStringList m_removing;
    QStringList m_removingCanaries; // by system
    Connection m_connection = Connection::Connecting;
    QString m_connectionError;
};

} // namespace Shipyard
