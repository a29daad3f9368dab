// SPDX-License-Identifier: GPL-2.0-or-later
#include "TaskBoardView.h"

#include "TaskCardDelegate.h"

#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace Shipyard {

using Action = TaskBoardModel::Action;

TaskBoardView::TaskBoardView(TaskBoardModel *model, QWidget *parent) : QWidget(parent), m_model(model)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
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
    m_columnsLayout->addStretch(1);
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
    buttons->addStretch(1);
    detailsLayout->addLayout(buttons);
    layout->addWidget(detailsFrame);

    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex &column, int first, int last) {
        if (!column.isValid())
            addColumns(first, last);
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        // Each view sits in a frame of its own; deleting the frames deletes the views.
        while (m_columnsLayout->count() > 1) {
            QLayoutItem *item = m_columnsLayout->takeAt(0);
            delete item->widget();
            delete item;
        }
        m_columnViews.clear();
        addColumns(0, m_model->rowCount() - 1);
        showCard({});
    });
    connect(m_model, &QAbstractItemModel::dataChanged, this, [this](const QModelIndex &topLeft) {
        if (m_selected.isValid() && topLeft == QModelIndex(m_selected))
            showCard(m_selected);
    });
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, [this] {
        if (!m_selected.isValid())
            showCard({});
    });
    connect(m_model, &TaskBoardModel::scanFinished, this, &TaskBoardView::updateProblems);
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
        view->setMinimumWidth(240);
        view->setMouseTracking(true);
        title->setBuddy(view);
        frameLayout->addWidget(view, 1);
        m_columnsLayout->insertWidget(m_columnsLayout->count() - 1, frame, 1);
        m_columnViews.insert(row, view);
        connect(view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this, view](const QModelIndex &current) {
                // One selection across the board.
                for (QListView *other : std::as_const(m_columnViews))
                    if (other != view)
                        other->clearSelection();
                showCard(current);
            });
    }
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
    for (int i = 0; i < 3; ++i) {
        const bool enabled = index.data(TaskBoardModel::enabledRole(Action(i))).toBool();
        m_buttons[i]->setEnabled(enabled);
        // The reason stays readable on a disabled button.
        m_buttons[i]->setToolTip(enabled ? QString() : index.data(TaskBoardModel::reasonRole(Action(i))).toString());
    }
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

QString TaskBoardView::selectedKey() const
{
    return m_selected.data(TaskBoardModel::KeyRole).toString();
}

} // namespace Shipyard
