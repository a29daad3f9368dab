// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QJsonObject>
#include <QStringList>

namespace Shipyard {

// The containers of a pod that have a log, and the one `kubectl logs` reads
// when none is named. A pod of several containers (a sidecar, an init
// container) has no log of its own: the API asks for a container's name.
struct PodContainers
{
    // Init containers (sidecars among them), the containers, then ephemeral
    // (debug) containers: the order `kubectl logs` offers them in.
    QStringList names;
    // The kubectl.kubernetes.io/default-container annotation's when it names
    // one of them, otherwise the first container: as kubectl chooses.
    QString defaultName;

    // What to show first: the default container's log, unless another
    // container crash-loops and the default does not: that one says why the pod fails.
    QString shownFirst;

    static PodContainers of(const QJsonObject &pod);
    // NAME restarted and waits to start again: its current log is empty and
    // the previous run's is the one worth reading.
    static bool crashed(const QJsonObject &pod, const QString &name);
};

} // namespace Shipyard
