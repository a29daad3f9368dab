// SPDX-License-Identifier: GPL-2.0-or-later
#include "kube/KubeInformerRegistry.h"

namespace Shipyard {

std::shared_ptr<KubeInformer> KubeInformerRegistry::acquire(
    const KubeClient &client, const KubeResourceType &type, const QString &ns, const QString &labelSelector)
{
    const KubeConnection &connection = client.connection();
    const QString key = QStringList { connection.cluster.server, connection.user.name, type.groupVersion(),
        type.resource, ns, labelSelector }
                            .join(QChar(0));
    if (auto existing = m_informers.value(key).lock())
        return existing;
    auto *informer = new KubeInformer(client, type, ns);
    informer->setLabelSelector(labelSelector);
    std::shared_ptr<KubeInformer> shared(informer, [](KubeInformer *dying) {
        dying->stop();
        dying->deleteLater();
    });
    m_informers.insert(key, shared);
    informer->start();
    return shared;
}

int KubeInformerRegistry::activeCount() const
{
    int count = 0;
    for (const auto &weak : m_informers) {
        if (!weak.expired())
            ++count;
    }
    return count;
}

} // namespace Shipyard
