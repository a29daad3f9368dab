// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "gating/GateVerdict.h"
#include "model/Ecosystem.h"
#include "tracker/Tracker.h"

#include <QHash>
#include <QList>

#include <memory>
#include <optional>

namespace Shipyard {

class Repository;

// The ecosystem's gates as a delivery into one environment enforces them on
// each feature branch, before anything changes: where branches are merged
// (staging, production) the merge gates, elsewhere the task key and the
// environment's own approvals. Blocks on the tracker and review servers.
class DeliveryGate
{
public:
    DeliveryGate(const Ecosystem &ecosystem, const Environment &environment);
    ~DeliveryGate();

    QList<GateVerdict::Gate> requiredGates() const;

    // The first required gate BRANCH of SYSTEM fails, judged against
    // UPSTREAM; nullopt when it may be delivered.
    std::optional<GateVerdict> refusal(
        Repository &repository, const QString &system, const QString &branch, const QString &upstream);

private:
    Ecosystem m_ecosystem;
    Environment m_environment;
    std::unique_ptr<Tracker> m_tracker;
    TrackerError m_trackerError;
    bool m_trackerCreated = false;
    QHash<QString, TaskLookup> m_tasks;
};

} // namespace Shipyard
