// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "kube/KubeClient.h"

#include <QDateTime>
#include <QFuture>
#include <QJsonObject>

#include <chrono>
#include <memory>

namespace Shipyard {

// A coordination.k8s.io/v1 Lease used as a lock, following client-go's
// leaderelection: create on 404; renew while held; take over only after
// the holder's lease has expired as judged by *local* time since this
// process last saw the record change (clocks of other machines are never
// compared); every write is a PUT of the object read, so its
// resourceVersion makes it optimistic, and a 409 means another contender won.
// Not thread-safe: use one LeaseLock from one thread at a time.
class LeaseLock
{
public:
    enum class Outcome { Acquired, Renewed, HeldByOther, LostRace, Error };
    struct Attempt
    {
        Outcome outcome = Outcome::Error;
        QString holder; // the holder after this attempt
        KubeError error;
        QJsonObject annotations; // the Lease's metadata.annotations as read
        bool held() const { return outcome == Outcome::Acquired || outcome == Outcome::Renewed; }
    };

    LeaseLock(KubeClient client, QString ns, QString name, QString identity,
        std::chrono::seconds leaseDuration = std::chrono::seconds(15));

    // One round of client-go's tryAcquireOrRenew.
    QFuture<Attempt> tryAcquireOrRenew();
    // Renews only a lease this identity still holds: once another (or a
    // forced release) has emptied it, HeldByOther rather than a new takeover.
    QFuture<Attempt> renew();
    // Gives the lease up if held: holder emptied, duration 1 s, so others take it at once.
    QFuture<Attempt> release();
    // Sets one annotation of the Lease (a merge patch, whoever holds it), so
    // that contenders may leave word for the holder. Safe to call from any
    // thread, beside the other members.
    QFuture<KubeError> annotate(const QString &key, const QString &value) const;

    const QString &identity() const { return m_identity; }

private:
    QFuture<Attempt> round(bool renewOnly);
    struct Observed;
    KubeClient m_client;
    QString m_ns;
    QString m_name;
    QString m_identity;
    std::chrono::seconds m_duration;
    std::shared_ptr<Observed> m_observed;
};

} // namespace Shipyard
