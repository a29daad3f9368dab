// SPDX-License-Identifier: GPL-2.0-or-later
// Prints how long Shipyard takes to render the demo's chart (storefront,
// helm) and overlay (catalog, kubectl kustomize) for staging and production,
// beside the tool alone run with the same arguments; not a test.
//   bench_render [--rounds 10]
// Run where helm and kubectl are on PATH (inside the dev root:
//   packaging/dev/shipyard-dev exec build/bin/bench_render).
// Each round runs both, alternating which goes first; the figures are
// medians. Shipyard's time is ManifestRenderer::render() whole: finding the
// tool, running it, reading its YAML into objects. The target: Shipyard ≤
// 1.1 × the tool alone for every system and environment; the exit status is
// 0 when it is met, 2 when not, 1 when nothing could be measured.
#include "manifests/ManifestRenderer.h"
#include "manifests/RenderTool.h"
#include "model/EcosystemLoader.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QTextStream>

#include <algorithm>

using namespace Shipyard;

namespace {

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values[values.size() / 2];
}

// The tool as a person would run it: the same arguments ManifestRenderer passes.
QStringList toolCommand(const Ecosystem &ecosystem, const System &system, const Environment &environment)
{
    const Variables variables = ecosystem.variablesFor(system, environment, environment.namespaceName);
    if (system.manifests.kind == ManifestSource::Kind::Kustomize) {
        const RenderTool tool = RenderTool::kustomize();
        return QStringList { tool.program } + tool.arguments +
            QStringList { ManifestSource::forEnvironment(system.manifests.kustomization, environment.name) };
    }
    const HelmSource &helm = system.manifests.helm;
    QStringList command { RenderTool::helm().program, QStringLiteral("template"),
        helm.releaseName.isEmpty() ? system.name : helm.releaseName, helm.chart, QStringLiteral("--namespace"),
        environment.namespaceName, QStringLiteral("--include-crds"), QStringLiteral("--skip-tests") };
    for (const QString &file : helm.valueFiles)
        command << QStringLiteral("--values") << ManifestSource::forEnvironment(file, environment.name);
    for (const HelmValue &value : helm.set) {
        QString text = value.value;
        for (auto it = variables.begin(); it != variables.end(); ++it)
            text.replace(QStringLiteral("${%1}").arg(it.key()), it.value());
        command << QStringLiteral("--set") << QStringLiteral("%1=%2").arg(value.key, text);
    }
    return command;
}

double runTool(const QStringList &command, const QString &directory)
{
    QElapsedTimer clock;
    clock.start();
    QProcess process;
    process.setWorkingDirectory(directory);
    process.start(command.first(), command.mid(1));
    process.waitForFinished(120000);
    process.readAllStandardOutput();
    if (process.exitCode() != 0)
        qFatal("%s: %s", qPrintable(command.join(QLatin1Char(' '))), process.readAllStandardError().constData());
    return clock.nsecsElapsed() / 1e6;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOption({ QStringLiteral("rounds"), QStringLiteral("rounds per system and environment"),
        QStringLiteral("N"), QStringLiteral("10") });
    parser.addHelpOption();
    parser.process(app);
    const int rounds = qMax(1, parser.value(QStringLiteral("rounds")).toInt());
    QTextStream out(stdout);

    const EcosystemLoadResult loaded =
        EcosystemLoader().loadFile(QStringLiteral(SHIPYARD_SOURCE_DIR "/resources/demo/ecosystem.yaml"));
    if (!loaded.ecosystem)
        qFatal("the demo ecosystem does not load");
    const Ecosystem &ecosystem = *loaded.ecosystem;
    for (const RenderTool &tool : { RenderTool::helm(), RenderTool::kustomize() }) {
        if (!tool.found()) {
            out << tool.missing << '\n';
            return 1;
        }
        out << tool.name << ": " << tool.program << '\n';
    }

    bool met = true;
    out << QStringLiteral("%1 %2 %3 %4 %5\n")
               .arg(QStringLiteral("system"), -12)
               .arg(QStringLiteral("environment"), -12)
               .arg(QStringLiteral("shipyard ms"), 12)
               .arg(QStringLiteral("tool ms"), 10)
               .arg(QStringLiteral("ratio"), 7);
    for (const QString &name : { QStringLiteral("storefront"), QStringLiteral("catalog") }) {
        const System &system = *ecosystem.system(name);
        const QString directory = ecosystem.resolvePath(system.repository);
        for (const QString &environmentName : { QStringLiteral("staging"), QStringLiteral("production") }) {
            const Environment &environment = *ecosystem.environment(environmentName);
            const ManifestRenderer renderer(ecosystem, environment, environment.namespaceName);
            const QStringList command = toolCommand(ecosystem, system, environment);
            QList<double> shipyard;
            QList<double> tool;
            auto ours = [&] {
                QElapsedTimer clock;
                clock.start();
                const ManifestRenderer::Result result = renderer.render(system, directory);
                if (!result.ok())
                    qFatal("%s", qPrintable(result.error));
                shipyard.append(clock.nsecsElapsed() / 1e6);
            };
            // One of each first, uncounted: the tools' and the page cache's warm-up.
            renderer.render(system, directory);
            runTool(command, directory);
            for (int round = 0; round < rounds; ++round) {
                if (round % 2 == 0) {
                    ours();
                    tool.append(runTool(command, directory));
                } else {
                    tool.append(runTool(command, directory));
                    ours();
                }
            }
            const double ratio = median(shipyard) / median(tool);
            met &= ratio <= 1.1;
            out << QStringLiteral("%1 %2 %3 %4 %5\n")
                       .arg(name, -12)
                       .arg(environmentName, -12)
                       .arg(median(shipyard), 12, 'f', 1)
                       .arg(median(tool), 10, 'f', 1)
                       .arg(ratio, 7, 'f', 2);
        }
    }
    out << (met ? "target met: Shipyard <= 1.1 x the tool alone\n"
                : "target missed: Shipyard > 1.1 x the tool alone\n");
    return met ? 0 : 2;
}
