// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "kube/KubeClient.h"
#include "kube/KubeError.h"
#include "kube/KubeResourceType.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace Shipyard {

// Every verb and resource a delivery or a rollback is about to use in one
// namespace, asked of the server (one SelfSubjectAccessReview each, all at
// once) before it uses any of them. A permission found missing halfway
// would leave the environment half changed and its rollback perhaps
// impossible; found missing up front, it changes nothing, and the refusal
// names everything that is missing, so that one request to an
// administrator is enough.
//
// check() blocks: call it from a worker thread or a command-line tool.
class WritePermissions
{
public:
    WritePermissions(KubeClient client, QString ns);

    // VERB on TYPE's resource (or its SUBRESOURCE: "scale"); each pair is
    // asked once, in the order added.
    void add(const QString &verb, const KubeResourceType &type, const QString &subresource = {});
    // The environment's lock and its queue (EnvironmentLock, LeaseLock):
    // the Lease is read, created, replaced when taken or renewed, patched
    // with its reason and a queue entry's renewal, listed for the queue, and
    // dead queue entries deleted.
    void addLock();
    // Release records (ReleaseStore): ConfigMaps read, listed, written by
    // server-side apply (create and patch) and pruned (delete); with
    // WITHSECRETS the same for the Secrets beside them that keep the values
    // of a release's Secrets (ReleaseSecrets).
    void addReleaseRecords(bool withSecrets);
    // The Events audit records become (AuditTrail).
    void addEvents();
    // Migration Jobs (MigrationJob): created and read, their pods listed
    // and their logs read.
    void addMigrations();
    // Server-side apply of OBJECTS: get (the state captured before a first
    // delivery), create (an object that does not exist yet) and patch, on
    // each one's resource as ReleaseApplier writes it; list and watch too
    // for Deployments, whose rollouts are watched.
    void addApplied(const QList<QJsonObject> &objects);
    // Deleting OBJECTS, as a rollback removes what a release added.
    void addRemoved(const QList<QJsonObject> &objects);

    // Empty when everything added is allowed. Otherwise why not, naming all
    // that is missing: "production-developer may not create/patch
    // deployments.apps, create configmaps in shipyard-production". An answer
    // the server could not give is a refusal too: ERROR, when given, gets it.
    QString check(KubeError *error = nullptr) const;

    // "create/patch deployments.apps" for each entry, in order; for messages and tests.
    QStringList asked() const;

private:
    struct Entry
    {
        KubeResourceType type;
        QString subresource;
        QStringList verbs;
        // "deployments.apps/scale", as AccessReview and people name it
        QString resourceName() const;
        // "create/patch deployments.apps" for SOMEVERBS of it, "(cluster-wide)" when it is
        QString describe(const QStringList &someVerbs) const;
    };
    KubeClient m_client;
    QString m_ns;
    QList<Entry> m_entries;
};

} // namespace Shipyard
