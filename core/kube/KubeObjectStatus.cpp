// SPDX-License-Identifier: GPL-2.0-or-later
#include "kube/KubeObjectStatus.h"

#include "kube/DeploymentRollout.h"

#include <QJsonArray>
#include <QSet>

namespace Shipyard {

namespace {

qint64 revisionOf(const QJsonObject &metadata)
{
    return metadata.value(QLatin1String("annotations"))
        .toObject()
        .value(QLatin1String("deployment.kubernetes.io/revision"))
        .toString()
        .toLongLong();
}

// kubectl's hasPodReadyCondition and isPodInitializedConditionTrue.
bool conditionTrue(const QJsonArray &conditions, QLatin1String type)
{
    for (const QJsonValue &condition : conditions) {
        if (condition[QLatin1String("type")].toString() == type)
            return condition[QLatin1String("status")].toString() == QLatin1String("True");
    }
    return false;
}

// A terminated container in kubectl's words: its reason, or else its signal or exit code.
QString terminatedReason(const QJsonObject &terminated)
{
    const QString reason = terminated.value(QLatin1String("reason")).toString();
    if (!reason.isEmpty())
        return reason;
    const int signal = terminated.value(QLatin1String("signal")).toInt();
    if (signal != 0)
        return QStringLiteral("Signal:%1").arg(signal);
    return QStringLiteral("ExitCode:%1").arg(terminated.value(QLatin1String("exitCode")).toInt());
}

} // namespace

PodStatus KubeObjectStatus::pod(const QJsonObject &pod)
{
    const QJsonObject metadata = pod.value(QLatin1String("metadata")).toObject();
    const QJsonObject spec = pod.value(QLatin1String("spec")).toObject();
    const QJsonObject status = pod.value(QLatin1String("status")).toObject();
    const QJsonArray conditions = status.value(QLatin1String("conditions")).toArray();
    const QString phase = status.value(QLatin1String("phase")).toString();
    const QString podReason = status.value(QLatin1String("reason")).toString();
    PodStatus result;
    // Every later rule that names a reason also says what came with it.
    const auto say = [&result](const QString &reason, const QString &message) {
        result.reason = reason;
        result.message = message;
    };

    say(podReason.isEmpty() ? phase : podReason, status.value(QLatin1String("message")).toString());
    for (const QJsonValue &condition : conditions) {
        if (condition[QLatin1String("type")].toString() != QLatin1String("PodScheduled"))
            continue;
        if (condition[QLatin1String("reason")].toString() == QLatin1String("SchedulingGated"))
            say(QStringLiteral("SchedulingGated"), condition[QLatin1String("message")].toString());
        else if (condition[QLatin1String("status")].toString() == QLatin1String("False") && result.message.isEmpty())
            // kubectl says Pending; why is the scheduler's to tell ("0/4 nodes are available: …").
            result.message = condition[QLatin1String("message")].toString();
    }

    // Init containers run one after the other: the first one that has not
    // completed says where initialization stands. Sidecars (restartable init
    // containers) count as containers once started.
    const QJsonArray initContainers = spec.value(QLatin1String("initContainers")).toArray();
    QSet<QString> sidecars;
    for (const QJsonValue &container : initContainers) {
        if (container[QLatin1String("restartPolicy")].toString() == QLatin1String("Always"))
            sidecars.insert(container[QLatin1String("name")].toString());
    }
    result.total = int(spec.value(QLatin1String("containers")).toArray().size() + sidecars.size());
    int sidecarRestarts = 0;
    bool initializing = false;
    const QJsonArray initStatuses = status.value(QLatin1String("initContainerStatuses")).toArray();
    for (qsizetype i = 0; i < initStatuses.size(); ++i) {
        const QJsonObject container = initStatuses[i].toObject();
        const int restarts = container.value(QLatin1String("restartCount")).toInt();
        const bool sidecar = sidecars.contains(container.value(QLatin1String("name")).toString());
        result.restarts += restarts;
        if (sidecar)
            sidecarRestarts += restarts;
        const QJsonObject state = container.value(QLatin1String("state")).toObject();
        const QJsonValue terminated = state.value(QLatin1String("terminated"));
        const QJsonObject waiting = state.value(QLatin1String("waiting")).toObject();
        const QString waitingReason = waiting.value(QLatin1String("reason")).toString();
        if (terminated.isObject() && terminated[QLatin1String("exitCode")].toInt() == 0)
            continue;
        if (sidecar && container.value(QLatin1String("started")).toBool()) {
            if (container.value(QLatin1String("ready")).toBool())
                ++result.ready;
            continue;
        }
        if (terminated.isObject())
            say(QLatin1String("Init:") + terminatedReason(terminated.toObject()),
                terminated[QLatin1String("message")].toString());
        else if (!waitingReason.isEmpty() && waitingReason != QLatin1String("PodInitializing"))
            say(QLatin1String("Init:") + waitingReason, waiting.value(QLatin1String("message")).toString());
        else
            say(QStringLiteral("Init:%1/%2").arg(i).arg(initContainers.size()), {});
        initializing = true;
        break;
    }

    const QJsonArray containers = status.value(QLatin1String("containerStatuses")).toArray();
    if (!initializing || conditionTrue(conditions, QLatin1String("Initialized"))) {
        result.restarts = sidecarRestarts;
        bool hasRunning = false;
        // Backwards, as kubectl goes: the first container with something to say has the last word.
        for (qsizetype i = containers.size() - 1; i >= 0; --i) {
            const QJsonObject container = containers[i].toObject();
            result.restarts += container.value(QLatin1String("restartCount")).toInt();
            const QJsonObject state = container.value(QLatin1String("state")).toObject();
            const QJsonObject waiting = state.value(QLatin1String("waiting")).toObject();
            const QJsonValue terminated = state.value(QLatin1String("terminated"));
            if (!waiting.value(QLatin1String("reason")).toString().isEmpty()) {
                say(waiting.value(QLatin1String("reason")).toString(),
                    waiting.value(QLatin1String("message")).toString());
            } else if (terminated.isObject()) {
                say(terminatedReason(terminated.toObject()), terminated[QLatin1String("message")].toString());
            } else if (container.value(QLatin1String("ready")).toBool() &&
                state.value(QLatin1String("running")).isObject()) {
                hasRunning = true;
                ++result.ready;
            }
        }
        // A container that completed while another still runs does not make the pod Completed.
        if (result.reason == QLatin1String("Completed") && hasRunning)
            say(conditionTrue(conditions, QLatin1String("Ready")) ? QStringLiteral("Running")
                                                                  : QStringLiteral("NotReady"),
                {});
    }

    if (metadata.value(QLatin1String("deletionTimestamp")).isString()) {
        // A pod whose node stopped answering is deleted without anyone to confirm it.
        if (podReason == QLatin1String("NodeLost"))
            say(QStringLiteral("Unknown"), status.value(QLatin1String("message")).toString());
        else if (phase != QLatin1String("Succeeded") && phase != QLatin1String("Failed"))
            say(QStringLiteral("Terminating"), {});
    }
    // A pod just made has no phase until the API server gives it one.
    if (result.reason.isEmpty())
        result.reason = QStringLiteral("Pending");
    result.failing = phase == QLatin1String("Failed") || isFailureReason(result.reason);

    // The log shown by default is the first container's.
    const QString first = spec.value(QLatin1String("containers"))[0][QLatin1String("name")].toString();
    for (const QJsonValue &container : containers) {
        if (!first.isEmpty() && container[QLatin1String("name")].toString() != first)
            continue;
        result.crashed = container[QLatin1String("restartCount")].toInt() > 0 &&
            container[QLatin1String("state")][QLatin1String("waiting")].isObject();
        break;
    }
    return result;
}

bool KubeObjectStatus::isFailureReason(QStringView reason)
{
    if (reason.startsWith(u"Init:"))
        reason = reason.mid(5);
    // The kubelet's waiting reasons for what it cannot do end in "Error"
    // (CreateContainerConfigError, RunContainerError, PostStartHookError…)
    // or start with "Err" (ErrImagePull, ErrImageNeverPull); its back-offs
    // (CrashLoopBackOff, ImagePullBackOff) name themselves.
    return reason == u"Failed" || reason == u"OOMKilled" || reason == u"ContainerStatusUnknown" ||
        reason == u"InvalidImageName" || reason.endsWith(u"Error") || reason.startsWith(u"Err") ||
        reason.contains(u"BackOff") || reason.startsWith(u"Signal:") ||
        (reason.startsWith(u"ExitCode:") && reason != u"ExitCode:0");
}

ReplicaSetStatus KubeObjectStatus::replicaSet(const QJsonObject &replicaSet)
{
    const QJsonObject spec = replicaSet.value(QLatin1String("spec")).toObject();
    const QJsonObject status = replicaSet.value(QLatin1String("status")).toObject();
    ReplicaSetStatus result;
    result.revision = revisionOf(replicaSet.value(QLatin1String("metadata")).toObject());
    result.desired = spec.value(QLatin1String("replicas")).toInt(1);
    result.current = status.value(QLatin1String("replicas")).toInt();
    result.ready = status.value(QLatin1String("readyReplicas")).toInt();
    result.available = status.value(QLatin1String("availableReplicas")).toInt();
    return result;
}

DeploymentStatus KubeObjectStatus::deployment(const QJsonObject &deployment)
{
    const QJsonObject spec = deployment.value(QLatin1String("spec")).toObject();
    const QJsonObject status = deployment.value(QLatin1String("status")).toObject();
    DeploymentStatus result;
    const RolloutResult rollout = DeploymentRollout::evaluateStatus(deployment);
    result.rollout = rollout.error.isError() ? DeploymentStatus::Rollout::Failed
        : rollout.done                       ? DeploymentStatus::Rollout::Available
                                             : DeploymentStatus::Rollout::Progressing;
    result.message = rollout.message;
    result.revision = revisionOf(deployment.value(QLatin1String("metadata")).toObject());
    result.desired = spec.value(QLatin1String("replicas")).toInt(1);
    result.updated = status.value(QLatin1String("updatedReplicas")).toInt();
    result.ready = status.value(QLatin1String("readyReplicas")).toInt();
    result.available = status.value(QLatin1String("availableReplicas")).toInt();
    result.unavailable = status.value(QLatin1String("unavailableReplicas")).toInt();
    return result;
}

} // namespace Shipyard
