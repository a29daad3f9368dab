// SPDX-License-Identifier: GPL-2.0-or-later
#include "CtlCommand.h"
#include "EnvironmentArguments.h"
#include "Output.h"

#include "build/ImageBuilder.h"
#include "git/CommitExport.h"
#include "git/Repository.h"
#include "manifests/ManifestReader.h"
#include "manifests/ManifestRenderer.h"
#include "model/Labels.h"
#include "support/YamlText.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>

namespace Shipyard::Ctl {

// The objects a delivery of one system into one environment would apply,
// as `helm template` prints a chart: rendered from the system's working
// tree (or a commit of it) with the environment's variables and the image
// that commit builds into. A chart is rendered for the environment's cluster
// (its version and APIs, read from it) unless --offline; nothing is sent.
class RenderCommand : public CtlCommand
{
    Q_DECLARE_TR_FUNCTIONS(Shipyard::Ctl::RenderCommand)
public:
    QString name() const override { return QStringLiteral("render"); }
    QString summary() const override
    {
        return tr("print the objects a delivery of a system into an environment would apply");
    }

    int run(const QStringList &arguments) override
    {
        QCommandLineParser parser;
        parser.addPositionalArgument(QStringLiteral("SYSTEM"), tr("the system to render"));
        EnvironmentArguments::addOptions(parser, tr("the environment to render for"));
        parser.addOption({ QStringLiteral("image"), tr("put this image in (default: the one the commit builds into)"),
            QStringLiteral("IMAGE") });
        parser.addOption({ QStringLiteral("offline"),
            tr("do not ask the environment's cluster for its version and APIs: charts render with Helm's "
               "defaults, as `helm template` does") });
        parser.addOption({ QStringLiteral("commit"),
            tr("render this revision of the system's repository (default: its working tree)"), QStringLiteral("REV") });
        if (const auto exitCode = parse(parser, arguments))
            return *exitCode;
        EnvironmentArguments place;
        if (const auto exitCode = place.load(parser, arguments[0]))
            return *exitCode;
        const QStringList positional = parser.positionalArguments();
        if (positional.size() != 1) {
            err() << arguments[0] << ": " << tr("expected exactly one SYSTEM") << '\n';
            return UsageError;
        }
        const Ecosystem &ecosystem = place.ecosystem();
        const Environment &environment = place.environment();
        const System *system = ecosystem.system(positional.first());
        if (!system) {
            err() << arguments[0] << ": " << tr("no system named %1").arg(positional.first()) << '\n';
            return UsageError;
        }
        if (environment.kind == EnvironmentKind::Showroom && place.taskKey().isEmpty()) {
            err() << arguments[0] << ": " << tr("%1 is a showroom: --task names which").arg(environment.name) << '\n';
            return UsageError;
        }

        // The files and the image: the working tree with HEAD's image, or a commit's.
        QString directory = ecosystem.resolvePath(system->repository);
        QString image = parser.value(QStringLiteral("image"));
        QTemporaryDir exported;
        GitError gitError;
        const Repository repository = Repository::open(directory, &gitError);
        const QString revision = parser.value(QStringLiteral("commit"));
        if (!revision.isEmpty() || image.isEmpty()) {
            const QString commit = gitError
                ? QString()
                : repository.resolve(revision.isEmpty() ? QStringLiteral("HEAD") : revision, &gitError);
            if (!revision.isEmpty()) {
                if (!gitError && commit.isEmpty())
                    gitError = GitError(GitError::Kind::NotFound, QStringLiteral("no such revision"));
                if (!gitError)
                    gitError = CommitExport::run(repository, commit, exported.path());
                if (gitError) {
                    err() << arguments[0] << ": " << system->name << ": " << revision << ": " << gitError.message()
                          << '\n';
                    return Failure;
                }
                directory = exported.path();
            }
            if (image.isEmpty() && !commit.isEmpty())
                image = ImageBuilder(ecosystem.registry).imageFor(*system, commit);
        }

        const QString ns = environment.namespaceFor(place.taskKey());
        ManifestRenderer renderer(
            ecosystem, environment, ns, environment.kind == EnvironmentKind::Showroom ? place.taskKey() : QString());
        // A delivery renders a chart for its cluster; so does this, unless told not to.
        if (system->manifests.kind == ManifestSource::Kind::Helm && !parser.isSet(QStringLiteral("offline"))) {
            QString clientError;
            const KubeClient client = place.cluster().client(environment.context, &clientError);
            ClusterCapabilities capabilities;
            if (client.isValid())
                capabilities = ClusterCapabilities::fetch(client);
            else
                capabilities.error = clientError;
            if (!capabilities.error.isEmpty())
                err() << arguments[0] << ": "
                      << tr("warning: the cluster of %1 could not tell its version and APIs (%2); the chart renders "
                            "with Helm's defaults")
                             .arg(environment.name, capabilities.error)
                      << '\n';
            renderer.setCapabilities(capabilities);
        }
        ManifestRenderer::Result result = renderer.render(*system, directory);
        // A delivery's annotations that name configuration, not a release.
        const QList<QPair<QString, QString>> annotations { { Labels::source, result.source } };
        if (result.ok() && !image.isEmpty()) {
            result = renderer.forDelivery(result, *system, image, annotations);
        } else if (result.ok()) {
            for (QJsonObject &object : result.objects)
                ManifestReader::annotate(object, Labels::source, result.source);
        }
        for (const QString &warning : std::as_const(result.warnings))
            err() << arguments[0] << ": " << tr("warning: %1").arg(warning) << '\n';
        if (!result.ok()) {
            err() << arguments[0] << ": " << result.error << '\n';
            return Failure;
        }
        if (place.wantsJson()) {
            QJsonArray objects;
            for (const QJsonObject &object : std::as_const(result.objects))
                objects.append(object);
            printJson(QJsonDocument(QJsonObject { { QStringLiteral("system"), system->name },
                { QStringLiteral("environment"), environment.name }, { QStringLiteral("namespace"), ns },
                { QStringLiteral("source"), result.source }, { QStringLiteral("image"), image },
                { QStringLiteral("objects"), objects } }));
            return Success;
        }
        out() << "# " << tr("%1 for %2 (namespace %3), from %4").arg(system->name, environment.name, ns, result.source)
              << '\n';
        for (const QJsonObject &object : std::as_const(result.objects))
            out() << "---\n" << YamlText::fromJson(object);
        return Success;
    }
};

SHIPYARDCTL_REGISTER_COMMAND(RenderCommand)

} // namespace Shipyard::Ctl
