// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "gating/BranchGateScan.h"
#include "model/Ecosystem.h"
#include "pipeline/AutotestResults.h"

#include <QAbstractItemModel>
#include <QTimer>

#include <memory>
#include <vector>

namespace Shipyard {

// The Tasks board: one top-level row per tracker status (a board column),
// under it one card per task (every branch naming the task, in any system)
// with its gates and which actions they allow. Branches without a task key,
// and tasks the tracker could not answer for, get columns of their own.
//
// The scan (git, tracker, reviews) runs in a worker thread; its result is
// applied as a diff: new cards inserted, gone ones removed, moved ones
// removed from one column and inserted in the other, changed ones repainted
// with only the roles that changed.
class TaskBoardModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum class Action { DeliverToShowroom, Deliver, Merge };
    Q_ENUM(Action)
    enum Role {
        IsColumnRole = Qt::UserRole + 1, // bool: a status column, not a card
        KeyRole, // the task key; "system:branch" for a branch without one
        TitleRole,
        StatusRole,
        AssigneeRole,
        BranchesRole, // QStringList "system: branch"
        GatesRole, // QVariantList of QVariantMap {gate, state, reason}, merged over the branches
        ApprovalsRole, // the fewest approvals any of the task's branches has
        ApprovalsRequiredRole,
        MergeableRole, // bool: every branch passes the merge gates
        ShowroomEnabledRole,
        ShowroomReasonRole, // why not, when not
        DeliverEnabledRole,
        DeliverReasonRole,
        MergeEnabledRole,
        MergeReasonRole,
        ProblemRole, // a tracker or repository error about this card
        // QStringList "system commit": the autotest verdicts of its branches'
        // heads that failed or could not be had, for Test Again
        RetestRole,
    };

    explicit TaskBoardModel(QObject *parent = nullptr);
    ~TaskBoardModel() override;

    // A new ecosystem: new columns (the one reset), then a scan.
    void setEcosystem(const Ecosystem &ecosystem);
    // Scans again in the background; a scan already running is not doubled.
    void refresh();
    bool isScanning() const { return m_scanning; }
    // Applies a scan's result; public for tests that scan synchronously.
    // AUTOTESTS: the verdicts of the autotest results file (AutotestResults),
    // shown on the cards whose branch heads they judge.
    void apply(const BranchGateScan::Result &scan, const QList<AutotestResult> &autotests = {});
    // Problems that belong to no card (tracker unreachable, a repository missing).
    QStringList problems() const { return m_problems; }
    void setRefreshInterval(int milliseconds);

    QModelIndex columnIndex(const QString &status) const;
    QModelIndex cardIndex(const QString &key) const;
    static int enabledRole(Action action);
    static int reasonRole(Action action);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void scanFinished();

private:
    struct Card
    {
        QString key;
        QString title;
        QString status;
        QString assignee;
        QString problem;
        QStringList branches;
        QStringList retests;
        QVariantList gates;
        QString tooltip;
        int approvals = 0;
        bool mergeable = false;
        bool actionEnabled[3] = { false, false, false };
        QString actionReason[3];
        QString column;
    };
    struct Column
    {
        QString status;
        std::vector<std::unique_ptr<Card>> cards;
    };

    QList<Card> cardsOf(const BranchGateScan::Result &scan, const QList<AutotestResult> &autotests) const;
    int columnRow(const QString &status) const;
    int ensureColumn(const QString &status);
    QList<int> changedRoles(const Card &before, const Card &after) const;
    const Column *columnOf(const QModelIndex &index) const;
    const Card *cardOf(const QModelIndex &index) const;

    Ecosystem m_ecosystem;
    std::vector<std::unique_ptr<Column>> m_columns;
    QStringList m_problems;
    bool m_scanning = false;
    quint64 m_generation = 0;
    QTimer m_refreshTimer;
};

} // namespace Shipyard
