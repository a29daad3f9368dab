// SPDX-License-Identifier: GPL-2.0-or-later
#include "delivery/PipelineGraphView.h"

#include "delivery/DeliveryPipelineModel.h"

#include <QHelpEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>

#include <cmath>

namespace Shipyard {

namespace {

constexpr int headerHeight = 34;
constexpr int rowHeight = 62;
constexpr int gap = 18; // between boxes: room for the arrow
constexpr int margin = 10;

QColor stateColor(Delivery::State state)
{
    switch (state) {
    case Delivery::State::Running:
        return QColor(0x2f, 0x80, 0xed);
    case Delivery::State::Succeeded:
        return QColor(0x2e, 0x9d, 0x55);
    case Delivery::State::Failed:
        return QColor(0xd6, 0x45, 0x45);
    case Delivery::State::Cancelled:
        return QColor(0xd9, 0x8b, 0x1a);
    case Delivery::State::Pending:
    case Delivery::State::Skipped:
        break;
    }
    return QColor(0x8a, 0x8f, 0x98);
}

// A glyph that tells the state without relying on colour.
QString stateGlyph(Delivery::State state)
{
    switch (state) {
    case Delivery::State::Pending:
        return QStringLiteral("○");
    case Delivery::State::Running:
        return QStringLiteral("▶");
    case Delivery::State::Succeeded:
        return QStringLiteral("✔");
    case Delivery::State::Failed:
        return QStringLiteral("✖");
    case Delivery::State::Skipped:
        return QStringLiteral("–");
    case Delivery::State::Cancelled:
        return QStringLiteral("⊘");
    }
    return {};
}

} // namespace

PipelineGraphView::PipelineGraphView(QWidget *parent)
    : QWidget(parent), m_placeholder(tr("No delivery in this session yet. Choose “Deliver…” to start one."))
{
    setAccessibleName(tr("Delivery steps"));
    setMouseTracking(true);
    m_pulse.setInterval(80);
    connect(&m_pulse, &QTimer::timeout, this, qOverload<>(&QWidget::update));
    m_clock.start();
}

void PipelineGraphView::setModel(DeliveryPipelineModel *model)
{
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = model;
    if (model) {
        for (auto signal : { &QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved })
            connect(model, signal, this, &PipelineGraphView::modelChanged);
        connect(model, &QAbstractItemModel::dataChanged, this, &PipelineGraphView::modelChanged);
        connect(model, &QAbstractItemModel::modelReset, this, &PipelineGraphView::modelChanged);
    }
    modelChanged();
}

void PipelineGraphView::setPlaceholderText(const QString &text)
{
    m_placeholder = text;
    update();
}

void PipelineGraphView::modelChanged()
{
    // Animate only while something runs: an idle view costs nothing.
    if (m_model && m_model->hasRunningStep()) {
        if (!m_pulse.isActive())
            m_pulse.start();
    } else {
        m_pulse.stop();
    }
    updateGeometry();
    update();
}

int PipelineGraphView::labelWidth() const
{
    int width = fontMetrics().horizontalAdvance(tr("System")) + 2 * margin;
    if (m_model) {
        QFont bold = font();
        bold.setBold(true);
        const QFontMetrics metrics(bold);
        for (int row = 0; row < m_model->rowCount(); ++row)
            width = std::max(
                width, metrics.horizontalAdvance(m_model->headerData(row, Qt::Vertical).toString()) + 2 * margin);
    }
    return std::min(width, 220);
}

QSize PipelineGraphView::sizeHint() const
{
    const int rows = m_model ? std::max(1, m_model->rowCount()) : 1;
    return { labelWidth() + 9 * 120, headerHeight + rows * rowHeight + 2 * margin };
}

QSize PipelineGraphView::minimumSizeHint() const
{
    const int rows = m_model ? std::max(1, m_model->rowCount()) : 1;
    return { labelWidth() + 9 * 70, headerHeight + rows * rowHeight + 2 * margin };
}

QRect PipelineGraphView::cellRect(int row, int column) const
{
    const int columns = m_model ? m_model->columnCount() : 0;
    if (columns == 0)
        return {};
    const int left = labelWidth();
    const double width = double(this->width() - left - margin) / columns;
    const int x = left + int(std::round(column * width));
    const int y = margin + headerHeight + row * rowHeight;
    return QRect(x, y + 4, int(width) - gap, rowHeight - 10);
}

bool PipelineGraphView::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip && m_model) {
        const QPoint position = static_cast<QHelpEvent *>(event)->pos();
        for (int row = 0; row < m_model->rowCount(); ++row) {
            for (int column = 0; column < m_model->columnCount(); ++column) {
                if (cellRect(row, column).contains(position)) {
                    QToolTip::showText(static_cast<QHelpEvent *>(event)->globalPos(),
                        m_model->index(row, column).data(Qt::ToolTipRole).toString(), this);
                    return true;
                }
            }
        }
        QToolTip::hideText();
        return true;
    }
    return QWidget::event(event);
}

void PipelineGraphView::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QPalette palette = this->palette();
    painter.fillRect(rect(), palette.base());
    const bool dark = palette.base().color().lightness() < 128;

    if (!m_model || m_model->rowCount() == 0) {
        painter.setPen(palette.color(QPalette::PlaceholderText));
        painter.drawText(
            rect().adjusted(margin, margin, -margin, -margin), Qt::AlignCenter | Qt::TextWordWrap, m_placeholder);
        return;
    }

    const int columns = m_model->columnCount();
    const int rows = m_model->rowCount();
    QFont bold = font();
    bold.setBold(true);

    // Step titles, with the flow's direction.
    painter.setFont(bold);
    painter.setPen(palette.color(QPalette::Text));
    painter.drawText(
        QRect(margin, margin, labelWidth() - margin, headerHeight), Qt::AlignLeft | Qt::AlignVCenter, tr("System"));
    for (int column = 0; column < columns; ++column) {
        QRect box = cellRect(0, column);
        painter.drawText(QRect(box.left(), margin, box.width(), headerHeight), Qt::AlignCenter,
            m_model->headerData(column, Qt::Horizontal).toString());
    }

    const double phase = (std::sin(double(m_clock.elapsed()) / 180.0) + 1.0) / 2.0;
    for (int row = 0; row < rows; ++row) {
        const QRect first = cellRect(row, 0);
        // Alternate lanes so that a row reads across.
        if (row % 2 == 1)
            painter.fillRect(QRect(0, first.top() - 4, width(), rowHeight), palette.alternateBase());
        painter.setFont(bold);
        painter.setPen(palette.color(QPalette::Text));
        painter.drawText(QRect(margin, first.top(), labelWidth() - margin, first.height()),
            Qt::AlignLeft | Qt::AlignVCenter,
            fontMetrics().elidedText(
                m_model->headerData(row, Qt::Vertical).toString(), Qt::ElideRight, labelWidth() - margin));

        for (int column = 0; column < columns; ++column) {
            const QModelIndex index = m_model->index(row, column);
            const auto state = Delivery::State(index.data(DeliveryPipelineModel::StateRole).toInt());
            const QRect box = cellRect(row, column);
            const QColor color = stateColor(state);

            if (column + 1 < columns) {
                const QRect next = cellRect(row, column + 1);
                const int y = box.center().y();
                painter.setPen(QPen(palette.color(QPalette::Mid), 1.5));
                painter.drawLine(box.right() + 3, y, next.left() - 5, y);
                QPainterPath head;
                head.moveTo(next.left() - 2, y);
                head.lineTo(next.left() - 8, y - 4);
                head.lineTo(next.left() - 8, y + 4);
                head.closeSubpath();
                painter.fillPath(head, palette.color(QPalette::Mid));
            }

            QColor fill = color;
            fill.setAlpha(state == Delivery::State::Pending || state == Delivery::State::Skipped ? (dark ? 30 : 18)
                                                                                                 : (dark ? 80 : 45));
            QPen border(color, state == Delivery::State::Running ? 2.0 + 2.0 * phase : 1.5);
            if (state == Delivery::State::Skipped)
                border.setStyle(Qt::DashLine);
            if (state == Delivery::State::Running) {
                QColor glow = color;
                glow.setAlpha(int(40 + 80 * phase));
                painter.setPen(Qt::NoPen);
                painter.setBrush(glow);
                painter.drawRoundedRect(QRectF(box).adjusted(-3, -3, 3, 3), 8, 8);
            }
            painter.setPen(border);
            painter.setBrush(fill);
            painter.drawRoundedRect(QRectF(box).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6);

            const QStringList lines = index.data(Qt::DisplayRole).toString().split(QLatin1Char('\n'));
            const QRect inner = box.adjusted(6, 4, -6, -4);
            painter.setPen(state == Delivery::State::Pending || state == Delivery::State::Skipped
                    ? palette.color(QPalette::PlaceholderText)
                    : palette.color(QPalette::Text));
            painter.setFont(bold);
            const QString title = stateGlyph(state) + QLatin1Char(' ') + lines.value(0);
            painter.drawText(QRect(inner.left(), inner.top(), inner.width(), inner.height() / 2), Qt::AlignCenter,
                painter.fontMetrics().elidedText(title, Qt::ElideRight, inner.width()));
            painter.setFont(font());
            if (lines.size() > 1)
                painter.drawText(QRect(inner.left(), inner.center().y(), inner.width(), inner.height() / 2),
                    Qt::AlignCenter, lines.value(1));
        }
    }
}

} // namespace Shipyard
