// SPDX-License-Identifier: GPL-2.0-or-later
#include "CtlCommand.h"
#include "EnvironmentArguments.h"
#include "Output.h"

#include "gating/FreezeCalendar.h"
#include "kube/KubeClient.h"
#include "kube/KubeResourceType.h"
#include "live/DeployedSystems.h"
#include "live/SystemState.h"
#include "monitoring/AlertmanagerClient.h"
#include "releases/ReleaseStore.h"

#include <QCommandLineParser>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>

namespace Shipyard::Ctl {

// What runs in one environment right now: each system's image, replicas and
// health, who holds the delivery lock, freeze windows, the alerts that would
// refuse a delivery, and the latest release.
class StatusCommand : public CtlCommand
{
    Q_DECLARE_TR_FUNCTIONS(Shipyard::Ctl::StatusCommand)
public:
    QString name() const override { return QStringLiteral("status"); }
    QString summary() const override
    {
        return tr("what runs in an environment: systems, health, lock and latest release (exit 1 unless all healthy)");
    }

    int run(const QStringList &arguments) override
    {
        QCommandLineParser parser;
        EnvironmentArguments::addOptions(parser, tr("the environment"));
        if (const auto exitCode = parse(parser, arguments))
            return *exitCode;
        EnvironmentArguments place;
        if (const auto exitCode = place.load(parser, arguments[0]))
            return *exitCode;
        const Environment &environment = place.environment();
        const QString ns = environment.namespaceFor(place.taskKey());

        QString clientError;
        const KubeClient client = place.cluster().client(environment.context, &clientError);
        if (!client.isValid()) {
            err() << arguments[0] << ": " << clientError << '\n';
            return Failure;
        }

        KubeError listError;
        const QHash<QString, SystemState> states = DeployedSystems::read(client, ns, &listError);
        if (listError.isError()) {
            err() << arguments[0] << ": " << listError.message << '\n';
            return Failure;
        }

        const KubeResourceType leases = KubeResourceType::make(QStringLiteral("coordination.k8s.io"),
            QStringLiteral("v1"), QStringLiteral("leases"), QStringLiteral("Lease"));
        const KubeResponse lease = client.get(leases.path(ns, QStringLiteral("shipyard-delivery"))).result();
        const QJsonObject leaseSpec = lease.ok() ? lease.json().value(QLatin1String("spec")).toObject() : QJsonObject();
        const QString holder = leaseSpec.value(QLatin1String("holderIdentity")).toString();

        KubeError releaseError;
        const QList<ReleaseRecord> releases = ReleaseStore(client, ns).list(&releaseError);

        bool allHealthy = true;
        QJsonArray jsonSystems;
        QList<QStringList> rows;
        QList<System> delivered;
        for (const System &system : place.ecosystem().systems) {
            if (!environment.systems.isEmpty() && !environment.systems.contains(system.name))
                continue;
            delivered.append(system);
            const SystemState state = states.value(system.name, SystemState::missing());
            allHealthy = allHealthy && state.health == SystemState::Health::Healthy;
            const QString health = healthName(state.health);
            jsonSystems.append(QJsonObject { { QStringLiteral("name"), system.name },
                { QStringLiteral("image"), state.image }, { QStringLiteral("tag"), state.tag },
                { QStringLiteral("ready"), state.ready }, { QStringLiteral("desired"), state.desired },
                { QStringLiteral("health"), health }, { QStringLiteral("gitSha"), state.gitSha },
                { QStringLiteral("tasks"), state.tasks }, { QStringLiteral("message"), state.message } });
            rows.append({ system.name, state.tag.isEmpty() ? QStringLiteral("-") : state.shortTag(),
                QStringLiteral("%1/%2").arg(state.ready).arg(state.desired), health,
                state.gitSha.isEmpty() ? QStringLiteral("-") : state.gitSha.left(12) });
        }

        const QDateTime now = QDateTime::currentDateTimeUtc();
        const std::optional<FreezeCalendar::Occurrence> frozen = FreezeCalendar::frozenAt(environment.freezes, now);
        const std::optional<FreezeCalendar::Occurrence> nextFreeze =
            FreezeCalendar::nextAfter(environment.freezes, frozen ? frozen->end : now);
        // What a delivery of every system here would be refused for now.
        AlertmanagerClient::Answer alerts;
        if (environment.alerts) {
            const QList<AlertSelection> selections = AlertSelection::forSystems(
                place.ecosystem(), environment, delivered, ns, place.taskKey(), &alerts.error);
            if (!selections.isEmpty()) {
                AlertmanagerClient alertmanager(QUrl(environment.alerts->alertmanagerUrl));
                alertmanager.setCredentials(environment.alerts->credentials);
                alerts = alertmanager.firing(selections);
            }
        }
        if (place.wantsJson()) {
            QJsonObject root { { QStringLiteral("environment"), environment.name },
                { QStringLiteral("context"), environment.context }, { QStringLiteral("namespace"), ns },
                { QStringLiteral("systems"), jsonSystems },
                { QStringLiteral("lock"), holder.isEmpty() ? QJsonValue() : QJsonValue(holder) },
                { QStringLiteral("healthy"), allHealthy } };
            if (!releases.isEmpty())
                root.insert(QStringLiteral("latestRelease"), releases.first().id);
            const auto occurrence = [](const FreezeCalendar::Occurrence &o) {
                return QJsonObject { { QStringLiteral("from"), o.start.toString(Qt::ISODate) },
                    { QStringLiteral("until"), o.end.toString(Qt::ISODate) },
                    { QStringLiteral("reason"), o.window->reason } };
            };
            if (frozen)
                root.insert(QStringLiteral("frozen"), occurrence(*frozen));
            if (nextFreeze)
                root.insert(QStringLiteral("nextFreeze"), occurrence(*nextFreeze));
            if (environment.alerts && alerts.isAnswer()) {
                QJsonArray firing;
                for (const FiringAlert &alert : std::as_const(alerts.alerts))
                    firing.append(QJsonObject { { QStringLiteral("name"), alert.name() },
                        { QStringLiteral("summary"), alert.summary }, { QStringLiteral("system"), alert.system },
                        { QStringLiteral("since"), alert.startsAt.toString(Qt::ISODate) } });
                root.insert(QStringLiteral("alerts"), firing);
            } else if (environment.alerts) {
                root.insert(QStringLiteral("alertsError"), alerts.error);
            }
            if (releaseError.isError())
                root.insert(QStringLiteral("releaseError"), releaseError.message);
            printJson(QJsonDocument(root));
        } else {
            out() << tr("%1 (context %2, namespace %3)").arg(environment.name, environment.context, ns) << '\n';
            out() << tr("lock: %1").arg(holder.isEmpty() ? tr("free") : tr("held by %1").arg(holder)) << '\n';
            if (frozen)
                out() << tr("frozen %1").arg(frozen->describeEnd()) << '\n';
            if (nextFreeze)
                out() << tr("next freeze: %1").arg(nextFreeze->describe()) << '\n';
            if (environment.alerts && !alerts.isAnswer())
                out() << tr("alerts: %1").arg(alerts.error) << '\n';
            else if (environment.alerts && alerts.alerts.isEmpty())
                out() << tr("alerts: none firing") << '\n';
            for (const FiringAlert &alert : std::as_const(alerts.alerts))
                out() << tr("alert firing since %1: %2 (%3)")
                             .arg(alert.startsAt.toString(Qt::ISODate), alert.describe(), alert.system)
                      << '\n';
            if (releaseError.isError())
                out() << tr("releases: %1").arg(releaseError.message) << '\n';
            else if (releases.isEmpty())
                out() << tr("releases: none recorded") << '\n';
            else
                out() << tr("latest release: %1, %2 by %3")
                             .arg(releases.first().id, ReleaseRecord::keyword(releases.first().result),
                                 releases.first().who)
                      << '\n';
            out() << '\n';
            printTable({ tr("SYSTEM"), tr("TAG"), tr("READY"), tr("HEALTH"), tr("COMMIT") }, rows);
        }
        out().flush();
        return allHealthy ? Success : Failure;
    }
};

SHIPYARDCTL_REGISTER_COMMAND(StatusCommand)

} // namespace Shipyard::Ctl
