// SPDX-License-Identifier: GPL-2.0-or-later
#include "pipeline/DeliveryGate.h"

#include "gating/GateEvaluator.h"
#include "gating/ReviewSourceFactory.h"
#include "model/TaskKeyExtractor.h"
#include "tracker/TrackerFactory.h"

#include <algorithm>

namespace Shipyard {

using Gate = GateVerdict::Gate;

DeliveryGate::DeliveryGate(const Ecosystem &ecosystem, const Environment &environment)
    : m_ecosystem(ecosystem), m_environment(environment)
{ }

DeliveryGate::~DeliveryGate() = default;

QList<Gate> DeliveryGate::requiredGates() const
{
    if (m_environment.isFinal())
        return { Gate::TaskKey, Gate::MergeStatus, Gate::Approvals };
    if (m_environment.approvals > 0)
        return { Gate::TaskKey, Gate::Approvals };
    return { Gate::TaskKey };
}

std::optional<GateVerdict> DeliveryGate::refusal(
    Repository &repository, const QString &system, const QString &branch, const QString &upstream)
{
    const QList<Gate> required = requiredGates();
    GateInput input;
    input.branch = branch;
    input.upstream = upstream;
    input.requiredApprovals = m_ecosystem.requiredApprovals(m_environment);
    input.taskKey = TaskKeyExtractor(m_ecosystem.gating.taskKeyPattern).extract(branch);

    if (required.contains(Gate::MergeStatus) && !input.taskKey.isEmpty()) {
        if (!m_trackerCreated) {
            TrackerFactory::Result created = TrackerFactory::create(m_ecosystem);
            m_tracker = std::move(created.tracker);
            m_trackerError = created.error;
            m_trackerCreated = true;
        }
        if (!m_tasks.contains(input.taskKey)) {
            m_tasks.insert(input.taskKey,
                m_tracker ? m_tracker->task(input.taskKey)
                          : TaskLookup { {},
                                TrackerError(TrackerError::Kind::Other,
                                    QStringLiteral("no tracker to look %1 up in: %2")
                                        .arg(input.taskKey, m_trackerError.message())) });
        }
        input.task = m_tasks.value(input.taskKey);
    }
    if (required.contains(Gate::Approvals)) {
        const ReviewSourceFactory::Result reviews = ReviewSourceFactory::create(m_ecosystem, system);
        input.reviews = reviews.source ? reviews.source->reviews({ &repository, branch, upstream })
                                       : ReviewLookup { {}, reviews.error };
    }
    const GateEvaluator evaluator(m_ecosystem.gating, m_ecosystem.tracker.statuses.awaitingDelivery);
    return GateEvaluator::firstFailure(evaluator.evaluate(input), required);
}

} // namespace Shipyard
