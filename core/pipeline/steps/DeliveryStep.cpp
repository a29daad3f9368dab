// SPDX-License-Identifier: GPL-2.0-or-later
#include "pipeline/steps/DeliveryStep.h"

#include <QStringList>

namespace Shipyard {

bool DeliveryStep::keepsFailedRelease(const DeliveryContext &) const
{
    return false;
}

DeliveryStep::Verdict DeliveryStep::notStarted(Outcome outcome, Step step, const QString &reason)
{
    return { Verdict::Next::NotStarted, outcome, step, reason };
}

DeliveryStep::Verdict DeliveryStep::end(Outcome outcome, Step step, const QString &reason)
{
    return { Verdict::Next::End, outcome, step, reason };
}

DeliveryStep::Verdict DeliveryStep::rollBack(Step step, const QString &reason)
{
    return { Verdict::Next::RollBack, Outcome::Failed, step, reason };
}

std::optional<DeliveryStep::Verdict> DeliveryStep::stopped(DeliveryContext &context, Step step, const QString &system)
{
    if (!context.cancelled() && !context.lockLost())
        return std::nullopt;
    const QString reason =
        context.cancelled() ? QStringLiteral("cancelled") : QStringLiteral("the delivery lock was lost");
    context.setState(step, system, State::Cancelled, reason);
    return end(context.cancelled() ? Outcome::Cancelled : Outcome::Failed, step, reason);
}

DeliveryStep::Verdict DeliveryStep::failAndReturnTask(
    DeliveryContext &context, Step step, const DeliveryContext::Work &work, const QString &reason)
{
    context.setState(step, work.system.name, State::Failed, reason);
    context.returnTasks(step, reason, work.task.isEmpty() ? QStringList() : QStringList { work.task });
    return end(Outcome::Failed, step, reason);
}

} // namespace Shipyard
