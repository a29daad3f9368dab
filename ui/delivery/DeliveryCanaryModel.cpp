// SPDX-License-Identifier: GPL-2.0-or-later
#include "delivery/DeliveryCanaryModel.h"

namespace Shipyard {

DeliveryCanaryModel::DeliveryCanaryModel(QObject *parent) : QAbstractListModel(parent)
{ }

void DeliveryCanaryModel::setDelivery(Delivery *delivery)
{
    if (m_delivery)
        disconnect(m_delivery, nullptr, this, nullptr);
    clear();
    m_delivery = delivery;
    if (!delivery)
        return;
    connect(delivery, &Delivery::canaryChanged, this, &DeliveryCanaryModel::applySteps);
    connect(delivery, &QObject::destroyed, this, &DeliveryCanaryModel::clear);
    const QMap<QString, QList<CanaryStepResult>> canary = delivery->canary();
    for (auto it = canary.begin(); it != canary.end(); ++it)
        applySteps(it.key(), it.value());
}

void DeliveryCanaryModel::clear()
{
    if (m_rows.isEmpty())
        return;
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

void DeliveryCanaryModel::applySteps(const QString &system, const QList<CanaryStepResult> &steps)
{
    int first = -1;
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows[row].system == system) {
            first = row;
            break;
        }
    }
    if (first < 0) {
        if (steps.isEmpty())
            return;
        const int at = int(m_rows.size());
        beginInsertRows({}, at, at + int(steps.size()) - 1);
        for (const CanaryStepResult &step : steps)
            m_rows.append({ system, step });
        endInsertRows();
        return;
    }
    // A plan does not change during a delivery: the same rows, new values.
    for (int i = 0; i < steps.size() && first + i < m_rows.size() && m_rows[first + i].system == system; ++i) {
        if (m_rows[first + i].step == steps[i])
            continue;
        m_rows[first + i].step = steps[i];
        Q_EMIT dataChanged(index(first + i), index(first + i));
    }
}

QString DeliveryCanaryModel::verdictTitle(CanaryStepResult::Verdict verdict)
{
    switch (verdict) {
    case CanaryStepResult::Verdict::Pending:
        return tr("pending");
    case CanaryStepResult::Verdict::Holding:
        return tr("holding");
    case CanaryStepResult::Verdict::Passed:
        return tr("passed");
    case CanaryStepResult::Verdict::Failed:
        return tr("failed");
    case CanaryStepResult::Verdict::Promoted:
        return tr("promoted by a person");
    case CanaryStepResult::Verdict::Aborted:
        return tr("aborted by a person");
    case CanaryStepResult::Verdict::Skipped:
        return tr("skipped");
    case CanaryStepResult::Verdict::Cancelled:
        return tr("cancelled");
    }
    return {};
}

int DeliveryCanaryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant DeliveryCanaryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows[index.row()];
    const CanaryStepResult &step = row.step;
    switch (role) {
    case Qt::DisplayRole:
        return step.share == 100 ? tr("%1 · 100 %: the main Deployment, %2 pods").arg(row.system).arg(step.replicas)
                                 : tr("%1 · %2 %: %3 new beside %4 old")
                                       .arg(row.system)
                                       .arg(step.share)
                                       .arg(step.replicas)
                                       .arg(step.oldReplicas);
    case Qt::ToolTipRole: {
        QString text = tr("%1, %2 % of the pods (%3 % in fact): %4")
                           .arg(row.system)
                           .arg(step.share)
                           .arg(step.share == 100 ? 100 : step.podShare())
                           .arg(verdictTitle(step.verdict));
        if (!step.message.isEmpty())
            text += QLatin1Char('\n') + step.message;
        return text;
    }
    case SystemRole:
        return row.system;
    case ShareRole:
        return step.share;
    case ReplicasRole:
        return step.replicas;
    case OldReplicasRole:
        return step.oldReplicas;
    case PodShareRole:
        return step.share == 100 ? 100 : step.podShare();
    case VerdictRole:
        return int(step.verdict);
    case VerdictKeywordRole:
        return CanaryStepResult::keyword(step.verdict);
    case MessageRole:
        return step.message;
    default:
        return {};
    }
}

} // namespace Shipyard
