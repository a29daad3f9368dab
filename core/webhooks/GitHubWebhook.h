// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "webhooks/WebhookEvent.h"
#include "webhooks/WebhookRequest.h"

namespace Shipyard {

// GitHub's webhooks (docs.github.com, "Webhook events and payloads"):
// X-Hub-Signature-256 is "sha256=" and the hex HMAC-SHA256 of the raw body
// keyed with the webhook's secret; X-GitHub-Event names the event. A push
// (ref, after, repository.full_name) wakes the robot, a ping is answered;
// a push deleting a branch or pushing a tag is nothing to test.
class GitHubWebhook
{
public:
    // SECRET is the one the ecosystem names; an empty one verifies nothing.
    static WebhookResult read(const WebhookRequest &request, const QByteArray &secret);
};

} // namespace Shipyard
