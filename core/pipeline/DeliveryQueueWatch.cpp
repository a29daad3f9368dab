// SPDX-License-Identifier: GPL-2.0-or-later
#include "pipeline/DeliveryQueueWatch.h"

#include "kube/KubeInformer.h"
#include "kube/KubeResourceType.h"

#include <algorithm>

namespace Shipyard {

namespace {

const KubeResourceType &leases()
{
    static const KubeResourceType type = KubeResourceType::make(
        QStringLiteral("coordination.k8s.io"), QStringLiteral("v1"), QStringLiteral("leases"), QStringLiteral("Lease"));
    return type;
}

QDateTime expiry(const QDateTime &renewed, int durationSeconds)
{
    return renewed.isValid() ? renewed.addSecs(durationSeconds) : QDateTime();
}

} // namespace

DeliveryQueueWatch::DeliveryQueueWatch(KubeClient client, QString ns, QObject *parent)
    : QObject(parent)
    , m_ns(std::move(ns))
    // The lock's lease carries no label, the queue's do: one watch on the
    // namespace's leases (a handful in an environment's namespace) sees both.
    , m_informer(std::make_unique<KubeInformer>(std::move(client), leases(), m_ns))
{
    connect(m_informer.get(), &KubeInformer::batchApplied, this, &DeliveryQueueWatch::evaluate);
    connect(m_informer.get(), &KubeInformer::synced, this, [this] {
        evaluate();
        if (!m_synced) {
            m_synced = true;
            Q_EMIT synced();
        }
    });
    connect(m_informer.get(), &KubeInformer::errorOccurred, this,
        [this](const KubeError &error) { Q_EMIT errorOccurred(tr("leases in %1: %2").arg(m_ns, error.message)); });
    m_clock.setInterval(1000);
    connect(&m_clock, &QTimer::timeout, this, [this] {
        if (!m_entries.isEmpty())
            evaluate();
    });
}

DeliveryQueueWatch::~DeliveryQueueWatch() = default;

void DeliveryQueueWatch::start()
{
    m_informer->start();
    m_clock.start();
}

QString DeliveryQueueWatch::holder() const
{
    if (!m_entries.isEmpty() && m_entries.first().holder && !m_entries.first().expired)
        return m_entries.first().identity;
    return {};
}

int DeliveryQueueWatch::waiting() const
{
    return int(std::count_if(
        m_entries.cbegin(), m_entries.cend(), [](const Entry &entry) { return !entry.holder && !entry.expired; }));
}

QList<DeliveryQueueWatch::Entry> DeliveryQueueWatch::entriesOf(const EnvironmentLock::Status &status)
{
    QList<Entry> entries;
    if (!status.holder.isEmpty()) {
        entries.append({ QString::fromLatin1(EnvironmentLock::leaseName), true, status.holder, status.reason,
            status.acquired, status.renewed, expiry(status.renewed, status.durationSeconds), status.expired });
    }
    for (const EnvironmentLock::Waiter &waiter : status.queue) {
        entries.append({ waiter.lease, false, waiter.identity, waiter.reason, waiter.since, waiter.renewed,
            expiry(waiter.renewed, waiter.durationSeconds), waiter.expired });
    }
    return entries;
}

void DeliveryQueueWatch::evaluate()
{
    EnvironmentLock::Status status;
    for (int row = 0; row < m_informer->count(); ++row) {
        const QJsonObject lease = m_informer->item(row);
        if (EnvironmentLock::isQueueLease(lease))
            status.queue.append(EnvironmentLock::waiterFromLease(lease));
        else if (lease[QLatin1String("metadata")][QLatin1String("name")].toString() ==
            QLatin1String(EnvironmentLock::leaseName))
            EnvironmentLock::readHolder(lease, &status);
    }
    std::sort(status.queue.begin(), status.queue.end(), &EnvironmentLock::queuedBefore);
    QList<Entry> entries = entriesOf(status);
    if (entries == m_entries)
        return;
    m_entries = std::move(entries);
    Q_EMIT changed();
}

} // namespace Shipyard
