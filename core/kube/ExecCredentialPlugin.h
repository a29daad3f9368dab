// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "kube/KubeCluster.h"
#include "kube/KubeCredentials.h"
#include "kube/KubeExecConfig.h"

#include <QStringList>

#include <chrono>

namespace Shipyard {

// Runs a client-go credential plugin (users[].user.exec) once, as client-go
// does: KUBERNETES_EXEC_INFO in the environment, interactiveMode honoured,
// the answer checked against the configured apiVersion. Blocking, but never
// for longer than its timeout: call it from a worker thread (CredentialSource
// does), which it then holds until the plugin ends or is killed.
class ExecCredentialPlugin
{
public:
    // A plugin that talks to nobody answers at once or not at all; one that
    // may ask a person (a password, a browser login) gets five minutes.
    static constexpr std::chrono::milliseconds defaultTimeout { 60 * 1000 };
    static constexpr std::chrono::milliseconds defaultInteractiveTimeout { 5 * 60 * 1000 };

    ExecCredentialPlugin(KubeExecConfig config, KubeCluster cluster, QString userName);

    // Whether this process can talk to a person on stdin (default: whether
    // stdin is a terminal). The window says no, and WHYNOT says why in the
    // error of a plugin that needs a terminal (interactiveMode: Always).
    static void setStdinIsInteractive(bool interactive, const QString &whyNot = {});
    // How long a plugin may run before it is killed, without and with a person to ask.
    static void setTimeouts(std::chrono::milliseconds timeout, std::chrono::milliseconds interactiveTimeout);

    // The kubeconfig's installHint, which CredentialSource adds to a failure.
    QString installHint() const { return m_config.installHint.trimmed(); }

    KubeCredentials run() const;

    // The command's full path: PATH first, then the PATH of the user's login
    // shell (a desktop menu launch often lacks ~/.local/bin, /opt/homebrew/bin...).
    static QString findExecutable(const QString &command, QStringList *searchedPath = nullptr);
    static QStringList loginShellPath();

private:
    KubeExecConfig m_config;
    KubeCluster m_cluster;
    QString m_userName;
};

} // namespace Shipyard
