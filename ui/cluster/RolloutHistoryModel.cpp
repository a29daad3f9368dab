// SPDX-License-Identifier: GPL-2.0-or-later
#include "cluster/RolloutHistoryModel.h"

#include <QFont>
#include <QJsonArray>

#include <algorithm>

namespace Shipyard {

namespace {

QString imagesOf(const QJsonObject &podTemplate)
{
    QStringList images;
    for (const QJsonValue &container : podTemplate[QLatin1String("spec")][QLatin1String("containers")].toArray())
        images.append(container[QLatin1String("image")].toString());
    return images.join(QStringLiteral(", "));
}

} // namespace

void RolloutHistoryModel::setRevisions(QList<RolloutRevision> oldestFirst)
{
    std::reverse(oldestFirst.begin(), oldestFirst.end());
    const QList<RolloutRevision> &wanted = oldestFirst;
    // Both lists are sorted by revision, descending: one merge pass.
    int row = 0;
    int next = 0;
    while (row < m_revisions.size() || next < wanted.size()) {
        if (next >= wanted.size() || (row < m_revisions.size() && m_revisions[row].revision > wanted[next].revision)) {
            beginRemoveRows({}, row, row);
            m_revisions.removeAt(row);
            endRemoveRows();
        } else if (row >= m_revisions.size() || m_revisions[row].revision < wanted[next].revision) {
            beginInsertRows({}, row, row);
            m_revisions.insert(row, wanted[next]);
            endInsertRows();
            ++row;
            ++next;
        } else {
            RolloutRevision &have = m_revisions[row];
            if (have.changeCause != wanted[next].changeCause || have.replicaSet != wanted[next].replicaSet ||
                have.podTemplate != wanted[next].podTemplate) {
                have = wanted[next];
                Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1), { Qt::DisplayRole });
            }
            ++row;
            ++next;
        }
    }
}

void RolloutHistoryModel::setCurrentRevision(qint64 revision)
{
    if (revision == m_current)
        return;
    m_current = revision;
    if (!m_revisions.isEmpty())
        Q_EMIT dataChanged(
            index(0, 0), index(int(m_revisions.size()) - 1, ColumnCount - 1), { Qt::DisplayRole, Qt::FontRole });
}

qint64 RolloutHistoryModel::revisionAt(int row) const
{
    return row >= 0 && row < m_revisions.size() ? m_revisions[row].revision : 0;
}

int RolloutHistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_revisions.size());
}

int RolloutHistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RolloutHistoryModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_revisions.size())
        return {};
    const RolloutRevision &revision = m_revisions[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case RevisionColumn:
            return revision.revision == m_current ? tr("%1 (current)").arg(revision.revision)
                                                  : QString::number(revision.revision);
        case ImageColumn:
            return imagesOf(revision.podTemplate);
        case ReplicaSetColumn:
            return revision.replicaSet;
        case CauseColumn:
            return revision.changeCause;
        }
        return {};
    case Qt::FontRole:
        if (revision.revision == m_current) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case RevisionRole:
        return revision.revision;
    }
    return {};
}

QVariant RolloutHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case RevisionColumn:
        return tr("Revision");
    case ImageColumn:
        return tr("Image");
    case ReplicaSetColumn:
        return tr("Replica set");
    case CauseColumn:
        return tr("Change cause");
    }
    return {};
}

} // namespace Shipyard
