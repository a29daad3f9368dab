// SPDX-License-Identifier: GPL-2.0-or-later
#include "kube/LeaseLock.h"

#include "kube/KubeOperation.h"
#include "support/FutureWait.h"

#include <QElapsedTimer>
#include <QJsonDocument>

#include <mutex>

namespace Shipyard {

// What this process last saw of the lease, and when (monotonic clock).
struct LeaseLock::Observed
{
    std::mutex mutex;
    QJsonObject spec;
    QElapsedTimer seenAt;
};

namespace {

QString microTime(const QDateTime &time)
{
    // metav1.MicroTime: RFC 3339 with microseconds.
    return time.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz000Z"));
}

} // namespace

LeaseLock::LeaseLock(KubeClient client, QString ns, QString name, QString identity, std::chrono::seconds leaseDuration)
    : m_client(std::move(client))
    , m_ns(std::move(ns))
    , m_name(std::move(name))
    , m_identity(std::move(identity))
    , m_duration(leaseDuration)
    , m_observed(std::make_shared<Observed>())
{ }

QFuture<LeaseLock::Attempt> LeaseLock::tryAcquireOrRenew()
{
    return round(false);
}

QFuture<LeaseLock::Attempt> LeaseLock::renew()
{
    return round(true);
}

QFuture<LeaseLock::Attempt> LeaseLock::round(bool renewOnly)
{
    const KubeClient client = m_client;
    const QString collection = QStringLiteral("/apis/coordination.k8s.io/v1/namespaces/%1/leases").arg(m_ns);
    const QString name = m_name;
    const QString identity = m_identity;
    const qint64 duration = m_duration.count();
    const std::shared_ptr<Observed> observed = m_observed;
    return KubeOperation::run<Attempt>([=] {
        Attempt attempt;
        const QString now = microTime(QDateTime::currentDateTimeUtc());
        const KubeResponse got = await(client.get(collection + QLatin1Char('/') + name));
        if (got.error.isNotFound() && renewOnly) {
            attempt.outcome = Outcome::HeldByOther;
            return attempt;
        }
        if (got.error.isNotFound()) {
            const QJsonObject lease { { QStringLiteral("apiVersion"), QStringLiteral("coordination.k8s.io/v1") },
                { QStringLiteral("kind"), QStringLiteral("Lease") },
                { QStringLiteral("metadata"), QJsonObject { { QStringLiteral("name"), name } } },
                { QStringLiteral("spec"),
                    QJsonObject { { QStringLiteral("holderIdentity"), identity },
                        { QStringLiteral("leaseDurationSeconds"), duration }, { QStringLiteral("acquireTime"), now },
                        { QStringLiteral("renewTime"), now }, { QStringLiteral("leaseTransitions"), 0 } } } };
            const KubeResponse created = await(client.create(collection, lease));
            if (created.error.isConflict()) { // AlreadyExists: someone was faster
                attempt.outcome = Outcome::LostRace;
                return attempt;
            }
            attempt.error = created.error;
            attempt.outcome = created.ok() ? Outcome::Acquired : Outcome::Error;
            attempt.holder = created.ok() ? identity : QString();
            std::lock_guard lock(observed->mutex);
            observed->spec = created.json().value(QLatin1String("spec")).toObject();
            observed->seenAt.start();
            return attempt;
        }
        if (!got.ok()) {
            attempt.error = got.error;
            return attempt;
        }
        QJsonObject lease = got.json();
        attempt.annotations =
            lease.value(QLatin1String("metadata")).toObject().value(QLatin1String("annotations")).toObject();
        QJsonObject spec = lease.value(QLatin1String("spec")).toObject();
        const QString holder = spec.value(QLatin1String("holderIdentity")).toString();
        if (renewOnly && holder != identity) {
            attempt.outcome = Outcome::HeldByOther;
            attempt.holder = holder;
            return attempt;
        }
        {
            std::lock_guard lock(observed->mutex);
            // The expiry clock restarts whenever the record changes, as client-go's observedTime.
            if (!observed->seenAt.isValid() || observed->spec != spec) {
                observed->spec = spec;
                observed->seenAt.start();
            }
            const qint64 heldFor = spec.value(QLatin1String("leaseDurationSeconds")).toInteger(duration);
            if (!holder.isEmpty() && holder != identity && observed->seenAt.elapsed() < heldFor * 1000) {
                attempt.outcome = Outcome::HeldByOther;
                attempt.holder = holder;
                return attempt;
            }
        }
        const bool takeover = holder != identity;
        spec.insert(QStringLiteral("holderIdentity"), identity);
        spec.insert(QStringLiteral("leaseDurationSeconds"), duration);
        spec.insert(QStringLiteral("renewTime"), now);
        if (takeover) {
            spec.insert(QStringLiteral("acquireTime"), now);
            spec.insert(QStringLiteral("leaseTransitions"), spec.value(QLatin1String("leaseTransitions")).toInt() + 1);
        }
        lease.insert(QStringLiteral("spec"), spec);
        // The resourceVersion read above travels with the object: a concurrent writer makes this 409.
        const KubeResponse updated = await(client.replace(collection + QLatin1Char('/') + name, lease));
        if (updated.error.isConflict()) {
            attempt.outcome = Outcome::LostRace;
            attempt.holder = holder;
            return attempt;
        }
        if (!updated.ok()) {
            attempt.error = updated.error;
            return attempt;
        }
        std::lock_guard lock(observed->mutex);
        observed->spec = updated.json().value(QLatin1String("spec")).toObject();
        observed->seenAt.start();
        attempt.outcome = takeover ? Outcome::Acquired : Outcome::Renewed;
        attempt.holder = identity;
        return attempt;
    });
}

QFuture<LeaseLock::Attempt> LeaseLock::release()
{
    const KubeClient client = m_client;
    const QString path = QStringLiteral("/apis/coordination.k8s.io/v1/namespaces/%1/leases/%2").arg(m_ns, m_name);
    const QString identity = m_identity;
    return KubeOperation::run<Attempt>([=] {
        Attempt attempt;
        const KubeResponse got = await(client.get(path));
        if (!got.ok()) {
            attempt.error = got.error;
            return attempt;
        }
        QJsonObject lease = got.json();
        QJsonObject spec = lease.value(QLatin1String("spec")).toObject();
        if (spec.value(QLatin1String("holderIdentity")).toString() != identity) {
            attempt.outcome = Outcome::HeldByOther;
            attempt.holder = spec.value(QLatin1String("holderIdentity")).toString();
            return attempt;
        }
        const QString now = microTime(QDateTime::currentDateTimeUtc());
        spec.insert(QStringLiteral("holderIdentity"), QString());
        spec.insert(QStringLiteral("leaseDurationSeconds"), 1);
        spec.insert(QStringLiteral("renewTime"), now);
        spec.insert(QStringLiteral("acquireTime"), now);
        lease.insert(QStringLiteral("spec"), spec);
        const KubeResponse updated = await(client.replace(path, lease));
        attempt.error = updated.error;
        attempt.outcome =
            updated.ok() ? Outcome::Renewed : (updated.error.isConflict() ? Outcome::LostRace : Outcome::Error);
        return attempt;
    });
}

QFuture<KubeError> LeaseLock::annotate(const QString &key, const QString &value) const
{
    const KubeClient client = m_client;
    const QString path = QStringLiteral("/apis/coordination.k8s.io/v1/namespaces/%1/leases/%2").arg(m_ns, m_name);
    const QByteArray patch =
        QJsonDocument(QJsonObject { { QStringLiteral("metadata"),
                          QJsonObject { { QStringLiteral("annotations"), QJsonObject { { key, value } } } } } })
            .toJson(QJsonDocument::Compact);
    return KubeOperation::run<KubeError>(
        [=] { return await(client.patch(path, patch, QByteArrayLiteral("application/merge-patch+json"))).error; });
}

} // namespace Shipyard
