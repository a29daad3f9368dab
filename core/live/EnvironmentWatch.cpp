// SPDX-License-Identifier: GPL-2.0-or-later
#include "live/EnvironmentWatch.h"

#include "kube/KubeClient.h"
#include "kube/KubeError.h"
#include "kube/KubeInformer.h"
#include "kube/KubeInformerRegistry.h"
#include "kube/KubeResourceType.h"
#include "releases/CanaryDeployment.h"
#include "releases/CanaryState.h"

namespace Shipyard {

namespace {

QString nameOfKey(const QString &key)
{
    return key.mid(key.lastIndexOf(QLatin1Char('/')) + 1);
}

// The system a canary belongs to: its label, or, for a canary someone
// relabelled, its name without "-canary".
QString systemOf(const CanaryState &canary)
{
    if (!canary.system.isEmpty())
        return canary.system;
    return canary.deployment.chopped(qMin(canary.deployment.size(), qsizetype(qstrlen("-canary"))));
}

} // namespace

EnvironmentWatch::EnvironmentWatch(QString context, QString ns, QObject *parent)
    : QObject(parent), m_context(std::move(context)), m_ns(std::move(ns))
{ }

EnvironmentWatch::~EnvironmentWatch() = default;

void EnvironmentWatch::start(const KubeClient &client, KubeInformerRegistry &registry)
{
    const KubeResourceType deployments = KubeResourceType::make(
        QStringLiteral("apps"), QStringLiteral("v1"), QStringLiteral("deployments"), QStringLiteral("Deployment"));
    m_informer = registry.acquire(client, deployments, m_ns);
    KubeInformer *informer = m_informer.get();
    connect(informer, &KubeInformer::itemsInserted, this, &EnvironmentWatch::refreshRows);
    connect(informer, &KubeInformer::itemsChanged, this, &EnvironmentWatch::refreshRows);
    connect(informer, &KubeInformer::itemsAboutToBeRemoved, this, &EnvironmentWatch::forgetRows);
    connect(informer, &KubeInformer::itemsRemoved, this, [this] {
        for (const QString &system : std::as_const(m_removing)) {
            m_states.insert(system, SystemState::missing());
            Q_EMIT systemChanged(system);
        }
        for (const QString &system : std::as_const(m_removingCanaries)) {
            if (m_canaries.remove(system))
                Q_EMIT systemChanged(system);
        }
        m_removing.clear();
        m_removingCanaries.clear();
    });
    // Going live repaints the whole environment: every system without a
    // Deployment is now known to be missing.
    connect(informer, &KubeInformer::synced, this, [this] { setConnection(Connection::Live); });
    connect(informer, &KubeInformer::errorOccurred, this,
        [this](const KubeError &error) { setConnection(Connection::Failed, error.message); });
    if (informer->hasSynced()) {
        refreshRows(0, informer->count() - 1);
        setConnection(Connection::Live);
    }
}

void EnvironmentWatch::fail(const QString &reason)
{
    setConnection(Connection::Failed, reason);
}

void EnvironmentWatch::setConnection(Connection connection, const QString &error)
{
    if (m_connection == connection && m_connectionError == error)
        return;
    m_connection = connection;
    m_connectionError = error;
    Q_EMIT connectionChanged();
}

SystemState EnvironmentWatch::state(const QString &system) const
{
    SystemState state;
    if (const auto it = m_states.constFind(system); it != m_states.constEnd())
        state = *it;
    else if (m_connection == Connection::Live)
        state = SystemState::missing();
    if (const auto canary = m_canaries.constFind(system); canary != m_canaries.constEnd())
        state.canary = *canary;
    return state;
}

void EnvironmentWatch::refreshCanary(const QJsonObject &deployment)
{
    const CanaryState canary = CanaryState::read(deployment);
    const SystemState pods = SystemState::fromDeployment(deployment);
    SystemState::Canary seen;
    seen.tag = pods.shortTag();
    seen.share = canary.share;
    seen.step = canary.step;
    seen.stepCount = canary.stepCount;
    seen.ready = pods.ready;
    seen.desired = pods.desired;
    seen.waiting = !canary.paused.isEmpty();
    const QString system = systemOf(canary);
    if (const auto it = m_canaries.constFind(system); it != m_canaries.constEnd() && *it == seen)
        return;
    m_canaries.insert(system, seen);
    Q_EMIT systemChanged(system);
}

void EnvironmentWatch::refreshRows(int first, int last)
{
    if (m_connection == Connection::Failed && m_informer->hasSynced())
        setConnection(Connection::Live);
    for (int row = first; row <= last; ++row) {
        const QJsonObject deployment = m_informer->item(row);
        if (CanaryDeployment::isCanary(deployment)) {
            refreshCanary(deployment);
            continue;
        }
        const QString system = nameOfKey(m_informer->key(row));
        SystemState state = SystemState::fromDeployment(deployment);
        auto it = m_states.find(system);
        if (it != m_states.end() && *it == state)
            continue;
        m_states.insert(system, std::move(state));
        Q_EMIT systemChanged(system);
    }
}

void EnvironmentWatch::forgetRows(int first, int last)
{
    for (int row = first; row <= last; ++row) {
        const QJsonObject deployment = m_informer->item(row);
        if (CanaryDeployment::isCanary(deployment))
            m_removingCanaries.append(systemOf(CanaryState::read(deployment)));
        else
            m_removing.append(nameOfKey(m_informer->key(row)));
    }
}

} // namespace Shipyard
