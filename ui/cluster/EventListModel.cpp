// SPDX-License-Identifier: GPL-2.0-or-later
#include "cluster/EventListModel.h"

#include "kube/KubeError.h"
#include "kube/KubeInformer.h"
#include "kube/KubeResourceType.h"

#include <QBrush>

namespace Shipyard {

EventListModel::EventListModel(QObject *parent) : QAbstractTableModel(parent)
{ }

EventListModel::~EventListModel() = default;

void EventListModel::setObject(const KubeClient &client, const QString &ns, const QString &kind, const QString &name)
{
    // Another object: a new source, so the one reset.
    beginResetModel();
    m_informer.reset();
    m_rows.clear();
    m_error.clear();
    if (client.isValid() && !name.isEmpty()) {
        const KubeResourceType events =
            KubeResourceType::make(QString(), QStringLiteral("v1"), QStringLiteral("events"), QStringLiteral("Event"));
        m_informer = std::make_unique<KubeInformer>(client, events, ns);
        m_informer->setFieldSelector(QStringLiteral("involvedObject.kind=%1,involvedObject.name=%2").arg(kind, name));
        KubeInformer *informer = m_informer.get();
        connect(informer, &KubeInformer::itemsAboutToBeInserted, this,
            [this](int first, int last) { beginInsertRows({}, first, last); });
        connect(informer, &KubeInformer::itemsInserted, this, [this](int first, int last) {
            for (int row = first; row <= last; ++row)
                m_rows.append(extract(row));
            endInsertRows();
        });
        connect(informer, &KubeInformer::itemsAboutToBeRemoved, this,
            [this](int first, int last) { beginRemoveRows({}, first, last); });
        connect(informer, &KubeInformer::itemsRemoved, this, [this](int first, int last) {
            m_rows.remove(first, last - first + 1);
            endRemoveRows();
        });
        connect(informer, &KubeInformer::itemsChanged, this, [this](int first, int last) {
            for (int row = first; row <= last; ++row) {
                Row updated = extract(row);
                if (updated == m_rows[row])
                    continue;
                m_rows[row] = std::move(updated);
                Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1), { Qt::DisplayRole, Qt::ToolTipRole });
            }
        });
        connect(informer, &KubeInformer::synced, this, [this] {
            if (!m_error.isEmpty()) {
                m_error.clear();
                Q_EMIT errorChanged(m_error);
            }
        });
        connect(informer, &KubeInformer::errorOccurred, this, [this](const KubeError &error) {
            m_error = error.message;
            Q_EMIT errorChanged(m_error);
        });
        informer->start();
    }
    endResetModel();
    Q_EMIT errorChanged(m_error);
}

bool EventListModel::hasSynced() const
{
    return m_informer && m_informer->hasSynced();
}

EventListModel::Row EventListModel::extract(int informerRow) const
{
    const QJsonObject event = m_informer->item(informerRow);
    Row row;
    row.type = event.value(QLatin1String("type")).toString();
    row.reason = event.value(QLatin1String("reason")).toString();
    row.message = event.value(QLatin1String("message")).toString().trimmed();
    row.count = event.value(QLatin1String("count")).toInt(1);
    row.source = event.value(QLatin1String("source"))[QLatin1String("component")].toString();
    if (row.source.isEmpty())
        row.source = event.value(QLatin1String("reportingComponent")).toString();
    // Newer reporters fill eventTime only.
    for (const char *field : { "lastTimestamp", "eventTime", "firstTimestamp" }) {
        row.lastSeen = QDateTime::fromString(event.value(QLatin1String(field)).toString(), Qt::ISODateWithMs);
        if (row.lastSeen.isValid())
            break;
    }
    return row;
}

int EventListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int EventListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EventListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &row = m_rows[index.row()];
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case TypeColumn:
            return row.type;
        case ReasonColumn:
            return row.reason;
        case LastSeenColumn: {
            if (!row.lastSeen.isValid())
                return {};
            const qint64 seconds = std::max<qint64>(0, row.lastSeen.secsTo(QDateTime::currentDateTimeUtc()));
            return seconds < 120 ? tr("%1s ago").arg(seconds)
                : seconds < 7200 ? tr("%1m ago").arg(seconds / 60)
                                 : tr("%1h ago").arg(seconds / 3600);
        }
        case CountColumn:
            return row.count;
        case MessageColumn:
            return row.message;
        }
    } else if (role == Qt::ToolTipRole) {
        return tr("%1 (from %2, at %3)").arg(row.message, row.source, row.lastSeen.toString(Qt::ISODate));
    } else if (role == Qt::ForegroundRole && index.column() == TypeColumn && row.type == QLatin1String("Warning")) {
        return QBrush(QColor(0xd0, 0x8a, 0x10));
    }
    return {};
}

QVariant EventListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TypeColumn:
        return tr("Type");
    case ReasonColumn:
        return tr("Reason");
    case LastSeenColumn:
        return tr("Last seen");
    case CountColumn:
        return tr("Count");
    case MessageColumn:
        return tr("Message");
    }
    return {};
}

} // namespace Shipyard
