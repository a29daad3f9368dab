// SPDX-License-Identifier: GPL-2.0-or-later
#include "pipeline/steps/DeliveryStep.h"

#include "pipeline/FailurePolicy.h"

#include <QStringList>

namespace Shipyard {

bool DeliveryStep::keepsFailedRelease(const DeliveryContext &) const
{
    return false;
}

DeliveryStep::Verdict DeliveryStep::notStarted(Outcome outcome, Step step, const QString &reason)
{
    return { Verdict::Next::NotStarted, outcome, step, reason, Fault::Environment };
}

DeliveryStep::Verdict DeliveryStep::end(Outcome outcome, Step step, const QString &reason, Fault fault)
{
    return { Verdict::Next::End, outcome, step, reason, fault };
}

DeliveryStep::Verdict DeliveryStep::rollBack(Step step, const QString &reason, Fault fault)
{
    return { Verdict::Next::RollBack, Outcome::Failed, step, reason, fault };
}

DeliveryStep::Verdict DeliveryStep::interrupted(Step step, const QString &reason)
{
    return { Verdict::Next::Interrupted, Outcome::Failed, step, reason, Fault::Environment };
}

std::optional<DeliveryStep::Verdict> DeliveryStep::stopped(DeliveryContext &context, Step step, const QString &system)
{
    if (context.cancelled()) {
        context.setState(step, system, State::Cancelled, QStringLiteral("cancelled"));
        return end(Outcome::Cancelled, step, QStringLiteral("cancelled"));
    }
    const QString why = context.whyNotWritable();
    if (why.isEmpty())
        return std::nullopt;
    context.setState(step, system, State::Cancelled, why);
    return interrupted(step, why);
}

DeliveryStep::Verdict DeliveryStep::fail(
    DeliveryContext &context, Step step, const DeliveryContext::Work &work, const QString &reason, Fault fault)
{
    context.setState(step, work.system.name, State::Failed, reason);
    if (FailurePolicy::returnsTasks(fault, context.cancelled(), false))
        context.returnTasks(step, reason, work.task.isEmpty() ? QStringList() : QStringList { work.task });
    return end(Outcome::Failed, step, reason, fault);
}

} // namespace Shipyard
