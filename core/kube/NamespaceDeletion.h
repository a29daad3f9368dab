// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "kube/KubeClient.h"

#include <QFuture>

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>

namespace Shipyard {

// Deletes a namespace and waits until the server has removed it (its
// finalizers emptied every resource in it), reporting progress from the
// namespace's status conditions: "Terminating: 3 resource instances remain".
class NamespaceDeletion
{
public:
    struct Result
    {
        KubeError error;
        bool alreadyGone = false;
        // STOPWAITING was set while the namespace was terminating: the
        // deletion was accepted and Kubernetes goes on with it.
        bool stoppedWaiting = false;
    };
    // `progress` runs in a pool thread with each new line.
    static QFuture<Result> run(const KubeClient &client, const QString &ns, std::chrono::seconds timeout,
        std::function<void(const QString &)> progress = {}, std::shared_ptr<const std::atomic_bool> stopWaiting = {});
};

} // namespace Shipyard
