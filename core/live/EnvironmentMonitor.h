// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "model/Ecosystem.h"

#include <QList>
#include <QObject>

#include <memory>

namespace Shipyard {

class EnvironmentWatch;
class ClusterAccess;
class ShowroomDirectory;
class KubeInformerRegistry;

// Watches every environment of an ecosystem, each in the ecosystem's order: a
// fixed environment through one EnvironmentWatch, a showroom environment
// through a ShowroomDirectory (its live showrooms, one watch each). A context
// missing from the kubeconfig fails only its own environment.
class EnvironmentMonitor : public QObject
{
    Q_OBJECT
public:
    explicit EnvironmentMonitor(QObject *parent = nullptr);
    ~EnvironmentMonitor() override;

    void watch(const Ecosystem &ecosystem, const ClusterAccess &cluster);
    // Stops every watch; environmentsReset() follows.
    void clear();

    // nullptr for showroom environments (see showrooms()).
    EnvironmentWatch *environment(int index) const { return m_watches.value(index); }
    // nullptr for fixed environments.
    ShowroomDirectory *showrooms(int index) const { return m_showrooms.value(index); }
    int count() const { return int(m_watches.size()); }
    // True once every environment and every live showroom has answered or failed.
    bool isSettled() const;

Q_SIGNALS:
    void environmentsReset();

private:
    void removeAll();

    std::unique_ptr<KubeInformerRegistry> m_registry;
    QList<EnvironmentWatch *> m_watches;
    QList<ShowroomDirectory *> m_showrooms;
};

} // namespace Shipyard
