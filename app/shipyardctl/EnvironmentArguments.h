// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "kube/ClusterAccess.h"
#include "model/Ecosystem.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QString>

#include <optional>

namespace Shipyard::Ctl {

// The options of every command that acts on one environment of an
// ecosystem (--ecosystem, --environment, --kubeconfig, --task, --output),
// read and checked the same way everywhere.
class EnvironmentArguments
{
    Q_DECLARE_TR_FUNCTIONS(Shipyard::Ctl::EnvironmentArguments)
public:
    static void addOptions(QCommandLineParser &parser, const QString &environmentDescription);
    // --confirm ENV, which a change to a protected environment wants: the
    // command line's counterpart of typing the name in the window.
    static void addConfirmOption(QCommandLineParser &parser);

    // Loads the ecosystem and finds the environment; on a problem prints it
    // after `command` and returns the exit code. ENVIRONMENT, when given,
    // stands for --environment (a command taking it as a positional word).
    // With `defaultKind`, a missing environment means the ecosystem's only
    // environment of that kind.
    std::optional<int> load(const QCommandLineParser &parser, const QString &command, const QString &environment = {},
        std::optional<EnvironmentKind> defaultKind = std::nullopt);

    // The ecosystem at PATH; nothing when it is missing or does not load,
    // after printing why (after `command`, or each diagnostic).
    static std::optional<Ecosystem> loadEcosystem(const QString &path, const QString &command);

    // After load(): a protected environment not named by --confirm is a
    // usage error, printed after `command` with WHAT ("deliver into it"); its exit code.
    std::optional<int> requireConfirmation(
        const QCommandLineParser &parser, const QString &command, const QString &what) const;

    const Ecosystem &ecosystem() const { return *m_ecosystem; }
    const Environment &environment() const { return *m_ecosystem->environment(m_environmentName); }
    const QString &environmentName() const { return m_environmentName; }
    // The clusters of --kubeconfig, or of the files kubectl reads: read once
    // by load(), for everything the command does.
    const ClusterAccess &cluster() const { return m_cluster; }
    const QString &taskKey() const { return m_taskKey; }
    bool wantsJson() const { return m_json; }

private:
    std::optional<Ecosystem> m_ecosystem;
    QString m_environmentName;
    ClusterAccess m_cluster;
    QString m_taskKey;
    bool m_json = false;
};

} // namespace Shipyard::Ctl
