// SPDX-License-Identifier: GPL-2.0-or-later
#include "EnvironmentMatrixModel.h"

#include "live/EnvironmentMonitor.h"
#include "live/EnvironmentWatch.h"

#include <QBrush>
#include <QGuiApplication>
#include <QLocale>
#include <QPalette>

namespace Shipyard {

void EnvironmentMatrixModel::setEcosystem(const Ecosystem &ecosystem)
{
    // Opening another ecosystem changes every row and column.
    beginResetModel();
    m_ecosystem = ecosystem;
    endResetModel();
}

void EnvironmentMatrixModel::setMonitor(EnvironmentMonitor *monitor)
{
    if (m_monitor)
        disconnect(m_monitor, nullptr, this, nullptr);
    m_monitor = monitor;
    if (m_monitor)
        connect(m_monitor, &EnvironmentMonitor::environmentsReset, this, &EnvironmentMatrixModel::connectWatches);
    connectWatches();
}

void EnvironmentMatrixModel::connectWatches()
{
    if (!m_monitor)
        return;
    for (int column = 0; column < m_monitor->count(); ++column) {
        EnvironmentWatch *watch = m_monitor->environment(column);
        if (!watch)
            continue;
        connect(watch, &EnvironmentWatch::systemChanged, this,
            [this, column](const QString &system) { systemChanged(column, system); });
        connect(watch, &EnvironmentWatch::connectionChanged, this, [this, column] { columnChanged(column); });
    }
    if (rowCount() > 0 && columnCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
}

namespace {

// The roles a live update can change; the others depend on the ecosystem only.
const QList<int> &liveRoles()
{
    static const QList<int> roles { Qt::DisplayRole, Qt::ToolTipRole, Qt::ForegroundRole,
        EnvironmentMatrixModel::HealthRole, EnvironmentMatrixModel::ImageRole,
        EnvironmentMatrixModel::ConnectionErrorRole };
    return roles;
}

} // namespace

void EnvironmentMatrixModel::systemChanged(int column, const QString &system)
{
    for (int row = 0; row < m_ecosystem.systems.size(); ++row) {
        if (m_ecosystem.systems[row].name == system && column < columnCount()) {
            const QModelIndex cell = index(row, column);
            Q_EMIT dataChanged(cell, cell, liveRoles());
        }
    }
}

void EnvironmentMatrixModel::columnChanged(int column)
{
    if (column >= columnCount() || rowCount() == 0)
        return;
    Q_EMIT dataChanged(index(0, column), index(rowCount() - 1, column), liveRoles());
    Q_EMIT headerDataChanged(Qt::Horizontal, column, column);
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
    const QString ns =
        environment.kind == EnvironmentKind::Showroom ? environment.namespacePattern : environment.namespaceName;

    const EnvironmentWatch *watch = m_monitor ? m_monitor->environment(index.column()) : nullptr;
    const SystemState state = watch ? watch->state(system.name) : SystemState();
    const bool failed = watch && watch->connection() == EnvironmentWatch::Connection::Failed;

    switch (role) {
    case Qt::DisplayRole:
        if (!delivered)
            return tr("not delivered here");
        if (environment.kind == EnvironmentKind::Showroom)
            return tr("%1\none per task").arg(ns);
        if (!watch)
            return tr("%1\nno live data yet").arg(ns);
        if (failed)
            return tr("no connection");
        switch (state.health) {
        case SystemState::Health::Unknown:
            return tr("connecting…");
        case SystemState::Health::Missing:
            return tr("not deployed");
        case SystemState::Health::Progressing:
            return tr("%1\n%2/%3 ready · rolling out").arg(state.shortTag()).arg(state.ready).arg(state.desired);
        case SystemState::Health::Healthy:
            return tr("%1\n%2/%3 ready").arg(state.shortTag()).arg(state.ready).arg(state.desired);
        case SystemState::Health::Degraded:
            return tr("%1\n%2/%3 ready · degraded").arg(state.shortTag()).arg(state.ready).arg(state.desired);
        case SystemState::Health::Failed:
            return tr("%1\n%2/%3 ready · rollout failed").arg(state.shortTag()).arg(state.ready).arg(state.desired);
        }
        return {};
    case Qt::ToolTipRole:
        if (!delivered)
            return tr("The environment '%1' does not run %2.").arg(environment.name, system.name);
        if (failed)
            return tr("%1 (context %2) cannot be reached: %3")
                .arg(environment.name, environment.context, watch->connectionError());
        if (watch && state.health != SystemState::Health::Unknown && state.health != SystemState::Health::Missing) {
            QString tip =
                tr("%1 in %2/%3\nImage: %4\n%5").arg(system.name, environment.context, ns, state.image, state.message);
            if (!state.gitSha.isEmpty())
                tip += tr("\nCommit: %1").arg(state.gitSha);
            if (!state.tasks.isEmpty())
                tip += tr("\nTasks: %1").arg(state.tasks);
            if (state.created.isValid())
                tip += tr("\nCreated: %1").arg(QLocale().toString(state.created.toLocalTime(), QLocale::ShortFormat));
            return tip;
        }
        return tr("%1 in namespace %2 of context %3.").arg(system.name, ns, environment.context);
    case Qt::ForegroundRole: {
        const QPalette palette = QGuiApplication::palette();
        const bool dark = palette.color(QPalette::Base).lightness() < 128;
        if (failed || state.health == SystemState::Health::Failed)
            return QBrush(dark ? QColor(0xff, 0x6b, 0x6b) : QColor(0xc0, 0x1c, 0x28));
        switch (state.health) {
        case SystemState::Health::Healthy:
            return QBrush(dark ? QColor(0x6b, 0xd4, 0x8b) : QColor(0x1a, 0x7f, 0x37));
        case SystemState::Health::Progressing:
        case SystemState::Health::Degraded:
            return QBrush(dark ? QColor(0xf5, 0xc2, 0x6b) : QColor(0x9a, 0x67, 0x00));
        default:
            return QBrush(palette.color(QPalette::PlaceholderText));
        }
    }
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::AlignCenter);
    case HealthRole:
        return watch ? int(state.health) : -1;
    case ImageRole:
        return state.image;
    case ConnectionErrorRole:
        return failed ? watch->connectionError() : QString();
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
            return environment.isProtected
                ? tr("%1 is protected: actions ask you to type its name.").arg(environment.name)
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
