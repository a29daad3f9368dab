// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "webhooks/WebhookEvent.h"
#include "webhooks/WebhookRequest.h"

namespace Shipyard {

// GitLab's webhooks (docs.gitlab.com, "Webhook events"): GitLab sends the
// secret token as it was entered, in X-Gitlab-Token (no signature), and
// names the event in X-Gitlab-Event. A "Push Hook" (object_kind push, ref,
// checkout_sha, project.path_with_namespace) wakes the robot; a push that
// deletes a branch (checkout_sha null) or pushes a tag is nothing to test.
class GitLabWebhook
{
public:
    // SECRET is the one the ecosystem names; an empty one verifies nothing.
    static WebhookResult read(const WebhookRequest &request, const QByteArray &secret);
};

} // namespace Shipyard
