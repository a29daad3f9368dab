// SPDX-License-Identifier: GPL-2.0-or-later
#include "kube/ClusterAccess.h"

#include "kube/Kubeconfig.h"

#include <QHash>

#include <mutex>

namespace Shipyard {

struct ClusterAccess::Private
{
    Kubeconfig kubeconfig;
    QString explicitFile;
    bool loaded = false;
    std::mutex mutex;
    QHash<QString, KubeClient> clients; // by context name as asked ("" is the current one)
};

ClusterAccess::ClusterAccess() : d(std::make_shared<Private>())
{ }

ClusterAccess::ClusterAccess(const Kubeconfig &kubeconfig, const QString &explicitFile) : d(std::make_shared<Private>())
{
    d->kubeconfig = kubeconfig;
    d->explicitFile = explicitFile;
    d->loaded = true;
}

ClusterAccess ClusterAccess::load(const QString &explicitFile)
{
    return ClusterAccess(Kubeconfig::load(explicitFile), explicitFile);
}

bool ClusterAccess::isValid() const
{
    return d->loaded && d->kubeconfig.isValid();
}

QString ClusterAccess::errorString() const
{
    if (!d->loaded)
        return QStringLiteral("no kubeconfig was read");
    return d->kubeconfig.isValid() ? QString() : d->kubeconfig.errorString();
}

const Kubeconfig &ClusterAccess::kubeconfig() const
{
    return d->kubeconfig;
}

const QString &ClusterAccess::explicitFile() const
{
    return d->explicitFile;
}

KubeClient ClusterAccess::client(const QString &context, QString *error) const
{
    if (!isValid()) {
        if (error)
            *error = errorString();
        return {};
    }
    std::lock_guard lock(d->mutex);
    auto it = d->clients.constFind(context);
    if (it != d->clients.constEnd())
        return *it;
    QString why;
    const auto connection = d->kubeconfig.connection(context, &why);
    if (!connection) {
        if (error)
            *error = why;
        return {};
    }
    const KubeClient client(*connection);
    d->clients.insert(context, client);
    return client;
}

} // namespace Shipyard
