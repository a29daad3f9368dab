// SPDX-License-Identifier: GPL-2.0-or-later
#include "shell/CommandPalette.h"

#include <QAction>
#include <QKeyEvent>
#include <QLineEdit>
#include <QListView>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QPointer>
#include <QRegularExpression>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QVBoxLayout>

namespace Shipyard {

namespace {

constexpr int ActionRole = Qt::UserRole + 1;

void addMenuActions(QMenu *menu, const QString &path, QStandardItemModel *model)
{
    const QList<QAction *> actions = menu->actions();
    for (QAction *action : actions) {
        if (action->isSeparator() || !action->isVisible())
            continue;
        const QString text = QString(action->text()).remove(QLatin1Char('&'));
        if (QMenu *submenu = action->menu()) {
            addMenuActions(submenu, path + text + QStringLiteral(" › "), model);
            continue;
        }
        if (!action->isEnabled())
            continue;
        auto *item = new QStandardItem(action->icon(), path + text);
        if (!action->shortcut().isEmpty())
            item->setToolTip(action->shortcut().toString(QKeySequence::NativeText));
        item->setData(QVariant::fromValue(QPointer<QAction>(action)), ActionRole);
        item->setEditable(false);
        model->appendRow(item);
    }
}

} // namespace

CommandPalette::CommandPalette(QWidget *window)
    : QDialog(window)
    , m_filter(new QLineEdit(this))
    , m_list(new QListView(this))
    , m_model(new QStandardItemModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
{
    setWindowTitle(tr("Command Palette"));
    setModal(true);
    resize(520, 360);
    m_filter->setPlaceholderText(tr("Type to find an action…"));
    m_filter->setAccessibleName(tr("Action filter"));
    m_filter->setClearButtonEnabled(true);
    m_filter->installEventFilter(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_list->setModel(m_proxy);
    m_list->setAccessibleName(tr("Actions"));
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_filter);
    layout->addWidget(m_list);
    connect(m_filter, &QLineEdit::textChanged, this, &CommandPalette::setFilterText);
    connect(m_filter, &QLineEdit::returnPressed, this, &CommandPalette::triggerCurrent);
    connect(m_list, &QListView::activated, this, &CommandPalette::triggerCurrent);
}

void CommandPalette::collectActions()
{
    m_model->clear();
    if (auto *mainWindow = qobject_cast<QMainWindow *>(parentWidget())) {
        const QList<QAction *> menus = mainWindow->menuBar()->actions();
        for (QAction *menuAction : menus) {
            if (QMenu *menu = menuAction->menu())
                addMenuActions(
                    menu, QString(menuAction->text()).remove(QLatin1Char('&')) + QStringLiteral(" › "), m_model);
        }
    }
    m_filter->clear();
    m_list->setCurrentIndex(m_proxy->index(0, 0));
}

int CommandPalette::visibleCount() const
{
    return m_proxy->rowCount();
}

void CommandPalette::setFilterText(const QString &text)
{
    // Every word must appear, in any order: "rec open" finds "File › Open Recent".
    QString pattern;
    const QStringList words = text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (const QString &word : words)
        pattern += QStringLiteral("(?=.*%1)").arg(QRegularExpression::escape(word));
    m_proxy->setFilterRegularExpression(QRegularExpression(pattern, QRegularExpression::CaseInsensitiveOption));
    m_list->setCurrentIndex(m_proxy->index(0, 0));
}

void CommandPalette::triggerCurrent()
{
    QModelIndex index = m_list->currentIndex();
    if (!index.isValid())
        index = m_proxy->index(0, 0);
    if (!index.isValid())
        return;
    const QPointer<QAction> action = index.data(ActionRole).value<QPointer<QAction>>();
    accept();
    if (action)
        action->trigger();
}

bool CommandPalette::eventFilter(QObject *watched, QEvent *event)
{
    // Up and down move through the list while the filter keeps the focus.
    if (watched == m_filter && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Down || key == Qt::Key_Up) {
            const int row = std::clamp(
                m_list->currentIndex().row() + (key == Qt::Key_Down ? 1 : -1), 0, std::max(0, m_proxy->rowCount() - 1));
            m_list->setCurrentIndex(m_proxy->index(row, 0));
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

} // namespace Shipyard
