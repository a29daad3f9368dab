// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "kube/KubeClient.h"
#include "kube/RolloutResult.h"

#include <QDateTime>
#include <QFuture>

#include <atomic>
#include <chrono>
#include <functional>

namespace Shipyard {

// Rollout operations on one Deployment with kubectl's exact semantics
// (kubectl/pkg/polymorphichelpers: rollback.go, rollout_status.go,
// history.go, objectrestarter.go). All asynchronous.
class DeploymentRollout
{
public:
    DeploymentRollout(KubeClient client, QString ns, QString name);

    // kubectl's status rules on one Deployment object. With CHANGEDAT (when
    // the template was last applied), a progress deadline exceeded before or
    // in that second belongs to the previous rollout: the controller keeps it
    // until the new one progresses, and a rollback must not fail on it.
    static RolloutResult evaluateStatus(const QJsonObject &deployment, const QDateTime &changedAt = {});

    // Waits (watching the deployment) until the rollout is done, has failed
    // (progress deadline exceeded) or `timeout` passes; `progress` gets each
    // new "Waiting for ..." line, in a pool thread; `observe` every state of
    // the deployment read meanwhile (the last one included), in the same thread.
    // Once `stop` is set the wait ends within a tenth of a second (or the
    // request under way), with an error of kind Cancelled; the flag must
    // outlive the future, so that a cancelled delivery leaves no thread behind.
    QFuture<RolloutResult> status(std::chrono::seconds timeout, std::function<void(const QString &)> progress = {},
        const QDateTime &changedAt = {}, std::function<void(const QJsonObject &)> observe = {},
        const std::atomic_bool *stop = nullptr) const;
    // The revisions of the deployment's ReplicaSets, oldest first.
    QFuture<RolloutHistory> history() const;
    // Back to `toRevision` (0: the previous one). Refuses paused
    // deployments; "skipped" when the template already matches.
    QFuture<RolloutResult> undo(qint64 toRevision = 0, bool dryRun = false) const;
    // kubectl rollout restart: a new restartedAt annotation in the template.
    QFuture<RolloutResult> restart() const;
    QFuture<RolloutResult> scale(int replicas) const;

    // The ReplicaSets a deployment controls (selector + controller owner).
    static QList<QJsonObject> ownedReplicaSets(
        const KubeClient &client, const QJsonObject &deployment, KubeError *error);
    static QString labelSelector(const QJsonObject &selector);
    // Templates compared as kubectl does: pod-template-hash ignored, empty maps equal to none.
    static bool equalIgnoringHash(QJsonObject a, QJsonObject b);

private:
    QString path(const QString &subresource = {}) const;
    // Why a rollout does not finish, in the words of its newest pods that
    // are not ready ("; pod web-7d4 is Pending: 0/4 nodes are available: …"),
    // at most two of them; empty when none is found or the list fails.
    QString podsNotReady(const QJsonObject &deployment) const;

    KubeClient m_client;
    QString m_ns;
    QString m_name;
};

} // namespace Shipyard
