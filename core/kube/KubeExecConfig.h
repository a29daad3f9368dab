// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>

namespace Shipyard {

// users[].user.exec of a kubeconfig: a credential plugin, as client-go runs it.
struct KubeExecConfig
{
    enum class InteractiveMode { Never, IfAvailable, Always };

    QString apiVersion; // client.authentication.k8s.io/v1 or v1beta1
    QString command; // resolved against the kubeconfig's folder only when it holds a '/'
    QStringList args;
    QList<std::pair<QString, QString>> env;
    QString installHint;
    bool provideClusterInfo = false;
    // Required by v1, IfAvailable when v1beta1 leaves it out; checked when the plugin runs, like client-go.
    std::optional<InteractiveMode> interactiveMode;
};

} // namespace Shipyard
