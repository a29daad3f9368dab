// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "kube/KubeClient.h"

#include <QFuture>

#include <chrono>
#include <functional>

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
    };
    // `progress` runs in a pool thread with each new line.
    static QFuture<Result> run(const KubeClient &client, const QString &ns, std::chrono::seconds timeout,
        std::function<void(const QString &)> progress = {});
};

} // namespace Shipyard
