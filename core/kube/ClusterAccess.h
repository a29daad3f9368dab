// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "kube/KubeClient.h"

#include <QString>
#include <QStringList>

#include <memory>

namespace Shipyard {

class Kubeconfig;

// The clusters of one kubeconfig, read once where a program starts
// (`shipyard`, each `shipyardctl` command, the robot) and handed down to
// everything that talks to a cluster: deliveries and their locks, audit
// trails and release stores, showrooms, the views.
//
// client(context) hands out one client per context and the same one every
// time, so that its connections and its credentials (an exec plugin's token)
// are shared by all who ask. Copies share everything; every function may be
// called from any thread.
class ClusterAccess
{
public:
    // Nothing loaded: every client() fails, saying so.
    ClusterAccess();
    // The files kubectl reads (KUBECONFIG, else ~/.kube/config), or only
    // EXPLICITFILE (--kubeconfig), which must exist.
    static ClusterAccess load(const QString &explicitFile = {});
    ClusterAccess(const Kubeconfig &kubeconfig, const QString &explicitFile);

    bool isValid() const;
    // Why the kubeconfig could not be read, naming the file; empty when valid.
    QString errorString() const;
    const Kubeconfig &kubeconfig() const;
    // --kubeconfig as given; empty when the files kubectl reads were read.
    const QString &explicitFile() const;

    // The client of CONTEXT (the current context when empty); invalid, with
    // ERROR set, when the kubeconfig is unreadable or misses a piece of it.
    KubeClient client(const QString &context, QString *error = nullptr) const;

private:
    struct Private;
    std::shared_ptr<Private> d;
};

} // namespace Shipyard
