// SPDX-License-Identifier: GPL-2.0-or-later
#include "EnvironmentMonitor.h"

#include "live/EnvironmentWatch.h"

#include "kube/KubeClient.h"
#include "kube/KubeInformerRegistry.h"
#include "kube/Kubeconfig.h"

namespace Shipyard {

EnvironmentMonitor::EnvironmentMonitor(QObject *parent)
    : QObject(parent), m_registry(std::make_unique<KubeInformerRegistry>())
{ }

EnvironmentMonitor::~EnvironmentMonitor()
{
    clear();
}

void EnvironmentMonitor::clear()
{
    qDeleteAll(m_watches);
    m_watches.clear();
}

void EnvironmentMonitor::watch(const Ecosystem &ecosystem, const Kubeconfig &kubeconfig)
{
    clear();
    for (const Environment &environment : ecosystem.environments) {
        if (environment.kind == EnvironmentKind::Showroom) {
            m_watches.append(nullptr);
            continue;
        }
        auto *watch = new EnvironmentWatch(environment.context, environment.namespaceName, this);
        m_watches.append(watch);
        QString error;
        const KubeClient client = KubeClient::fromKubeconfig(kubeconfig, environment.context, &error);
        if (!client.isValid())
            watch->fail(error);
        else
            watch->start(client, *m_registry);
    }
    Q_EMIT environmentsReset();
}

} // namespace Shipyard
