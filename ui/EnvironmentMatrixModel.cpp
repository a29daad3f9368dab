// SPDX-License-Identifier: GPL-2.0-or-later
#include "EnvironmentMatrixModel.h"

#include <QBrush>
#include <QGuiApplication>
#include <QPalette>

namespace Shipyard {

void EnvironmentMatrixModel::setEcosystem(const Ecosystem &ecosystem)
{
    // Opening another ecosystem changes every row and column.
    beginResetModel();
    m_ecosystem = ecosystem;
    endResetModel();
}

int EnvironmentMatrixModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_ecosystem.systems.size());
}

int EnvironmentMatrixModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_ecosystem.environments.size());
}

bool EnvironmentMatrixModel::isDelivered(const System &system, const Environment &environment) const
{
    return environment.systems.isEmpty() || environment.systems.contains(system.name);
}

QVariant EnvironmentMatrixModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const System &system = m_ecosystem.systems.at(index.row());
    const Environment &environment = m_ecosystem.environments.at(index.column());
    const bool delivered = isDelivered(system, environment);
    const QString ns = environment.kind == EnvironmentKind::Showroom
        ? environment.namespacePattern
        : environment.namespaceName;

    switch (role) {
    case Qt::DisplayRole:
        if (!delivered)
            return tr("not delivered here");
        return tr("%1\nno live data yet").arg(ns);
    case Qt::ToolTipRole:
        if (!delivered)
            return tr("The environment '%1' does not run %2.").arg(environment.name, system.name);
        return tr("%1 in namespace %2 of context %3.\nThe live state (image, health, age) appears once the cluster "
                  "connection reports it.")
            .arg(system.name, ns, environment.context);
    case Qt::ForegroundRole:
        return QBrush(QGuiApplication::palette().color(QPalette::PlaceholderText));
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::AlignCenter);
    case SystemNameRole:
        return system.name;
    case EnvironmentNameRole:
        return environment.name;
    case DeliveredRole:
        return delivered;
    case NamespaceRole:
        return ns;
    case ContextRole:
        return environment.context;
    default:
        return {};
    }
}

QVariant EnvironmentMatrixModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal) {
        if (section < 0 || section >= m_ecosystem.environments.size())
            return {};
        const Environment &environment = m_ecosystem.environments.at(section);
        switch (role) {
        case Qt::DisplayRole: {
            const QString kind = keyword(environment.kind);
            const QString detail = environment.name == kind ? tr("context %1").arg(environment.context)
                                                            : tr("%1 · context %2").arg(kind, environment.context);
            return QStringLiteral("%1\n%2").arg(environment.name, detail);
        }
        case Qt::ToolTipRole:
            return environment.isProtected ? tr("%1 is protected: actions ask you to type its name.").arg(environment.name)
                                           : QVariant();
        default:
            return {};
        }
    }
    if (section < 0 || section >= m_ecosystem.systems.size())
        return {};
    const System &system = m_ecosystem.systems.at(section);
    switch (role) {
    case Qt::DisplayRole:
        return QStringLiteral("%1\n%2").arg(system.name, keyword(system.kind));
    case Qt::ToolTipRole:
        return system.description.isEmpty() ? system.repository : system.description;
    default:
        return {};
    }
}

} // namespace Shipyard
