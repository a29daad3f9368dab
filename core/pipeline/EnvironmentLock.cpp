// SPDX-License-Identifier: GPL-2.0-or-later
#include "pipeline/EnvironmentLock.h"

#include "audit/AuditJournal.h"

#include "kube/KubeOperation.h"
#include "model/Labels.h"
#include "support/FutureWait.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSysInfo>
#include <QUrlQuery>

#include <algorithm>

namespace Shipyard {

namespace {

std::mutex &processLocksMutex()
{
    static std::mutex mutex;
    return mutex;
}

QHash<QString, QString> &processLocks()
{
    static QHash<QString, QString> locks;
    return locks;
}

QString leasesPath(const QString &ns)
{
    return QStringLiteral("/apis/coordination.k8s.io/v1/namespaces/%1/leases").arg(ns);
}

QString microTime(const QDateTime &time)
{
    return time.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz000Z"));
}

QDateTime parseTime(const QJsonValue &value)
{
    return QDateTime::fromString(value.toString(), Qt::ISODateWithMs).toUTC();
}

QString timeText(const QDateTime &time)
{
    return time.isValid() ? time.toString(Qt::ISODateWithMs) : QString();
}

bool expiredByWallClock(const QDateTime &renewed, int durationSeconds, int factor)
{
    return !renewed.isValid() || renewed.addSecs(qint64(durationSeconds) * factor) < QDateTime::currentDateTimeUtc();
}

struct QueueEntry
{
    EnvironmentLock::Waiter waiter;
    QString renewTime;
    QJsonObject metadata;
};

// The queue leases of the lock in NS, oldest first.
QList<QueueEntry> listQueue(const KubeClient &client, const QString &ns, KubeError *error)
{
    QList<QueueEntry> entries;
    const KubeResponse listed = await(client.get(leasesPath(ns),
        QUrlQuery { { QStringLiteral("labelSelector"),
            QString(Labels::queue) + QLatin1Char('=') + QString::fromLatin1(EnvironmentLock::leaseName) } }));
    if (!listed.ok()) {
        *error = listed.error;
        return entries;
    }
    for (const QJsonValue &item : listed.json().value(QLatin1String("items")).toArray()) {
        const QJsonObject lease = item.toObject();
        QueueEntry entry;
        entry.metadata = lease.value(QLatin1String("metadata")).toObject();
        entry.waiter = EnvironmentLock::waiterFromLease(lease);
        entry.renewTime = lease[QLatin1String("spec")][QLatin1String("renewTime")].toString();
        entries.append(entry);
    }
    std::sort(entries.begin(), entries.end(),
        [](const QueueEntry &a, const QueueEntry &b) { return EnvironmentLock::queuedBefore(a.waiter, b.waiter); });
    return entries;
}

// A third of the lease: a write sent before the renew deadline (two thirds)
// ends before the lease could have run out.
std::chrono::milliseconds requestTimeoutFor(std::chrono::seconds lease)
{
    return std::max(std::chrono::milliseconds(1000), std::chrono::duration_cast<std::chrono::milliseconds>(lease) / 3);
}

qint64 monotonicMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

} // namespace

EnvironmentLock::EnvironmentLock(KubeClient client, QString ns, QString identity, std::chrono::seconds leaseDuration)
    : m_client(client.withRequestTimeout(requestTimeoutFor(leaseDuration)))
    , m_ns(ns)
    , m_lock(m_client, ns, QString::fromLatin1(leaseName), identity, leaseDuration)
    , m_key((client.isValid() ? client.connection().cluster.server : QString()) + QLatin1Char('/') + ns)
    , m_duration(leaseDuration)
{ }

EnvironmentLock::~EnvironmentLock()
{
    release();
    leaveQueue();
}

QString EnvironmentLock::defaultIdentity()
{
    return QStringLiteral("%1@%2/%3")
        .arg(AuditJournal::currentOsUser(), QSysInfo::machineHostName())
        .arg(QCoreApplication::applicationPid());
}

QString EnvironmentLock::processKey() const
{
    return m_key;
}

bool EnvironmentLock::acquire(
    bool wait, const std::atomic_bool *cancel, QString *error, const std::function<void(const QString &)> &waiting)
{
    const auto fail = [&](const QString &message) {
        leaveQueue();
        if (error)
            *error = message;
        return false;
    };
    // Waiters renew their entry and the first one polls the lock at this pace.
    const auto period = std::min(std::chrono::milliseconds(1000), std::chrono::milliseconds(m_duration) / 3);
    QString lastShown;
    while (true) {
        QString holder;
        {
            std::lock_guard lock(processLocksMutex());
            holder = processLocks().value(m_key);
        }
        QString ahead;
        if (holder.isEmpty()) {
            QString queueError;
            ahead = firstWaiterAhead(&queueError);
            if (!queueError.isEmpty())
                return fail(QStringLiteral("could not read the delivery queue: %1").arg(queueError));
        }
        if (holder.isEmpty() && ahead.isEmpty()) {
            const qint64 asked = monotonicMs();
            const LeaseLock::Attempt attempt = await(m_lock.tryAcquireOrRenew());
            if (attempt.held()) {
                std::lock_guard lock(processLocksMutex());
                if (processLocks().contains(m_key)) {
                    holder = processLocks().value(m_key);
                } else {
                    processLocks().insert(m_key, m_lock.identity());
                    m_renewedAt = asked;
                    m_held = true;
                    m_lost = false;
                    m_stop = false;
                    leaveQueue();
                    publishReason();
                    m_renewer = std::thread([this] { renewLoop(); });
                    return true;
                }
            } else if (attempt.outcome == LeaseLock::Outcome::Error) {
                return fail(QStringLiteral("could not take the delivery lock: %1").arg(attempt.error.message));
            } else {
                holder = attempt.holder;
            }
        }
        if (holder.isEmpty() && !ahead.isEmpty()) {
            // Others wait first; who they wait for is what a waiter is told.
            const KubeResponse got =
                await(m_client.get(leasesPath(m_ns) + QLatin1Char('/') + QString::fromLatin1(leaseName)));
            holder = got.json()[QLatin1String("spec")][QLatin1String("holderIdentity")].toString();
        }
        if (!wait) {
            if (holder.isEmpty() && !ahead.isEmpty())
                return fail(
                    QStringLiteral("another delivery is queued first: %1 is waiting for the environment").arg(ahead));
            return fail(QStringLiteral("another delivery is running: the environment is held by %1").arg(holder));
        }
        QString queueError;
        if (!enterQueue(&queueError))
            return fail(QStringLiteral("could not join the delivery queue: %1").arg(queueError));
        const QString shown = holder.isEmpty() ? QStringLiteral("%1 (queued first)").arg(ahead) : holder;
        if (shown != lastShown && waiting)
            waiting(shown);
        lastShown = shown;
        for (auto slept = std::chrono::milliseconds(0); slept < period; slept += std::chrono::milliseconds(100)) {
            if (cancel && *cancel)
                return fail(QStringLiteral("cancelled while waiting for %1 to finish").arg(shown));
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
    }
}

QString EnvironmentLock::queueLease() const
{
    std::lock_guard lock(m_queueMutex);
    return m_queueLease;
}

bool EnvironmentLock::enterQueue(QString *error)
{
    const QString now = microTime(QDateTime::currentDateTimeUtc());
    QString name = queueLease();
    if (!name.isEmpty()) {
        if (m_queueRenewed.isValid() && m_queueRenewed.elapsed() < std::chrono::milliseconds(m_duration).count() / 3)
            return true;
        const QByteArray patch = QJsonDocument(
            QJsonObject { { QStringLiteral("spec"), QJsonObject { { QStringLiteral("renewTime"), now } } } })
                                     .toJson(QJsonDocument::Compact);
        const KubeResponse renewed =
            await(m_client.patch(leasesPath(m_ns) + QLatin1Char('/') + name, patch, "application/merge-patch+json"));
        if (renewed.ok()) {
            m_queueRenewed.start();
            return true;
        }
        if (!renewed.error.isNotFound()) {
            *error = renewed.error.message;
            return false;
        }
        // Judged dead (this process stalled longer than its lease): back to the end of the queue.
    }
    name = QString::fromLatin1(queuePrefix) +
        QString::number(QRandomGenerator::global()->generate64() & 0xffffffffffULL, 16).rightJustified(10, u'0');
    QJsonObject metadata { { QStringLiteral("name"), name },
        { QStringLiteral("labels"), QJsonObject { { QString(Labels::queue), QString::fromLatin1(leaseName) } } } };
    if (!m_reason.isEmpty())
        metadata.insert(QStringLiteral("annotations"), QJsonObject { { QString(Labels::reason), m_reason } });
    const QJsonObject lease { { QStringLiteral("apiVersion"), QStringLiteral("coordination.k8s.io/v1") },
        { QStringLiteral("kind"), QStringLiteral("Lease") }, { QStringLiteral("metadata"), metadata },
        { QStringLiteral("spec"),
            QJsonObject { { QStringLiteral("holderIdentity"), m_lock.identity() },
                { QStringLiteral("leaseDurationSeconds"), qint64(m_duration.count()) },
                { QStringLiteral("acquireTime"), now }, { QStringLiteral("renewTime"), now } } } };
    const KubeResponse created = await(m_client.create(leasesPath(m_ns), lease));
    if (!created.ok()) {
        *error = created.error.message;
        return false;
    }
    m_queueRenewed.start();
    std::lock_guard lock(m_queueMutex);
    m_queueLease = name;
    return true;
}

void EnvironmentLock::leaveQueue()
{
    QString name;
    {
        std::lock_guard lock(m_queueMutex);
        name.swap(m_queueLease);
    }
    if (!name.isEmpty())
        await(m_client.remove(leasesPath(m_ns) + QLatin1Char('/') + name));
}

QString EnvironmentLock::firstWaiterAhead(QString *error)
{
    KubeError listError;
    const QList<QueueEntry> entries = listQueue(m_client, m_ns, &listError);
    if (listError.isError()) {
        *error = listError.message;
        return {};
    }
    const QString mine = queueLease();
    QHash<QString, Seen> seen;
    QString first;
    for (const QueueEntry &entry : entries) {
        const QString &name = entry.waiter.lease;
        if (name == mine)
            break;
        Seen observed = m_seen.value(name);
        if (!observed.since.isValid() || observed.renewTime != entry.renewTime) {
            observed.renewTime = entry.renewTime;
            observed.since.start();
        }
        seen.insert(name, observed);
        const qint64 durationMs = qint64(std::max(entry.waiter.durationSeconds, 1)) * 1000;
        if (observed.since.elapsed() > durationMs || entry.waiter.expired) {
            // Its process is gone: the entry goes, with the precondition that it is still the one seen.
            KubeRequest request;
            request.method = "DELETE";
            request.path = leasesPath(m_ns) + QLatin1Char('/') + name;
            request.body = QJsonDocument(QJsonObject { { QStringLiteral("preconditions"),
                                             QJsonObject { { QStringLiteral("resourceVersion"),
                                                 entry.metadata.value(QLatin1String("resourceVersion")) } } } })
                               .toJson(QJsonDocument::Compact);
            await(m_client.send(request));
            seen.remove(name);
            continue;
        }
        if (first.isEmpty())
            first = entry.waiter.identity.isEmpty() ? name : entry.waiter.identity;
    }
    // Entries after this one's are neither judged nor removed here: their
    // own predecessors see them, and they wait anyway.
    m_seen = seen;
    return first;
}

void EnvironmentLock::publishReason()
{
    // The lease object is shared with the next holders: always overwrite (or clear) the reason.
    const QJsonValue reason = m_reason.isEmpty() ? QJsonValue() : QJsonValue(m_reason);
    QJsonObject annotations { { QString(Labels::reason), reason } };
    // Which environment is guarded stays for those who come after, holder or not.
    if (!m_environment.isEmpty()) {
        annotations.insert(QString(Labels::environment), m_environment);
        annotations.insert(
            QString(Labels::protectedEnvironment), m_protected ? QStringLiteral("true") : QStringLiteral("false"));
    }
    const QByteArray patch = QJsonDocument(
        QJsonObject { { QStringLiteral("metadata"), QJsonObject { { QStringLiteral("annotations"), annotations } } } })
                                 .toJson(QJsonDocument::Compact);
    await(m_client.patch(
        leasesPath(m_ns) + QLatin1Char('/') + QString::fromLatin1(leaseName), patch, "application/merge-patch+json"));
}

EnvironmentLock::Status EnvironmentLock::read(const KubeClient &client, const QString &ns)
{
    Status status;
    const KubeResponse got = await(client.get(leasesPath(ns) + QLatin1Char('/') + QString::fromLatin1(leaseName)));
    if (!got.ok() && !got.error.isNotFound()) {
        status.error = got.error;
        return status;
    }
    if (got.ok())
        readHolder(got.json(), &status);
    for (const QueueEntry &entry : listQueue(client, ns, &status.error))
        status.queue.append(entry.waiter);
    return status;
}

EnvironmentLock::Guarded EnvironmentLock::guardedBy(const KubeClient &client, const QString &ns)
{
    Guarded guarded;
    const KubeResponse got = await(client.get(leasesPath(ns) + QLatin1Char('/') + QString::fromLatin1(leaseName)));
    if (!got.ok()) {
        if (!got.error.isNotFound())
            guarded.error = got.error;
        return guarded;
    }
    const QJsonObject annotations = got.json()[QLatin1String("metadata")][QLatin1String("annotations")].toObject();
    guarded.exists = true;
    guarded.environment = annotations.value(Labels::environment).toString();
    guarded.isProtected = annotations.value(Labels::protectedEnvironment).toString() == QLatin1String("true");
    return guarded;
}

bool EnvironmentLock::isQueueLease(const QJsonObject &lease)
{
    const QJsonObject metadata = lease.value(QLatin1String("metadata")).toObject();
    return metadata.value(QLatin1String("name")).toString().startsWith(QLatin1String(queuePrefix)) &&
        metadata[QLatin1String("labels")][Labels::queue].toString() == QLatin1String(leaseName);
}

EnvironmentLock::Waiter EnvironmentLock::waiterFromLease(const QJsonObject &lease)
{
    const QJsonObject metadata = lease.value(QLatin1String("metadata")).toObject();
    const QJsonObject spec = lease.value(QLatin1String("spec")).toObject();
    Waiter waiter;
    waiter.lease = metadata.value(QLatin1String("name")).toString();
    waiter.identity = spec.value(QLatin1String("holderIdentity")).toString();
    waiter.reason = metadata[QLatin1String("annotations")][Labels::reason].toString();
    waiter.since = parseTime(metadata.value(QLatin1String("creationTimestamp")));
    waiter.renewed = parseTime(spec.value(QLatin1String("renewTime")));
    waiter.entered = parseTime(spec.value(QLatin1String("acquireTime")));
    waiter.durationSeconds = spec.value(QLatin1String("leaseDurationSeconds")).toInt();
    waiter.expired = expiredByWallClock(waiter.renewed, waiter.durationSeconds, 2);
    return waiter;
}

void EnvironmentLock::readHolder(const QJsonObject &lease, Status *status)
{
    const QJsonObject spec = lease.value(QLatin1String("spec")).toObject();
    status->holder = spec.value(QLatin1String("holderIdentity")).toString();
    status->acquired = parseTime(spec.value(QLatin1String("acquireTime")));
    status->renewed = parseTime(spec.value(QLatin1String("renewTime")));
    status->durationSeconds = spec.value(QLatin1String("leaseDurationSeconds")).toInt();
    status->transitions = spec.value(QLatin1String("leaseTransitions")).toInt();
    status->expired = !status->holder.isEmpty() && expiredByWallClock(status->renewed, status->durationSeconds, 1);
    status->reason = status->holder.isEmpty()
        ? QString()
        : lease[QLatin1String("metadata")][QLatin1String("annotations")][Labels::reason].toString();
}

bool EnvironmentLock::queuedBefore(const Waiter &a, const Waiter &b)
{
    if (a.since != b.since)
        return a.since < b.since;
    if (a.entered != b.entered)
        return a.entered < b.entered;
    return a.lease < b.lease;
}

KubeError EnvironmentLock::forceRelease(const KubeClient &client, const QString &ns, QString *previous)
{
    const QString path = leasesPath(ns) + QLatin1Char('/') + QString::fromLatin1(leaseName);
    const KubeResponse got = await(client.get(path));
    if (!got.ok())
        return got.error;
    QJsonObject lease = got.json();
    QJsonObject spec = lease.value(QLatin1String("spec")).toObject();
    const QString holder = spec.value(QLatin1String("holderIdentity")).toString();
    if (previous)
        *previous = holder;
    if (holder.isEmpty())
        return {};
    const QString now = microTime(QDateTime::currentDateTimeUtc());
    spec.insert(QStringLiteral("holderIdentity"), QString());
    spec.insert(QStringLiteral("leaseDurationSeconds"), 1);
    spec.insert(QStringLiteral("renewTime"), now);
    spec.insert(QStringLiteral("acquireTime"), now);
    lease.insert(QStringLiteral("spec"), spec);
    // The resourceVersion read above makes this fail (409) if the holder renewed in between: try again.
    return await(client.replace(path, lease)).error;
}

QJsonObject EnvironmentLock::Waiter::toJson() const
{
    return QJsonObject { { QStringLiteral("lease"), lease }, { QStringLiteral("identity"), identity },
        { QStringLiteral("reason"), reason }, { QStringLiteral("since"), timeText(since) },
        { QStringLiteral("renewed"), timeText(renewed) }, { QStringLiteral("leaseDurationSeconds"), durationSeconds },
        { QStringLiteral("expired"), expired } };
}

QJsonObject EnvironmentLock::Status::toJson() const
{
    QJsonArray waiters;
    for (const Waiter &waiter : queue)
        waiters.append(waiter.toJson());
    return QJsonObject { { QStringLiteral("held"), isHeld() }, { QStringLiteral("holder"), holder },
        { QStringLiteral("reason"), reason }, { QStringLiteral("acquired"), timeText(acquired) },
        { QStringLiteral("renewed"), timeText(renewed) }, { QStringLiteral("leaseDurationSeconds"), durationSeconds },
        { QStringLiteral("transitions"), transitions }, { QStringLiteral("expired"), expired },
        { QStringLiteral("queue"), waiters } };
}

void EnvironmentLock::renewLoop()
{
    // client-go renews well before the lease runs out (a third of it), and
    // retries a failed renewal sooner (its retry period, 2 s of 15 s).
    const auto period = std::chrono::milliseconds(m_duration) / 3;
    const auto retry = std::max(std::chrono::milliseconds(200), std::chrono::milliseconds(m_duration) / 7);
    bool failed = false;
    std::unique_lock lock(m_mutex);
    while (!m_stop && !m_lost) {
        if (m_wake.wait_for(lock, failed ? retry : period, [this] { return m_stop || m_renewNow; }) && m_stop)
            break;
        m_renewNow = false;
        lock.unlock();
        const qint64 asked = monotonicMs();
        const LeaseLock::Attempt attempt = await(m_lock.renew());
        lock.lock();
        failed = !attempt.held();
        if (attempt.held())
            m_renewedAt = asked;
        else if (attempt.outcome == LeaseLock::Outcome::HeldByOther || attempt.outcome == LeaseLock::Outcome::LostRace)
            m_lost = true;
        m_wake.notify_all();
    }
}

std::chrono::milliseconds EnvironmentLock::renewDeadline() const
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(m_duration) * 2 / 3;
}

bool EnvironmentLock::mayWrite() const
{
    return m_held && !m_lost && monotonicMs() - m_renewedAt < renewDeadline().count();
}

QString EnvironmentLock::whyNotWritable() const
{
    if (!m_held)
        return QStringLiteral("the delivery lock is not held");
    if (m_lost)
        return QStringLiteral("the delivery lock was lost: another delivery took it");
    const qint64 since = monotonicMs() - m_renewedAt;
    if (since >= renewDeadline().count())
        return QStringLiteral("the delivery lock was last renewed %1 s ago; it may have expired").arg(since / 1000);
    return {};
}

bool EnvironmentLock::waitUntilWritable(std::chrono::milliseconds patience, const std::atomic_bool *cancel)
{
    const qint64 until = monotonicMs() + patience.count();
    std::unique_lock lock(m_mutex);
    while (!mayWrite()) {
        if (!m_held || m_lost || m_stop || (cancel && *cancel) || monotonicMs() >= until)
            return false;
        m_renewNow = true;
        m_wake.notify_all();
        m_wake.wait_for(lock, std::chrono::milliseconds(100));
    }
    return true;
}

void EnvironmentLock::release()
{
    if (!m_held)
        return;
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    if (m_renewer.joinable())
        m_renewer.join();
    await(m_lock.release());
    {
        std::lock_guard lock(processLocksMutex());
        processLocks().remove(m_key);
    }
    m_held = false;
}

} // namespace Shipyard
