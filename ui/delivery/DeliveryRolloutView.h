// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QHash>
#include <QJsonObject>
#include <QStringList>
#include <QWidget>

class QComboBox;

namespace Shipyard {

class ReplicaTimeline;
class RolloutChartView;

// The rollouts of a delivery: a replica timeline per deployment it waits
// for, fed with the states the delivery reads, one shown at a time. The
// chart follows the deployment whose rollout started last, until the user
// picks one.
class DeliveryRolloutView : public QWidget
{
    Q_OBJECT
public:
    explicit DeliveryRolloutView(QWidget *parent = nullptr);

    void clear();
    void record(const QString &system, const QJsonObject &deployment);

    // "system" or, for a system with several deployments, "system/deployment"; in arrival order.
    QStringList keys() const { return m_keys; }
    ReplicaTimeline *timeline(const QString &key) const { return m_timelines.value(key); }
    QString currentKey() const;
    bool setCurrentKey(const QString &key);
    RolloutChartView *chartView() const { return m_chart; }
    QComboBox *deploymentBox() const { return m_box; }

private:
    void showIndex(int index);

    QComboBox *m_box = nullptr;
    RolloutChartView *m_chart = nullptr;
    QStringList m_keys;
    QHash<QString, ReplicaTimeline *> m_timelines;
    QHash<QString, QString> m_deploymentKeys; // "system\ndeployment" → key
    bool m_chosen = false; // the user picked a deployment: stay on it
};

} // namespace Shipyard
