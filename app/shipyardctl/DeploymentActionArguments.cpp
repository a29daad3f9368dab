// SPDX-License-Identifier: GPL-2.0-or-later
#include "DeploymentActionArguments.h"

#include "CtlCommand.h"
#include "EnvironmentArguments.h"
#include "KubeCommandSupport.h"
#include "Output.h"

#include "audit/AuditTrail.h"

#include <QJsonObject>

namespace Shipyard::Ctl {

void DeploymentActionArguments::addOptions(QCommandLineParser &parser)
{
    addKubeOptions(parser);
    parser.addOption({ QStringLiteral("ecosystem"),
        tr("the ecosystem file, to know the namespace's environment (default: the namespace's delivery lock says)"),
        QStringLiteral("PATH") });
    parser.addOption({ QStringLiteral("confirm"),
        tr("the environment's name, which a protected environment wants before a change"), QStringLiteral("ENV") });
    parser.addOption(
        { QStringLiteral("wait-for-lock"), tr("wait while a delivery holds the environment (default: refuse)") });
}

std::optional<int> DeploymentActionArguments::load(
    const QCommandLineParser &parser, const QString &command, const QString &what)
{
    const QString path = parser.value(QStringLiteral("ecosystem"));
    if (!path.isEmpty()) {
        m_ecosystem = EnvironmentArguments::loadEcosystem(path, command);
        if (!m_ecosystem)
            return UsageError;
    }
    // The command's one reading of the kubeconfig.
    m_cluster = ClusterAccess::load(parser.value(QStringLiteral("kubeconfig")));
    QString error;
    m_client = m_cluster.client(parser.value(QStringLiteral("context")), &error);
    if (!m_client.isValid()) {
        err() << command << ": " << error << '\n';
        return UsageError;
    }
    m_ns = namespaceFor(parser, m_client);
    m_place = DeploymentAction::locate(m_ecosystem ? &*m_ecosystem : nullptr, m_client, m_ns, m_cluster);
    if (!m_place.isEnvironment() && m_place.error.isError()) {
        err() << command << ": "
              << tr("warning: whether namespace %1 is an environment's cannot be told (its delivery lock: %2); "
                    "acting without the lock")
                     .arg(m_ns, m_place.error.message)
              << '\n';
    }
    if (m_place.isProtected && parser.value(QStringLiteral("confirm")) != m_place.environment) {
        const QString where = tr("namespace %1 (context %2) is %3's, a protected environment")
                                  .arg(m_ns, m_client.connection().contextName, m_place.environment);
        err() << command << ": "
              << (parser.isSet(QStringLiteral("confirm"))
                         ? tr("--confirm %1 does not name it: %2; to %3 there, add --confirm %4")
                               .arg(parser.value(QStringLiteral("confirm")), where, what, m_place.environment)
                         : tr("%1: to %2 there, add --confirm %3").arg(where, what, m_place.environment))
              << '\n';
        return UsageError;
    }
    return std::nullopt;
}

DeploymentAction::Outcome DeploymentActionArguments::run(const QCommandLineParser &parser, const QString &deployment,
    DeploymentAction::Kind kind, DeploymentAction::Options options) const
{
    options.waitForLock = parser.isSet(QStringLiteral("wait-for-lock"));
    options.auditDetails.insert(
        QStringLiteral("command"), AuditTrail(m_client).maskCommandLine(QCoreApplication::arguments()));
    options.waiting = [this](const QString &holder) {
        err() << tr("waiting: %1 is held by %2").arg(m_place.environment, holder) << '\n';
        err().flush();
    };
    return DeploymentAction(m_client, m_ns, deployment).run(kind, m_place, options);
}

int DeploymentActionArguments::report(const QString &command, const QString &deployment, const QString &action,
    bool json, const DeploymentAction::Outcome &outcome)
{
    if (!outcome.auditWarning.isEmpty())
        err() << command << ": " << tr("warning: audit: %1").arg(outcome.auditWarning) << '\n';
    if (json) {
        printJson(QJsonDocument(QJsonObject { { QStringLiteral("deployment"), deployment },
            { QStringLiteral("action"), action }, { QStringLiteral("ok"), outcome.ok() },
            { QStringLiteral("message"), outcome.ok() ? outcome.message() : QString() },
            { QStringLiteral("error"), outcome.ok() ? QString() : outcome.message() } }));
    } else if (outcome.ok()) {
        out() << outcome.message() << '\n';
    } else {
        err() << command << ": " << outcome.message() << '\n';
    }
    out().flush();
    err().flush();
    return outcome.ok() ? Success : Failure;
}

} // namespace Shipyard::Ctl
