// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QDialog>

class QAction;
class QLineEdit;
class QListView;
class QSortFilterProxyModel;
class QStandardItemModel;

namespace Shipyard {

// Ctrl+K: type a few letters of any action in the window's menus and run it.
class CommandPalette : public QDialog
{
    Q_OBJECT
public:
    explicit CommandPalette(QWidget *window);

    // Collects the enabled actions of the window's menu bar, with their menu path.
    void collectActions();
    int visibleCount() const;
    void setFilterText(const QString &text);
    // Triggers the selected (or first) action and closes.
    void triggerCurrent();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QLineEdit *m_filter = nullptr;
    QListView *m_list = nullptr;
    QStandardItemModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
};

} // namespace Shipyard
