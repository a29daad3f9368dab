// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "pipeline/Delivery.h"

#include <QAbstractListModel>
#include <QPointer>

namespace Shipyard {

// The canary steps of one delivery, a row per step of each system that runs
// a canary, in the order they run: the share, the new pods beside the old
// and the verdict. Fed by the delivery's canaryChanged signal (a system's
// steps arrive whole; a change repaints its rows), the first rows from its
// snapshot.
class DeliveryCanaryModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role {
        SystemRole = Qt::UserRole + 1,
        ShareRole, // per cent, as planned
        ReplicasRole, // the canary's pods
        OldReplicasRole, // the main Deployment's, still old
        PodShareRole, // the share of all pods that are new, per cent
        VerdictRole, // CanaryStepResult::Verdict as int
        VerdictKeywordRole, // "holding", "passed", …
        MessageRole,
    };

    explicit DeliveryCanaryModel(QObject *parent = nullptr);

    // Follows DELIVERY (not owned; nullptr empties the model).
    void setDelivery(Delivery *delivery);
    // SYSTEM's steps as they stand now: rows inserted the first time, changed after.
    void applySteps(const QString &system, const QList<CanaryStepResult> &steps);
    void clear();

    static QString verdictTitle(CanaryStepResult::Verdict verdict);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        QString system;
        CanaryStepResult step;
    };

    QPointer<Delivery> m_delivery;
    QList<Row> m_rows;
};

} // namespace Shipyard
