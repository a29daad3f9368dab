// SPDX-License-Identifier: GPL-2.0-or-later
#include "kube/KubeResourceType.h"

namespace Shipyard {

QString KubeResourceType::path(const QString &ns, const QString &name, const QString &subresource) const
{
    QString path = group.isEmpty() ? QString(QStringLiteral("/api/") + version)
                                   : QString(QStringLiteral("/apis/") + group + QLatin1Char('/') + version);
    if (namespaced && !ns.isEmpty())
        path += QStringLiteral("/namespaces/") + ns;
    path += QLatin1Char('/') + resource;
    if (!name.isEmpty())
        path += QLatin1Char('/') + name;
    if (!subresource.isEmpty())
        path += QLatin1Char('/') + subresource;
    return path;
}

KubeResourceType KubeResourceType::make(
    const QString &group, const QString &version, const QString &resource, const QString &kind, bool namespaced)
{
    KubeResourceType type;
    type.group = group;
    type.version = version;
    type.resource = resource;
    type.kind = kind;
    type.singular = kind.toLower();
    type.namespaced = namespaced;
    return type;
}

} // namespace Shipyard
