// SPDX-License-Identifier: GPL-2.0-or-later
#include "EnvironmentArguments.h"

#include "CtlCommand.h"
#include "Output.h"

#include "model/EcosystemLoader.h"

#include <QFileInfo>

namespace Shipyard::Ctl {

void EnvironmentArguments::addOptions(QCommandLineParser &parser, const QString &environmentDescription)
{
    parser.addOption({ QStringLiteral("ecosystem"), tr("the ecosystem file"), QStringLiteral("PATH") });
    parser.addOption({ QStringLiteral("environment"), environmentDescription, QStringLiteral("ENV") });
    parser.addOption({ QStringLiteral("kubeconfig"), tr("read only this kubeconfig file"), QStringLiteral("FILE") });
    parser.addOption({ QStringLiteral("task"), tr("the task of a showroom"), QStringLiteral("KEY") });
    parser.addOption(
        { QStringLiteral("output"), tr("text or json"), QStringLiteral("FORMAT"), QStringLiteral("text") });
}

void EnvironmentArguments::addConfirmOption(QCommandLineParser &parser)
{
    parser.addOption({ QStringLiteral("confirm"), tr("the environment's name, which a protected environment wants"),
        QStringLiteral("ENV") });
}

std::optional<Ecosystem> EnvironmentArguments::loadEcosystem(const QString &path, const QString &command)
{
    if (!QFileInfo::exists(path)) {
        err() << command << ": " << tr("%1: no such file").arg(path) << '\n';
        return std::nullopt;
    }
    EcosystemLoadResult loaded = EcosystemLoader().loadFile(path);
    if (!loaded.ecosystem) {
        for (const Diagnostic &diagnostic : loaded.diagnostics)
            err() << diagnostic.toString() << '\n';
    }
    return std::move(loaded.ecosystem);
}

std::optional<int> EnvironmentArguments::requireConfirmation(
    const QCommandLineParser &parser, const QString &command, const QString &what) const
{
    const Environment &target = environment();
    if (!target.isProtected || parser.value(QStringLiteral("confirm")) == target.name)
        return std::nullopt;
    err() << command << ": "
          << (parser.isSet(QStringLiteral("confirm"))
                     ? tr("--confirm %1 does not name %2, a protected environment: to %3, add --confirm %2")
                           .arg(parser.value(QStringLiteral("confirm")), target.name, what)
                     : tr("%1 is a protected environment: to %2, add --confirm %1").arg(target.name, what))
          << '\n';
    return UsageError;
}

std::optional<int> EnvironmentArguments::load(const QCommandLineParser &parser, const QString &command,
    const QString &environment, std::optional<EnvironmentKind> defaultKind)
{
    const QString path = parser.value(QStringLiteral("ecosystem"));
    const QString output = parser.value(QStringLiteral("output"));
    m_environmentName = environment.isEmpty() ? parser.value(QStringLiteral("environment")) : environment;
    m_taskKey = parser.value(QStringLiteral("task"));
    m_json = output == QLatin1String("json");
    if (path.isEmpty() || (m_environmentName.isEmpty() && !defaultKind)) {
        err() << command << ": "
              << (defaultKind ? tr("--ecosystem is needed") : tr("--ecosystem and --environment are needed")) << '\n';
        return UsageError;
    }
    if (output != QLatin1String("text") && !m_json) {
        err() << command << ": " << tr("--output is text or json, not %1").arg(output) << '\n';
        return UsageError;
    }
    std::optional<Ecosystem> ecosystem = loadEcosystem(path, command);
    if (!ecosystem)
        return UsageError;
    if (m_environmentName.isEmpty()) {
        QStringList candidates;
        for (const Environment *candidate : ecosystem->environmentsOf(*defaultKind))
            candidates.append(candidate->name);
        if (candidates.size() != 1) {
            err() << command << ": "
                  << (candidates.isEmpty()
                             ? tr("%1 has no %2 environment").arg(path, keyword(*defaultKind))
                             : tr("%1 has several %2 environments (%3): name one with --environment")
                                   .arg(path, keyword(*defaultKind), candidates.join(QStringLiteral(", "))))
                  << '\n';
            return UsageError;
        }
        m_environmentName = candidates.constFirst();
    }
    if (!ecosystem->environment(m_environmentName)) {
        err() << command << ": " << tr("no environment named %1").arg(m_environmentName) << '\n';
        return UsageError;
    }
    m_ecosystem = std::move(ecosystem);
    m_cluster = ClusterAccess::load(parser.value(QStringLiteral("kubeconfig")));
    return std::nullopt;
}

} // namespace Shipyard::Ctl
