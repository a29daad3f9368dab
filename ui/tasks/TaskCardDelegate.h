// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QStyledItemDelegate>

namespace Shipyard {

// Paints a TaskBoardModel card: key and title, branches, one chip per gate
// (green passed, red failed, grey unknown), reviews n/N and mergeable.
class TaskCardDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    // The short label of a gate chip ("key", "status", "reviews"…).
    static QString gateLabel(const QString &gateName);
};

} // namespace Shipyard
