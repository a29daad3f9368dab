// SPDX-License-Identifier: GPL-2.0-or-later
#include "pipeline/SettingsSecretCheck.h"

#include "manifests/ManifestReader.h"
#include "support/FutureWait.h"

#include <QDeadlineTimer>
#include <QJsonArray>
#include <QThread>

namespace Shipyard {

namespace {

void collectFromPodSpec(const QJsonObject &podSpec, const QString &name, QStringList &keys)
{
    for (const char *list : { "initContainers", "containers" }) {
        for (const QJsonValue &container : podSpec.value(QLatin1String(list)).toArray()) {
            for (const QJsonValue &env : container[QLatin1String("env")].toArray()) {
                const QJsonObject ref = env[QLatin1String("valueFrom")][QLatin1String("secretKeyRef")].toObject();
                if (ref.value(QLatin1String("name")).toString() != name ||
                    ref.value(QLatin1String("optional")).toBool())
                    continue;
                const QString key = ref.value(QLatin1String("key")).toString();
                if (!keys.contains(key))
                    keys.append(key);
            }
            for (const QJsonValue &from : container[QLatin1String("envFrom")].toArray()) {
                const QJsonObject ref = from[QLatin1String("secretRef")].toObject();
                if (ref.value(QLatin1String("name")).toString() == name &&
                    !ref.value(QLatin1String("optional")).toBool() && !keys.contains(QStringLiteral("*")))
                    keys.append(QStringLiteral("*"));
            }
        }
    }
}

} // namespace

QStringList SettingsSecretCheck::requiredKeys(const QList<QJsonObject> &objects, const QString &name)
{
    QStringList keys;
    if (name.isEmpty())
        return keys;
    for (const QJsonObject &object : objects)
        collectFromPodSpec(ManifestReader::podSpecOf(object), name, keys);
    return keys;
}

SettingsSecretCheck::Result SettingsSecretCheck::run(const KubeClient &client, const QString &ns, const QString &name,
    const QList<QJsonObject> &objects, std::chrono::seconds patience, const std::function<void(const QString &)> &log,
    const std::atomic_bool *cancel)
{
    Result result;
    const QString path = QStringLiteral("/api/v1/namespaces/%1/secrets/%2").arg(ns, name);
    QDeadlineTimer deadline { std::chrono::duration_cast<std::chrono::milliseconds>(patience) };
    KubeResponse response = await(client.get(path));
    if (response.error.isNotFound() && patience.count() > 0 && log)
        log(QStringLiteral("waiting up to %1 s for the environment's settings Secret '%2' to appear in %3")
                .arg(patience.count())
                .arg(name, ns));
    while (response.error.isNotFound() && !deadline.hasExpired() && !(cancel && *cancel)) {
        QThread::sleep(std::chrono::seconds(1));
        response = await(client.get(path));
    }
    if (response.error.isNotFound()) {
        result.problem = QStringLiteral("the environment's settings Secret '%1' is not in namespace %2; create it "
                                        "there (kubectl create secret generic %1 --namespace %2 "
                                        "--from-literal=KEY=VALUE …) or remove 'secret' from the environment")
                             .arg(name, ns);
        return result;
    }
    if (!response.ok()) {
        result.warning = QStringLiteral("the environment's settings Secret '%1' in %2 could not be read (%3); "
                                        "whether the keys the objects use are there is not known")
                             .arg(name, ns, response.error.message);
        return result;
    }
    // Key names only: the values are never looked at.
    const QJsonObject secret = response.json();
    QStringList present = secret.value(QLatin1String("data")).toObject().keys();
    present += secret.value(QLatin1String("stringData")).toObject().keys();
    QStringList missing;
    for (const QString &key : requiredKeys(objects, name)) {
        if (key != QLatin1String("*") && !present.contains(key))
            missing.append(key);
    }
    if (!missing.isEmpty())
        result.problem = QStringLiteral("the environment's settings Secret '%1' in %2 has no key %3, which the "
                                        "objects refer to; its keys: %4")
                             .arg(name, ns, missing.join(QStringLiteral(", ")),
                                 present.isEmpty() ? QStringLiteral("none") : present.join(QStringLiteral(", ")));
    return result;
}

} // namespace Shipyard
