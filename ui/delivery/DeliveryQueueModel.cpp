// SPDX-License-Identifier: GPL-2.0-or-later
#include "delivery/DeliveryQueueModel.h"

#include <QLocale>

#include <algorithm>

namespace Shipyard {

namespace {

QString timeText(const QDateTime &time)
{
    return time.isValid() ? QLocale().toString(time.toLocalTime(), QStringLiteral("HH:mm:ss")) : QString();
}

} // namespace

DeliveryQueueModel::DeliveryQueueModel(QObject *parent) : QAbstractListModel(parent)
{ }

void DeliveryQueueModel::watch(const KubeClient &client, const QString &ns)
{
    delete m_watch;
    setEntries({});
    m_error.clear();
    if (!client.isValid())
        return;
    m_watch = new DeliveryQueueWatch(client, ns, this);
    connect(m_watch, &DeliveryQueueWatch::changed, this, [this] { setEntries(m_watch->entries()); });
    connect(m_watch, &DeliveryQueueWatch::synced, this, [this] {
        if (m_error.isEmpty())
            return;
        m_error.clear();
        Q_EMIT summaryChanged();
    });
    connect(m_watch, &DeliveryQueueWatch::errorOccurred, this, [this](const QString &message) {
        m_error = message;
        Q_EMIT errorOccurred(message);
    });
    m_watch->start();
}

void DeliveryQueueModel::clear()
{
    delete m_watch;
    setEntries({});
}

QString DeliveryQueueModel::holder() const
{
    if (!m_entries.isEmpty() && m_entries.first().holder && !m_entries.first().expired)
        return m_entries.first().identity;
    return {};
}

int DeliveryQueueModel::waiting() const
{
    return int(std::count_if(m_entries.cbegin(), m_entries.cend(),
        [](const DeliveryQueueWatch::Entry &entry) { return !entry.holder && !entry.expired; }));
}

QString DeliveryQueueModel::summary() const
{
    const int count = waiting();
    return count == 0 ? tr("Queue: empty") : tr("Queue: %n waiting", nullptr, count);
}

void DeliveryQueueModel::setEntries(const QList<DeliveryQueueWatch::Entry> &wanted)
{
    // A copy: WANTED may be this model's own list.
    const QList<DeliveryQueueWatch::Entry> entries = wanted;
    const QString holderBefore = holder();
    const int waitingBefore = waiting();
    const auto rowOf = [this](const QString &lease, int from) {
        for (int row = from; row < m_entries.size(); ++row) {
            if (m_entries[row].lease == lease)
                return row;
        }
        return -1;
    };
    const auto contains = [&entries](const QString &lease) {
        return std::any_of(entries.cbegin(), entries.cend(),
            [&lease](const DeliveryQueueWatch::Entry &entry) { return entry.lease == lease; });
    };
    // Gone first, from the end, so that the rows left are all still wanted.
    for (int row = int(m_entries.size()) - 1; row >= 0; --row) {
        if (contains(m_entries[row].lease))
            continue;
        int first = row;
        while (first > 0 && !contains(m_entries[first - 1].lease))
            --first;
        beginRemoveRows({}, first, row);
        m_entries.remove(first, row - first + 1);
        endRemoveRows();
        row = first;
    }
    static const QList<int> roles { Qt::DisplayRole, Qt::ToolTipRole, Qt::AccessibleTextRole, IdentityRole, ReasonRole,
        SinceRole, ExpiresRole, HolderRole, ExpiredRole, LeaseRole };
    for (int row = 0; row < entries.size(); ++row) {
        const DeliveryQueueWatch::Entry &entry = entries[row];
        const int found = rowOf(entry.lease, row);
        if (found < 0) {
            beginInsertRows({}, row, row);
            m_entries.insert(row, entry);
            endInsertRows();
            continue;
        }
        if (found != row) {
            // Queue order is fixed at entry, so this is rare (two waiters of one second).
            beginMoveRows({}, found, found, {}, row);
            m_entries.move(found, row);
            endMoveRows();
        }
        QList<int> changed;
        for (int role : roles) {
            if (value(m_entries[row], role) != value(entry, role))
                changed.append(role);
        }
        if (changed.isEmpty())
            continue;
        m_entries[row] = entry;
        Q_EMIT dataChanged(index(row), index(row), changed);
    }
    if (holder() != holderBefore || waiting() != waitingBefore)
        Q_EMIT summaryChanged();
}

int DeliveryQueueModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

QVariant DeliveryQueueModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    return value(m_entries[index.row()], role);
}

QVariant DeliveryQueueModel::value(const DeliveryQueueWatch::Entry &entry, int role)
{
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole: {
        QString text = entry.holder ? tr("%1 holds the lock since %2").arg(entry.identity, timeText(entry.since))
                                    : tr("%1 waits since %2").arg(entry.identity, timeText(entry.since));
        if (!entry.reason.isEmpty())
            text = tr("%1: %2").arg(text, entry.reason);
        if (entry.expired)
            text = tr("%1 (gone: no longer renewed)").arg(text);
        return text;
    }
    case Qt::ToolTipRole: {
        const QString since = entry.holder ? tr("Holds the lock since %1.").arg(timeText(entry.since))
                                           : tr("Waits since %1.").arg(timeText(entry.since));
        const QString expires = entry.expired
            ? tr("Not renewed since %1: its process is gone.").arg(timeText(entry.renewed))
            : tr("Renewed while its process runs; expires at %1 otherwise.").arg(timeText(entry.expires));
        return QStringLiteral("%1\n%2\n%3").arg(entry.identity, since, expires);
    }
    case IdentityRole:
        return entry.identity;
    case ReasonRole:
        return entry.reason;
    case SinceRole:
        return entry.since;
    case ExpiresRole:
        return entry.expires;
    case HolderRole:
        return entry.holder;
    case ExpiredRole:
        return entry.expired;
    case LeaseRole:
        return entry.lease;
    default:
        return {};
    }
}

QHash<int, QByteArray> DeliveryQueueModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(IdentityRole, "identity");
    names.insert(ReasonRole, "reason");
    names.insert(SinceRole, "since");
    names.insert(ExpiresRole, "expires");
    names.insert(HolderRole, "holder");
    names.insert(ExpiredRole, "expired");
    names.insert(LeaseRole, "lease");
    return names;
}

} // namespace Shipyard
