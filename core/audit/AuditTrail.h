// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "audit/AuditJournal.h"
#include "audit/AuditRecord.h"
#include "kube/ClusterAccess.h"
#include "kube/KubeClient.h"
#include "support/SecretMasker.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <utility>

namespace Shipyard {

// Every audited action, recorded by one call in the two places people look:
// a line in the local journal (AuditJournal) and a Kubernetes Event in the
// namespace the action concerns, so that a teammate on another machine sees
// it with `kubectl get events`. Both say who did it twice: the OS account
// and the name the cluster knows the credentials by (SelfSubjectReview,
// asked once per cluster and user and cached for the process).
//
// Secrets never reach either: the values of secret environment variables,
// the client's own token and password, and whatever follows a word like
// "token" or "Bearer" in free text are masked before anything is written.
//
// record() blocks on the network: call it from a worker thread or the CLI.
class AuditTrail
{
public:
    // The object Events are about: the environment's delivery lock, which
    // every audited action concerns and which `kubectl describe` lists them under.
    static constexpr const char *regardingLease = "shipyard-delivery";

    // CLIENT may be invalid: then only the journal is written.
    explicit AuditTrail(KubeClient client, const QString &journalPath = {});
    // The client of CONTEXT; when there is none, only the journal is written
    // and record() says why.
    AuditTrail(const ClusterAccess &cluster, const QString &context, const QString &journalPath = {});

    // The journal gets them too: it masks what is appended to it directly.
    void addSecret(const QString &value)
    {
        m_masker.addSecret(value);
        m_journal.setMasker(m_masker);
    }
    // Every secret MASKER knows (Ecosystem::secretMasker()).
    void addSecrets(const SecretMasker &masker)
    {
        m_masker.addSecrets(masker);
        m_journal.setMasker(m_masker);
    }
    const AuditJournal &journal() const { return m_journal; }

    // The cluster's name for this client's user; empty (with ERROR) when it
    // cannot be asked. Cached per server and kubeconfig user once known.
    QString kubernetesIdentity(QString *error = nullptr) const;

    struct Outcome
    {
        QString journalError;
        QString eventError;
        QString eventName; // as created by the server
        bool ok() const { return journalError.isEmpty() && eventError.isEmpty(); }
        QString errorMessage() const;
    };
    // Fills the OS user, the Kubernetes identity and the time when empty,
    // masks, journals, and creates the Event in record.namespaceName unless
    // TOCLUSTER is false (a holder that may have lost its lock writes nothing there).
    Outcome record(AuditRecord record, bool toCluster = true) const;

    // "deliver" → ShipyardDeliver, "lock.release" → ShipyardLockRelease
    static QString reasonFor(const QString &action);
    // Warning for failures, cancels, rollbacks and forced actions.
    static QString eventTypeFor(const AuditRecord &record);
    // The Event's message: who, what, where, which release, the result.
    static QString messageFor(const AuditRecord &record);
    // ARGUMENTS for the record, without the values of options naming a secret
    // (--token X, --password=X) nor known secret values.
    QString maskCommandLine(const QStringList &arguments) const;
    // Known secret values and "token=…", "Bearer …" forms hidden.
    QString mask(const QString &text) const;

private:
    AuditTrail(std::pair<KubeClient, QString> clientAndError, const QString &journalPath);
    QJsonObject maskObject(const QJsonObject &object) const;
    QJsonObject eventFor(const AuditRecord &record) const;

    KubeClient m_client;
    QString m_clientError;
    AuditJournal m_journal;
    SecretMasker m_masker;
};

} // namespace Shipyard
