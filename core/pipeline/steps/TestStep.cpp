// SPDX-License-Identifier: GPL-2.0-or-later
#include "pipeline/steps/TestStep.h"

#include "build/CommandRunner.h"

namespace Shipyard {

DeliveryStep::Verdict TestStep::run(DeliveryContext &context)
{
    for (DeliveryContext::Work &work : context.work()) {
        if (const std::optional<Verdict> stop = stopped(context, Step::Test, work.system.name))
            return *stop;
        if (!context.options().runTests || work.system.testCommand.isEmpty()) {
            context.setState(Step::Test, work.system.name, State::Skipped);
            continue;
        }
        context.setState(Step::Test, work.system.name, State::Running);
        QString exportError;
        if (context.sourceDirectory(work, &exportError).isEmpty())
            return fail(context, Step::Test, work, exportError, Fault::Environment);
        const CommandResult tested = CommandRunner::runToEnd(work.system.testCommand, context.commandDirectory(work),
            context.commandEnvironment(work), context.masker(), context.logger(), context.cancelFlag());
        if (!tested.succeeded()) {
            if (const std::optional<Verdict> stop = stopped(context, Step::Test, work.system.name))
                return *stop;
            return fail(context, Step::Test, work, QStringLiteral("%1: %2").arg(work.system.name, tested.errorText),
                tested.fault());
        }
        context.setState(Step::Test, work.system.name, State::Succeeded);
    }
    return goOn();
}

} // namespace Shipyard
