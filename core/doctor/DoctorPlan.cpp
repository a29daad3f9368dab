// SPDX-License-Identifier: GPL-2.0-or-later
#include "doctor/DoctorPlan.h"

#include "doctor/AlertmanagerCheck.h"
#include "doctor/ApiServerCheck.h"
#include "doctor/ChatWebhookCheck.h"
#include "doctor/EcosystemKeyLocations.h"
#include "doctor/GitRemoteCheck.h"
#include "doctor/PermissionsCheck.h"
#include "doctor/PrometheusCheck.h"
#include "doctor/RegistryCheck.h"
#include "doctor/ReviewServiceCheck.h"
#include "doctor/ToolCheck.h"
#include "doctor/TrackerCheck.h"
#include "kube/ClusterAccess.h"
#include "model/Ecosystem.h"

#include <QMap>

#include <algorithm>

namespace Shipyard {

namespace {

QStringList environmentPath(const QString &environment, const QString &key)
{
    return { QStringLiteral("environments"), QStringLiteral("name=") + environment, key };
}

void addAlertmanagers(const Ecosystem &ecosystem, const EcosystemKeyLocations &locations, DoctorRunner::Checks &checks)
{
    // One check per address: environments often share one Alertmanager.
    struct Use
    {
        AlertTrigger trigger;
        QStringList environments;
        bool needed = false;
        QString place;
    };
    QList<Use> uses;
    for (const Environment &environment : ecosystem.environments) {
        if (!environment.alerts)
            continue;
        const AlertTrigger &trigger = *environment.alerts;
        auto use = std::find_if(uses.begin(), uses.end(),
            [&](const Use &each) { return each.trigger.alertmanagerUrl == trigger.alertmanagerUrl; });
        if (use == uses.end()) {
            QStringList path = environmentPath(environment.name, QStringLiteral("alerts"));
            path.append(QStringLiteral("alertmanager"));
            const bool own = locations.locate(path, true).isValid();
            const QString place = own ? locations.place(path)
                                      : locations.place({ QStringLiteral("rollback"), QStringLiteral("alerts"),
                                            QStringLiteral("alertmanager") });
            use = uses.insert(uses.end(), Use { trigger, {}, false, place });
        }
        use->environments.append(environment.name);
        use->needed = use->needed || trigger.onUnreachable == AlertTrigger::Unreachable::Stop;
    }
    for (const Use &use : std::as_const(uses))
        checks.append(std::make_shared<AlertmanagerCheck>(use.trigger, use.environments, use.needed, use.place));
}

void addTools(const Ecosystem &ecosystem, const QString &searchPath, DoctorRunner::Checks &checks)
{
    QMap<ToolCheck::Tool, QStringList> needed;
    for (const System &system : ecosystem.systems) {
        if (!system.image.isEmpty())
            needed[ToolCheck::Tool::Buildah].append(system.name);
        if (system.manifests.kind == ManifestSource::Kind::Helm)
            needed[ToolCheck::Tool::Helm].append(system.name);
        else if (system.manifests.kind == ManifestSource::Kind::Kustomize)
            needed[ToolCheck::Tool::Kustomize].append(system.name);
    }
    for (auto it = needed.cbegin(); it != needed.cend(); ++it)
        checks.append(std::make_shared<ToolCheck>(it.key(), it.value(), searchPath));
}

} // namespace

DoctorRunner::Checks DoctorPlan::checksFor(
    const Ecosystem &ecosystem, const ClusterAccess &cluster, const Options &options)
{
    const EcosystemKeyLocations locations = EcosystemKeyLocations::read(ecosystem.filePath);
    DoctorRunner::Checks checks;
    for (const Environment &environment : ecosystem.environments) {
        QString error;
        const KubeClient client = cluster.client(environment.context, &error);
        checks.append(
            std::make_shared<ApiServerCheck>(environment.name, environment.context, client, error, locations));
        checks.append(std::make_shared<PermissionsCheck>(environment, client, locations));
    }
    if (!ecosystem.registry.url.isEmpty()) {
        QString sampleImage;
        for (const System &system : ecosystem.systems) {
            if (!system.image.isEmpty()) {
                sampleImage = system.image;
                break;
            }
        }
        checks.append(std::make_shared<RegistryCheck>(ecosystem.registry, sampleImage, options.environment, locations));
    }
    checks.append(std::make_shared<TrackerCheck>(ecosystem, locations));
    if (ecosystem.gating.reviews.kind != ReviewSettings::Kind::Trailers)
        checks.append(std::make_shared<ReviewServiceCheck>(ecosystem.gating.reviews, options.environment, locations));
    if (ecosystem.rollback.monitoring)
        checks.append(std::make_shared<PrometheusCheck>(*ecosystem.rollback.monitoring, locations));
    addAlertmanagers(ecosystem, locations, checks);
    for (const System &system : ecosystem.systems) {
        if (system.repository.isEmpty())
            continue;
        checks.append(std::make_shared<GitRemoteCheck>(system.name, ecosystem.resolvePath(system.repository),
            system.upstream,
            locations.place(
                { QStringLiteral("systems"), QStringLiteral("name=") + system.name, QStringLiteral("repository") })));
    }
    addTools(ecosystem, options.searchPath, checks);
    for (const NotificationChannel &channel : ecosystem.notifications.channels) {
        if (channel.kind != NotificationChannel::Kind::Chat)
            continue;
        checks.append(std::make_shared<ChatWebhookCheck>(channel, options.environment,
            locations.place({ QStringLiteral("notifications"), QStringLiteral("channels"), channel.name })));
    }
    return checks;
}

} // namespace Shipyard
