// SPDX-License-Identifier: GPL-2.0-or-later
#include "tasks/TaskBoardView.h"

#include "tasks/TaskCardDelegate.h"

#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

#include <algorithm>

namespace Shipyard {

using Action = TaskBoardModel::Action;

TaskBoardView::TaskBoardView(TaskBoardModel *model, QWidget *parent) : QWidget(parent), m_model(model)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    m_filter = new QLineEdit;
    m_filter->setPlaceholderText(tr("Filter: task, title, assignee, branch…"));
    m_filter->setAccessibleName(tr("Filter the task cards"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, this, [this] {
        for (int row = 0; row < m_model->rowCount(); ++row) {
            const QModelIndex column = m_model->index(row, 0);
            applyFilter(column, 0, m_model->rowCount(column) - 1);
        }
    });
    layout->addWidget(m_filter);
    m_problems = new QLabel;
    m_problems->setWordWrap(true);
    m_problems->setAccessibleName(tr("Problems reading tasks"));
    m_problems->hide();
    layout->addWidget(m_problems);

    auto *scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *board = new QWidget;
    m_columnsLayout = new QHBoxLayout(board);
    m_columnsLayout->setContentsMargins(0, 0, 0, 0);
    scroll->setWidget(board);
    layout->addWidget(scroll, 1);

    auto *detailsFrame = new QFrame;
    detailsFrame->setFrameShape(QFrame::StyledPanel);
    auto *detailsLayout = new QVBoxLayout(detailsFrame);
    m_details = new QLabel(tr("Select a card to see its gates and actions."));
    m_details->setWordWrap(true);
    m_details->setTextFormat(Qt::RichText);
    m_details->setAccessibleName(tr("Gates of the selected task"));
    detailsLayout->addWidget(m_details);
    auto *buttons = new QHBoxLayout;
    const QString labels[] = { tr("Deliver to &Showroom"), tr("&Deliver"), tr("&Merge") };
    for (int i = 0; i < 3; ++i) {
        m_buttons[i] = new QPushButton(labels[i]);
        m_buttons[i]->setAccessibleName(QString(labels[i]).remove(QLatin1Char('&')));
        m_buttons[i]->setEnabled(false);
        buttons->addWidget(m_buttons[i]);
        connect(m_buttons[i], &QPushButton::clicked, this, [this, i] {
            if (m_selected.isValid())
                Q_EMIT actionRequested(m_selected.data(TaskBoardModel::KeyRole).toString(), Action(i));
        });
    }
    m_teardown = new QPushButton(tr("&Tear Down Showroom…"));
    m_teardown->setAccessibleName(tr("Tear down the task's showroom"));
    m_teardown->setEnabled(false);
    m_teardown->hide();
    buttons->addWidget(m_teardown);
    connect(m_teardown, &QPushButton::clicked, this, [this] {
        if (m_selected.isValid())
            Q_EMIT teardownRequested(m_selected.data(TaskBoardModel::KeyRole).toString());
    });
    m_testAgain = new QPushButton(tr("Test &Again"));
    m_testAgain->setAccessibleName(tr("Test the task's branches again"));
    m_testAgain->setToolTip(tr("Forget the failed verdicts of the branches' heads: the robot's next pass tests them "
                               "again (as shipyardctl autotest retry does)"));
    m_testAgain->hide();
    buttons->addWidget(m_testAgain);
    connect(m_testAgain, &QPushButton::clicked, this, [this] {
        if (m_selected.isValid())
            Q_EMIT testAgainRequested(m_selected.data(TaskBoardModel::KeyRole).toString(),
                m_selected.data(TaskBoardModel::RetestRole).toStringList());
    });
    m_reasons = new QLabel;
    m_reasons->setWordWrap(true);
    m_reasons->setTextFormat(Qt::PlainText);
    m_reasons->setAccessibleName(tr("Why actions are disabled"));
    buttons->addWidget(m_reasons, 1);
    detailsLayout->addLayout(buttons);
    layout->addWidget(detailsFrame);

    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex &column, int first, int last) {
        if (!column.isValid())
            addColumns(first, last);
        else
            applyFilter(column, first, last);
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        // Each view sits in a frame of its own; deleting the frames deletes the views.
        while (m_columnsLayout->count() > 0) {
            QLayoutItem *item = m_columnsLayout->takeAt(0);
            delete item->widget();
            delete item;
        }
        m_columnViews.clear();
        addColumns(0, m_model->rowCount() - 1);
        showCard({});
    });
    connect(m_model, &QAbstractItemModel::dataChanged, this,
        [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
            if (topLeft.parent().isValid())
                applyFilter(topLeft.parent(), topLeft.row(), bottomRight.row());
            if (m_selected.isValid() && topLeft == QModelIndex(m_selected))
                showCard(m_selected);
        });
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, [this] {
        if (!m_selected.isValid())
            showCard({});
    });
    connect(m_model, &TaskBoardModel::scanFinished, this, [this] {
        updateProblems();
        // Something to read at once: the first card, until the user picks one.
        if (m_selected.isValid())
            return;
        for (int row = 0; row < m_model->rowCount(); ++row) {
            const QModelIndex column = m_model->index(row, 0);
            if (m_model->rowCount(column) > 0) {
                selectCard(m_model->index(0, 0, column).data(TaskBoardModel::KeyRole).toString());
                break;
            }
        }
    });
    addColumns(0, m_model->rowCount() - 1);
}

void TaskBoardView::addColumns(int first, int last)
{
    auto *delegate = new TaskCardDelegate(this);
    for (int row = first; row <= last; ++row) {
        const QModelIndex column = m_model->index(row, 0);
        auto *frame = new QWidget;
        auto *frameLayout = new QVBoxLayout(frame);
        frameLayout->setContentsMargins(0, 0, 0, 0);
        auto *title = new QLabel;
        title->setTextFormat(Qt::PlainText);
        QFont bold = title->font();
        bold.setBold(true);
        title->setFont(bold);
        // Titles never decide a column's width: every column gets the same.
        title->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
        const QPersistentModelIndex persistent(column);
        const auto updateTitle = [title, persistent] { title->setText(persistent.data().toString()); };
        updateTitle();
        connect(m_model, &QAbstractItemModel::dataChanged, title, updateTitle);
        frameLayout->addWidget(title);
        auto *view = new QListView;
        view->setModel(m_model);
        view->setRootIndex(column);
        view->setItemDelegate(delegate);
        view->setAccessibleName(tr("Tasks in status %1").arg(column.data(TaskBoardModel::StatusRole).toString()));
        view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
        // Wide enough for a card's gate chips in two rows; the board scrolls sideways.
        view->setMinimumWidth(210);
        view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        view->setResizeMode(QListView::Adjust);
        view->setMouseTracking(true);
        title->setBuddy(view);
        frameLayout->addWidget(view, 1);
        m_columnsLayout->insertWidget(row, frame, 1);
        m_columnViews.insert(row, view);
        applyFilter(column, 0, m_model->rowCount(column) - 1);
        connect(view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this, view](const QModelIndex &current) {
                if (!current.isValid())
                    return;
                // One current card across the board: the other columns let go of theirs,
                // so picking their card again counts as a change.
                for (QListView *other : std::as_const(m_columnViews)) {
                    if (other != view)
                        other->selectionModel()->clear();
                }
                showCard(current);
            });
    }
}

void TaskBoardView::setFilterText(const QString &text)
{
    m_filter->setText(text);
}

bool TaskBoardView::matchesFilter(const QModelIndex &card) const
{
    const QString text = m_filter->text().trimmed();
    if (text.isEmpty())
        return true;
    QStringList fields { card.data(TaskBoardModel::KeyRole).toString(), card.data(TaskBoardModel::TitleRole).toString(),
        card.data(TaskBoardModel::AssigneeRole).toString() };
    fields += card.data(TaskBoardModel::BranchesRole).toStringList();
    return std::any_of(fields.cbegin(), fields.cend(),
        [&](const QString &field) { return field.contains(text, Qt::CaseInsensitive); });
}

void TaskBoardView::applyFilter(const QModelIndex &column, int first, int last)
{
    QListView *view = m_columnViews.value(column.row());
    if (!view)
        return;
    for (int row = first; row <= last; ++row)
        view->setRowHidden(row, !matchesFilter(m_model->index(row, 0, column)));
}

void TaskBoardView::updateProblems()
{
    const QStringList problems = m_model->problems();
    m_problems->setText(problems.isEmpty() ? QString() : QStringLiteral("⚠ ") + problems.join(QStringLiteral("\n⚠ ")));
    m_problems->setVisible(!problems.isEmpty());
}

void TaskBoardView::showCard(const QModelIndex &index)
{
    m_selected = index;
    if (!index.isValid()) {
        m_details->setText(tr("Select a card to see its gates and actions."));
        for (QPushButton *button : m_buttons) {
            button->setEnabled(false);
            button->setToolTip({});
        }
        m_reasons->clear();
        updateCardActions();
        return;
    }
    QString html = QStringLiteral("<b>%1</b> %2")
                       .arg(index.data(TaskBoardModel::KeyRole).toString().toHtmlEscaped(),
                           index.data(TaskBoardModel::TitleRole).toString().toHtmlEscaped());
    const QString problem = index.data(TaskBoardModel::ProblemRole).toString();
    if (!problem.isEmpty())
        html += QStringLiteral("<br><span style='color:#da4453'>%1</span>").arg(problem.toHtmlEscaped());
    html += QStringLiteral("<br>") + index.data(Qt::ToolTipRole).toString();
    m_details->setText(html);
    QStringList reasons;
    for (int i = 0; i < 3; ++i) {
        const bool enabled = index.data(TaskBoardModel::enabledRole(Action(i))).toBool();
        const QString reason = index.data(TaskBoardModel::reasonRole(Action(i))).toString();
        m_buttons[i]->setEnabled(enabled);
        // The reason stays readable on a disabled button, and beside the buttons.
        m_buttons[i]->setToolTip(enabled ? QString() : reason);
        if (!enabled && !reasons.contains(reason))
            reasons.append(reason);
    }
    m_reasons->setText(reasons.isEmpty() ? QString() : tr("Not now: %1").arg(reasons.join(QStringLiteral("; "))));
    updateCardActions();
}

void TaskBoardView::setShowroomTasks(const QStringList &tasks)
{
    m_showroomTasks = tasks;
    updateCardActions();
}

void TaskBoardView::updateCardActions()
{
    // Only a card with a failed or untested head has something to test again.
    m_testAgain->setVisible(!m_selected.data(TaskBoardModel::RetestRole).toStringList().isEmpty());
    const QString key = selectedKey();
    const bool has = !key.isEmpty() && m_showroomTasks.contains(key);
    m_teardown->setEnabled(has);
    // Only a task with a showroom has something to tear down; the others need not see the button.
    m_teardown->setVisible(has);
}

QListView *TaskBoardView::columnView(const QString &status) const
{
    const QModelIndex column = m_model->columnIndex(status);
    return column.isValid() && column.row() < m_columnViews.size() ? m_columnViews[column.row()] : nullptr;
}

QPushButton *TaskBoardView::actionButton(Action action) const
{
    return m_buttons[int(action)];
}

void TaskBoardView::selectCard(const QString &key)
{
    const QModelIndex card = m_model->cardIndex(key);
    if (!card.isValid())
        return;
    QListView *view = m_columnViews.value(card.parent().row());
    if (view)
        view->setCurrentIndex(card);
}

QString TaskBoardView::disabledReasons() const
{
    return m_reasons->text();
}

QString TaskBoardView::selectedKey() const
{
    return m_selected.data(TaskBoardModel::KeyRole).toString();
}

} // namespace Shipyard
