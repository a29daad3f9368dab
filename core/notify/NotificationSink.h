// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "notify/Notification.h"

#include <QString>

namespace Shipyard {

// Where a channel's notifications go. send() blocks for at most the
// channel's timeout; the notification it is given is already masked.
// Implementations are used from one thread at a time.
class NotificationSink
{
public:
    virtual ~NotificationSink() = default;
    // Empty when it was sent; otherwise why not, without any secret.
    virtual QString send(const Notification &notification) = 0;
};

} // namespace Shipyard
