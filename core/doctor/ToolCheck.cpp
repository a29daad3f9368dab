// SPDX-License-Identifier: GPL-2.0-or-later
#include "doctor/ToolCheck.h"

#include "manifests/RenderTool.h"
#include "manifests/ToolRun.h"

#include <QDir>
#include <QRegularExpression>

namespace Shipyard {

namespace {

QString toolName(ToolCheck::Tool tool)
{
    switch (tool) {
    case ToolCheck::Tool::Buildah:
        return QStringLiteral("buildah");
    case ToolCheck::Tool::Helm:
        return QStringLiteral("helm");
    case ToolCheck::Tool::Kustomize:
        break;
    }
    return QStringLiteral("kustomize");
}

} // namespace

ToolCheck::ToolCheck(Tool tool, const QStringList &systems, const QString &searchPath)
    : DoctorCheck(QStringLiteral("tool %1").arg(toolName(tool)), QStringLiteral("installed"))
    , m_tool(tool)
    , m_systems(systems)
    , m_searchPath(searchPath)
{ }

DoctorResult ToolCheck::run(const Context &context) const
{
    RenderTool tool;
    QStringList versionArguments;
    switch (m_tool) {
    case Tool::Buildah:
        tool.name = QStringLiteral("buildah");
        tool.program = RenderTool::findOnPath(tool.name, m_searchPath);
        if (!tool.found())
            tool.missing = QStringLiteral("buildah is not installed: no executable 'buildah' in PATH");
        versionArguments = { QStringLiteral("--version") };
        break;
    case Tool::Helm:
        tool = RenderTool::helm(m_searchPath);
        versionArguments = { QStringLiteral("version"), QStringLiteral("--short") };
        break;
    case Tool::Kustomize:
        tool = RenderTool::kustomize(m_searchPath);
        versionArguments = tool.arguments.value(0) == QLatin1String("kustomize")
            ? QStringList { QStringLiteral("version"), QStringLiteral("--client") }
            : QStringList { QStringLiteral("version") };
        break;
    }
    const QString neededBy = QStringLiteral("needed by %1").arg(m_systems.join(QStringLiteral(", ")));
    if (!tool.found()) {
        const QString install = m_tool == Tool::Buildah
            ? QStringLiteral("install buildah (Debian's 'buildah') where deliveries run")
            : m_tool == Tool::Helm ? QStringLiteral("install Helm 3.8 or later where deliveries run")
                                   : QStringLiteral("install kubectl or kustomize where deliveries run");
        return broken(tool.missing.section(QLatin1Char(':'), 0, 0) + QStringLiteral(" (%1)").arg(neededBy),
            install + QStringLiteral(", on the PATH Shipyard is started with"));
    }
    const ToolRun::Result run =
        ToolRun::run(tool.program, versionArguments, QDir::tempPath(), context.timeout, context.cancelled);
    if (!run.succeeded())
        return broken(QStringLiteral("%1 %2: %3")
                          .arg(tool.program, versionArguments.join(QLatin1Char(' ')), run.describe(context.timeout)),
            QStringLiteral("repair or reinstall %1 (%2)").arg(tool.program, neededBy));
    // The first version number it prints: "v3.17.0+g…", "buildah version 1.39.3 (image-spec …)".
    static const QRegularExpression versionPattern(QStringLiteral("v?[0-9]+\\.[0-9]+(\\.[0-9]+)?[^\\s,]*"));
    const QRegularExpressionMatch version = versionPattern.match(QString::fromUtf8(run.output));
    return ok(QStringLiteral("%1 %2 (%3)")
            .arg(
                tool.program, version.hasMatch() ? version.captured() : QStringLiteral("(version unknown)"), neededBy));
}

} // namespace Shipyard
