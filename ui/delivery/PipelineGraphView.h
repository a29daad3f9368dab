// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QElapsedTimer>
#include <QPointer>
#include <QTimer>
#include <QWidget>

namespace Shipyard {

class DeliveryPipelineModel;

// The steps of a delivery drawn as a flow from left to right, one lane per
// system: a box per step coloured by its state, with its duration; the
// running steps pulse. Reads a DeliveryPipelineModel and repaints on its
// signals (and while something runs, for the clock and the pulse).
class PipelineGraphView : public QWidget
{
    Q_OBJECT
public:
    explicit PipelineGraphView(QWidget *parent = nullptr);
    void setModel(DeliveryPipelineModel *model);
    void setPlaceholderText(const QString &text);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
    // The box of a cell, for tests and tooltips.
    QRect cellRect(int row, int column) const;

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;

private:
    void modelChanged();
    int labelWidth() const;

    QPointer<DeliveryPipelineModel> m_model;
    QTimer m_pulse;
    QElapsedTimer m_clock;
    QString m_placeholder;
};

} // namespace Shipyard
