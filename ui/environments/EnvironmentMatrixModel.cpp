// SPDX-License-Identifier: GPL-2.0-or-later
// One piece, though long: data() and headerData() answer every role for the
// three kinds of column (a fixed environment, a showroom, the placeholder of
// none), and the column bookkeeping they rely on changes with the showroom
// directories' signals here. What the cells say in words is in
// EnvironmentMatrixText.cpp.
#include "environments/EnvironmentMatrixModel.h"

#include "environments/EnvironmentMatrixText.h"

#include "gating/FreezeWatch.h"
#include "kube/ClusterAccess.h"
#include "live/EnvironmentMonitor.h"
#include "live/EnvironmentWatch.h"
#include "live/ShowroomDirectory.h"
#include "pipeline/DeliveryQueueWatch.h"

#include <QBrush>
#include <QGuiApplication>
#include <QLocale>
#include <QPalette>

#include <algorithm>

namespace Shipyard {

using namespace EnvironmentMatrixText;

void EnvironmentMatrixModel::setEcosystem(const Ecosystem &ecosystem)
{
    // Opening another ecosystem changes every row and column.
    beginResetModel();
    m_ecosystem = ecosystem;
    relayout();
    endResetModel();
    watchFreezes();
    // The locks watched were the previous ecosystem's; setCluster() watches this one's.
    qDeleteAll(m_locks);
    m_locks.clear();
    if (!m_clock) {
        // Ages shown in the cells ("2 h ago") grow older without any change in the cluster.
        m_clock = new QTimer(this);
        m_clock->setInterval(60 * 1000);
        connect(m_clock, &QTimer::timeout, this, [this] {
            for (int column = 0; column < columnCount(); ++column) {
                const EnvironmentWatch *watch = watchAt(sourceOf(column));
                for (int row = 0; watch && row < rowCount(); ++row) {
                    if (watch->state(m_ecosystem.systems.at(row).name).deliveredAt.isValid())
                        Q_EMIT dataChanged(
                            index(row, column), index(row, column), { Qt::DisplayRole, Qt::ToolTipRole });
                }
            }
        });
        m_clock->start();
    }
}

void EnvironmentMatrixModel::setCluster(const ClusterAccess &cluster)
{
    qDeleteAll(m_locks);
    m_locks.clear();
    for (int i = 0; i < m_ecosystem.environments.size(); ++i) {
        const Environment &environment = m_ecosystem.environments.at(i);
        const KubeClient client =
            environment.kind == EnvironmentKind::Showroom ? KubeClient() : cluster.client(environment.context);
        if (!client.isValid()) {
            m_locks.append(nullptr);
            continue;
        }
        auto *watch = new DeliveryQueueWatch(client, environment.namespaceName, this);
        connect(watch, &DeliveryQueueWatch::changed, this, [this, i] {
            const int column = firstColumn(i);
            if (column >= 0)
                Q_EMIT headerDataChanged(Qt::Horizontal, column, column);
        });
        m_locks.append(watch);
        watch->start();
    }
}

void EnvironmentMatrixModel::watchFreezes()
{
    qDeleteAll(m_freezes);
    m_freezes.clear();
    for (int i = 0; i < m_ecosystem.environments.size(); ++i) {
        auto *watch = new FreezeWatch(this);
        watch->setWindows(m_ecosystem.environments.at(i).freezes);
        // A window beginning or ending repaints the environment's headers.
        connect(watch, &FreezeWatch::changed, this, [this, i] {
            const int first = firstColumn(i);
            if (first >= 0)
                Q_EMIT headerDataChanged(Qt::Horizontal, first, first + m_spans.value(i).columns - 1);
        });
        m_freezes.append(watch);
    }
}

FreezeWatch *EnvironmentMatrixModel::freezeWatch(int environment) const
{
    return m_freezes.value(environment);
}

void EnvironmentMatrixModel::setMonitor(EnvironmentMonitor *monitor)
{
    if (m_monitor)
        disconnect(m_monitor, nullptr, this, nullptr);
    m_monitor = monitor;
    if (m_monitor)
        connect(m_monitor, &EnvironmentMonitor::environmentsReset, this, &EnvironmentMatrixModel::monitorReset);
    monitorReset();
}

void EnvironmentMatrixModel::monitorReset()
{
    // New watches (an ecosystem opened or closed): the showroom columns
    // start over from what the new directories already hold.
    beginResetModel();
    relayout();
    endResetModel();
}

void EnvironmentMatrixModel::relayout()
{
    for (const QMetaObject::Connection &connection : std::as_const(m_connections))
        disconnect(connection);
    m_connections.clear();
    m_spans.clear();
    // The monitor may still watch the previous ecosystem until its reset.
    const bool watched = m_monitor && m_monitor->count() == m_ecosystem.environments.size();
    for (int i = 0; i < m_ecosystem.environments.size(); ++i) {
        const Environment &environment = m_ecosystem.environments.at(i);
        Span span;
        if (environment.kind != EnvironmentKind::Showroom) {
            span.placeholder = false;
        } else if (ShowroomDirectory *directory = watched ? m_monitor->showrooms(i) : nullptr;
            directory && directory->environment() == environment.name) {
            span.directory = directory;
            if (directory->count() > 0) {
                span.columns = directory->count();
                span.placeholder = false;
            }
        }
        m_spans.append(span);
    }
    connectSources();
}

bool EnvironmentMatrixModel::isCurrent(int environment, const ShowroomDirectory *directory) const
{
    return environment < m_spans.size() && m_spans[environment].directory == directory;
}

void EnvironmentMatrixModel::connectSources()
{
    if (!m_monitor || m_monitor->count() != m_ecosystem.environments.size())
        return;
    for (int i = 0; i < m_spans.size(); ++i) {
        ShowroomDirectory *directory = m_spans[i].directory;
        if (directory) {
            m_connections << connect(directory, &ShowroomDirectory::showroomsAboutToBeInserted, this,
                [this, i, directory](int first, int last) {
                    if (isCurrent(i, directory))
                        showroomsAboutToBeInserted(i, first, last);
                });
            m_connections << connect(
                directory, &ShowroomDirectory::showroomsInserted, this, [this, i, directory](int first, int last) {
                    if (isCurrent(i, directory))
                        showroomsInserted(i, first, last);
                });
            m_connections << connect(directory, &ShowroomDirectory::showroomsAboutToBeRemoved, this,
                [this, i, directory](int first, int last) {
                    if (isCurrent(i, directory))
                        showroomsAboutToBeRemoved(i, first, last);
                });
            m_connections << connect(
                directory, &ShowroomDirectory::showroomsRemoved, this, [this, i, directory](int first, int last) {
                    if (isCurrent(i, directory))
                        showroomsRemoved(i, first, last);
                });
            const auto showroomColumn = [this, i, directory](int showroom) {
                return isCurrent(i, directory) && !m_spans[i].placeholder ? firstColumn(i) + showroom : -1;
            };
            m_connections << connect(directory, &ShowroomDirectory::showroomChanged, this,
                [this, showroomColumn](int showroom) { columnChanged(showroomColumn(showroom)); });
            m_connections << connect(directory, &ShowroomDirectory::showroomConnectionChanged, this,
                [this, showroomColumn](int showroom) { columnChanged(showroomColumn(showroom)); });
            m_connections << connect(directory, &ShowroomDirectory::systemChanged, this,
                [this, showroomColumn](
                    int showroom, const QString &system) { systemChanged(showroomColumn(showroom), system); });
            m_connections << connect(directory, &ShowroomDirectory::connectionChanged, this, [this, i, directory] {
                if (isCurrent(i, directory) && m_spans[i].placeholder)
                    columnChanged(firstColumn(i));
            });
        } else if (EnvironmentWatch *watch = m_monitor->environment(i)) {
            m_connections << connect(watch, &EnvironmentWatch::systemChanged, this,
                [this, i](const QString &system) { systemChanged(firstColumn(i), system); });
            m_connections << connect(
                watch, &EnvironmentWatch::connectionChanged, this, [this, i] { columnChanged(firstColumn(i)); });
        }
    }
}

int EnvironmentMatrixModel::firstColumn(int environment) const
{
    if (environment < 0 || environment >= m_spans.size())
        return -1;
    int column = 0;
    for (int i = 0; i < environment; ++i)
        column += m_spans[i].columns;
    return column;
}

EnvironmentMatrixModel::Source EnvironmentMatrixModel::sourceOf(int column) const
{
    if (column < 0)
        return {};
    for (int i = 0; i < m_spans.size(); ++i) {
        const Span &span = m_spans[i];
        if (column < span.columns)
            return Source { i, span.directory && !span.placeholder ? column : -1 };
        column -= span.columns;
    }
    return {};
}

const ShowroomInfo *EnvironmentMatrixModel::showroomAt(const Source &source) const
{
    if (source.showroom < 0)
        return nullptr;
    const ShowroomDirectory *directory = m_spans[source.environment].directory;
    if (!directory || source.showroom >= directory->count())
        return nullptr;
    return &directory->showroom(source.showroom);
}

const EnvironmentWatch *EnvironmentMatrixModel::watchAt(const Source &source) const
{
    if (source.environment < 0 || !m_monitor)
        return nullptr;
    if (source.showroom >= 0) {
        const ShowroomDirectory *directory = m_spans[source.environment].directory;
        return directory && source.showroom < directory->count() ? directory->watch(source.showroom) : nullptr;
    }
    if (m_monitor->count() != m_ecosystem.environments.size())
        return nullptr;
    return m_monitor->environment(source.environment);
}

void EnvironmentMatrixModel::showroomsAboutToBeInserted(int environment, int first, int last)
{
    Span &span = m_spans[environment];
    if (span.placeholder) {
        // The first showroom takes the place of "none up".
        const int column = firstColumn(environment);
        beginRemoveColumns({}, column, column);
        span.placeholder = false;
        span.columns = 0;
        endRemoveColumns();
    }
    const int base = firstColumn(environment);
    beginInsertColumns({}, base + first, base + last);
}

void EnvironmentMatrixModel::showroomsInserted(int environment, int first, int last)
{
    m_spans[environment].columns += last - first + 1;
    endInsertColumns();
}

void EnvironmentMatrixModel::showroomsAboutToBeRemoved(int environment, int first, int last)
{
    const int base = firstColumn(environment);
    beginRemoveColumns({}, base + first, base + last);
}

void EnvironmentMatrixModel::showroomsRemoved(int environment, int first, int last)
{
    Span &span = m_spans[environment];
    span.columns -= last - first + 1;
    endRemoveColumns();
    if (span.columns == 0) {
        const int column = firstColumn(environment);
        beginInsertColumns({}, column, column);
        span.placeholder = true;
        span.columns = 1;
        endInsertColumns();
    }
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
    if (column < 0 || column >= columnCount())
        return;
    for (int row = 0; row < m_ecosystem.systems.size(); ++row) {
        if (m_ecosystem.systems[row].name == system) {
            const QModelIndex cell = index(row, column);
            Q_EMIT dataChanged(cell, cell, liveRoles());
        }
    }
}

void EnvironmentMatrixModel::columnChanged(int column)
{
    if (column < 0 || column >= columnCount())
        return;
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, column), index(rowCount() - 1, column), liveRoles());
    Q_EMIT headerDataChanged(Qt::Horizontal, column, column);
}

int EnvironmentMatrixModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_ecosystem.systems.size());
}

int EnvironmentMatrixModel::columnCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    int columns = 0;
    for (const Span &span : m_spans)
        columns += span.columns;
    return columns;
}

bool EnvironmentMatrixModel::isDelivered(const System &system, const Environment &environment) const
{
    return environment.systems.isEmpty() || environment.systems.contains(system.name);
}

QString EnvironmentMatrixModel::placeholderText(int environment) const
{
    const Environment &env = m_ecosystem.environments.at(environment);
    const ShowroomDirectory *directory = m_spans[environment].directory;
    if (!directory)
        return tr("Showrooms of %1 are namespaces %2 of context %3, one per task; they are not watched.")
            .arg(env.name, env.namespacePattern, env.context);
    switch (directory->connection()) {
    case EnvironmentWatch::Connection::Connecting:
        return tr("Listing the showrooms of %1 in context %2…").arg(env.name, env.context);
    case EnvironmentWatch::Connection::Failed:
        return tr("The showrooms of %1 (context %2) cannot be listed: %3")
            .arg(env.name, env.context, directory->connectionError());
    case EnvironmentWatch::Connection::Live:
        break;
    }
    return tr("No showroom of %1 is up. Each task's showroom (namespace %2 of context %3) gets a column of its own "
              "while it is up.")
        .arg(env.name, env.namespacePattern, env.context);
}

QVariant EnvironmentMatrixModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Source source = sourceOf(index.column());
    if (source.environment < 0)
        return {};
    const System &system = m_ecosystem.systems.at(index.row());
    const Environment &environment = m_ecosystem.environments.at(source.environment);
    const bool delivered = isDelivered(system, environment);
    const ShowroomInfo *showroom = showroomAt(source);
    if (source.showroom >= 0 && !showroom)
        return {};
    const bool placeholder = environment.kind == EnvironmentKind::Showroom && !showroom;
    const ShowroomDirectory *directory = m_spans[source.environment].directory;
    const QString ns = showroom ? showroom->namespaceName
        : placeholder           ? environment.namespacePattern
                                : environment.namespaceName;
    // A showroom is named by its environment and task, like its column.
    const QString where = showroom ? QStringLiteral("%1 %2").arg(environment.name, showroom->task) : environment.name;

    const EnvironmentWatch *watch = watchAt(source);
    const SystemState state = watch ? watch->state(system.name) : SystemState();
    const bool failed = placeholder ? directory && directory->connection() == EnvironmentWatch::Connection::Failed
                                    : watch && watch->connection() == EnvironmentWatch::Connection::Failed;
    const QString connectionError = !failed ? QString()
        : placeholder                       ? directory->connectionError()
                                            : watch->connectionError();

    switch (role) {
    case Qt::DisplayRole:
        if (!delivered)
            return tr("not delivered here");
        if (failed)
            return tr("no connection");
        if (placeholder) {
            if (!directory)
                return tr("%1\none per task").arg(ns);
            if (directory->connection() == EnvironmentWatch::Connection::Connecting)
                return tr("connecting…");
            return tr("no showroom up");
        }
        if (!watch)
            return tr("%1\nno live data yet").arg(ns);
        {
            QString text;
            // A symbol beside the colour: the state reads without it.
            switch (state.health) {
            case SystemState::Health::Unknown:
                return tr("connecting…");
            case SystemState::Health::Missing:
                return tr("not deployed");
            case SystemState::Health::Progressing:
                text = tr("%1\n⟳ %2/%3 ready · rolling out");
                break;
            case SystemState::Health::Healthy:
                text = tr("%1\n✔ %2/%3 ready");
                break;
            case SystemState::Health::Degraded:
                text = tr("%1\n⚠ %2/%3 ready · degraded");
                break;
            case SystemState::Health::Failed:
                text = tr("%1\n✘ %2/%3 ready · rollout failed");
                break;
            }
            text = text.arg(state.version.isEmpty() ? state.shortTag() : state.version)
                       .arg(state.ready)
                       .arg(state.desired);
            // What it carried, who brought it and when: "SHOP-11 · anna · 2 h ago".
            QStringList delivery;
            if (!state.tasks.isEmpty())
                delivery << QString(state.tasks).replace(QLatin1Char(','), QStringLiteral(", "));
            if (!state.deliveredBy.isEmpty())
                delivery << personOf(state.deliveredBy);
            if (state.deliveredAt.isValid())
                delivery << shortAge(state.deliveredAt);
            if (!delivery.isEmpty())
                text += QLatin1Char('\n') + delivery.join(QStringLiteral(" · "));
            // The rendering source, where there is one worth a line: "chart 0.3.0".
            const QString summary = state.sourceSummary();
            if (!summary.isEmpty())
                text += QLatin1Char('\n') + summary;
            if (state.canary) {
                // ‖ (paused): it waits for a person's decision; the tooltip says so in words.
                text += QLatin1Char('\n') +
                    (state.canary->waiting ? tr("‖ canary %1 % · %2") : tr("canary %1 % · %2"))
                        .arg(state.canary->share)
                        .arg(state.canary->tag);
            }
            return text;
        }
        return {};
    case Qt::ToolTipRole: {
        if (!delivered)
            return tr("The environment '%1' does not run %2.").arg(environment.name, system.name);
        if (placeholder)
            return placeholderText(source.environment);
        QString tip;
        if (failed) {
            tip = tr("%1 (context %2) cannot be reached: %3").arg(where, environment.context, connectionError);
        } else if (watch && state.health != SystemState::Health::Unknown &&
            state.health != SystemState::Health::Missing) {
            tip = tr("%1 in %2/%3\n%4\n").arg(system.name, environment.context, ns, healthMeaning(state.health));
            if (!state.version.isEmpty())
                tip += tr("\nVersion: %1 (git describe --tags of the delivered commit)").arg(state.version);
            tip += tr("\nImage: %1\n%2").arg(state.image, state.message);
            if (!state.gitSha.isEmpty())
                tip += tr("\nCommit: %1").arg(state.gitSha);
            if (!state.tasks.isEmpty())
                tip += tr("\nTasks: %1").arg(state.tasks);
            if (state.deliveredAt.isValid())
                tip += tr("\nDelivered by %1, %2 (%3)")
                           .arg(state.deliveredBy.isEmpty() ? tr("someone unknown") : state.deliveredBy,
                               shortAge(state.deliveredAt),
                               QLocale().toString(state.deliveredAt.toLocalTime(), QLocale::ShortFormat));
            if (!state.source.isEmpty())
                tip += tr("\nRendered from: %1").arg(state.source);
            if (state.created.isValid())
                tip += tr("\nCreated: %1").arg(QLocale().toString(state.created.toLocalTime(), QLocale::ShortFormat));
            if (const std::optional<SystemState::Canary> &canary = state.canary) {
                tip += tr("\n\nCanary: %1 on %2/%3 pods beside these, step %4 of %5 (%6 % of the pods).")
                           .arg(canary->tag)
                           .arg(canary->ready)
                           .arg(canary->desired)
                           .arg(canary->step)
                           .arg(canary->stepCount)
                           .arg(canary->share);
                if (canary->waiting)
                    tip += tr("\nIt waits for a person to promote or abort it: the Pipeline view, or "
                              "shipyardctl canary promote|abort %1.")
                               .arg(system.name);
            }
        } else if (state.health == SystemState::Health::Missing) {
            tip = tr("%1 is not deployed in namespace %2 of context %3.").arg(system.name, ns, environment.context);
        } else {
            tip = tr("%1 in namespace %2 of context %3.").arg(system.name, ns, environment.context);
        }
        if (showroom)
            tip += QStringLiteral("\n\n") + showroomSummary(*showroom);
        return tip;
    }
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
    case VersionRole:
        return state.version.isEmpty() ? state.shortTag() : state.version;
    case ConnectionErrorRole:
        return connectionError;
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
    case TaskRole:
        return showroom ? showroom->task : QString();
    case ShowroomPlaceholderRole:
        return placeholder;
    default:
        return {};
    }
}

QVariant EnvironmentMatrixModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal) {
        const Source source = sourceOf(section);
        if (source.environment < 0)
            return {};
        const Environment &environment = m_ecosystem.environments.at(source.environment);
        const ShowroomInfo *showroom = showroomAt(source);
        switch (role) {
        case Qt::DisplayRole: {
            const QString kind = keyword(environment.kind);
            const QString name =
                showroom ? QStringLiteral("%1 %2").arg(environment.name, showroom->task) : environment.name;
            QString detail = environment.name == kind ? tr("context %1").arg(environment.context)
                                                      : tr("%1 · context %2").arg(kind, environment.context);
            if (showroom && showroom->terminating)
                detail = tr("tearing down · %1").arg(detail);
            else if (showroom && showroom->isAsleep())
                detail = tr("☾ asleep · %1").arg(detail);
            if (showroom && showroom->isPinned())
                detail = tr("📌 pinned · %1").arg(detail);
            QString text = QStringLiteral("%1\n%2").arg(name, detail);
            const FreezeWatch *freezes = freezeWatch(source.environment);
            // The snowflake says it without colour; times are on the window's clock.
            if (freezes && freezes->isFrozen())
                text += tr("\n❄ frozen until %1").arg(freezes->frozen()->endOnClock());
            else if (freezes && freezes->next())
                text += tr("\nnext freeze %1").arg(freezes->next()->startOnClock());
            if (const DeliveryQueueWatch *lock = m_locks.value(source.environment)) {
                const QString holder = lock->holder();
                const int waiting = lock->waiting();
                if (!holder.isEmpty() && waiting > 0)
                    text += tr("\n⚑ %1 delivers · %n waiting", nullptr, waiting).arg(personOf(holder));
                else if (!holder.isEmpty())
                    text += tr("\n⚑ %1 delivers").arg(personOf(holder));
                else if (waiting > 0)
                    text += tr("\n%n waiting", nullptr, waiting);
            }
            return text;
        }
        case LockHolderRole: {
            const DeliveryQueueWatch *lock = m_locks.value(source.environment);
            return lock ? lock->holder() : QString();
        }
        case QueueLengthRole: {
            const DeliveryQueueWatch *lock = m_locks.value(source.environment);
            return lock ? lock->waiting() : 0;
        }
        case FrozenRole: {
            const FreezeWatch *freezes = freezeWatch(source.environment);
            return freezes && freezes->isFrozen();
        }
        case Qt::ToolTipRole: {
            QStringList lines;
            if (showroom)
                lines << tr("%1\nContext %2").arg(showroomSummary(*showroom), environment.context);
            else if (environment.kind == EnvironmentKind::Showroom)
                lines << placeholderText(source.environment);
            else if (environment.isProtected)
                lines << tr("%1 is protected: actions ask you to type its name.").arg(environment.name);
            if (const DeliveryQueueWatch *lock = m_locks.value(source.environment)) {
                for (const DeliveryQueueWatch::Entry &entry : lock->entries()) {
                    if (entry.expired)
                        continue;
                    const QString since = QLocale().toString(entry.since.toLocalTime(), QLocale::ShortFormat);
                    const QString why = entry.reason.isEmpty() ? QString() : QStringLiteral(": ") + entry.reason;
                    lines << (entry.holder ? tr("⚑ Delivery lock held by %1 since %2%3").arg(entry.identity, since, why)
                                           : tr("Waiting since %2: %1%3").arg(entry.identity, since, why));
                }
            }
            if (const FreezeWatch *freezes = freezeWatch(source.environment); freezes && !freezes->describe().isEmpty())
                lines << freezes->describe()
                      << (freezes->isFrozen()
                                 ? tr("Deliveries are refused until then, unless a person says why they cannot wait.")
                                 : QString());
            lines.removeAll(QString());
            return lines.isEmpty() ? QVariant() : QVariant(lines.join(QLatin1Char('\n')));
        }
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
