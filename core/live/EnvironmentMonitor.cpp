// SPDX-License-Identifier: GPL-2.0-or-later
#include "live/EnvironmentMonitor.h"

#include "live/EnvironmentWatch.h"
#include "live/ShowroomDirectory.h"

#include "kube/ClusterAccess.h"
#include "kube/KubeClient.h"
#include "kube/KubeInformerRegistry.h"

namespace Shipyard {

EnvironmentMonitor::EnvironmentMonitor(QObject *parent)
    : QObject(parent), m_registry(std::make_unique<KubeInformerRegistry>())
{ }

EnvironmentMonitor::~EnvironmentMonitor()
{
    removeAll();
}

void EnvironmentMonitor::removeAll()
{
    qDeleteAll(m_watches);
    m_watches.clear();
    // The directories' watches hold informers of m_registry, which outlives them.
    qDeleteAll(m_showrooms);
    m_showrooms.clear();
}

void EnvironmentMonitor::clear()
{
    removeAll();
    Q_EMIT environmentsReset();
}

bool EnvironmentMonitor::isSettled() const
{
    for (const EnvironmentWatch *watch : m_watches) {
        if (watch && watch->connection() == EnvironmentWatch::Connection::Connecting)
            return false;
    }
    for (const ShowroomDirectory *directory : m_showrooms) {
        if (directory && !directory->isSettled())
            return false;
    }
    return true;
}

void EnvironmentMonitor::watch(const Ecosystem &ecosystem, const ClusterAccess &cluster)
{
    removeAll();
    for (const Environment &environment : ecosystem.environments) {
        QString error;
        const KubeClient client = cluster.client(environment.context, &error);
        if (environment.kind == EnvironmentKind::Showroom) {
            auto *directory = new ShowroomDirectory(environment.name, environment.context, this);
            m_watches.append(nullptr);
            m_showrooms.append(directory);
            if (!client.isValid())
                directory->fail(error);
            else
                directory->start(client, *m_registry);
            continue;
        }
        auto *watch = new EnvironmentWatch(environment.context, environment.namespaceName, this);
        m_watches.append(watch);
        m_showrooms.append(nullptr);
        if (!client.isValid())
            watch->fail(error);
        else
            watch->start(client, *m_registry);
    }
    Q_EMIT environmentsReset();
}

} // namespace Shipyard
