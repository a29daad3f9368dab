// SPDX-License-Identifier: GPL-2.0-or-later
#include "tasks/TaskCardDelegate.h"

#include "tasks/TaskBoardModel.h"

#include <QAbstractItemView>
#include <QPainter>
#include <QPainterPath>

namespace Shipyard {

namespace {
constexpr int margin = 6;
constexpr int padding = 8;
} // namespace

QString TaskCardDelegate::gateLabel(const QString &gateName)
{
    if (gateName == QLatin1String("task-key"))
        return tr("key");
    if (gateName == QLatin1String("branch-update-status"))
        return tr("update");
    if (gateName == QLatin1String("approvals"))
        return tr("reviews");
    if (gateName == QLatin1String("merge-status"))
        return tr("merge");
    if (gateName == QLatin1String("clean-integration"))
        return tr("integrates");
    if (gateName == QLatin1String("autotests"))
        return tr("tests");
    return gateName;
}

namespace {

QFont smallFont(const QFont &font)
{
    QFont small = font;
    small.setPointSizeF(font.pointSizeF() * 0.9);
    return small;
}

QString chipText(const QModelIndex &index, const QVariantMap &gate)
{
    const QString name = gate.value(QStringLiteral("gate")).toString();
    if (name == QLatin1String("approvals"))
        return TaskCardDelegate::tr("reviews %1/%2")
            .arg(index.data(TaskBoardModel::ApprovalsRole).toInt())
            .arg(index.data(TaskBoardModel::ApprovalsRequiredRole).toInt());
    return TaskCardDelegate::gateLabel(name);
}

// The rows the gate chips take in `width`.
int chipRows(const QModelIndex &index, const QFontMetrics &metrics, int width)
{
    int rows = 1;
    int x = 0;
    for (const QVariant &gate : index.data(TaskBoardModel::GatesRole).toList()) {
        const int chip = metrics.horizontalAdvance(chipText(index, gate.toMap())) + 12;
        if (x + chip > width && x > 0) {
            ++rows;
            x = 0;
        }
        x += chip + 4;
    }
    return rows;
}

} // namespace

QSize TaskCardDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    // As wide as the column; as tall as title, branches, chip rows and the mergeable line.
    const auto *view = qobject_cast<const QAbstractItemView *>(option.widget);
    const int width = view ? view->viewport()->width() : 220;
    const int line = option.fontMetrics.height();
    const QFontMetrics small(smallFont(option.font));
    const int chipHeight = small.height() + 2;
    const int branches = int(index.data(TaskBoardModel::BranchesRole).toStringList().size());
    const int rows = chipRows(index, small, width - 2 * margin - 2 * padding - 1);
    return { width, margin + 2 * padding + line * (2 + branches) + 8 + rows * (chipHeight + 3) };
}

void TaskCardDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QPalette &palette = option.palette;
    const QRect card = option.rect.adjusted(margin, margin / 2, -margin, -margin / 2);
    const bool selected = option.state & QStyle::State_Selected;
    QPainterPath path;
    path.addRoundedRect(QRectF(card).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6);
    painter->fillPath(path, palette.color(QPalette::Base));
    painter->setPen(
        QPen(selected ? palette.color(QPalette::Highlight) : palette.color(QPalette::Mid), selected ? 2 : 1));
    painter->drawPath(path);

    const QFontMetrics metrics = option.fontMetrics;
    const int line = metrics.height();
    QRect text = card.adjusted(padding, padding, -padding, -padding);
    QFont bold = option.font;
    bold.setBold(true);
    const QString key = index.data(TaskBoardModel::KeyRole).toString();
    painter->setFont(bold);
    painter->setPen(palette.color(QPalette::Text));
    painter->drawText(QRect(text.left(), text.top(), text.width(), line), Qt::AlignLeft | Qt::AlignVCenter, key);
    const int keyWidth = QFontMetrics(bold).horizontalAdvance(key) + 8;
    painter->setFont(option.font);
    const QString assignee = index.data(TaskBoardModel::AssigneeRole).toString();
    const int assigneeWidth = assignee.isEmpty() ? 0 : metrics.horizontalAdvance(assignee) + 8;
    painter->setPen(palette.color(QPalette::PlaceholderText));
    painter->drawText(QRect(text.left(), text.top(), text.width(), line), Qt::AlignRight | Qt::AlignVCenter, assignee);
    painter->setPen(palette.color(QPalette::Text));
    painter->drawText(QRect(text.left() + keyWidth, text.top(), text.width() - keyWidth - assigneeWidth, line),
        Qt::AlignLeft | Qt::AlignVCenter,
        metrics.elidedText(
            index.data(TaskBoardModel::TitleRole).toString(), Qt::ElideRight, text.width() - keyWidth - assigneeWidth));
    int y = text.top() + line;

    const QFont small = smallFont(option.font);
    painter->setFont(small);
    painter->setPen(palette.color(QPalette::PlaceholderText));
    for (const QString &branch : index.data(TaskBoardModel::BranchesRole).toStringList()) {
        painter->drawText(QRect(text.left(), y, text.width(), line), Qt::AlignLeft | Qt::AlignVCenter,
            QFontMetrics(small).elidedText(QStringLiteral("⎇ ") + branch, Qt::ElideMiddle, text.width()));
        y += line;
    }
    y += 4;

    // Gate chips; the reviews chip says how many of how many.
    const QFontMetrics smallMetrics(small);
    int x = text.left();
    const int chipHeight = smallMetrics.height() + 2;
    for (const QVariant &gateValue : index.data(TaskBoardModel::GatesRole).toList()) {
        const QVariantMap gate = gateValue.toMap();
        const QString state = gate.value(QStringLiteral("state")).toString();
        const QString label = chipText(index, gate);
        const QColor color = state == QLatin1String("passed") ? QColor(0x2e, 0x9e, 0x5b)
            : state == QLatin1String("failed")                ? QColor(0xda, 0x44, 0x53)
                                                              : QColor(0x8a, 0x8a, 0x8a);
        const int width = smallMetrics.horizontalAdvance(label) + 12;
        if (x + width > text.right() && x > text.left()) {
            x = text.left();
            y += chipHeight + 3;
        }
        const QRect chip(x, y, width, chipHeight);
        QPainterPath chipPath;
        chipPath.addRoundedRect(QRectF(chip), chipHeight / 2.0, chipHeight / 2.0);
        QColor fill = color;
        fill.setAlpha(40);
        painter->fillPath(chipPath, fill);
        painter->setPen(color);
        painter->drawPath(chipPath);
        painter->drawText(chip, Qt::AlignCenter, label);
        x += width + 4;
    }
    const bool mergeable = index.data(TaskBoardModel::MergeableRole).toBool();
    const QString merge = mergeable ? tr("✔ mergeable") : tr("✘ not mergeable");
    y += chipHeight + 4;
    painter->setPen(mergeable ? QColor(0x2e, 0x9e, 0x5b) : palette.color(QPalette::PlaceholderText));
    painter->drawText(QRect(text.left(), y, text.width(), line), Qt::AlignLeft | Qt::AlignVCenter, merge);
    painter->restore();
}

} // namespace Shipyard
