// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QFuture>

namespace Shipyard {

// Blocks the calling thread until FUTURE has its result, and returns it.
// For worker threads and command-line tools only: the UI thread attaches a
// continuation (QFuture::then) instead.
template<typename T> T await(QFuture<T> future)
{
    future.waitForFinished();
    return future.result();
}

} // namespace Shipyard
