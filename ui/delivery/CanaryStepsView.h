// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QPointer>
#include <QWidget>

namespace Shipyard {

class DeliveryCanaryModel;

// A delivery's canary steps as bars, one per step: the old pods and the new
// side by side in proportion, the new coloured by the step's verdict, with
// the share and the verdict in words. Reads a DeliveryCanaryModel and
// repaints on its signals.
class CanaryStepsView : public QWidget
{
    Q_OBJECT
public:
    explicit CanaryStepsView(QWidget *parent = nullptr);
    void setModel(DeliveryCanaryModel *model);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
    // The bar of ROW, for tests and tooltips.
    QRect barRect(int row) const;

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;

private:
    int labelWidth() const;

    QPointer<DeliveryCanaryModel> m_model;
};

} // namespace Shipyard
