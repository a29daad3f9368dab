// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "webhooks/WebhookEvent.h"
#include "webhooks/WebhookRequest.h"

namespace Shipyard {

// Shipyard's own event for trackers, scripts and bots that have no
// webhooks of their own: POST {"task": "SHOP-12", "status": "Awaiting
// Showroom"} with "Authorization: Bearer SECRET". The robot reads the
// task's status from the tracker anyway; the event only says to look now.
class TaskMovedWebhook
{
public:
    // SECRET is the one the ecosystem names; an empty one verifies nothing.
    static WebhookResult read(const WebhookRequest &request, const QByteArray &secret);
};

} // namespace Shipyard
