// SPDX-License-Identifier: GPL-2.0-or-later
#include "CtlCommand.h"
#include "EnvironmentArguments.h"
#include "Output.h"

#include "kube/KubeClient.h"
#include "releases/ApplyPreview.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonObject>

namespace Shipyard::Ctl {

// What delivering systems now would change in an environment, by
// server-side dry run: drift from what Shipyard delivered. Exit codes follow
// diff(1) and kubectl diff rather than the general rule, so that a script
// never reads "could not compare" as drift: 0 none, 1 drift, 2 trouble.
class DiffCommand : public CtlCommand
{
    Q_DECLARE_TR_FUNCTIONS(Shipyard::Ctl::DiffCommand)
public:
    QString name() const override { return QStringLiteral("diff"); }
    QString summary() const override
    {
        return tr("live objects against what a delivery would apply, by server dry run (exit 0 no drift, 1 drift, "
                  "2 error)");
    }

    int run(const QStringList &arguments) override
    {
        QCommandLineParser parser;
        parser.addPositionalArgument(QStringLiteral("SYSTEM"),
            tr("the systems to compare; default: every system of the environment"), QStringLiteral("[SYSTEM...]"));
        EnvironmentArguments::addOptions(parser, tr("the environment"));
        parser.addOption({ QStringLiteral("image"),
            tr("compare with this image instead of the one running now (one system only)"), QStringLiteral("IMAGE") });
        parser.addOption({ QStringLiteral("commit"),
            tr("compare with this revision of each system's repository: its manifests and the image it builds "
               "into"),
            QStringLiteral("REV") });
        if (const auto exitCode = parse(parser, arguments))
            return *exitCode;
        EnvironmentArguments place;
        if (const auto exitCode = place.load(parser, arguments[0]))
            return *exitCode;
        const Environment &environment = place.environment();
        QStringList systems = parser.positionalArguments();
        for (const QString &system : std::as_const(systems)) {
            if (!place.ecosystem().system(system)) {
                err() << arguments[0] << ": " << tr("no system named %1").arg(system) << '\n';
                return UsageError;
            }
        }
        if (systems.isEmpty()) {
            for (const System &system : place.ecosystem().systems) {
                if (environment.systems.isEmpty() || environment.systems.contains(system.name))
                    systems.append(system.name);
            }
        }
        ApplyPreview::Options options;
        options.image = parser.value(QStringLiteral("image"));
        options.commit = parser.value(QStringLiteral("commit"));
        if (!options.image.isEmpty() && systems.size() != 1) {
            err() << arguments[0] << ": " << tr("--image needs exactly one SYSTEM") << '\n';
            return UsageError;
        }
        if (environment.kind == EnvironmentKind::Showroom && place.taskKey().isEmpty()) {
            err() << arguments[0] << ": " << tr("%1 is a showroom: --task names which").arg(environment.name) << '\n';
            return UsageError;
        }
        const QString ns = environment.namespaceFor(place.taskKey());

        QString clientError;
        const KubeClient client = place.cluster().client(environment.context, &clientError);
        if (!client.isValid()) {
            err() << arguments[0] << ": " << environment.name << ": " << clientError << '\n';
            return UsageError;
        }

        const ApplyPreview preview(place.ecosystem(), environment, client, ns);
        bool drift = false;
        bool failed = false;
        QJsonArray jsonSystems;
        for (const QString &system : std::as_const(systems)) {
            const ApplyPreview::Result result = preview.preview(system, options);
            drift |= result.drifted();
            failed |= !result.ok();
            if (place.wantsJson()) {
                jsonSystems.append(result.toJson());
                continue;
            }
            printText(arguments[0], environment, result);
        }
        if (place.wantsJson()) {
            printJson(QJsonDocument(QJsonObject { { QStringLiteral("environment"), environment.name },
                { QStringLiteral("context"), environment.context }, { QStringLiteral("namespace"), ns },
                { QStringLiteral("drift"), drift }, { QStringLiteral("ok"), !failed },
                { QStringLiteral("systems"), jsonSystems } }));
        }
        out().flush();
        err().flush();
        if (failed)
            return UsageError;
        return drift ? Failure : Success;
    }

private:
    void printText(const QString &command, const Environment &environment, const ApplyPreview::Result &result)
    {
        if (!result.error.isEmpty()) {
            err() << command << ": " << result.error << '\n';
            return;
        }
        const QString source = result.imageSource == QLatin1String("live") ? tr("running now")
            : result.imageSource == QLatin1String("release")               ? tr("of the latest release")
            : result.imageSource == QLatin1String("commit")                ? tr("built from %1").arg(result.image)
                                                                           : tr("given");
        out() << tr("# %1 in %2 (namespace %3), image %4 (%5), from %6")
                     .arg(result.system, environment.name, result.ns, result.image, source, result.source)
              << '\n';
        for (const QString &warning : result.warnings)
            err() << command << ": " << tr("warning: %1").arg(warning) << '\n';
        for (const ApplyPreview::ObjectPreview &object : result.objects) {
            switch (object.change) {
            case ApplyPreview::Change::Unchanged:
                out() << tr("# %1: no drift").arg(object.object) << '\n';
                break;
            case ApplyPreview::Change::Changed:
                out() << tr("# %1: changed: %2").arg(object.object, object.fields.join(QStringLiteral(", "))) << '\n';
                break;
            case ApplyPreview::Change::Created:
                out() << tr("# %1: not live, would be created").arg(object.object) << '\n';
                break;
            case ApplyPreview::Change::NotInManifests:
                out() << tr("# %1: live but in no manifest; a delivery leaves it").arg(object.object) << '\n';
                break;
            case ApplyPreview::Change::Failed:
                err() << command << ": " << object.error << '\n';
                break;
            }
            for (const QString &field : object.foreignFields)
                out() << tr("# %1: set outside Shipyard, a delivery keeps it: %2").arg(object.object, field) << '\n';
            out() << object.diff;
        }
    }
};

SHIPYARDCTL_REGISTER_COMMAND(DiffCommand)

} // namespace Shipyard::Ctl
