// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "webhooks/WebhookEvent.h"
#include "webhooks/WebhookRequest.h"

namespace Shipyard {

// Events of Gerrit's webhooks plugin, which POSTs the JSON of Gerrit's
// stream events to the configured url: patchset-created and change-merged
// (change.project, change.branch, patchSet.revision; the merge's newRev),
// ref-updated (refUpdate.project, refName, newRev). The plugin has no
// secret or signature of its own, so the secret travels in the url
// configured for the remote: ...?token=SECRET (the endpoint must be https).
class GerritWebhook
{
public:
    // SECRET is the one the ecosystem names; an empty one verifies nothing.
    static WebhookResult read(const WebhookRequest &request, const QByteArray &secret);
};

} // namespace Shipyard
