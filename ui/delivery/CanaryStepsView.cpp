// SPDX-License-Identifier: GPL-2.0-or-later
#include "delivery/CanaryStepsView.h"

#include "delivery/DeliveryCanaryModel.h"

#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>

namespace Shipyard {

namespace {

constexpr int rowHeight = 26;
constexpr int barHeight = 14;
constexpr int margin = 8;
constexpr int verdictWidth = 190;

QColor verdictColor(CanaryStepResult::Verdict verdict)
{
    switch (verdict) {
    case CanaryStepResult::Verdict::Holding:
        return QColor(0x2f, 0x80, 0xed);
    case CanaryStepResult::Verdict::Passed:
    case CanaryStepResult::Verdict::Promoted:
        return QColor(0x2e, 0x9d, 0x55);
    case CanaryStepResult::Verdict::Failed:
    case CanaryStepResult::Verdict::Aborted:
        return QColor(0xd6, 0x45, 0x45);
    case CanaryStepResult::Verdict::Cancelled:
        return QColor(0xd9, 0x8b, 0x1a);
    case CanaryStepResult::Verdict::Pending:
    case CanaryStepResult::Verdict::Skipped:
        break;
    }
    return QColor(0x8a, 0x8f, 0x98);
}

} // namespace

CanaryStepsView::CanaryStepsView(QWidget *parent) : QWidget(parent)
{
    setAccessibleName(tr("Canary steps"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void CanaryStepsView::setModel(DeliveryCanaryModel *model)
{
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = model;
    if (model) {
        const auto changed = [this] {
            updateGeometry();
            update();
        };
        connect(model, &QAbstractItemModel::dataChanged, this, changed);
        connect(model, &QAbstractItemModel::rowsInserted, this, changed);
        connect(model, &QAbstractItemModel::modelReset, this, changed);
    }
    updateGeometry();
    update();
}

int CanaryStepsView::labelWidth() const
{
    int width = 0;
    const int rows = m_model ? m_model->rowCount() : 0;
    for (int row = 0; row < rows; ++row) {
        const QModelIndex index = m_model->index(row);
        const QString label = tr("%1 · %2 %")
                                  .arg(index.data(DeliveryCanaryModel::SystemRole).toString())
                                  .arg(index.data(DeliveryCanaryModel::ShareRole).toInt());
        width = std::max(width, fontMetrics().horizontalAdvance(label));
    }
    return width + 2 * margin;
}

QSize CanaryStepsView::sizeHint() const
{
    const int rows = m_model ? m_model->rowCount() : 0;
    return { labelWidth() + 300 + verdictWidth, 2 * margin + rows * rowHeight };
}

QSize CanaryStepsView::minimumSizeHint() const
{
    return { labelWidth() + 100 + verdictWidth, sizeHint().height() };
}

QRect CanaryStepsView::barRect(int row) const
{
    const int left = labelWidth();
    const int width = std::max(40, this->width() - left - verdictWidth - margin);
    return { left, margin + row * rowHeight + (rowHeight - barHeight) / 2, width, barHeight };
}

void CanaryStepsView::paintEvent(QPaintEvent *)
{
    if (!m_model)
        return;
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QColor oldColor = palette().color(QPalette::Mid);
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QModelIndex index = m_model->index(row);
        const auto verdict = CanaryStepResult::Verdict(index.data(DeliveryCanaryModel::VerdictRole).toInt());
        const int replicas = index.data(DeliveryCanaryModel::ReplicasRole).toInt();
        const int old = index.data(DeliveryCanaryModel::OldReplicasRole).toInt();
        const QRect bar = barRect(row);
        const int top = margin + row * rowHeight;

        painter.setPen(palette().color(QPalette::WindowText));
        painter.drawText(QRect(margin, top, bar.left() - 2 * margin, rowHeight), Qt::AlignVCenter | Qt::AlignLeft,
            tr("%1 · %2 %")
                .arg(index.data(DeliveryCanaryModel::SystemRole).toString())
                .arg(index.data(DeliveryCanaryModel::ShareRole).toInt()));

        // Old pods on the left, new on the right, each pod a cell: the
        // proportion the Service spreads the traffic by.
        const int pods = std::max(1, replicas + old);
        const double cell = double(bar.width()) / pods;
        const bool reached =
            verdict != CanaryStepResult::Verdict::Pending && verdict != CanaryStepResult::Verdict::Skipped;
        const QColor newColor = verdictColor(verdict);
        for (int pod = 0; pod < pods; ++pod) {
            const QRectF rect(bar.left() + pod * cell + 1, bar.top(), cell - 2, bar.height());
            const bool isNew = pod >= old;
            if (reached) {
                painter.setPen(Qt::NoPen);
                painter.setBrush(isNew ? newColor : oldColor);
            } else {
                painter.setPen(QPen(isNew ? newColor : oldColor, 1, Qt::DashLine));
                painter.setBrush(Qt::NoBrush);
            }
            painter.drawRoundedRect(rect, 3, 3);
        }

        painter.setPen(palette().color(QPalette::WindowText));
        const QString words = index.data(DeliveryCanaryModel::ShareRole).toInt() == 100
            ? tr("%1 new · %2").arg(replicas).arg(DeliveryCanaryModel::verdictTitle(verdict))
            : tr("%1 new / %2 old · %3").arg(replicas).arg(old).arg(DeliveryCanaryModel::verdictTitle(verdict));
        painter.drawText(QRect(bar.right() + margin, top, verdictWidth, rowHeight), Qt::AlignVCenter | Qt::AlignLeft,
            fontMetrics().elidedText(words, Qt::ElideRight, verdictWidth));
    }
}

bool CanaryStepsView::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip && m_model) {
        const auto *help = static_cast<QHelpEvent *>(event);
        const int row = (help->pos().y() - margin) / rowHeight;
        if (row >= 0 && row < m_model->rowCount() && help->pos().y() >= margin) {
            QToolTip::showText(help->globalPos(), m_model->index(row).data(Qt::ToolTipRole).toString(), this);
            return true;
        }
        QToolTip::hideText();
        event->ignore();
        return true;
    }
    return QWidget::event(event);
}

} // namespace Shipyard
