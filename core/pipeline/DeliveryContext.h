// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "audit/AuditTrail.h"
#include "kube/KubeClient.h"
#include "kube/KubeError.h"
#include "model/Ecosystem.h"
#include "monitoring/AlertSelection.h"
#include "monitoring/FiringAlert.h"
#include "notify/Notifier.h"
#include "pipeline/Delivery.h"
#include "pipeline/EnvironmentLock.h"
#include "releases/ReleaseApplier.h"
#include "releases/ReleaseRecord.h"
#include "releases/ReleaseStore.h"
#include "support/SecretMasker.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QProcessEnvironment>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <atomic>
#include <functional>
#include <future>
#include <memory>
#include <optional>

namespace Shipyard {

// What the steps of one run of a Delivery share: the place it delivers to,
// what it knows about each system as it goes, the cluster and the lock once
// the lock step has them, the release being built and what a rollback would
// restore. Its helpers report through the Delivery (its step table, log and
// signals) and the audit trail. Lives in the run's thread for the run only.
class DeliveryContext
{
public:
    // What the run knows about one system as it goes.
    struct Work
    {
        Delivery::Target target;
        System system;
        QString directory; // the system's repository on this machine
        bool isGit = false;
        QString commit; // what is delivered: the branch integrated onto upstream, or upstream
        // The local branch's commit before the update; it moves to COMMIT
        // only once the delivery succeeded (see DeliveryContext::advanceBranches).
        QString branchBefore;
        QString source; // COMMIT's files, exported (sourceDirectory())
        // The merge step: the local upstream as it found it, and what it pushed.
        QString upstreamBefore;
        QString merged;
        QString image;
        QString task;
        QString gateSkipped; // the refusal --skip-gates overrode
        QList<QJsonObject> objects;
        QString manifestSource; // what rendered them (ManifestRenderer::Result::source)
        // The Deployments among OBJECTS that the deploy step did not apply:
        // the canary step runs their new version beside the old one first
        // and updates them once it is promoted. With the replicas each ran
        // when it was held (the old version's pods), by name.
        QList<QJsonObject> heldForCanary;
        QHash<QString, int> runningReplicas;
    };

    DeliveryContext(Delivery &delivery, const Ecosystem &ecosystem, const QString &environment,
        const QList<Delivery::Target> &targets, const Delivery::Options &options, const std::atomic_bool &cancel);
    DeliveryContext(const DeliveryContext &) = delete;
    DeliveryContext &operator=(const DeliveryContext &) = delete;

    // Finds the environment and every target's system and works out the
    // namespace and the tasks; false with ERROR when a name is unknown.
    bool prepare(QString *error);

    const Ecosystem &ecosystem() const { return m_ecosystem; }
    const Environment &environment() const { return *m_environment; }
    const Delivery::Options &options() const { return m_options; }
    const QString &namespaceName() const { return m_ns; }
    // The task whose showroom this is; empty for other environments.
    const QString &showroomTask() const { return m_showroomTask; }
    // user@host, as records, audits and skipped gates name who delivered.
    const QString &who() const { return m_who; }
    // Now, in UTC, or the clock the options give.
    QDateTime now() const;
    QList<Work> &work() { return m_work; }
    const QList<Work> &work() const { return m_work; }
    // The tasks of the delivered branches, each once.
    const QStringList &tasks() const { return m_tasks; }
    // The result as it is being built; Delivery completes and publishes it.
    Delivery::Result &result() { return m_result; }
    qint64 elapsed() const { return m_clock.elapsed(); }

    bool cancelled() const { return m_cancel; }
    // For those who check the flag themselves while they block.
    const std::atomic_bool *cancelFlag() const { return &m_cancel; }

    // The environment's cluster, from the lock step on; the release store with it.
    void setClient(const KubeClient &client);
    const KubeClient &client() const { return m_client; }
    ReleaseStore &store() { return *m_store; }
    // Kept until the run is over, whether it was acquired or not: it leaves
    // its queue entry when it goes.
    EnvironmentLock &setLock(std::unique_ptr<EnvironmentLock> lock);
    // Another holder took over.
    bool lockLost() const { return m_lock && m_lock->isLost(); }
    // Empty when the delivery may change the cluster or push now: no lock
    // yet, or the lock is surely this delivery's. Otherwise why not, after
    // waiting for a renewal at most the rollout timeout (an apiserver that
    // comes back lets the delivery go on; another holder does not).
    QString whyNotWritable() const;
    // whyNotWritable() for ReleaseApplier::setWriteGuard.
    std::function<QString()> writeGuard() const;
    void releaseLock();

    // The release this delivery makes, filled by the deploy step.
    ReleaseRecord &record() { return m_record; }
    // What a rollback restores (see DeployStep).
    ReleaseRecord &rollbackTarget() { return m_rollbackTarget; }
    const ReleaseRecord &rollbackTarget() const { return m_rollbackTarget; }
    // Whether the environment was changed (an object applied, a migration
    // run): from then on a failure is undone.
    bool applied() const { return m_applied; }
    void setApplied() { m_applied = true; }
    // The rollback stopped before it restored anything (a migration's down
    // failed): the release stays in progress, for whoever holds the lock
    // next to finish undoing it, or to refuse until a person decided.
    bool rollbackStopped() const { return m_rollbackStopped; }
    void setRollbackStopped() { m_rollbackStopped = true; }
    // The record's systems as the release applies them, with the
    // Deployments' revisions after their rollouts once known.
    void recordSystems(const QHash<QString, qint64> &revisions);
    // What applies the release's objects: the run's log, cancel flag and write guard.
    ReleaseApplier applier() const;
    // The Deployments among the systems' objects: deployment name → system.
    QHash<QString, QString> deploymentSystems() const;
    // What a ReleaseApplier reports the Deployments' states to.
    std::function<void(const QJsonObject &)> deploymentObserver() const;
    // Writes the record with the steps and the log as they are now.
    KubeError saveRecord();

    void log(const QString &line);
    // log() for those who take a function.
    std::function<void(const QString &)> logger() const;
    void setState(Delivery::Step step, const QString &system, Delivery::State state, const QString &message = {});
    // SYSTEM's canary steps as they stand: shown by the Delivery and kept
    // in the release record.
    void setCanary(const QString &system, const QList<CanaryStepResult> &steps);
    // An audit record in the environment's namespace (in the journal only
    // unless TOCLUSTER); a failure to record is logged.
    void audit(const QString &action, const QString &outcome, const QString &releaseId, const QJsonObject &details,
        bool toCluster = true);
    // The systems, branches and tasks every "deliver" audit record names.
    const QJsonObject &auditDetails() const { return m_auditDetails; }
    void addAuditDetail(const QString &key, const QJsonValue &value) { m_auditDetails.insert(key, value); }
    // Tasks go back to their developers with the failing step and its log:
    // ONLY, or every task of the delivery when ONLY is empty.
    void returnTasks(Delivery::Step step, const QString &reason, const QStringList &only = {});

    // What the build, test and smoke commands of WORK's system see: this
    // process's environment without credentials (CommandEnvironment), and
    // where they run (SHIPYARD_*, KUBECONFIG).
    QProcessEnvironment commandEnvironment(const Work &work);
    // The Delivery's: what every text leaving the run is masked with.
    const SecretMasker &masker() const { return m_delivery.masker(); }
    QString commandDirectory(const Work &work) const;
    // The files of WORK's commit, exported once into a directory of the
    // run's own: builds, tests, smoke commands and manifests read them, never
    // the clone's working tree, which may hold anything. Empty with ERROR
    // when the commit cannot be exported.
    QString sourceDirectory(Work &work, QString *error);
    // The alerts the delivered systems answer for (AlertSelection); empty
    // when the environment watches none, or with ERROR when a matcher does
    // not read once its variables are filled in.
    QList<AlertSelection> alertSelections(QString *error) const;
    // Alerts that fired when a person delivered anyway: the watch after the
    // release does not hold them against it.
    const QList<FiringAlert> &toleratedAlerts() const { return m_toleratedAlerts; }
    void tolerateAlerts(const QList<FiringAlert> &alerts) { m_toleratedAlerts.append(alerts); }
    // Tells the ecosystem's channels about EVENT in this delivery (see
    // Notifier), with MESSAGE; what cannot be sent is a warning in the log.
    // Sent in the background, in order: a chat that hangs must not hold the
    // environment's lock for its timeout while the delivery could go on.
    void notify(NotificationEvent event, const QString &message = {});
    // The delivery's end as RESULT says, told when its start was: a
    // delivery refused before it began (the lock, a freeze) tells nobody.
    // Called after the lock is released; waits for what notify() still
    // sends, so that the end never reaches a channel before the start.
    void notifyEnd(const Delivery::Result &result);
    // After a successful delivery: each delivered local branch follows its
    // integrated commit, unless it is checked out (a developer's working
    // tree is never touched) or moved meanwhile. Failures are only logged.
    void advanceBranches();

private:
    // What EVENT tells, when the ecosystem routes it anywhere.
    std::optional<Notification> notificationOf(NotificationEvent event, const QString &message);

    Delivery &m_delivery;
    const Ecosystem &m_ecosystem;
    const QString &m_environmentName;
    const QList<Delivery::Target> &m_targets;
    const Delivery::Options &m_options;
    const std::atomic_bool &m_cancel;
    QElapsedTimer m_clock;
    QSet<QString> m_toldWithheld; // systems whose withheld variables were logged

    const Environment *m_environment = nullptr;
    QList<Work> m_work;
    QStringList m_tasks;
    QString m_ns;
    QString m_showroomTask;
    QString m_who;
    std::optional<AuditTrail> m_trail;
    QJsonObject m_auditDetails;
    Delivery::Result m_result;

    KubeClient m_client;
    std::unique_ptr<EnvironmentLock> m_lock;
    std::unique_ptr<QTemporaryDir> m_sources;
    std::optional<ReleaseStore> m_store;
    ReleaseRecord m_record;
    ReleaseRecord m_rollbackTarget;
    bool m_applied = false;
    QList<FiringAlert> m_toleratedAlerts;
    bool m_rollbackStopped = false;
    std::unique_ptr<Notifier> m_notifier; // made at the first notification
    bool m_startTold = false;
    // What notify() is still sending; after m_notifier, so that it is
    // waited for before the notifier goes.
    std::future<void> m_sending;
};

} // namespace Shipyard
