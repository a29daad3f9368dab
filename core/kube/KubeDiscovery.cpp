// SPDX-License-Identifier: GPL-2.0-or-later
#include "kube/KubeDiscovery.h"

#include <QJsonArray>
#include <QPromise>

#include <memory>

namespace Shipyard {

namespace {

QStringList strings(const QJsonValue &value)
{
    QStringList list;
    for (const QJsonValue &item : value.toArray())
        list.append(item.toString());
    return list;
}

} // namespace

void KubeDiscovery::addGroupDiscoveryList(const QJsonObject &list)
{
    for (const QJsonValue &groupValue : list.value(QLatin1String("items")).toArray()) {
        const QJsonObject group = groupValue.toObject();
        const QString groupName = group[QLatin1String("metadata")][QLatin1String("name")].toString();
        // Versions come in preference order.
        for (const QJsonValue &versionValue : group.value(QLatin1String("versions")).toArray()) {
            const QJsonObject version = versionValue.toObject();
            for (const QJsonValue &resourceValue : version.value(QLatin1String("resources")).toArray()) {
                const QJsonObject resource = resourceValue.toObject();
                KubeResourceType type;
                type.group = groupName;
                type.version = version.value(QLatin1String("version")).toString();
                type.resource = resource.value(QLatin1String("resource")).toString();
                type.kind = resource[QLatin1String("responseKind")][QLatin1String("kind")].toString();
                type.singular = resource.value(QLatin1String("singularResource")).toString();
                type.shortNames = strings(resource.value(QLatin1String("shortNames")));
                type.verbs = strings(resource.value(QLatin1String("verbs")));
                type.categories = strings(resource.value(QLatin1String("categories")));
                type.namespaced = resource.value(QLatin1String("scope")).toString() == QLatin1String("Namespaced");
                m_types.append(type);
            }
        }
    }
}

QFuture<KubeDiscovery> KubeDiscovery::fetch(const KubeClient &client)
{
    struct State
    {
        QPromise<KubeDiscovery> promise;
        std::mutex mutex;
        KubeDiscovery discovery;
        QJsonObject core;
        QJsonObject groups;
        int pending = 2;
    };
    auto state = std::make_shared<State>();
    state->promise.start();
    QFuture<KubeDiscovery> future = state->promise.future();
    for (const QString &path : { QStringLiteral("/api"), QStringLiteral("/apis") }) {
        KubeRequest request = KubeRequest::get(path);
        request.accept = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList";
        client.send(request, [state, path](KubeResponse response) {
            std::lock_guard lock(state->mutex);
            if (!response.ok())
                state->discovery.m_error = response.error;
            else if (response.json().value(QLatin1String("kind")).toString() != QLatin1String("APIGroupDiscoveryList"))
                state->discovery.m_error = KubeError::make(KubeError::Kind::Decode,
                    KubeError::tr("The server does not offer aggregated "
                                  "discovery (Kubernetes 1.30 or newer needed)"));
            else
                (path == QLatin1String("/api") ? state->core : state->groups) = response.json();
            if (--state->pending == 0) {
                // Core first: "pods" must not resolve to metrics.k8s.io/pods.
                state->discovery.addGroupDiscoveryList(state->core);
                state->discovery.addGroupDiscoveryList(state->groups);
                state->promise.addResult(std::move(state->discovery));
                state->promise.finish();
            }
        });
    }
    return future;
}

KubeResourceType KubeDiscovery::find(const QString &name) const
{
    // "deploy.v1.apps" / "deployments.apps" / "deployments"
    QString resource = name.toLower();
    QString version;
    QString group;
    bool qualified = false;
    if (const qsizetype dot = resource.indexOf(QLatin1Char('.')); dot > 0) {
        qualified = true;
        group = resource.mid(dot + 1);
        resource = resource.left(dot);
        const qsizetype versionDot = group.indexOf(QLatin1Char('.'));
        const QString first = versionDot > 0 ? group.left(versionDot) : group;
        if (first.size() > 1 && first.startsWith(QLatin1Char('v')) && first.at(1).isDigit()) {
            version = first;
            group = versionDot > 0 ? group.mid(versionDot + 1) : QString();
        }
    }
    const auto matches = [&](const KubeResourceType &type, bool byShortName) {
        if (qualified && type.group != group)
            return false;
        if (!version.isEmpty() && type.version != version)
            return false;
        if (type.resource.contains(QLatin1Char('/')))
            return false; // subresource
        if (byShortName)
            return type.shortNames.contains(resource);
        return type.resource == resource || type.singular == resource || type.kind.toLower() == resource;
    };
    // Full names win over short names, as in kubectl's RESTMapper.
    for (bool byShortName : { false, true }) {
        for (const KubeResourceType &type : m_types) {
            if (matches(type, byShortName))
                return type;
        }
    }
    return {};
}

KubeResourceType KubeDiscovery::findKind(const QString &apiVersion, const QString &kind) const
{
    const qsizetype slash = apiVersion.indexOf(QLatin1Char('/'));
    const QString group = slash > 0 ? apiVersion.left(slash) : QString();
    const QString version = slash > 0 ? apiVersion.mid(slash + 1) : apiVersion;
    for (const KubeResourceType &type : m_types) {
        if (type.group == group && type.version == version && type.kind == kind &&
            !type.resource.contains(QLatin1Char('/')))
            return type;
    }
    return {};
}

} // namespace Shipyard
