// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "pipeline/Delivery.h"

#include <QAbstractTableModel>
#include <QPointer>

namespace Shipyard {

// One delivery as a table: a row per system, a column per step, in the
// order the steps run. Steps over the whole environment (the lock) show the
// same cell in every row. Fed by the delivery's signals: a change repaints
// its one cell; the first rows come from the delivery's snapshot.
class DeliveryPipelineModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Role {
        StateRole = Qt::UserRole + 1, // Delivery::State as int
        StateKeywordRole, // "running", "succeeded", …
        StepRole, // Delivery::Step as int
        StartedRole, // QDateTime (UTC), invalid before the step ran
        FinishedRole,
        DurationRole, // qint64 ms: so far while running; -1 before it started
        MessageRole,
        SystemRole,
    };

    explicit DeliveryPipelineModel(QObject *parent = nullptr);

    // Follows DELIVERY (not owned; nullptr empties the model).
    void setDelivery(Delivery *delivery);
    Delivery *delivery() const { return m_delivery; }
    // Brings the cells to STEPS, signalling only what differs: rows for
    // systems that came or went, dataChanged for the cells that changed.
    void applySteps(const QList<Delivery::StepState> &steps);

    static QList<Delivery::Step> stepColumns();
    static QString stepTitle(Delivery::Step step);
    static QString stateTitle(Delivery::State state);
    bool hasRunningStep() const;
    int rowOfSystem(const QString &system) const { return int(m_systems.indexOf(system)); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    const Delivery::StepState *cell(int row, int column) const;
    void refreshFromDelivery();
    static bool sameCell(const Delivery::StepState &a, const Delivery::StepState &b);

    QPointer<Delivery> m_delivery;
    QStringList m_systems;
    // [row][column]; environment-wide steps live in m_environmentSteps.
    QList<QList<Delivery::StepState>> m_cells;
    QList<Delivery::StepState> m_environmentSteps; // one per column
};

} // namespace Shipyard
