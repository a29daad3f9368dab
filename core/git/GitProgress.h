// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QString>

#include <atomic>
#include <functional>

namespace Shipyard {

// One progress report of a long git operation (clone, fetch, push, rebase).
struct GitProgress
{
    enum class Phase { Receiving, Indexing, Sending, Applying, Remote };
    Phase phase = Phase::Receiving;
    qint64 current = 0;
    qint64 total = 0; // 0 when unknown
    QString message; // the remote's own progress text, for Phase::Remote
};

// How a caller follows and stops an operation. Both members are optional.
// The progress function runs on the thread doing the work; the flag may be
// set from any thread and is checked between network packets and commits.
struct GitControl
{
    std::function<void(const GitProgress &)> progress;
    const std::atomic_bool *cancelled = nullptr;

    bool isCancelled() const { return cancelled && cancelled->load(); }
    void report(const GitProgress &value) const
    {
        if (progress)
            progress(value);
    }
};

} // namespace Shipyard
