// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QMetaObject>

#include <memory>
#include <mutex>

namespace Shipyard {

// Hands what a worker thread reports (a log line, a step) to a receiver in
// the receiver's own thread, and nothing once the receiver is gone: a
// delivery or a rollback may outlive the view that started it. The worker
// holds the relay by a shared pointer; the receiver detaches it as it goes.
template<typename Receiver> class WorkerRelay
{
public:
    explicit WorkerRelay(Receiver *receiver) : m_receiver(receiver) { }

    // From the receiver's destructor.
    void detach()
    {
        const std::lock_guard lock(m_mutex);
        m_receiver = nullptr;
    }

    // Calls FUNCTION(receiver) in the receiver's thread. Qt drops the call
    // if the receiver is deleted before its event loop gets to it.
    template<typename Function> void post(Function function)
    {
        const std::lock_guard lock(m_mutex);
        if (m_receiver)
            QMetaObject::invokeMethod(
                m_receiver, [receiver = m_receiver, function = std::move(function)]() mutable { function(receiver); },
                Qt::QueuedConnection);
    }

private:
    std::mutex m_mutex;
    Receiver *m_receiver;
};

} // namespace Shipyard
