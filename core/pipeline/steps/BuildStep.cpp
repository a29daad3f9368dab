// SPDX-License-Identifier: GPL-2.0-or-later
#include "pipeline/steps/BuildStep.h"

#include "build/ImageBuilder.h"

#include <QEventLoop>
#include <QObject>
#include <QTimer>

#include <atomic>
#include <functional>

namespace Shipyard {

namespace {

ImageBuildResult buildImage(DeliveryContext &context, const DeliveryContext::Work &work, const QString &directory)
{
    ImageBuilder builder(context.ecosystem().registry);
    if (!context.options().imageStorage.isEmpty())
        builder.setStorageDirectory(context.options().imageStorage);
    builder.setCommandEnvironment(context.commandEnvironment(work));
    builder.addSecrets(context.masker());
    const std::function<void(const QString &)> log = context.logger();
    const std::atomic_bool &cancel = *context.cancelFlag();
    ImageBuildResult result;
    QEventLoop loop;
    QObject::connect(&builder, &ImageBuilder::logLine, &builder, [&](const QString &line) { log(line); });
    QObject::connect(&builder, &ImageBuilder::finished, &loop, [&](const ImageBuildResult &finished) {
        result = finished;
        loop.quit();
    });
    QTimer watch;
    QObject::connect(&watch, &QTimer::timeout, &builder, [&] {
        if (cancel)
            builder.cancel();
    });
    watch.start(100);
    builder.start(work.system, directory, work.commit);
    if (builder.isRunning())
        loop.exec();
    return result;
}

} // namespace

DeliveryStep::Verdict BuildStep::run(DeliveryContext &context)
{
    for (DeliveryContext::Work &work : context.work()) {
        if (const std::optional<Verdict> stop = stopped(context, Step::Build, work.system.name))
            return *stop;
        if (!work.image.isEmpty()) {
            context.setState(Step::Build, work.system.name, State::Skipped, QStringLiteral("given: ") + work.image);
            continue;
        }
        context.setState(Step::Build, work.system.name, State::Running);
        QString reason;
        Fault fault = Fault::Environment;
        if (work.commit.isEmpty()) {
            reason = QStringLiteral("%1: no image given and %2 is no git repository to build from")
                         .arg(work.system.name, work.directory);
        } else if (const QString source = context.sourceDirectory(work, &reason); !source.isEmpty()) {
            // Built from the commit's own files: whatever the clone has checked
            // out, and whatever its working tree holds, plays no part.
            const ImageBuildResult built = buildImage(context, work, source);
            if (built.succeeded())
                work.image = built.image;
            else
                reason = built.errorText;
            fault = built.fault;
        }
        if (!reason.isEmpty()) {
            if (const std::optional<Verdict> stop = stopped(context, Step::Build, work.system.name))
                return *stop;
            return fail(context, Step::Build, work, reason, fault);
        }
        context.setState(Step::Build, work.system.name, State::Succeeded, work.image);
    }
    return goOn();
}

} // namespace Shipyard
