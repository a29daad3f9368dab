// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "model/Ecosystem.h"

#include <QList>
#include <QObject>

#include <memory>

namespace Shipyard {

class EnvironmentWatch;
class Kubeconfig;
class KubeInformerRegistry;

// Watches every fixed environment of an ecosystem (showrooms are per task and
// are watched when one is opened). One watch per environment, in the
// ecosystem's order; a context missing from the kubeconfig fails only its
// own environment.
class EnvironmentMonitor : public QObject
{
    Q_OBJECT
public:
    explicit EnvironmentMonitor(QObject *parent = nullptr);
    ~EnvironmentMonitor() override;

    void watch(const Ecosystem &ecosystem, const Kubeconfig &kubeconfig);
    void clear();

    // nullptr for environments that are not watched (showrooms).
    EnvironmentWatch *environment(int index) const { return m_watches.value(index); }
    int count() const { return int(m_watches.size()); }

Q_SIGNALS:
    void environmentsReset();

private:
    std::unique_ptr<KubeInformerRegistry> m_registry;
    QList<EnvironmentWatch *> m_watches;
};

} // namespace Shipyard
