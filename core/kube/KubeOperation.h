// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "kube/KubeResponse.h"

#include <QFuture>
#include <QPromise>
#include <QThreadPool>

#include <functional>
#include <memory>

namespace Shipyard {

// Multi-step operations (rollout undo, lease renewal, ...) are written as
// plain sequential code that waits for each request; they run here, in a
// pool of their own, never in the caller's thread nor in the HTTP worker
// (which must never wait). Results come back as futures: use
// `.then(receiver, ...)` to continue in the receiver's thread.
class KubeOperation
{
public:
    static QThreadPool *pool()
    {
        static QThreadPool *instance = [] {
            auto *threads = new QThreadPool;
            threads->setMaxThreadCount(16); // mostly waiting on the network
            threads->setExpiryTimeout(30000);
            return threads;
        }();
        return instance;
    }

    template<typename T> static QFuture<T> run(std::function<T()> work)
    {
        auto promise = std::make_shared<QPromise<T>>();
        promise->start();
        QFuture<T> future = promise->future();
        pool()->start([promise, work = std::move(work)] {
            promise->addResult(work());
            promise->finish();
        });
        return future;
    }
};

} // namespace Shipyard
