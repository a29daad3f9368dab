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
            // Mostly waiting on the network. An operation on a context that
            // accepts connections and never answers holds its thread for
            // the connect timeout (10 s); with 16 threads, 16 of those made
            // a lease renewal on a live context wait until its lease was
            // lost. The limit only stops a runaway.
            threads->setMaxThreadCount(128);
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
