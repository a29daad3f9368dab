// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "webhooks/WebhookEvent.h"
#include "webhooks/WebhookRequest.h"

namespace Shipyard {

// Jira's webhooks (developer.atlassian.com, "Webhooks"): a
// jira:issue_updated whose changelog has an item of field "status" says the
// task moved to its toString. A webhook an admin registers with a secret
// is signed (X-Hub-Signature: "sha256=" and the hex HMAC-SHA256 of the raw
// body); webhooks without a secret, or from a Jira that does not sign, are
// not, so for those the secret is a token in the url: ...?token=SECRET. A signature
// present and wrong is refused even when the url's token is right.
class JiraWebhook
{
public:
    // SECRET is the one the ecosystem names; an empty one verifies nothing.
    static WebhookResult read(const WebhookRequest &request, const QByteArray &secret);
};

} // namespace Shipyard
