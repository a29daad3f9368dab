// SPDX-License-Identifier: GPL-2.0-or-later
#include "kube/PodContainers.h"

#include <QJsonArray>

namespace Shipyard {

namespace {
const QLatin1String defaultContainerAnnotation("kubectl.kubernetes.io/default-container");
} // namespace

PodContainers PodContainers::of(const QJsonObject &pod)
{
    PodContainers result;
    const QJsonObject spec = pod.value(QLatin1String("spec")).toObject();
    QString first;
    for (const char *field : { "initContainers", "containers", "ephemeralContainers" }) {
        for (const QJsonValue &container : spec.value(QLatin1String(field)).toArray()) {
            const QString name = container[QLatin1String("name")].toString();
            if (name.isEmpty())
                continue;
            result.names.append(name);
            if (first.isEmpty() && qstrcmp(field, "containers") == 0)
                first = name;
        }
    }
    const QString annotated =
        pod.value(QLatin1String("metadata"))[QLatin1String("annotations")][defaultContainerAnnotation].toString();
    result.defaultName = result.names.contains(annotated) ? annotated : first;
    result.shownFirst = result.defaultName;
    if (!crashed(pod, result.defaultName)) {
        for (const QString &name : std::as_const(result.names)) {
            if (crashed(pod, name)) {
                result.shownFirst = name;
                break;
            }
        }
    }
    return result;
}

bool PodContainers::crashed(const QJsonObject &pod, const QString &name)
{
    const QJsonObject status = pod.value(QLatin1String("status")).toObject();
    for (const char *field : { "initContainerStatuses", "containerStatuses", "ephemeralContainerStatuses" }) {
        for (const QJsonValue &container : status.value(QLatin1String(field)).toArray()) {
            if (container[QLatin1String("name")].toString() != name)
                continue;
            return container[QLatin1String("restartCount")].toInt() > 0 &&
                container[QLatin1String("state")][QLatin1String("waiting")].isObject();
        }
    }
    return false;
}

} // namespace Shipyard
