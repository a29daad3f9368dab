// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QCoreApplication>
#include <QFuture>
#include <QPromise>
#include <QThreadPool>

#include <memory>
#include <type_traits>

namespace Shipyard {

// Runs WORK (which must own everything it touches) on the global thread
// pool, so that nothing blocks the UI thread. Continue with
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
            QThreadPool::globalInstance()->start([promise, work = std::move(work)]() mutable {
                promise->addResult(work());
                promise->finish();
            });
        },
        Qt::QueuedConnection);
    return future;
}

} // namespace Shipyard
