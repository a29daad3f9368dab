// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "kube/ClusterAccess.h"
#include "kube/KubeClient.h"
#include "live/ShowroomInfo.h"
#include "model/Ecosystem.h"
#include "model/NotificationSettings.h"
#include "pipeline/Delivery.h"
#include "pipeline/ShowroomSleep.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <optional>

namespace Shipyard {

// Showrooms: one namespace per tracker task in an environment of kind
// showroom, holding the whole ecosystem with the task's branches, for QA.
//
// A showroom namespace carries what the sweep needs to judge it, so that
// nothing but the cluster remembers showrooms:
//   labels       shipyard.dev/showroom=true, shipyard.dev/task=KEY,
//                shipyard.dev/environment=ENV (two showroom environments may share a cluster)
//   annotations  shipyard.dev/creator=user@host, shipyard.dev/expires-at=ISO-8601 UTC
//
// Every call blocks (cluster, git, tracker, the delivery itself): call from
// a worker thread, shipyardctl or the robot, never from a UI thread.
class ShowroomManager
{
public:
    using Progress = std::function<void(const QString &line)>;

    struct UpOptions
    {
        QString creator; // empty: user@host
        std::optional<std::chrono::seconds> ttl; // default: the environment's
        QMap<QString, QString> images; // system → image delivered as given instead of built
        bool runTests = true;
        bool waitForLock = true;
        // Called from the delivery's thread after every step change (and once
        // before it starts, and once when it ends) with the whole step table,
        // for a window's pipeline model to follow the delivery `up` runs.
        std::function<void(const QList<Delivery::StepState> &steps)> steps;
        // Set by someone else to stop the delivery at its next check, as its
        // Cancel does: what was applied is rolled back.
        const std::atomic_bool *cancel = nullptr;
    };

    struct UpResult
    {
        QString namespaceName;
        bool created = false; // false: an existing showroom was updated
        QDateTime expiresAt;
        QList<Delivery::Target> targets;
        QString error; // before the delivery (namespace, repositories)
        Fault fault = Fault::Environment; // whose ERROR is: only a task without a branch is the task's
        std::optional<Delivery::Result> delivery;
        bool succeeded() const { return error.isEmpty() && delivery && delivery->succeeded(); }
    };

    struct DownResult
    {
        QString namespaceName;
        QString error;
        // The person stopped waiting while the namespace terminated; not an
        // error: Kubernetes goes on deleting it.
        bool stoppedWaiting = false;
        bool succeeded() const { return error.isEmpty(); }
    };

    // pin, unpin, sleep, wake: what changed, or why nothing did.
    struct ChangeResult
    {
        QString namespaceName;
        QStringList changes;
        QString error;
        bool succeeded() const { return error.isEmpty(); }
    };

    struct SweepEntry
    {
        ShowroomInfo showroom;
        QStringList reasons; // why it goes: "expired at …", "SHOP-1 is Closed", "…merged…"
        bool removed = false; // false in a dry run or when the deletion failed
        QString error;
    };

    struct SweepResult
    {
        QList<SweepEntry> removed; // the showrooms that went (or would go, in a dry run)
        // Kept, but idle for the environment's sleepAfter: put to sleep (or would be).
        QList<SweepEntry> slept;
        QList<ShowroomInfo> kept;
        QStringList warnings; // checks that could not be made (tracker unreachable, …)
        QString error; // the showrooms could not be listed
        bool succeeded() const;
    };

    // environmentName: a showroom environment of the ecosystem; empty: its only one.
    ShowroomManager(const Ecosystem &ecosystem, const QString &environmentName, const ClusterAccess &cluster);

    // Empty when the manager can work; otherwise why not (no such environment, no client).
    QString error() const { return m_error; }
    // Where up, down and sweep are journaled; default AuditJournal::defaultPath().
    void setAuditJournal(const QString &path) { m_auditJournal = path; }
    const Environment *environment() const;
    QString namespaceFor(const QString &task) const;

    // What `up` delivers: for each system of the environment, the local
    // branch naming the task when its repository has one, else its upstream.
    QList<Delivery::Target> targetsFor(
        const QString &task, const QMap<QString, QString> &images = {}, QString *error = nullptr) const;

    UpResult up(const QString &task, const UpOptions &options, const Progress &progress = {}) const;
    // STOPWAITING, when set, ends the wait for the namespace to be gone.
    DownResult down(const QString &task, const Progress &progress = {},
        std::shared_ptr<const std::atomic_bool> stopWaiting = {}) const;
    QList<ShowroomInfo> list(QString *error = nullptr) const;
    SweepResult sweep(const QDateTime &now, bool dryRun, const Progress &progress = {}) const;
    // A pinned showroom outlives its expiry (the sweep keeps it) until it
    // is unpinned; its task being done still removes it. WHY is shown and audited.
    ChangeResult pin(const QString &task, const QString &why) const;
    ChangeResult unpin(const QString &task) const;
    // Scales the showroom's Deployments to zero, and back (see ShowroomSleep).
    // Bringing a sleeping showroom up wakes it first.
    ChangeResult sleep(const QString &task, const QDateTime &now, const Progress &progress = {}) const;
    ChangeResult wake(const QString &task, const Progress &progress = {}) const;

    // Why a showroom's task has no work left in git: every branch naming it
    // is merged into its system's upstream, or no branch names it any more.
    // Empty when some branch still holds unmerged work.
    QString orphanReason(const QString &task) const;
    // Whether SHOWROOM's time is nearly up at NOW: less than the ecosystem's
    // notifications.expiringBefore of it left (a share of its time to live,
    // from its last delivery, or a duration), not yet expired.
    bool isExpiring(const ShowroomInfo &showroom, const QDateTime &now) const;

private:
    // Long enough for a namespace full of deployments; NamespaceDeletion
    // reports progress meanwhile.
    static constexpr std::chrono::seconds deletionTimeout { 300 };

    DownResult remove(
        const QString &ns, const Progress &progress, std::shared_ptr<const std::atomic_bool> stopWaiting = {}) const;
    // The showroom of TASK as the cluster has it; ERROR says why there is none.
    std::optional<ShowroomInfo> find(const QString &task, QString *error) const;
    // Sleeps or wakes TASK's showroom with CHANGE, audited as ACTION.
    ChangeResult changeSleep(const QString &task, const QString &action,
        const std::function<ShowroomSleep::Result(const ShowroomSleep &)> &change) const;
    // user@host: who pins, creates, …
    static QString currentPerson();
    ChangeResult annotate(const QString &task, const QString &action, const QJsonObject &annotations,
        const QString &change, const QJsonObject &details) const;
    void audit(const QString &action, const QString &ns, const QString &result, const QJsonObject &details) const;
    // Tells the environment's channels about EVENT for TASK's showroom NS
    // (see Notifier); the warnings of what could not be sent.
    QStringList notify(NotificationEvent event, const QString &task, const QString &ns, const QString &who,
        const QStringList &systems, const QString &message) const;
    // showroom.up for RESULT, a showroom of TASK that came up: which systems
    // run what, and until when.
    QStringList notifyUp(
        const UpResult &result, const QString &task, const QString &creator, const QDateTime &expiresAt) const;
    // showroom.expiring for SHOWROOM when its time is nearly up (the
    // ecosystem's notifications.expiringBefore), once per expiry: told,
    // it is remembered on the namespace. Warnings into WARNINGS.
    void warnOfExpiry(
        const ShowroomInfo &showroom, const QDateTime &now, QStringList &warnings, const Progress &progress) const;

    Ecosystem m_ecosystem;
    QString m_environment;
    ClusterAccess m_cluster;
    QString m_auditJournal;
    KubeClient m_client;
    QString m_error;
};

} // namespace Shipyard
