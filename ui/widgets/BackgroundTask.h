// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

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
template<typename Work> auto runInBackground(Work work) -> QFuture<std::invoke_result_t<Work>>
{
    using Result = std::invoke_result_t<Work>;
    auto promise = std::make_shared<QPromise<Result>>();
    QFuture<Result> future = promise->future();
    promise->start();
    QThreadPool::globalInstance()->start([promise, work = std::move(work)]() mutable {
        promise->addResult(work());
        promise->finish();
    });
    return future;
}

} // namespace Shipyard
