// SPDX-License-Identifier: GPL-2.0-or-later
#include "delivery/DeliveryPipelineModel.h"

#include <QLocale>

namespace Shipyard {

namespace {

const QList<int> changedRoles { Qt::DisplayRole, Qt::ToolTipRole, DeliveryPipelineModel::StateRole,
    DeliveryPipelineModel::StateKeywordRole, DeliveryPipelineModel::StartedRole, DeliveryPipelineModel::FinishedRole,
    DeliveryPipelineModel::DurationRole, DeliveryPipelineModel::MessageRole };

qint64 durationOf(const Delivery::StepState &state)
{
    if (!state.started.isValid())
        return -1;
    if (state.state == Delivery::State::Running || !state.finished.isValid())
        return state.started.msecsTo(QDateTime::currentDateTimeUtc());
    return state.started.msecsTo(state.finished);
}

QString formatMilliseconds(qint64 ms)
{
    if (ms < 0)
        return {};
    if (ms < 10000)
        return DeliveryPipelineModel::tr("%1 s").arg(QLocale().toString(double(ms) / 1000.0, 'f', 1));
    if (ms < 120000)
        return DeliveryPipelineModel::tr("%1 s").arg(ms / 1000);
    return DeliveryPipelineModel::tr("%1 min %2 s").arg(ms / 60000).arg((ms / 1000) % 60);
}

} // namespace

DeliveryPipelineModel::DeliveryPipelineModel(QObject *parent) : QAbstractTableModel(parent)
{
    for (Delivery::Step step : stepColumns()) {
        Delivery::StepState state;
        state.step = step;
        m_environmentSteps.append(state);
    }
}

QList<Delivery::Step> DeliveryPipelineModel::stepColumns()
{
    return { Delivery::Step::Lock, Delivery::Step::Update, Delivery::Step::Build, Delivery::Step::Test,
        Delivery::Step::Verify, Delivery::Step::Migrate, Delivery::Step::Deploy, Delivery::Step::Canary,
        Delivery::Step::Smoke, Delivery::Step::Monitor, Delivery::Step::Merge, Delivery::Step::Rollback };
}

QString DeliveryPipelineModel::stepTitle(Delivery::Step step)
{
    switch (step) {
    case Delivery::Step::Lock:
        return tr("Lock");
    case Delivery::Step::Update:
        return tr("Update");
    case Delivery::Step::Build:
        return tr("Build");
    case Delivery::Step::Test:
        return tr("Test");
    case Delivery::Step::Verify:
        return tr("Verify");
    case Delivery::Step::Migrate:
        return tr("Migrate");
    case Delivery::Step::Deploy:
        return tr("Deploy");
    case Delivery::Step::Canary:
        return tr("Canary");
    case Delivery::Step::Smoke:
        return tr("Smoke");
    case Delivery::Step::Monitor:
        return tr("Monitor");
    case Delivery::Step::Rollback:
        return tr("Rollback");
    case Delivery::Step::Merge:
        return tr("Merge");
    }
    return {};
}

QString DeliveryPipelineModel::stateTitle(Delivery::State state)
{
    switch (state) {
    case Delivery::State::Pending:
        return tr("pending");
    case Delivery::State::Running:
        return tr("running");
    case Delivery::State::Succeeded:
        return tr("succeeded");
    case Delivery::State::Failed:
        return tr("failed");
    case Delivery::State::Skipped:
        return tr("skipped");
    case Delivery::State::Cancelled:
        return tr("cancelled");
    }
    return {};
}

void DeliveryPipelineModel::setDelivery(Delivery *delivery)
{
    if (m_delivery)
        disconnect(m_delivery, nullptr, this, nullptr);
    m_delivery = delivery;
    if (delivery) {
        // The signal says which step changed; the snapshot also carries the
        // times, and after `finished` the steps that never ran.
        connect(delivery, &Delivery::stepStateChanged, this, &DeliveryPipelineModel::refreshFromDelivery);
        connect(delivery, &Delivery::finished, this, &DeliveryPipelineModel::refreshFromDelivery);
        connect(delivery, &QObject::destroyed, this, [this] { applySteps({}); });
    }
    refreshFromDelivery();
}

void DeliveryPipelineModel::refreshFromDelivery()
{
    applySteps(m_delivery ? m_delivery->steps() : QList<Delivery::StepState>());
}

bool DeliveryPipelineModel::sameCell(const Delivery::StepState &a, const Delivery::StepState &b)
{
    return a.state == b.state && a.started == b.started && a.finished == b.finished && a.message == b.message;
}

void DeliveryPipelineModel::applySteps(const QList<Delivery::StepState> &steps)
{
    const QList<Delivery::Step> columns = stepColumns();
    const int columnCount = int(columns.size());
    QStringList systems;
    for (const Delivery::StepState &state : steps) {
        if (!state.system.isEmpty() && !systems.contains(state.system))
            systems.append(state.system);
    }
    QList<Delivery::StepState> environment;
    for (Delivery::Step step : columns) {
        Delivery::StepState state;
        state.step = step;
        environment.append(state);
    }
    QList<QList<Delivery::StepState>> cells;
    for (const QString &system : std::as_const(systems)) {
        QList<Delivery::StepState> row = environment;
        for (Delivery::StepState &state : row)
            state.system = system;
        cells.append(row);
    }
    for (const Delivery::StepState &state : steps) {
        const int column = int(columns.indexOf(state.step));
        if (column < 0)
            continue;
        if (state.system.isEmpty())
            environment[column] = state;
        else
            cells[systems.indexOf(state.system)][column] = state;
    }

    if (systems != m_systems) {
        // Another delivery: its systems replace the rows.
        if (!m_systems.isEmpty()) {
            beginRemoveRows({}, 0, int(m_systems.size()) - 1);
            m_systems.clear();
            m_cells.clear();
            endRemoveRows();
        }
        m_environmentSteps = environment;
        if (!systems.isEmpty()) {
            beginInsertRows({}, 0, int(systems.size()) - 1);
            m_systems = systems;
            m_cells = cells;
            endInsertRows();
        }
        return;
    }

    const int rows = int(m_systems.size());
    for (int column = 0; column < columnCount; ++column) {
        if (!sameCell(environment[column], m_environmentSteps[column])) {
            m_environmentSteps[column] = environment[column];
            if (columns[column] == Delivery::Step::Lock && rows > 0)
                Q_EMIT dataChanged(index(0, column), index(rows - 1, column), changedRoles);
        }
    }
    for (int row = 0; row < rows; ++row) {
        for (int column = 0; column < columnCount; ++column) {
            if (columns[column] == Delivery::Step::Lock || sameCell(cells[row][column], m_cells[row][column]))
                continue;
            m_cells[row][column] = cells[row][column];
            Q_EMIT dataChanged(index(row, column), index(row, column), changedRoles);
        }
    }
}

bool DeliveryPipelineModel::hasRunningStep() const
{
    for (const Delivery::StepState &state : m_environmentSteps) {
        if (state.state == Delivery::State::Running)
            return true;
    }
    for (const QList<Delivery::StepState> &row : m_cells) {
        for (const Delivery::StepState &state : row) {
            if (state.state == Delivery::State::Running)
                return true;
        }
    }
    return false;
}

const Delivery::StepState *DeliveryPipelineModel::cell(int row, int column) const
{
    if (row < 0 || row >= m_cells.size() || column < 0 || column >= m_environmentSteps.size())
        return nullptr;
    // The lock is taken once for the whole environment.
    if (m_environmentSteps[column].step == Delivery::Step::Lock)
        return &m_environmentSteps[column];
    return &m_cells[row][column];
}

int DeliveryPipelineModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_systems.size());
}

int DeliveryPipelineModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_environmentSteps.size());
}

QVariant DeliveryPipelineModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Delivery::StepState *state = cell(index.row(), index.column());
    if (!state)
        return {};
    const qint64 duration = durationOf(*state);
    switch (role) {
    case Qt::DisplayRole: {
        const QString time = formatMilliseconds(duration);
        return time.isEmpty() ? stateTitle(state->state) : stateTitle(state->state) + QLatin1Char('\n') + time;
    }
    case Qt::ToolTipRole: {
        QString text = tr("%1 of %2: %3")
                           .arg(stepTitle(state->step), state->system.isEmpty() ? tr("the environment") : state->system,
                               stateTitle(state->state));
        if (duration >= 0)
            text += tr(" (%1)").arg(formatMilliseconds(duration));
        if (!state->message.isEmpty())
            text += QLatin1Char('\n') + state->message;
        return text;
    }
    case Qt::AccessibleTextRole:
        return tr("%1, %2: %3").arg(m_systems.value(index.row()), stepTitle(state->step), stateTitle(state->state));
    case StateRole:
        return int(state->state);
    case StateKeywordRole:
        return Delivery::keyword(state->state);
    case StepRole:
        return int(state->step);
    case StartedRole:
        return state->started;
    case FinishedRole:
        return state->finished;
    case DurationRole:
        return duration;
    case MessageRole:
        return state->message;
    case SystemRole:
        return m_systems.value(index.row());
    default:
        return {};
    }
}

QVariant DeliveryPipelineModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Horizontal) {
        const QList<Delivery::Step> columns = stepColumns();
        return section >= 0 && section < columns.size() ? stepTitle(columns[section]) : QVariant();
    }
    return m_systems.value(section);
}

} // namespace Shipyard
