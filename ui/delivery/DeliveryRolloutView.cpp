// SPDX-License-Identifier: GPL-2.0-or-later
#include "delivery/DeliveryRolloutView.h"

#include "widgets/RolloutChartView.h"

#include "live/ReplicaTimeline.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace Shipyard {

DeliveryRolloutView::DeliveryRolloutView(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *bar = new QHBoxLayout;
    auto *label = new QLabel(tr("&Rollout of:"));
    m_box = new QComboBox;
    m_box->setAccessibleName(tr("Deployment whose rollout the chart shows"));
    m_box->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    label->setBuddy(m_box);
    bar->addWidget(label);
    bar->addWidget(m_box);
    bar->addStretch(1);
    layout->addLayout(bar);
    m_chart = new RolloutChartView;
    m_chart->setAccessibleName(tr("Ready replicas over time during the delivery"));
    layout->addWidget(m_chart, 1);
    connect(m_box, &QComboBox::activated, this, [this](int index) {
        m_chosen = true;
        showIndex(index);
    });
}

void DeliveryRolloutView::clear()
{
    m_chart->setTimeline(nullptr);
    m_box->clear();
    qDeleteAll(m_timelines);
    m_timelines.clear();
    m_keys.clear();
    m_deploymentKeys.clear();
    m_chosen = false;
}

void DeliveryRolloutView::record(const QString &system, const QJsonObject &deployment)
{
    const QString name = deployment[QLatin1String("metadata")][QLatin1String("name")].toString();
    if (system.isEmpty() || name.isEmpty())
        return;
    const QString id = system + QLatin1Char('\n') + name;
    QString key = m_deploymentKeys.value(id);
    if (key.isEmpty()) {
        // The system's name says enough until a second deployment of it arrives.
        key = m_keys.contains(system) || name != system ? system + QLatin1Char('/') + name : system;
        auto *timeline = new ReplicaTimeline(this);
        // The delivery reads the first state right after applying its change.
        timeline->setFirstStateStartsRollout(true);
        connect(timeline, &ReplicaTimeline::rolloutStarted, this, [this, key] {
            if (!m_chosen)
                setCurrentKey(key);
        });
        m_timelines.insert(key, timeline);
        m_deploymentKeys.insert(id, key);
        m_keys.append(key);
        m_box->addItem(key, key);
        if (m_box->count() == 1)
            showIndex(0);
    }
    m_timelines.value(key)->record(deployment);
}

QString DeliveryRolloutView::currentKey() const
{
    return m_box->currentData().toString();
}

bool DeliveryRolloutView::setCurrentKey(const QString &key)
{
    const int index = m_box->findData(key);
    if (index < 0)
        return false;
    if (index != m_box->currentIndex() || m_chart->timeline() != m_timelines.value(key))
        showIndex(index);
    return true;
}

void DeliveryRolloutView::showIndex(int index)
{
    m_box->setCurrentIndex(index);
    const QString key = m_box->itemData(index).toString();
    m_chart->setTimeline(m_timelines.value(key), tr("Replicas of %1").arg(key));
}

} // namespace Shipyard
