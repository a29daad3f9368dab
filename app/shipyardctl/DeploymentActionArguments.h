// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "kube/ClusterAccess.h"
#include "kube/KubeClient.h"
#include "model/Ecosystem.h"
#include "pipeline/DeploymentAction.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QString>

#include <optional>

namespace Shipyard::Ctl {

// What the commands that change one Deployment (rollout undo and restart,
// scale) share: kubectl's --kubeconfig, --context and -n, plus --ecosystem
// (which environment the namespace is), --confirm (which a protected one
// wants) and --wait-for-lock; and the checks before acting.
//
// How such a command knows an environment is protected: the ecosystem given
// with --ecosystem names the environment delivering into the namespace
// through the context (or another context on the same server); without one,
// or when it names none, the namespace's delivery lock Lease says which
// environment its holders guarded and whether it is protected (see
// EnvironmentLock::setEnvironment), so that leaving out --ecosystem does not
// leave out the protection of a namespace Shipyard has delivered into.
class DeploymentActionArguments
{
    Q_DECLARE_TR_FUNCTIONS(Shipyard::Ctl::DeploymentActionArguments)
public:
    static void addOptions(QCommandLineParser &parser);

    // Reads the kubeconfig and the ecosystem, finds the namespace's
    // environment and checks --confirm for a protected one; on a problem
    // prints it after COMMAND and returns the exit code. WHAT says the
    // action for messages ("restart deployment/web").
    std::optional<int> load(const QCommandLineParser &parser, const QString &command, const QString &what);

    const KubeClient &client() const { return m_client; }
    const QString &namespaceName() const { return m_ns; }
    const DeploymentAction::Place &place() const { return m_place; }

    // Acts under the environment's lock and audits; waiting is told on stderr.
    DeploymentAction::Outcome run(const QCommandLineParser &parser, const QString &deployment,
        DeploymentAction::Kind kind, DeploymentAction::Options options) const;

    // Prints OUTCOME (the refusal or the server's error on stderr, or one
    // JSON document) and returns the exit code: 0, or 1 when it did not happen.
    static int report(const QString &command, const QString &deployment, const QString &action, bool json,
        const DeploymentAction::Outcome &outcome);

private:
    ClusterAccess m_cluster;
    KubeClient m_client;
    QString m_ns;
    std::optional<Ecosystem> m_ecosystem;
    DeploymentAction::Place m_place;
};

} // namespace Shipyard::Ctl
