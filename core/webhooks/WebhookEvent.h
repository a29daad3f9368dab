// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QString>

namespace Shipyard {

// What a verified webhook said, as far as the robot cares: a push to a
// branch, a review's new patch set or merge, a task that moved.
struct WebhookEvent
{
    enum class Kind { Push, Review, TaskMoved };

    QString source; // "github", "gitlab", "gerrit", "jira", "tasks"
    Kind kind = Kind::Push;
    QString name; // the service's own name of the event: "push", "Push Hook", "patchset-created", …
    QString project; // the repository as the service names it: "owner/repo", "group/project"
    QString branch; // without refs/heads/
    QString commit;
    QString task;
    QString status; // the task's new status

    // One line for the log: "gitlab Push Hook group/api feature/SHOP-1 3f2a9c1".
    QString summary() const;
};

// How a webhook request was answered, and why.
struct WebhookResult
{
    enum class Verdict {
        Accepted, // verified and understood: the robot is woken (202)
        Ignored, // verified, but nothing for the robot to do: a ping, an update without a status change (200)
        Unauthorized, // no or a wrong signature or token (401)
        Malformed, // not JSON, a field missing, an event the source does not send (400)
        TooLarge, // over robot.webhooks.maxBodyBytes (413)
        NotConfigured, // no secret for this source, so nothing of it is accepted (404)
    };

    Verdict verdict = Verdict::Malformed;
    QString reason; // said to the sender; never the secret
    WebhookEvent event; // when Accepted

    static WebhookResult accepted(WebhookEvent event);
    static WebhookResult ignored(QString reason);
    static WebhookResult unauthorized(QString reason);
    static WebhookResult malformed(QString reason);

    int httpStatus() const;
    // The metric's label: "accepted", "ignored", "unauthorized", "malformed", "too_large", "not_configured".
    static QString keyword(Verdict verdict);
};

} // namespace Shipyard
