// SPDX-License-Identifier: GPL-2.0-or-later
#include "tasks/TaskBoardModel.h"

#include "widgets/BackgroundTask.h"

#include "gating/GateEvaluator.h"

#include <QFuture>
#include <QHash>

#include <algorithm>
#include <climits>

namespace Shipyard {

namespace {

QString noTaskColumn()
{
    return TaskBoardModel::tr("No task");
}

QString unknownStatusColumn()
{
    return TaskBoardModel::tr("Status unknown");
}

int actionIndex(TaskBoardModel::Action action)
{
    return int(action);
}

} // namespace

TaskBoardModel::TaskBoardModel(QObject *parent) : QAbstractItemModel(parent)
{
    m_refreshTimer.setInterval(60000);
    connect(&m_refreshTimer, &QTimer::timeout, this, &TaskBoardModel::refresh);
}

TaskBoardModel::~TaskBoardModel() = default;

void TaskBoardModel::setRefreshInterval(int milliseconds)
{
    m_refreshTimer.setInterval(milliseconds);
}

void TaskBoardModel::setEcosystem(const Ecosystem &ecosystem)
{
    beginResetModel();
    m_ecosystem = ecosystem;
    m_columns.clear();
    m_problems.clear();
    ++m_generation;
    m_scanning = false;
    // The statuses a branch moves through, in the order the gates and the robot use them.
    QStringList statuses = ecosystem.gating.branchUpdateStatuses;
    const TrackerStatuses &tracker = ecosystem.tracker.statuses;
    statuses << tracker.awaitingAutotests << tracker.awaitingShowroom << ecosystem.gating.mergeStatuses
             << tracker.awaitingDelivery << tracker.inQa << tracker.done;
    for (const QString &status : std::as_const(statuses)) {
        if (status.isEmpty() || columnRow(status) >= 0)
            continue;
        auto column = std::make_unique<Column>();
        column->status = status;
        m_columns.push_back(std::move(column));
    }
    endResetModel();
    m_refreshTimer.start();
    refresh();
}

void TaskBoardModel::refresh()
{
    if (m_scanning || m_ecosystem.systems.isEmpty())
        return;
    m_scanning = true;
    const quint64 generation = m_generation;
    struct Scan
    {
        BranchGateScan::Result gates;
        QList<AutotestResult> autotests;
    };
    runInBackground([ecosystem = m_ecosystem] {
        // An unreadable results file only means no test chips.
        return Scan { BranchGateScan::run(ecosystem), AutotestResults(AutotestResults::pathFor(ecosystem)).all() };
    }).then(this, [this, generation](const Scan &scan) {
        if (generation != m_generation)
            return;
        m_scanning = false;
        apply(scan.gates, scan.autotests);
        Q_EMIT scanFinished();
    });
}

QList<TaskBoardModel::Card> TaskBoardModel::cardsOf(
    const BranchGateScan::Result &scan, const QList<AutotestResult> &autotests) const
{
    QHash<QString, const AutotestResult *> verdicts; // "system commit"
    for (const AutotestResult &result : autotests)
        verdicts.insert(result.system + QLatin1Char(' ') + result.commit, &result);
    QList<Card> cards;
    QHash<QString, int> byKey;
    struct Merged
    {
        QList<const BranchGateScan::Branch *> branches;
    };
    QList<Merged> merged;
    for (const BranchGateScan::System &system : scan.systems) {
        for (const BranchGateScan::Branch &branch : system.branches) {
            const QString key =
                branch.taskKey.isEmpty() ? branch.system + QLatin1Char(':') + branch.name : branch.taskKey;
            auto it = byKey.constFind(key);
            if (it == byKey.constEnd()) {
                it = byKey.insert(key, int(cards.size()));
                Card card;
                card.key = key;
                cards.append(card);
                merged.append(Merged {});
            }
            merged[*it].branches.append(&branch);
        }
    }
    for (int i = 0; i < cards.size(); ++i) {
        Card &card = cards[i];
        const QList<const BranchGateScan::Branch *> &branches = merged[i].branches;
        const BranchGateScan::Branch &first = *branches.first();
        if (first.taskKey.isEmpty()) {
            card.column = noTaskColumn();
            card.title = tr("Branch %1 names no task").arg(first.name);
        } else if (first.task && first.task->task) {
            card.title = first.task->task->title;
            card.status = first.task->task->status;
            card.assignee = first.task->task->assignee;
            card.column = card.status;
        } else {
            card.column = unknownStatusColumn();
            card.problem = first.task && first.task->error ? first.task->error.message()
                                                           : tr("no tracker to look %1 up in").arg(first.taskKey);
        }
        // A gate passes for the task when it passes on every branch.
        QList<GateVerdict::Gate> order;
        QHash<int, GateVerdict> worst;
        QStringList tips;
        card.approvals = INT_MAX;
        card.mergeable = true;
        bool update = true;
        QString updateReason;
        QString mergeReason;
        for (const BranchGateScan::Branch *branch : branches) {
            card.branches.append(branch->system + QStringLiteral(": ") + branch->name);
            card.approvals = std::min(card.approvals, branch->reviews.approvals());
            tips.append(
                QStringLiteral("<b>%1: %2</b>").arg(branch->system.toHtmlEscaped(), branch->name.toHtmlEscaped()));
            for (const GateVerdict &verdict : branch->verdicts) {
                if (!worst.contains(int(verdict.gate))) {
                    order.append(verdict.gate);
                    worst.insert(int(verdict.gate), verdict);
                } else if (!verdict.passed() && worst[int(verdict.gate)].passed()) {
                    worst.insert(int(verdict.gate), verdict);
                }
                tips.append(QStringLiteral("%1 %2: %3")
                        .arg(verdict.passed() ? QStringLiteral("✔") : QStringLiteral("✘"),
                            GateVerdict::gateName(verdict.gate), verdict.reason.toHtmlEscaped()));
            }
            const auto updateFailure = GateEvaluator::firstFailure(branch->verdicts, GateEvaluator::showroomGates());
            if (updateFailure && update) {
                update = false;
                updateReason = QStringLiteral("%1: %2").arg(branch->name, updateFailure->reason);
            }
            const auto mergeFailure = GateEvaluator::firstFailure(branch->verdicts, GateEvaluator::mergeGates());
            if (mergeFailure && card.mergeable) {
                card.mergeable = false;
                mergeReason = QStringLiteral("%1: %2").arg(branch->name, mergeFailure->reason);
            }
        }
        for (GateVerdict::Gate gate : std::as_const(order)) {
            const GateVerdict &verdict = worst[int(gate)];
            card.gates.append(QVariantMap { { QStringLiteral("gate"), GateVerdict::gateName(gate) },
                { QStringLiteral("state"), GateVerdict::stateName(verdict.state) },
                { QStringLiteral("reason"), verdict.reason } });
        }
        // The autotests of the heads, worst first: failed, then not known
        // (running, could not be tested), then passed. Heads nobody tested
        // add no chip: the robot has not seen them yet.
        QVariantMap tests;
        int testRank = -1;
        for (const BranchGateScan::Branch *branch : branches) {
            const AutotestResult *result = verdicts.value(branch->system + QLatin1Char(' ') + branch->commit);
            if (!result)
                continue;
            const bool failed = result->verdict == AutotestResult::Verdict::Failed;
            const bool passed = result->verdict == AutotestResult::Verdict::Passed;
            const int rank = failed ? 2 : passed ? 0 : 1;
            QString reason;
            switch (result->verdict) {
            case AutotestResult::Verdict::Passed:
                reason = tr("%1 passed its autotests at %2").arg(branch->system, branch->commit.left(12));
                break;
            case AutotestResult::Verdict::Failed:
                reason = tr("%1 failed its autotests at %2: %3: %4")
                             .arg(branch->system, branch->commit.left(12), result->step, result->reason);
                break;
            case AutotestResult::Verdict::Error:
                reason =
                    tr("%1 could not be tested at %2: %3").arg(branch->system, branch->commit.left(12), result->reason);
                break;
            case AutotestResult::Verdict::Running:
                reason =
                    tr("%1 is being tested at %2 by %3").arg(branch->system, branch->commit.left(12), result->tester);
                break;
            }
            if (!passed && result->verdict != AutotestResult::Verdict::Running)
                card.retests.append(branch->system + QLatin1Char(' ') + branch->commit);
            tips.append(QStringLiteral("%1 %2: %3")
                    .arg(passed      ? QStringLiteral("✔")
                            : failed ? QStringLiteral("✘")
                                     : QStringLiteral("…"),
                        QStringLiteral("autotests"), reason.toHtmlEscaped()));
            if (rank > testRank) {
                testRank = rank;
                tests = QVariantMap { { QStringLiteral("gate"), QStringLiteral("autotests") },
                    { QStringLiteral("state"),
                        passed       ? QStringLiteral("passed")
                            : failed ? QStringLiteral("failed")
                                     : QStringLiteral("unknown") },
                    { QStringLiteral("reason"), reason } };
            }
        }
        if (!tests.isEmpty())
            card.gates.append(tests);
        if (!card.problem.isEmpty())
            tips.prepend(card.problem.toHtmlEscaped());
        card.tooltip = tips.join(QStringLiteral("<br>"));
        card.actionEnabled[actionIndex(Action::DeliverToShowroom)] = update;
        card.actionReason[actionIndex(Action::DeliverToShowroom)] = updateReason;
        // Staging and production may ask for more reviews than the ecosystem
        // does; the delivery enforces the larger number (DeliveryGate).
        const auto gateFor = [&](Action action, EnvironmentKind kind) {
            int required = m_ecosystem.gating.reviewsRequired;
            QString name;
            for (const Environment &environment : m_ecosystem.environments)
                if (environment.kind == kind) {
                    required = m_ecosystem.requiredApprovals(environment);
                    name = environment.name;
                    break;
                }
            bool enabled = card.mergeable;
            QString reason = mergeReason;
            if (enabled && card.approvals < required) {
                enabled = false;
                reason = tr("%1 of %2 required approvals for %3").arg(card.approvals).arg(required).arg(name);
            }
            card.actionEnabled[actionIndex(action)] = enabled;
            card.actionReason[actionIndex(action)] = reason;
        };
        gateFor(Action::Deliver, EnvironmentKind::Staging);
        gateFor(Action::Merge, EnvironmentKind::Production);
    }
    return cards;
}

int TaskBoardModel::columnRow(const QString &status) const
{
    for (int row = 0; row < int(m_columns.size()); ++row) {
        if (m_columns[row]->status.compare(status, Qt::CaseInsensitive) == 0)
            return row;
    }
    return -1;
}

int TaskBoardModel::ensureColumn(const QString &status)
{
    const int existing = columnRow(status);
    if (existing >= 0)
        return existing;
    const int row = int(m_columns.size());
    beginInsertRows({}, row, row);
    auto column = std::make_unique<Column>();
    column->status = status;
    m_columns.push_back(std::move(column));
    endInsertRows();
    return row;
}

QList<int> TaskBoardModel::changedRoles(const Card &before, const Card &after) const
{
    QList<int> roles;
    if (before.title != after.title)
        roles << TitleRole << Qt::DisplayRole;
    if (before.status != after.status)
        roles << StatusRole;
    if (before.assignee != after.assignee)
        roles << AssigneeRole;
    if (before.branches != after.branches)
        roles << BranchesRole;
    if (before.gates != after.gates)
        roles << GatesRole;
    if (before.approvals != after.approvals)
        roles << ApprovalsRole;
    if (before.mergeable != after.mergeable)
        roles << MergeableRole;
    if (before.tooltip != after.tooltip)
        roles << Qt::ToolTipRole;
    if (before.problem != after.problem)
        roles << ProblemRole;
    if (before.retests != after.retests)
        roles << RetestRole;
    const int enabled[] = { ShowroomEnabledRole, DeliverEnabledRole, MergeEnabledRole };
    const int reasons[] = { ShowroomReasonRole, DeliverReasonRole, MergeReasonRole };
    for (int i = 0; i < 3; ++i) {
        if (before.actionEnabled[i] != after.actionEnabled[i])
            roles << enabled[i];
        if (before.actionReason[i] != after.actionReason[i])
            roles << reasons[i];
    }
    return roles;
}

void TaskBoardModel::apply(const BranchGateScan::Result &scan, const QList<AutotestResult> &autotests)
{
    m_problems.clear();
    if (!scan.error.isEmpty())
        m_problems.append(scan.error);
    if (!scan.trackerError.isEmpty())
        m_problems.append(scan.trackerError);
    for (const BranchGateScan::System &system : scan.systems) {
        if (!system.error.isEmpty())
            m_problems.append(tr("%1: %2").arg(system.name, system.error));
        if (!system.reviewError.isEmpty())
            m_problems.append(tr("%1: %2").arg(system.name, system.reviewError));
    }

    const QList<Card> cards = cardsOf(scan, autotests);
    QHash<QString, const Card *> wanted;
    for (const Card &card : cards)
        wanted.insert(card.key, &card);

    // Gone or moved cards leave their columns, highest rows first.
    for (int c = 0; c < int(m_columns.size()); ++c) {
        Column &column = *m_columns[c];
        for (int row = int(column.cards.size()) - 1; row >= 0; --row) {
            const Card *next = wanted.value(column.cards[row]->key);
            if (next && columnRow(next->column) == c)
                continue;
            beginRemoveRows(index(c, 0), row, row);
            column.cards.erase(column.cards.begin() + row);
            endRemoveRows();
        }
    }
    // What stays changes in place; what is new (or moved) is appended to its column.
    QHash<QString, Card *> present;
    for (const auto &column : m_columns)
        for (const auto &card : column->cards)
            present.insert(card->key, card.get());
    for (const Card &card : cards) {
        if (Card *have = present.value(card.key)) {
            const QList<int> roles = changedRoles(*have, card);
            if (!roles.isEmpty()) {
                *have = card;
                const QModelIndex changed = cardIndex(card.key);
                Q_EMIT dataChanged(changed, changed, roles);
            }
            continue;
        }
        const int c = ensureColumn(card.column);
        Column &column = *m_columns[c];
        const int row = int(column.cards.size());
        beginInsertRows(index(c, 0), row, row);
        column.cards.push_back(std::make_unique<Card>(card));
        endInsertRows();
    }
    // The column titles carry their counts.
    if (!m_columns.empty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_columns.size()) - 1, 0), { Qt::DisplayRole });
}

QModelIndex TaskBoardModel::columnIndex(const QString &status) const
{
    const int row = columnRow(status);
    return row < 0 ? QModelIndex() : index(row, 0);
}

QModelIndex TaskBoardModel::cardIndex(const QString &key) const
{
    for (int c = 0; c < int(m_columns.size()); ++c) {
        const auto &cards = m_columns[c]->cards;
        for (int row = 0; row < int(cards.size()); ++row) {
            if (cards[row]->key == key)
                return createIndex(row, 0, m_columns[c].get());
        }
    }
    return {};
}

int TaskBoardModel::enabledRole(Action action)
{
    switch (action) {
    case Action::DeliverToShowroom:
        return ShowroomEnabledRole;
    case Action::Deliver:
        return DeliverEnabledRole;
    case Action::Merge:
        return MergeEnabledRole;
    }
    return 0;
}

int TaskBoardModel::reasonRole(Action action)
{
    switch (action) {
    case Action::DeliverToShowroom:
        return ShowroomReasonRole;
    case Action::Deliver:
        return DeliverReasonRole;
    case Action::Merge:
        return MergeReasonRole;
    }
    return 0;
}

const TaskBoardModel::Column *TaskBoardModel::columnOf(const QModelIndex &index) const
{
    if (!index.isValid() || index.internalPointer())
        return nullptr;
    return index.row() < int(m_columns.size()) ? m_columns[index.row()].get() : nullptr;
}

const TaskBoardModel::Card *TaskBoardModel::cardOf(const QModelIndex &index) const
{
    if (!index.isValid() || !index.internalPointer())
        return nullptr;
    const auto *column = static_cast<const Column *>(index.internalPointer());
    return index.row() < int(column->cards.size()) ? column->cards[index.row()].get() : nullptr;
}

QModelIndex TaskBoardModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column != 0)
        return {};
    if (!parent.isValid())
        return row < int(m_columns.size()) ? createIndex(row, 0, nullptr) : QModelIndex();
    const Column *owner = columnOf(parent);
    if (!owner || row >= int(owner->cards.size()))
        return {};
    return createIndex(row, 0, const_cast<Column *>(owner));
}

QModelIndex TaskBoardModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || !child.internalPointer())
        return {};
    const auto *column = static_cast<const Column *>(child.internalPointer());
    for (int row = 0; row < int(m_columns.size()); ++row) {
        if (m_columns[row].get() == column)
            return createIndex(row, 0, nullptr);
    }
    return {};
}

int TaskBoardModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_columns.size());
    const Column *column = columnOf(parent);
    return column ? int(column->cards.size()) : 0;
}

int TaskBoardModel::columnCount(const QModelIndex &) const
{
    return 1;
}

QVariant TaskBoardModel::data(const QModelIndex &index, int role) const
{
    if (const Column *column = columnOf(index)) {
        switch (role) {
        case Qt::DisplayRole:
            return tr("%1 (%2)").arg(column->status).arg(column->cards.size());
        case StatusRole:
            return column->status;
        case IsColumnRole:
            return true;
        }
        return {};
    }
    const Card *card = cardOf(index);
    if (!card)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return QStringLiteral("%1 %2").arg(card->key, card->title);
    case Qt::ToolTipRole:
        return card->tooltip;
    case IsColumnRole:
        return false;
    case KeyRole:
        return card->key;
    case TitleRole:
        return card->title;
    case StatusRole:
        return card->status;
    case AssigneeRole:
        return card->assignee;
    case BranchesRole:
        return card->branches;
    case GatesRole:
        return card->gates;
    case ApprovalsRole:
        return card->approvals == INT_MAX ? 0 : card->approvals;
    case ApprovalsRequiredRole:
        return m_ecosystem.gating.reviewsRequired;
    case MergeableRole:
        return card->mergeable;
    case ShowroomEnabledRole:
        return card->actionEnabled[actionIndex(Action::DeliverToShowroom)];
    case ShowroomReasonRole:
        return card->actionReason[actionIndex(Action::DeliverToShowroom)];
    case DeliverEnabledRole:
        return card->actionEnabled[actionIndex(Action::Deliver)];
    case DeliverReasonRole:
        return card->actionReason[actionIndex(Action::Deliver)];
    case MergeEnabledRole:
        return card->actionEnabled[actionIndex(Action::Merge)];
    case MergeReasonRole:
        return card->actionReason[actionIndex(Action::Merge)];
    case ProblemRole:
        return card->problem;
    case RetestRole:
        return card->retests;
    }
    return {};
}

} // namespace Shipyard
