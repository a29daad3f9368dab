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
            reason = registryError.isError() && registryError.kind != RegistryError::Kind::NotFound
                ? QStringLiteral("%1: the registry %2 cannot say whether %3 is there: %4")
                      .arg(work.system.name, settings.url, work.image, registryError.message)
                : QStringLiteral("%1: %2 is not in the registry %3").arg(work.system.name, work.image, settings.url);
        // The image was built and pushed, or given: a registry that lacks it
        // or cannot be asked is no fault of the branch.
        if (!reason.isEmpty())
            return fail(context, Step::Verify, work, reason, Fault::Environment);
        context.setState(Step::Verify, work.system.name, State::Succeeded);
    }
    return goOn();
}

} // namespace Shipyard
