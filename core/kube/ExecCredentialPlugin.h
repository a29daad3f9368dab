// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "kube/KubeCluster.h"
#include "kube/KubeCredentials.h"
#include "kube/KubeExecConfig.h"

#include <QStringList>

namespace Shipyard {

// Runs a client-go credential plugin (users[].user.exec) once, as client-go
// does: KUBERNETES_EXEC_INFO in the environment, interactiveMode honoured,
// the answer checked against the configured apiVersion. Blocking: call it
// from a worker thread (CredentialSource does).
class ExecCredentialPlugin
{
public:
    ExecCredentialPlugin(KubeExecConfig config, KubeCluster cluster, QString userName);

    // Whether this process can talk to a person on stdin; the GUI says no.
    static void setStdinIsInteractive(bool interactive);

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
