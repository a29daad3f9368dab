// SPDX-License-Identifier: GPL-2.0-or-later
#include "kube/DeploymentRollout.h"

#include "kube/KubeObjectStatus.h"
#include "kube/KubeOperation.h"
#include "kube/KubePager.h"
#include "support/FutureWait.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <algorithm>
#include <condition_variable>
#include <mutex>

namespace Shipyard {

namespace {

const QString revisionAnnotation = QStringLiteral("deployment.kubernetes.io/revision");
const QString hashLabel = QStringLiteral("pod-template-hash");

qint64 revisionOf(const QJsonObject &object)
{
    return object[QLatin1String("metadata")][QLatin1String("annotations")][revisionAnnotation].toString().toLongLong();
}

QString displayName(const QString &name)
{
    return QStringLiteral("deployment.apps/") + name;
}

QJsonObject withoutHash(QJsonObject podTemplate)
{
    QJsonObject metadata = podTemplate.value(QLatin1String("metadata")).toObject();
    QJsonObject labels = metadata.value(QLatin1String("labels")).toObject();
    labels.remove(hashLabel);
    if (labels.isEmpty())
        metadata.remove(QLatin1String("labels"));
    else
        metadata.insert(QStringLiteral("labels"), labels);
    if (metadata.isEmpty())
        podTemplate.remove(QLatin1String("metadata"));
    else
        podTemplate.insert(QStringLiteral("metadata"), metadata);
    return podTemplate;
}

RolloutResult failed(const KubeError &error)
{
    RolloutResult result;
    result.error = error;
    result.message = error.message;
    return result;
}

} // namespace

DeploymentRollout::DeploymentRollout(KubeClient client, QString ns, QString name)
    : m_client(std::move(client)), m_ns(std::move(ns)), m_name(std::move(name))
{ }

QString DeploymentRollout::path(const QString &subresource) const
{
    QString path = QStringLiteral("/apis/apps/v1/namespaces/%1/deployments/%2").arg(m_ns, m_name);
    if (!subresource.isEmpty())
        path += QLatin1Char('/') + subresource;
    return path;
}

QString DeploymentRollout::labelSelector(const QJsonObject &selector)
{
    QStringList parts;
    const QJsonObject matchLabels = selector.value(QLatin1String("matchLabels")).toObject();
    for (auto it = matchLabels.begin(); it != matchLabels.end(); ++it)
        parts.append(it.key() + QLatin1Char('=') + it.value().toString());
    for (const QJsonValue &value : selector.value(QLatin1String("matchExpressions")).toArray()) {
        const QString key = value[QLatin1String("key")].toString();
        const QString op = value[QLatin1String("operator")].toString();
        QStringList values;
        for (const QJsonValue &v : value[QLatin1String("values")].toArray())
            values.append(v.toString());
        if (op == QLatin1String("In"))
            parts.append(QStringLiteral("%1 in (%2)").arg(key, values.join(QLatin1Char(','))));
        else if (op == QLatin1String("NotIn"))
            parts.append(QStringLiteral("%1 notin (%2)").arg(key, values.join(QLatin1Char(','))));
        else if (op == QLatin1String("Exists"))
            parts.append(key);
        else if (op == QLatin1String("DoesNotExist"))
            parts.append(QLatin1Char('!') + key);
    }
    return parts.join(QLatin1Char(','));
}

bool DeploymentRollout::equalIgnoringHash(QJsonObject a, QJsonObject b)
{
    return withoutHash(std::move(a)) == withoutHash(std::move(b));
}

RolloutResult DeploymentRollout::evaluateStatus(const QJsonObject &deployment, const QDateTime &changedAt)
{
    RolloutResult result;
    result.object = deployment;
    const QJsonObject metadata = deployment.value(QLatin1String("metadata")).toObject();
    const QJsonObject spec = deployment.value(QLatin1String("spec")).toObject();
    const QJsonObject status = deployment.value(QLatin1String("status")).toObject();
    const QString name = metadata.value(QLatin1String("name")).toString();
    if (metadata.value(QLatin1String("generation")).toInteger() >
        status.value(QLatin1String("observedGeneration")).toInteger()) {
        result.message = QStringLiteral("Waiting for deployment spec update to be observed...");
        return result;
    }
    for (const QJsonValue &condition : status.value(QLatin1String("conditions")).toArray()) {
        if (condition[QLatin1String("type")].toString() == QLatin1String("Progressing") &&
            condition[QLatin1String("reason")].toString() == QLatin1String("ProgressDeadlineExceeded")) {
            const QDateTime updated =
                QDateTime::fromString(condition[QLatin1String("lastUpdateTime")].toString(), Qt::ISODate);
            if (changedAt.isValid() && updated.isValid() && updated.toSecsSinceEpoch() <= changedAt.toSecsSinceEpoch())
                continue;
            result.error = KubeError::make(
                KubeError::Kind::Http, QStringLiteral("deployment \"%1\" exceeded its progress deadline").arg(name));
            result.message = result.error.message;
            return result;
        }
    }
    const qint64 updated = status.value(QLatin1String("updatedReplicas")).toInteger();
    const qint64 replicas = status.value(QLatin1String("replicas")).toInteger();
    const qint64 available = status.value(QLatin1String("availableReplicas")).toInteger();
    if (spec.contains(QLatin1String("replicas")) && updated < spec.value(QLatin1String("replicas")).toInteger()) {
        result.message = QStringLiteral("Waiting for deployment \"%1\" rollout to finish: %2 out of %3 new replicas "
                                        "have been updated...")
                             .arg(name)
                             .arg(updated)
                             .arg(spec.value(QLatin1String("replicas")).toInteger());
        return result;
    }
    if (replicas > updated) {
        result.message = QStringLiteral("Waiting for deployment \"%1\" rollout to finish: %2 old replicas are pending "
                                        "termination...")
                             .arg(name)
                             .arg(replicas - updated);
        return result;
    }
    if (available < updated) {
        result.message =
            QStringLiteral("Waiting for deployment \"%1\" rollout to finish: %2 of %3 updated replicas are "
                           "available...")
                .arg(name)
                .arg(available)
                .arg(updated);
        return result;
    }
    result.done = true;
    result.message = QStringLiteral("deployment \"%1\" successfully rolled out").arg(name);
    return result;
}

QFuture<RolloutResult> DeploymentRollout::status(std::chrono::seconds timeout,
    std::function<void(const QString &)> progress, const QDateTime &changedAt,
    std::function<void(const QJsonObject &)> observe, const std::atomic_bool *stop) const
{
    const DeploymentRollout self = *this;
    return KubeOperation::run<RolloutResult>([self, timeout, progress, changedAt, observe, stop]() -> RolloutResult {
        QElapsedTimer elapsed;
        elapsed.start();
        QString lastMessage;
        const auto stopped = [stop] { return stop && stop->load(); };
        while (true) {
            if (stopped())
                return failed(KubeError::make(KubeError::Kind::Cancelled, QStringLiteral("stopped waiting")));
            const KubeResponse response = await(self.m_client.get(self.path()));
            if (!response.ok())
                return failed(response.error);
            if (observe)
                observe(response.json());
            RolloutResult result = evaluateStatus(response.json(), changedAt);
            if (result.done)
                return result;
            if (result.error.isError()) {
                result.error.message += self.podsNotReady(response.json());
                result.message = result.error.message;
                return result;
            }
            if (result.message != lastMessage && progress)
                progress(result.message);
            lastMessage = result.message;
            const qint64 left = qint64(timeout.count()) * 1000 - elapsed.elapsed();
            if (timeout.count() > 0 && left <= 0) {
                result.error = KubeError::make(KubeError::Kind::Deadline,
                    QStringLiteral("timed out after %1 s waiting for the rollout (%2)")
                            .arg(timeout.count())
                            .arg(result.message.section(QLatin1String(": "), -1).chopped(3)) +
                        self.podsNotReady(response.json()));
                result.message = result.error.message;
                return result;
            }
            // Watch the one object until it changes (or a while passes), like kubectl's UntilWithSync.
            const QString rv = response.json()[QLatin1String("metadata")][QLatin1String("resourceVersion")].toString();
            QUrlQuery query;
            query.addQueryItem(QStringLiteral("watch"), QStringLiteral("1"));
            query.addQueryItem(QStringLiteral("fieldSelector"), QStringLiteral("metadata.name=") + self.m_name);
            query.addQueryItem(QStringLiteral("resourceVersion"), rv);
            const int wait = int(std::clamp<qint64>(timeout.count() > 0 ? left / 1000 : 30, 1, 30));
            query.addQueryItem(QStringLiteral("timeoutSeconds"), QString::number(wait));
            struct Changed
            {
                std::mutex mutex;
                std::condition_variable condition;
                bool done = false;
            };
            auto changed = std::make_shared<Changed>();
            const auto signal = [changed] {
                std::lock_guard lock(changed->mutex);
                changed->done = true;
                changed->condition.notify_all();
            };
            KubeStream stream = self.m_client.stream(
                KubeRequest::get(QStringLiteral("/apis/apps/v1/namespaces/%1/deployments").arg(self.m_ns), query),
                [signal](QByteArrayView chunk) {
                    if (chunk.contains('\n'))
                        signal();
                    return !chunk.contains('\n');
                },
                [signal](const KubeResponse &) { signal(); });
            // In slices, to see `stop` while the object does not change.
            const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(wait + 5);
            std::unique_lock lock(changed->mutex);
            while (!changed->done && !stopped() && std::chrono::steady_clock::now() < until)
                changed->condition.wait_for(lock, std::chrono::milliseconds(100), [&] { return changed->done; });
            lock.unlock();
            stream.cancel();
        }
    });
}

QString DeploymentRollout::podsNotReady(const QJsonObject &deployment) const
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("labelSelector"),
        labelSelector(deployment[QLatin1String("spec")][QLatin1String("selector")].toObject()));
    query.addQueryItem(QStringLiteral("limit"), QStringLiteral("100"));
    const KubeResponse response = await(m_client.get(QStringLiteral("/api/v1/namespaces/%1/pods").arg(m_ns), query));
    if (!response.ok())
        return {};
    // The newest pods say what the rollout waits for; older ones may be
    // terminating replicas of the previous template.
    QList<QJsonObject> pods;
    for (const QJsonValue &item : response.json().value(QLatin1String("items")).toArray())
        pods.append(item.toObject());
    std::sort(pods.begin(), pods.end(), [](const QJsonObject &a, const QJsonObject &b) {
        return a[QLatin1String("metadata")][QLatin1String("creationTimestamp")].toString() >
            b[QLatin1String("metadata")][QLatin1String("creationTimestamp")].toString();
    });
    QStringList said;
    int more = 0;
    for (const QJsonObject &pod : std::as_const(pods)) {
        const PodStatus status = KubeObjectStatus::pod(pod);
        if (status.reason == QLatin1String("Running") && status.ready == status.total)
            continue;
        if (said.size() == 2) {
            ++more;
            continue;
        }
        QString line = QStringLiteral("pod %1 is %2")
                           .arg(pod[QLatin1String("metadata")][QLatin1String("name")].toString(), status.reason);
        if (status.reason == QLatin1String("Running"))
            line += QStringLiteral(", %1/%2 containers ready").arg(status.ready).arg(status.total);
        if (!status.message.isEmpty())
            line += QStringLiteral(": ") + status.message.simplified();
        said.append(line);
    }
    if (said.isEmpty())
        return {};
    QString text = QStringLiteral("; ") + said.join(QStringLiteral("; "));
    if (more > 0)
        text += QStringLiteral("; %1 more not ready").arg(more);
    return text;
}

QList<QJsonObject> DeploymentRollout::ownedReplicaSets(
    const KubeClient &client, const QJsonObject &deployment, KubeError *error)
{
    const QJsonObject metadata = deployment.value(QLatin1String("metadata")).toObject();
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("labelSelector"),
        labelSelector(deployment[QLatin1String("spec")][QLatin1String("selector")].toObject()));
    auto future = KubePager::list(client,
        QStringLiteral("/apis/apps/v1/namespaces/%1/replicasets")
            .arg(metadata.value(QLatin1String("namespace")).toString()),
        query);
    future.waitForFinished();
    const KubeListResult list = future.result();
    if (list.error.isError()) {
        if (error)
            *error = list.error;
        return {};
    }
    const QString uid = metadata.value(QLatin1String("uid")).toString();
    QList<QJsonObject> owned;
    for (const QJsonValue &value : list.items) {
        const QJsonObject replicaSet = value.toObject();
        for (const QJsonValue &owner :
            replicaSet[QLatin1String("metadata")][QLatin1String("ownerReferences")].toArray()) {
            if (owner[QLatin1String("controller")].toBool() && owner[QLatin1String("uid")].toString() == uid) {
                owned.append(replicaSet);
                break;
            }
        }
    }
    return owned;
}

QFuture<RolloutHistory> DeploymentRollout::history() const
{
    const DeploymentRollout self = *this;
    return KubeOperation::run<RolloutHistory>([self] {
        RolloutHistory history;
        const KubeResponse response = await(self.m_client.get(self.path()));
        if (!response.ok()) {
            history.error = response.error;
            return history;
        }
        for (const QJsonObject &replicaSet : ownedReplicaSets(self.m_client, response.json(), &history.error)) {
            RolloutRevision revision;
            revision.revision = revisionOf(replicaSet);
            revision.changeCause = replicaSet[QLatin1String("metadata")][QLatin1String("annotations")]
                                             [QLatin1String("kubernetes.io/change-cause")]
                                                 .toString();
            revision.replicaSet = replicaSet[QLatin1String("metadata")][QLatin1String("name")].toString();
            revision.podTemplate = replicaSet[QLatin1String("spec")][QLatin1String("template")].toObject();
            history.revisions.append(revision);
        }
        std::ranges::sort(history.revisions, {}, &RolloutRevision::revision);
        return history;
    });
}

QFuture<RolloutResult> DeploymentRollout::undo(qint64 toRevision, bool dryRun) const
{
    const DeploymentRollout self = *this;
    return KubeOperation::run<RolloutResult>([self, toRevision, dryRun] {
        const KubeResponse response = await(self.m_client.get(self.path()));
        if (!response.ok())
            return failed(response.error);
        const QJsonObject deployment = response.json();
        if (deployment[QLatin1String("spec")][QLatin1String("paused")].toBool())
            return failed(KubeError::make(KubeError::Kind::Http,
                QStringLiteral("you cannot rollback a paused deployment; resume it first with "
                               "'kubectl rollout resume' and try again")));
        KubeError error;
        const QList<QJsonObject> replicaSets = ownedReplicaSets(self.m_client, deployment, &error);
        if (error.isError())
            return failed(error);

        QJsonObject target;
        qint64 revision = toRevision;
        if (toRevision > 0) {
            for (const QJsonObject &replicaSet : replicaSets) {
                if (revisionOf(replicaSet) == toRevision)
                    target = replicaSet;
            }
            if (target.isEmpty())
                return failed(KubeError::make(KubeError::Kind::Http,
                    QStringLiteral("unable to find specified revision %1 in history").arg(toRevision)));
        } else {
            // The second-highest revision is "previous".
            qint64 max = -1;
            qint64 previous = -1;
            for (const QJsonObject &replicaSet : replicaSets) {
                const qint64 current = revisionOf(replicaSet);
                if (current > max) {
                    previous = max;
                    max = current;
                } else if (current > previous && current < max) {
                    previous = current;
                }
            }
            for (const QJsonObject &replicaSet : replicaSets) {
                if (previous > 0 && revisionOf(replicaSet) == previous)
                    target = replicaSet;
            }
            if (target.isEmpty())
                return failed(KubeError::make(KubeError::Kind::Http,
                    QStringLiteral("no rollout history found for deployment \"%1\"").arg(self.m_name)));
            revision = previous;
        }

        const QJsonObject currentTemplate = deployment[QLatin1String("spec")][QLatin1String("template")].toObject();
        const QJsonObject targetTemplate = target[QLatin1String("spec")][QLatin1String("template")].toObject();
        RolloutResult result;
        result.object = deployment;
        if (equalIgnoringHash(currentTemplate, targetTemplate)) {
            result.skipped = true;
            result.message = QStringLiteral("%1 skipped rollback (current template already matches revision %2)")
                                 .arg(displayName(self.m_name))
                                 .arg(revision);
            return result;
        }

        // Annotations: the deployment keeps its own bookkeeping ones, takes the rest from the ReplicaSet.
        static const QSet<QString> skipped { QStringLiteral("kubectl.kubernetes.io/last-applied-configuration"),
            revisionAnnotation, QStringLiteral("deployment.kubernetes.io/revision-history"),
            QStringLiteral("deployment.kubernetes.io/desired-replicas"),
            QStringLiteral("deployment.kubernetes.io/max-replicas"),
            QStringLiteral("deprecated.deployment.rollback.to") };
        QJsonObject annotations;
        const QJsonObject own = deployment[QLatin1String("metadata")][QLatin1String("annotations")].toObject();
        for (auto it = own.begin(); it != own.end(); ++it) {
            if (skipped.contains(it.key()))
                annotations.insert(it.key(), it.value());
        }
        const QJsonObject fromReplicaSet = target[QLatin1String("metadata")][QLatin1String("annotations")].toObject();
        for (auto it = fromReplicaSet.begin(); it != fromReplicaSet.end(); ++it) {
            if (!skipped.contains(it.key()))
                annotations.insert(it.key(), it.value());
        }
        QJsonObject restored = targetTemplate;
        QJsonObject templateMetadata = restored.value(QLatin1String("metadata")).toObject();
        QJsonObject labels = templateMetadata.value(QLatin1String("labels")).toObject();
        labels.remove(hashLabel);
        if (labels.isEmpty())
            templateMetadata.remove(QLatin1String("labels")); // omitempty, as Go marshals it
        else
            templateMetadata.insert(QStringLiteral("labels"), labels);
        restored.insert(QStringLiteral("metadata"), templateMetadata);
        const QJsonArray patch {
            QJsonObject { { QStringLiteral("op"), QStringLiteral("replace") },
                { QStringLiteral("path"), QStringLiteral("/spec/template") }, { QStringLiteral("value"), restored } },
            QJsonObject { { QStringLiteral("op"), QStringLiteral("replace") },
                { QStringLiteral("path"), QStringLiteral("/metadata/annotations") },
                { QStringLiteral("value"), annotations } },
        };
        KubeRequest request;
        request.method = "PATCH";
        request.path = self.path();
        request.contentType = "application/json-patch+json";
        request.body = QJsonDocument(patch).toJson(QJsonDocument::Compact);
        if (dryRun)
            request.query.addQueryItem(QStringLiteral("dryRun"), QStringLiteral("All"));
        const KubeResponse patched = await(self.m_client.send(request));
        if (!patched.ok()) {
            RolloutResult failure = failed(patched.error);
            failure.message =
                QStringLiteral("failed restoring revision %1: %2").arg(revision).arg(patched.error.message);
            failure.error.message = failure.message;
            return failure;
        }
        result.object = patched.json();
        result.message = displayName(self.m_name) + QStringLiteral(" rolled back");
        return result;
    });
}

QFuture<RolloutResult> DeploymentRollout::restart() const
{
    const DeploymentRollout self = *this;
    return KubeOperation::run<RolloutResult>([self] {
        const KubeResponse response = await(self.m_client.get(self.path()));
        if (!response.ok())
            return failed(response.error);
        if (response.json()[QLatin1String("spec")][QLatin1String("paused")].toBool())
            return failed(KubeError::make(
                KubeError::Kind::Http, QStringLiteral("can't restart paused deployment (run rollout resume first)")));
        const QJsonObject patch { { QStringLiteral("spec"),
            QJsonObject { { QStringLiteral("template"),
                QJsonObject { { QStringLiteral("metadata"),
                    QJsonObject { { QStringLiteral("annotations"),
                        QJsonObject { { QStringLiteral("kubectl.kubernetes.io/restartedAt"),
                            QDateTime::currentDateTimeUtc().toString(Qt::ISODate) } } } } } } } } } };
        const KubeResponse patched = await(self.m_client.patch(self.path(),
            QJsonDocument(patch).toJson(QJsonDocument::Compact), "application/strategic-merge-patch+json"));
        if (!patched.ok())
            return failed(patched.error);
        RolloutResult result;
        result.object = patched.json();
        result.message = displayName(self.m_name) + QStringLiteral(" restarted");
        return result;
    });
}

QFuture<RolloutResult> DeploymentRollout::scale(int replicas) const
{
    const DeploymentRollout self = *this;
    return KubeOperation::run<RolloutResult>([self, replicas] {
        const QJsonObject patch { { QStringLiteral("spec"),
            QJsonObject { { QStringLiteral("replicas"), replicas } } } };
        const KubeResponse patched = await(self.m_client.patch(self.path(QStringLiteral("scale")),
            QJsonDocument(patch).toJson(QJsonDocument::Compact), "application/merge-patch+json"));
        if (!patched.ok())
            return failed(patched.error);
        RolloutResult result;
        result.object = patched.json();
        result.message = displayName(self.m_name) + QStringLiteral(" scaled");
        return result;
    });
}

} // namespace Shipyard
