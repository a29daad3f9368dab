// SPDX-License-Identifier: GPL-2.0-or-later
#include "pipeline/steps/VerifyStep.h"

#include "build/RegistryClient.h"

namespace Shipyard {

DeliveryStep::Verdict VerifyStep::run(DeliveryContext &context)
{
    const RegistrySettings &settings = context.ecosystem().registry;
    const RegistryClient registry(settings);
    for (DeliveryContext::Work &work : context.work()) {
        if (const std::optional<Verdict> stop = stopped(context, Step::Verify, work.system.name))
            return *stop;
        if (!context.options().verifyImages || settings.url.isEmpty()) {
            context.setState(Step::Verify, work.system.name, State::Skipped, QStringLiteral("no registry to ask"));
            continue;
        }
        context.setState(Step::Verify, work.system.name, State::Running);
        QString repositoryName;
        QString reference;
        RegistryError registryError;
        QString reason;
        if (!RegistryClient::splitImage(work.image, &repositoryName, &reference))
            reason = QStringLiteral("%1: %2 is not an image reference").arg(work.system.name, work.image);
        else if (!registry.exists(repositoryName, reference, &registryError))
            reason = QStringLiteral("%1: %2 is not in the registry %3").arg(work.system.name, work.image, settings.url);
        if (!reason.isEmpty()) {
            context.setState(Step::Verify, work.system.name, State::Failed, reason);
            return end(Outcome::Failed, Step::Verify, reason);
        }
        context.setState(Step::Verify, work.system.name, State::Succeeded);
    }
    return goOn();
}

} // namespace Shipyard
