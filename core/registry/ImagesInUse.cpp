// SPDX-License-Identifier: GPL-2.0-or-later
#include "registry/ImagesInUse.h"

#include "live/ShowroomInfo.h"
#include "releases/ReleaseStore.h"
#include "support/FutureWait.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QUrlQuery>

#include <functional>

namespace Shipyard {

namespace {

QList<QJsonObject> containersOf(const QJsonObject &podSpec)
{
    QList<QJsonObject> containers;
    for (const char *key : { "initContainers", "containers" })
        for (const QJsonValue &container : podSpec.value(QLatin1String(key)).toArray())
            containers.append(container.toObject());
    return containers;
}

// The manifest digest of a running container: "…@sha256:…" in its imageID.
// A bare "sha256:…" there is a local image id, not a registry digest.
QString digestOfImageId(const QString &imageId)
{
    const qsizetype at = imageId.lastIndexOf(QLatin1Char('@'));
    return at < 0 ? QString() : imageId.mid(at + 1);
}

// What one namespace holds. PLACE names it in reasons: "production", or
// "showroom showroom-shop-12"; LIVE is the reason of a live object.
bool readNamespace(const KubeClient &client, const QString &ns, const QString &place,
    const std::function<QString(const QString &object)> &live, QList<ImagesInUse::Use> &uses, QString *error)
{
    auto deploymentsFuture = client.get(QStringLiteral("/apis/apps/v1/namespaces/%1/deployments").arg(ns));
    auto podsFuture = client.get(QStringLiteral("/api/v1/namespaces/%1/pods").arg(ns));
    const KubeResponse deployments = await(deploymentsFuture);
    const KubeResponse pods = await(podsFuture);
    for (const KubeResponse *response : { &deployments, &pods }) {
        if (!response->ok()) {
            *error = response->error.message;
            return false;
        }
    }
    // A pod of a Deployment counts under the Deployment's name; it adds the
    // digest its container runs, which a tag alone does not say.
    QHash<QString, QString> deploymentReasons; // image → reason
    for (const QJsonValue &item : deployments.json().value(QLatin1String("items")).toArray()) {
        const QJsonObject deployment = item.toObject();
        const QString name = deployment[QLatin1String("metadata")][QLatin1String("name")].toString();
        const QJsonObject podSpec =
            deployment[QLatin1String("spec")][QLatin1String("template")][QLatin1String("spec")].toObject();
        for (const QJsonObject &container : containersOf(podSpec)) {
            const QString image = container.value(QLatin1String("image")).toString();
            if (image.isEmpty())
                continue;
            const QString reason = live(name);
            deploymentReasons.insert(image, reason);
            uses.append(ImagesInUse::Use { image, {}, reason, {} });
        }
    }
    for (const QJsonValue &item : pods.json().value(QLatin1String("items")).toArray()) {
        const QJsonObject pod = item.toObject();
        const QString phase = pod[QLatin1String("status")][QLatin1String("phase")].toString();
        if (phase == QLatin1String("Succeeded") || phase == QLatin1String("Failed"))
            continue;
        const QString name = pod[QLatin1String("metadata")][QLatin1String("name")].toString();
        QHash<QString, QString> digests; // container name → digest it runs
        const QJsonObject status = pod.value(QLatin1String("status")).toObject();
        for (const char *key : { "initContainerStatuses", "containerStatuses" })
            for (const QJsonValue &value : status.value(QLatin1String(key)).toArray())
                digests.insert(value[QLatin1String("name")].toString(),
                    digestOfImageId(value[QLatin1String("imageID")].toString()));
        for (const QJsonObject &container : containersOf(pod.value(QLatin1String("spec")).toObject())) {
            const QString image = container.value(QLatin1String("image")).toString();
            if (image.isEmpty())
                continue;
            const QString reason = deploymentReasons.value(image, live(QStringLiteral("pod ") + name));
            uses.append(ImagesInUse::Use {
                image, digests.value(container.value(QLatin1String("name")).toString()), reason, {} });
        }
    }

    KubeError recordsError;
    const QList<ReleaseRecord> records = ReleaseStore(client, ns).list(&recordsError);
    if (recordsError.isError()) {
        *error = ImagesInUse::tr("its release records: %1").arg(recordsError.message);
        return false;
    }
    for (const ReleaseRecord &record : records) {
        const QString reason = ImagesInUse::tr("release %1 of %2").arg(record.id, place);
        for (const ReleaseRecord::SystemRelease &system : record.systems)
            if (!system.image.isEmpty())
                uses.append(ImagesInUse::Use { system.image, {}, reason, record.time });
        for (const ReleaseRecord::Migration &migration : record.migrations)
            if (!migration.image.isEmpty())
                uses.append(ImagesInUse::Use { migration.image, {}, reason, record.time });
    }
    return true;
}

} // namespace

ImagesInUse::Result ImagesInUse::read(const Ecosystem &ecosystem, const ClusterAccess &cluster)
{
    Result result;
    for (const Environment &environment : ecosystem.environments) {
        QString clientError;
        const KubeClient client = cluster.client(environment.context, &clientError);
        if (!client.isValid()) {
            result.errors.append(tr("environment %1 (context %2) cannot be read: %3")
                    .arg(environment.name, environment.context, clientError));
            continue;
        }
        QString error;
        if (environment.kind != EnvironmentKind::Showroom) {
            const QString &ns = environment.namespaceName;
            const auto live = [&](const QString &object) { return tr("live in %1/%2").arg(environment.name, object); };
            if (!readNamespace(client, ns, environment.name, live, result.uses, &error))
                result.errors.append(tr("environment %1 (namespace %2 of context %3) cannot be read: %4")
                        .arg(environment.name, ns, environment.context, error));
            continue;
        }
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("labelSelector"), ShowroomInfo::labelSelector(environment.name));
        const KubeResponse namespaces = await(client.get(QStringLiteral("/api/v1/namespaces"), query));
        if (!namespaces.ok()) {
            result.errors.append(tr("environment %1 (context %2): its showrooms cannot be listed: %3")
                    .arg(environment.name, environment.context, namespaces.error.message));
            continue;
        }
        for (const QJsonValue &item : namespaces.json().value(QLatin1String("items")).toArray()) {
            const ShowroomInfo showroom = ShowroomInfo::fromNamespace(item.toObject());
            const QString place = tr("showroom %1").arg(showroom.namespaceName);
            const auto live = [&](const QString &) { return place; };
            if (!readNamespace(client, showroom.namespaceName, place, live, result.uses, &error))
                result.errors.append(tr("environment %1: showroom %2 (context %3) cannot be read: %4")
                        .arg(environment.name, showroom.namespaceName, environment.context, error));
        }
    }
    return result;
}

} // namespace Shipyard
