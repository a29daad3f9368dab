// SPDX-License-Identifier: GPL-2.0-or-later
#include "cluster/ClusterTreeText.h"

#include "kube/KubeObjectStatus.h"

#include <QCoreApplication>

#include <algorithm>

namespace Shipyard {

// The words were the model's before they moved here (hence its context):
// their translations stay theirs. lupdate reads the context only from a
// literal, so it is spelled at each call.

ClusterTreeText ClusterTreeText::deployment(const QJsonObject &object)
{
    const DeploymentStatus deployment = KubeObjectStatus::deployment(object);
    ClusterTreeText text;
    switch (deployment.rollout) {
    case DeploymentStatus::Rollout::Progressing:
        text.status = QCoreApplication::translate("Shipyard::ClusterTreeModel", "Progressing");
        break;
    case DeploymentStatus::Rollout::Available:
        text.status = QCoreApplication::translate("Shipyard::ClusterTreeModel", "Available");
        break;
    case DeploymentStatus::Rollout::Failed:
        text.status = QCoreApplication::translate("Shipyard::ClusterTreeModel", "Failed");
        break;
    }
    text.detail = deployment.message;
    text.failing = deployment.rollout == DeploymentStatus::Rollout::Failed;
    text.ready = QStringLiteral("%1/%2").arg(deployment.ready).arg(deployment.desired);
    return text;
}

ClusterTreeText ClusterTreeText::replicaSet(const QJsonObject &object)
{
    const ReplicaSetStatus replicaSet = KubeObjectStatus::replicaSet(object);
    ClusterTreeText text;
    text.status = replicaSet.revision > 0
        ? QCoreApplication::translate("Shipyard::ClusterTreeModel", "revision %1").arg(replicaSet.revision)
        : QString();
    text.ready = QStringLiteral("%1/%2").arg(replicaSet.ready).arg(replicaSet.desired);
    return text;
}

ClusterTreeText ClusterTreeText::pod(const QJsonObject &object)
{
    const PodStatus pod = KubeObjectStatus::pod(object);
    ClusterTreeText text;
    // kubectl's words stay as they are, but for the two the view always said in the user's language.
    if (pod.reason == QLatin1String("Terminating"))
        text.status = QCoreApplication::translate("Shipyard::ClusterTreeModel", "Terminating");
    else if (pod.reason == QLatin1String("Pending"))
        text.status = QCoreApplication::translate("Shipyard::ClusterTreeModel", "Pending");
    else
        text.status = pod.reason;
    text.detail = pod.message;
    text.ready = QStringLiteral("%1/%2").arg(pod.ready).arg(pod.total);
    text.restarts = pod.restarts;
    text.failing = pod.failing;
    return text;
}

QString ClusterTreeText::contextStatus(bool loaded, bool failing)
{
    if (failing)
        return QCoreApplication::translate("Shipyard::ClusterTreeModel", "Unreachable");
    return loaded ? QCoreApplication::translate("Shipyard::ClusterTreeModel", "Connected")
                  : QCoreApplication::translate("Shipyard::ClusterTreeModel", "Loading…");
}

QString ClusterTreeText::watchError(const QString &resource, const QString &ns, const QString &error)
{
    return QCoreApplication::translate("Shipyard::ClusterTreeModel", "%1 in %2: %3")
        .arg(resource,
            ns.isEmpty() ? QCoreApplication::translate("Shipyard::ClusterTreeModel", "every namespace")
                         : QCoreApplication::translate("Shipyard::ClusterTreeModel", "namespace %1").arg(ns),
            error);
}

QString ClusterTreeText::age(const QDateTime &created, const QDateTime &now)
{
    if (!created.isValid())
        return {};
    const qint64 seconds = std::max<qint64>(0, created.secsTo(now));
    if (seconds < 120)
        return QStringLiteral("%1s").arg(seconds);
    if (seconds < 2 * 3600)
        return QStringLiteral("%1m").arg(seconds / 60);
    if (seconds < 2 * 86400)
        return QStringLiteral("%1h").arg(seconds / 3600);
    return QStringLiteral("%1d").arg(seconds / 86400);
}

} // namespace Shipyard
