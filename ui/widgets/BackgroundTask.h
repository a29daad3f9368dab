// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QCoreApplication>
#include <QFuture>
#include <QPointer>
#include <QPromise>
#include <QThreadPool>

#include <memory>
#include <type_traits>

namespace Shipyard {

// The threads of runInBackground. Not QThreadPool::globalInstance(): that
// has a thread per core (two on many laptops), and the work here mostly waits
// on a cluster, a tracker or git. A context that is out of reach holds a
// thread until its timeout (10 s to connect, 30 s a request), so with two of
// them a hung context's History and Metrics reads made every other view wait
// that long. Threads end after 30 s idle; the limit only stops a runaway.
// Owned by the application, which waits for the work when it ends, as it
// does for the global pool. UI thread only.
inline QThreadPool *backgroundPool()
{
    static QPointer<QThreadPool> pool;
    if (!pool) {
        pool = new QThreadPool(QCoreApplication::instance());
        pool->setMaxThreadCount(64);
        pool->setExpiryTimeout(30000);
    }
    return pool;
}

// Runs WORK (which must own everything it touches) on backgroundPool(), so
// that nothing blocks the UI thread. Continue with
// `.then(receiver, …)`: the continuation runs in the receiver's thread, and
// not at all once the receiver is gone.
//
// The work is handed to the pool from the event loop, after the caller has
// attached its continuation: QFuture::then(receiver, …) on a future that is
// already finished calls the continuation at once, inside the caller, and a
// signal the continuation emits would then come before anyone waits for it.
// Call it from a thread with an event loop (the UI thread).
template<typename Work> auto runInBackground(Work work) -> QFuture<std::invoke_result_t<Work>>
{
    using Result = std::invoke_result_t<Work>;
    auto promise = std::make_shared<QPromise<Result>>();
    QFuture<Result> future = promise->future();
    promise->start();
    QMetaObject::invokeMethod(
        QCoreApplication::instance(),
        [promise, work = std::move(work)]() mutable {
            backgroundPool()->start([promise, work = std::move(work)]() mutable {
                promise->addResult(work());
                promise->finish();
            });
        },
        Qt::QueuedConnection);
    return future;
}

} // namespace Shipyard
