// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "kube/KubeClient.h"
#include "releases/ReleaseRecord.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <atomic>
#include <chrono>
#include <functional>

namespace Shipyard {

// Puts objects into a namespace and waits for their rollouts; shared by
// deliveries and rollbacks so that both restore and apply the same way.
// Calls block: use them from a worker thread.
class ReleaseApplier
{
public:
    ReleaseApplier(KubeClient client, QString ns);

    void setLog(std::function<void(const QString &)> log) { m_log = std::move(log); }
    // Waits stop early once the flag is true; it must outlive the applier.
    void setCancelFlag(const std::atomic_bool *flag) { m_cancel = flag; }
    // Every state of a Deployment read while waiting for rollouts, from pool
    // threads (several at once when several deployments roll out).
    void setDeploymentObserver(std::function<void(const QJsonObject &)> observer) { m_observer = std::move(observer); }

    // Asked before every change to the namespace: an empty answer lets it
    // go; anything else is why it may not (a lock holder that may have lost
    // its lock must not write), and the change fails with that reason, the
    // cluster untouched. A restore stops at the first refusal.
    void setWriteGuard(std::function<QString()> guard) { m_guard = std::move(guard); }

    // Server-side apply as the field manager "shipyard", taking over fields
    // others own: what a delivery says is what runs. Empty or the reason.
    // UNREACHABLE, when given, says whether the cluster could not be reached;
    // ERROR, when given, is the server's answer (or the guard's refusal,
    // as Kind::Cancelled).
    QString apply(const QJsonObject &object, bool *unreachable = nullptr, KubeError *error = nullptr) const;
    QString remove(const QJsonObject &object, bool *unreachable = nullptr) const;
    // What apply() would make of OBJECT, worked out by the server (dryRun=All,
    // the same field manager and force): its defaults and admission, nothing
    // stored. Empty with ERROR ("deployment/catalog: …") on a refusal.
    QJsonObject dryRun(const QJsonObject &object, QString *error) const;

    struct RolloutOutcome
    {
        QString error; // the first failure, for people
        KubeError::Kind errorKind = KubeError::Kind::None; // Network: the cluster, not the rollout, failed
        QString failedObject; // "deployment/catalog"
        bool cancelled = false;
        QHash<QString, qint64> revisions; // deployment name → revision
        bool ok() const { return error.isEmpty() && !cancelled; }
    };
    // Waits, concurrently, for the rollout of every Deployment among OBJECTS.
    // A restore passes WHOLETIMEOUT: it does its best until TIMEOUT rather
    // than give up on a progress deadline, which after an outage the
    // controller may mark before the restored rollout could progress.
    RolloutOutcome waitForRollouts(
        const QList<QJsonObject> &objects, std::chrono::seconds timeout, bool wholeTimeout = false) const;

    // The objects of MANIFESTS as they are in the namespace now, server
    // fields removed, ready to be applied again; missing ones are left out.
    QJsonArray capture(const QList<QJsonObject> &manifests, QString *error) const;

    // Puts TARGET's objects for SYSTEMS back, deletes what CURRENT holds that
    // TARGET lacks (a system TARGET did not have goes away) and waits for the
    // rollouts. Empty on success, else the reason. An unreachable cluster is
    // retried for up to TIMEOUT: leaving a failed release running because the
    // apiserver blinked is the worst outcome, and applying is idempotent.
    // A TARGET whose Secrets lack their values (ReleaseSecrets) is refused
    // before anything is changed. The canaries of SYSTEMS go first (see
    // removeCanaries()): whatever a rollback restores, no new version keeps
    // serving beside it.
    QString restore(const ReleaseRecord &target, const QStringList &systems,
        const QHash<QString, QList<QJsonObject>> &current, std::chrono::seconds timeout,
        QHash<QString, qint64> *revisions = nullptr) const;

    // Deletes the canary Deployments of SYSTEMS in the namespace (see
    // CanaryDeployment), whichever delivery left them. Empty or the reason.
    QString removeCanaries(const QStringList &systems, bool *unreachable = nullptr) const;

    static QString describe(const QJsonObject &object); // "deployment/catalog"
    // OBJECT as apply() and dryRun() send it: a Secret's stringData folded
    // into its data. Server-side apply would own the stringData keys, which
    // the server turns into data keys nobody owns: a key left out of a later
    // release, or of the release a rollback restores, would stay for ever
    // (kubernetes#108008). Owned as data, it goes away.
    static QJsonObject normalized(const QJsonObject &object);

private:
    QFuture<KubeResponse> send(const QJsonObject &object, bool dryRun) const;
    void log(const QString &line) const
    {
        if (m_log)
            m_log(line);
    }

    KubeClient m_client;
    QString m_ns;
    std::function<void(const QString &)> m_log;
    std::function<void(const QJsonObject &)> m_observer;
    const std::atomic_bool *m_cancel = nullptr;
    std::function<QString()> m_guard;
    // When this applier first changed the namespace (the attempt that
    // succeeded): older rollout failures are the previous release's.
    mutable QDateTime m_firstApply;
};

} // namespace Shipyard
