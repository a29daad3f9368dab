// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "tasks/TaskBoardModel.h"

#include <QPersistentModelIndex>
#include <QWidget>

class QHBoxLayout;
class QLabel;
class QLineEdit;
class QListView;
class QPushButton;

namespace Shipyard {

// The Tasks board: a list view per status column of one TaskBoardModel
// (root index = the column), cards painted by TaskCardDelegate, and for
// the selected card its gates' reasons and the actions they allow.
class TaskBoardView : public QWidget
{
    Q_OBJECT
public:
    explicit TaskBoardView(TaskBoardModel *model, QWidget *parent = nullptr);

    QListView *columnView(const QString &status) const;
    QPushButton *actionButton(TaskBoardModel::Action action) const;
    void selectCard(const QString &key);
    QString selectedKey() const;
    QString disabledReasons() const;
    // The tasks that have a showroom now: their cards offer to tear it down.
    void setShowroomTasks(const QStringList &tasks);
    QPushButton *teardownButton() const { return m_teardown; }
    // Shown for a card whose autotests failed or could not run.
    QPushButton *testAgainButton() const { return m_testAgain; }
    // Shows only the cards whose key, title, assignee or branches contain TEXT.
    void setFilterText(const QString &text);
    QLineEdit *filterField() const { return m_filter; }

Q_SIGNALS:
    void actionRequested(const QString &taskKey, Shipyard::TaskBoardModel::Action action);
    void teardownRequested(const QString &taskKey);
    // RETESTS: "system commit" of each verdict to forget (TaskBoardModel::RetestRole).
    void testAgainRequested(const QString &taskKey, const QStringList &retests);

private:
    void addColumns(int first, int last);
    void showCard(const QModelIndex &index);
    void updateProblems();
    void updateCardActions();
    void applyFilter(const QModelIndex &column, int first, int last);
    bool matchesFilter(const QModelIndex &card) const;

    TaskBoardModel *m_model = nullptr;
    QHBoxLayout *m_columnsLayout = nullptr;
    QList<QListView *> m_columnViews;
    QLineEdit *m_filter = nullptr;
    QLabel *m_problems = nullptr;
    QLabel *m_details = nullptr;
    QLabel *m_reasons = nullptr; // why the disabled actions are disabled
    QPushButton *m_buttons[3] = {};
    QPushButton *m_teardown = nullptr;
    QPushButton *m_testAgain = nullptr;
    QStringList m_showroomTasks;
    QPersistentModelIndex m_selected;
};

} // namespace Shipyard
