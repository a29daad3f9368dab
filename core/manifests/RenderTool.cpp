// SPDX-License-Identifier: GPL-2.0-or-later
#include "manifests/RenderTool.h"

#include <QDir>
#include <QFileInfo>

namespace Shipyard {

namespace {

QString searchPathOrDefault(const QString &searchPath)
{
    return searchPath.isEmpty() ? qEnvironmentVariable("PATH") : searchPath;
}

} // namespace

QString RenderTool::findOnPath(const QString &name, const QString &searchPath)
{
    for (const QString &directory : searchPathOrDefault(searchPath).split(QLatin1Char(':'), Qt::SkipEmptyParts)) {
        const QFileInfo candidate(QDir(directory).filePath(name));
        if (candidate.isFile() && candidate.isExecutable())
            return candidate.absoluteFilePath();
    }
    return {};
}

RenderTool RenderTool::helm(const QString &searchPath)
{
    RenderTool tool;
    tool.name = QStringLiteral("helm");
    tool.program = findOnPath(QStringLiteral("helm"), searchPath);
    if (!tool.found())
        tool.missing = QStringLiteral("helm is not installed: no executable 'helm' in PATH (%1). Install Helm 3.8 "
                                      "or later (https://helm.sh/docs/intro/install/, or your distribution's "
                                      "package) and make sure Shipyard's PATH reaches it")
                           .arg(searchPathOrDefault(searchPath));
    tool.arguments = { QStringLiteral("template") };
    return tool;
}

RenderTool RenderTool::kustomize(const QString &searchPath)
{
    RenderTool tool;
    tool.program = findOnPath(QStringLiteral("kubectl"), searchPath);
    if (tool.found()) {
        tool.name = QStringLiteral("kubectl kustomize");
        tool.arguments = { QStringLiteral("kustomize") };
        return tool;
    }
    tool.program = findOnPath(QStringLiteral("kustomize"), searchPath);
    if (tool.found()) {
        tool.name = QStringLiteral("kustomize build");
        tool.arguments = { QStringLiteral("build") };
        return tool;
    }
    tool.name = QStringLiteral("kubectl kustomize");
    tool.missing = QStringLiteral("neither kubectl nor kustomize is installed: no executable 'kubectl' or "
                                  "'kustomize' in PATH (%1). Install kubectl "
                                  "(https://kubernetes.io/docs/tasks/tools/, Debian's 'kubernetes-client') "
                                  "or kustomize (Debian's 'kustomize') and make sure Shipyard's PATH reaches it")
                       .arg(searchPathOrDefault(searchPath));
    return tool;
}

} // namespace Shipyard
