// SPDX-License-Identifier: GPL-2.0-or-later
#include "manifests/SourceCheck.h"

#include "manifests/ManifestRenderer.h"

#include <QFileInfo>

namespace Shipyard {

SourceCheck::Result SourceCheck::run(const Ecosystem &ecosystem)
{
    Result result;
    for (const System &system : ecosystem.systems) {
        const QString directory = ecosystem.resolvePath(system.repository);
        if (!QFileInfo(directory).isDir()) {
            result.skipped.append(system.name);
            continue;
        }
        for (const Environment &environment : ecosystem.environments) {
            if (!environment.systems.isEmpty() && !environment.systems.contains(system.name))
                continue;
            // A showroom renders as for any task; this one names none.
            const QString ns = environment.namespaceFor(QStringLiteral("TASK-0"));
            const ManifestRenderer renderer(ecosystem, environment, ns,
                environment.kind == EnvironmentKind::Showroom ? QStringLiteral("TASK-0") : QString());
            const ManifestRenderer::Result rendered = renderer.render(system, directory);
            ++result.rendered;
            if (rendered.ok())
                continue;
            Diagnostic diagnostic;
            diagnostic.severity = Diagnostic::Severity::Error;
            diagnostic.file = ecosystem.filePath;
            diagnostic.location = system.manifests.location.isValid() ? system.manifests.location : system.location;
            const QString prefix = system.name + QStringLiteral(": ");
            diagnostic.message =
                QStringLiteral("system '%1' does not render for environment '%2': %3")
                    .arg(system.name, environment.name,
                        rendered.error.startsWith(prefix) ? rendered.error.mid(prefix.size()) : rendered.error);
            result.diagnostics.append(diagnostic);
        }
    }
    return result;
}

} // namespace Shipyard
