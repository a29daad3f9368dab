// SPDX-License-Identifier: GPL-2.0-or-later
#include "manifests/ManifestRenderer.h"

#include "manifests/ChartInfo.h"
#include "manifests/ManifestReader.h"
#include "manifests/RenderTool.h"
#include "manifests/ToolRun.h"
#include "support/VariableSubstitution.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace Shipyard {

namespace {

// Helm's --set splits on unescaped commas; a value is taken whole.
QString escapeSetValue(const QString &value)
{
    QString escaped = value;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    escaped.replace(QLatin1Char(','), QStringLiteral("\\,"));
    return escaped;
}

// Whether PATH, once its links are followed, stays inside DIRECTORY: a
// branch's symbolic link must not make Shipyard read the machine's files.
bool staysInside(const QString &path, const QString &directory)
{
    const QString root = QFileInfo(directory).canonicalFilePath();
    const QString target = QFileInfo(path).canonicalFilePath();
    return !root.isEmpty() && !target.isEmpty() && (target == root || target.startsWith(root + QLatin1Char('/')));
}

} // namespace

ManifestRenderer::ManifestRenderer(const Ecosystem &ecosystem, const Environment &environment, QString ns, QString task)
    : m_ecosystem(ecosystem), m_environment(environment), m_ns(std::move(ns)), m_task(std::move(task))
{ }

Variables ManifestRenderer::variables(const System &system) const
{
    return m_ecosystem.variablesFor(system, m_environment, m_ns, m_task);
}

QString ManifestRenderer::where(const System &system) const
{
    const SourceLocation &at = system.manifests.location.isValid() ? system.manifests.location : system.location;
    return QStringLiteral("%1:%2:%3").arg(QFileInfo(m_ecosystem.filePath).fileName()).arg(at.line).arg(at.column);
}

QString ManifestRenderer::describeSource(const System &system) const
{
    const ManifestSource &source = system.manifests;
    switch (source.kind) {
    case ManifestSource::Kind::Kustomize:
        return QStringLiteral("kustomization %1")
            .arg(ManifestSource::forEnvironment(source.kustomization, m_environment.name));
    case ManifestSource::Kind::Helm:
    case ManifestSource::Kind::Files:
        break;
    }
    return source.describe();
}

std::optional<QByteArray> ManifestRenderer::runTool(const RenderTool &tool, const QStringList &arguments,
    const QString &directory, const QString &what, const System &system, Result &result) const
{
    const ToolRun::Result run = ToolRun::run(tool.program, tool.arguments + arguments, directory, m_timeout, m_cancel);
    result.toolTime = run.duration;
    if (run.succeeded())
        return run.output;
    // A tool that could not start, hung or flooded is the machine's; one that refused the source, the branch's.
    if (run.outcome != ToolRun::Outcome::Failed)
        result.fault = Fault::Environment;
    result.error = QStringLiteral("%1: %2 for environment '%3' failed: %4")
                       .arg(system.name, what, m_environment.name, run.describe(m_timeout));
    return std::nullopt;
}

ManifestRenderer::Result ManifestRenderer::render(const System &system, const QString &directory) const
{
    switch (system.manifests.kind) {
    case ManifestSource::Kind::Kustomize:
        return renderKustomization(system, directory);
    case ManifestSource::Kind::Helm:
        return renderChart(system, directory);
    case ManifestSource::Kind::Files:
        break;
    }
    return renderFiles(system, directory);
}

ManifestRenderer::Result ManifestRenderer::renderFiles(const System &system, const QString &directory) const
{
    Result result;
    result.source = describeSource(system);
    QStringList paths;
    for (const QString &path : system.manifests.files) {
        paths.append(QDir(directory).filePath(path));
        if (QFileInfo::exists(paths.last()) && !staysInside(paths.last(), directory)) {
            result.error = QStringLiteral("%1: %2 leads out of the repository; manifests are read from the "
                                          "repository only")
                               .arg(system.name, path);
            return result;
        }
    }
    QString error;
    const QStringList files = ManifestReader::filesOf(paths, &error);
    if (!error.isEmpty()) {
        result.error = QStringLiteral("%1: %2 (%3 names it)")
                           .arg(system.name, error.remove(QDir(directory).path() + QLatin1Char('/')), where(system));
        return result;
    }
    const Variables variables = this->variables(system);
    for (const QString &file : files) {
        const QString shown = QDir(directory).relativeFilePath(file);
        if (!staysInside(file, directory)) {
            result.error = QStringLiteral("%1: %2 leads out of the repository; manifests are read from the "
                                          "repository only")
                               .arg(system.name, shown);
            return result;
        }
        QFile input(file);
        if (!input.open(QIODevice::ReadOnly)) {
            result.error = QStringLiteral("%1: %2: %3").arg(system.name, shown, input.errorString());
            return result;
        }
        QList<VariableSubstitution::Unknown> unknown;
        const QString text = VariableSubstitution::apply(QString::fromUtf8(input.readAll()), variables, &unknown);
        if (!unknown.isEmpty()) {
            result.error = QStringLiteral("%1: %2:%3:%4: %5")
                               .arg(system.name, shown)
                               .arg(unknown.first().location.line)
                               .arg(unknown.first().location.column)
                               .arg(VariableSubstitution::describe(unknown.first(), variables));
            return result;
        }
        const QList<QJsonObject> parsed = ManifestReader::parse(text.toUtf8(), shown, &error);
        if (!error.isEmpty()) {
            result.error = QStringLiteral("%1: %2").arg(system.name, error);
            return result;
        }
        result.objects += parsed;
    }
    return result;
}

ManifestRenderer::Result ManifestRenderer::renderKustomization(const System &system, const QString &directory) const
{
    Result result;
    result.source = describeSource(system);
    const QString relative = ManifestSource::forEnvironment(system.manifests.kustomization, m_environment.name);
    const QString folder = QDir(directory).filePath(relative);
    if (!QFileInfo(folder).isDir() || !staysInside(folder, directory)) {
        result.error = QStringLiteral("%1: kustomization %2 for environment '%3' is not a folder of the repository "
                                      "(%4 names it)")
                           .arg(system.name, relative, m_environment.name, where(system));
        return result;
    }
    const RenderTool tool = RenderTool::kustomize(m_searchPath);
    if (!tool.found()) {
        result.fault = Fault::Environment;
        result.error = QStringLiteral("%1: its kustomization (%2) cannot be rendered: %3")
                           .arg(system.name, where(system), tool.missing);
        return result;
    }
    const std::optional<QByteArray> output =
        runTool(tool, { relative }, directory, QStringLiteral("%1 %2").arg(tool.name, relative), system, result);
    if (!output)
        return result;
    QString text = QString::fromUtf8(*output);
    const QString shown = QStringLiteral("%1 of %2").arg(tool.name, relative);
    if (system.manifests.substitute) {
        const Variables variables = this->variables(system);
        QList<VariableSubstitution::Unknown> unknown;
        text = VariableSubstitution::apply(text, variables, &unknown);
        if (!unknown.isEmpty()) {
            result.error = QStringLiteral("%1: %2, line %3: %4")
                               .arg(system.name, shown)
                               .arg(unknown.first().location.line)
                               .arg(VariableSubstitution::describe(unknown.first(), variables));
            return result;
        }
    }
    QString error;
    result.objects = ManifestReader::parse(text.toUtf8(), shown, &error);
    if (!error.isEmpty())
        result.error = QStringLiteral("%1: %2").arg(system.name, error);
    return result;
}

ManifestRenderer::Result ManifestRenderer::renderChart(const System &system, const QString &directory) const
{
    Result result;
    const HelmSource &helm = system.manifests.helm;
    const QString chart = QDir(directory).filePath(helm.chart);
    const QString chartName = ChartInfo::read(chart).describe();
    result.source = chartName.isEmpty() ? describeSource(system) : QStringLiteral("chart %1").arg(chartName);
    if (!QFileInfo(chart).isDir() || !staysInside(chart, directory)) {
        result.error = QStringLiteral("%1: chart %2 is not a folder of the repository (%3 names it)")
                           .arg(system.name, helm.chart, where(system));
        return result;
    }
    const QString release = helm.releaseName.isEmpty() ? system.name : helm.releaseName;
    // As `helm install` renders: its CRDs too; its tests are no part of a release.
    QStringList arguments { release, helm.chart, QStringLiteral("--namespace"), m_ns, QStringLiteral("--include-crds"),
        QStringLiteral("--skip-tests") };
    if (!m_capabilities.kubeVersion.isEmpty())
        arguments << QStringLiteral("--kube-version") << m_capabilities.kubeVersion;
    if (!m_capabilities.apiVersions.isEmpty())
        arguments << QStringLiteral("--api-versions") << m_capabilities.apiVersions.join(QLatin1Char(','));
    for (const QString &pattern : helm.valueFiles) {
        const QString file = ManifestSource::forEnvironment(pattern, m_environment.name);
        const QString path = QDir(directory).filePath(file);
        if (!QFileInfo(path).isFile() || !staysInside(path, directory)) {
            result.error = QStringLiteral("%1: values file %2 for environment '%3' is not a file of the repository "
                                          "(%4 names it)")
                               .arg(system.name, file, m_environment.name, where(system));
            return result;
        }
        arguments << QStringLiteral("--values") << file;
    }
    const Variables variables = this->variables(system);
    for (const HelmValue &value : helm.set) {
        QList<VariableSubstitution::Unknown> unknown;
        const QString text = VariableSubstitution::apply(value.value, variables, &unknown);
        if (!unknown.isEmpty()) {
            result.error = QStringLiteral("%1: helm set.%2 (%3:%4:%5): %6")
                               .arg(system.name, value.key, QFileInfo(m_ecosystem.filePath).fileName())
                               .arg(value.location.line)
                               .arg(value.location.column)
                               .arg(VariableSubstitution::describe(unknown.first(), variables));
            return result;
        }
        arguments << QStringLiteral("--set") << QStringLiteral("%1=%2").arg(value.key, escapeSetValue(text));
    }
    const RenderTool tool = RenderTool::helm(m_searchPath);
    if (!tool.found()) {
        result.fault = Fault::Environment;
        result.error =
            QStringLiteral("%1: its chart (%2) cannot be rendered: %3").arg(system.name, where(system), tool.missing);
        return result;
    }
    const std::optional<QByteArray> output =
        runTool(tool, arguments, directory, QStringLiteral("helm template of %1").arg(helm.chart), system, result);
    if (!output)
        return result;
    QString error;
    const QList<QJsonObject> objects =
        ManifestReader::parse(*output, QStringLiteral("helm template of %1").arg(helm.chart), &error);
    if (!error.isEmpty()) {
        result.error = QStringLiteral("%1: %2").arg(system.name, error);
        return result;
    }
    // Hooks run around an install by Helm's own rules (and are then
    // deleted); applied as objects they would run once and then be
    // refused as immutable. They are said, not applied.
    for (const QJsonObject &object : objects) {
        const QString hook =
            object[QLatin1String("metadata")][QLatin1String("annotations")][QLatin1String("helm.sh/hook")].toString();
        if (hook.isEmpty()) {
            result.objects.append(object);
            continue;
        }
        result.warnings.append(QStringLiteral("%1: %2/%3 is a Helm hook (%4); Shipyard does not run hooks, it is "
                                              "left out")
                .arg(system.name, object.value(QLatin1String("kind")).toString().toLower(),
                    object[QLatin1String("metadata")][QLatin1String("name")].toString(), hook));
    }
    return result;
}

ManifestRenderer::Result ManifestRenderer::renderForDelivery(const System &system, const QString &directory,
    const QString &image, const QList<QPair<QString, QString>> &annotations) const
{
    return forDelivery(render(system, directory), system, image, annotations);
}

ManifestRenderer::Result ManifestRenderer::forDelivery(
    Result result, const System &system, const QString &image, const QList<QPair<QString, QString>> &annotations) const
{
    if (!result.ok())
        return result;
    int substituted = 0;
    for (QJsonObject &object : result.objects) {
        substituted += ManifestReader::substituteImage(object, system.image, image);
        // Object metadata, not the pod template: annotating must not start a rollout.
        for (const auto &[key, value] : annotations)
            ManifestReader::annotate(object, key, value);
    }
    if (result.objects.isEmpty())
        result.error = QStringLiteral("%1: its %2 gives no object for environment '%3'")
                           .arg(system.name, result.source, m_environment.name);
    else if (substituted == 0)
        result.error = QStringLiteral("%1: no container of its %2 runs the image %3")
                           .arg(system.name, result.source, system.image);
    if (!result.ok())
        result.objects.clear();
    return result;
}

} // namespace Shipyard
