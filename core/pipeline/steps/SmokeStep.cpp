// SPDX-License-Identifier: GPL-2.0-or-later
#include "pipeline/steps/SmokeStep.h"

#include "build/CommandRunner.h"

namespace Shipyard {

DeliveryStep::Verdict SmokeStep::run(DeliveryContext &context)
{
    for (const DeliveryContext::Work &work : context.work()) {
        // A cancel before a system's smoke commands is reported against the deploy step.
        if (context.cancelled())
            return rollBack(Step::Deploy, QStringLiteral("cancelled"), Fault::Environment);
        if (!context.options().runSmoke || work.system.smokeCommands.isEmpty()) {
            context.setState(Step::Smoke, work.system.name, State::Skipped);
            continue;
        }
        context.setState(Step::Smoke, work.system.name, State::Running);
        const QProcessEnvironment environment = context.commandEnvironment(work);
        QString failure;
        Fault fault = Fault::Branch;
        for (const QString &command : work.system.smokeCommands) {
            const CommandResult smoked = CommandRunner::runToEnd(command, context.commandDirectory(work), environment,
                context.masker(), context.logger(), context.cancelFlag());
            if (!smoked.succeeded()) {
                failure = context.cancelled()
                    ? QStringLiteral("cancelled")
                    : QStringLiteral("%1: smoke command failed: %2").arg(work.system.name, smoked.errorText);
                fault = context.cancelled() ? Fault::Environment : smoked.fault();
                break;
            }
        }
        if (!failure.isEmpty()) {
            context.setState(
                Step::Smoke, work.system.name, context.cancelled() ? State::Cancelled : State::Failed, failure);
            return rollBack(Step::Smoke, failure, fault);
        }
        context.setState(Step::Smoke, work.system.name, State::Succeeded);
    }
    return goOn();
}

bool SmokeStep::keepsFailedRelease(const DeliveryContext &context) const
{
    return !context.ecosystem().rollback.onSmokeFailure;
}

} // namespace Shipyard
