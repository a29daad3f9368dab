// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "kube/KubeClient.h"
#include "kube/KubeInformer.h"
#include "kube/KubeResourceType.h"

#include <QHash>
#include <QObject>

#include <memory>

namespace Shipyard {

// Shares informers between views: acquire() returns the running informer
// for (context, type, namespace, selector) or starts one; the watch stops
// when the last holder drops its pointer. Lives in one thread (the UI's);
// informers are deleted with deleteLater in that thread.
class KubeInformerRegistry : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    std::shared_ptr<KubeInformer> acquire(const KubeClient &client, const KubeResourceType &type,
        const QString &ns = {}, const QString &labelSelector = {});
    // How many informers are alive; for tests and a status line.
    int activeCount() const;

private:
    QHash<QString, std::weak_ptr<KubeInformer>> m_informers;
};

} // namespace Shipyard
