// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace Shipyard {

// One resource the server serves: group/version/resource plus what
// discovery says about it.
struct KubeResourceType
{
    QString group; // "" for the core group
    QString version;
    QString resource; // plural: "deployments"
    QString kind;
    QString singular;
    QStringList shortNames;
    QStringList verbs;
    QStringList categories;
    bool namespaced = true;

    bool isValid() const { return !resource.isEmpty(); }
    QString groupVersion() const { return group.isEmpty() ? version : QString(group + QLatin1Char('/') + version); }
    // "deployments.apps", as kubectl and RBAC messages name it
    QString qualifiedName() const { return group.isEmpty() ? resource : QString(resource + QLatin1Char('.') + group); }

    // The API path of a collection (empty name) or an object; `ns` is ignored
    // for cluster-scoped resources and empty means every namespace.
    QString path(const QString &ns = {}, const QString &name = {}, const QString &subresource = {}) const;

    static KubeResourceType make(const QString &group, const QString &version, const QString &resource,
        const QString &kind, bool namespaced = true);
};

} // namespace Shipyard
