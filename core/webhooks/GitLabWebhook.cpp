// SPDX-License-Identifier: GPL-2.0-or-later
#include "webhooks/GitLabWebhook.h"

#include "webhooks/WebhookSecret.h"

namespace Shipyard {

WebhookResult GitLabWebhook::read(const WebhookRequest &request, const QByteArray &secret)
{
    if (!request.hasHeader("X-Gitlab-Token"))
        return WebhookResult::unauthorized(QStringLiteral("no X-Gitlab-Token header"));
    if (secret.isEmpty() || !WebhookSecret::equal(request.header("X-Gitlab-Token"), secret))
        return WebhookResult::unauthorized(QStringLiteral("X-Gitlab-Token is not the webhook's secret token"));

    const QString event = QString::fromUtf8(request.header("X-Gitlab-Event"));
    if (event.isEmpty())
        return WebhookResult::malformed(QStringLiteral("no X-Gitlab-Event header"));
    QString error;
    const std::optional<QJsonObject> body = request.jsonObject(&error);
    if (!body)
        return WebhookResult::malformed(error);
    if (event != QLatin1String("Push Hook"))
        return WebhookResult::malformed(
            QStringLiteral("X-Gitlab-Event %1 is not read by Shipyard; enable push events only").arg(event));
    if (jsonString(*body, { "object_kind" }) != QLatin1String("push"))
        return WebhookResult::malformed(
            QStringLiteral("a Push Hook's object_kind is push, not '%1'").arg(jsonString(*body, { "object_kind" })));

    WebhookEvent push;
    push.source = QStringLiteral("gitlab");
    push.kind = WebhookEvent::Kind::Push;
    push.name = event;
    const QString ref = jsonString(*body, { "ref" });
    push.project = jsonString(*body, { "project", "path_with_namespace" });
    if (ref.isEmpty() || push.project.isEmpty() || !body->contains(QLatin1String("checkout_sha")))
        return WebhookResult::malformed(
            QStringLiteral("a push needs ref, checkout_sha and project.path_with_namespace"));
    // GitLab sends a null checkout_sha for a push that deletes the branch.
    push.commit = jsonString(*body, { "checkout_sha" });
    if (push.commit.isEmpty())
        return WebhookResult::ignored(QStringLiteral("%1 was deleted").arg(ref));
    if (!ref.startsWith(QLatin1String("refs/heads/")))
        return WebhookResult::ignored(QStringLiteral("%1 is no branch").arg(ref));
    push.branch = ref.mid(qsizetype(sizeof("refs/heads/") - 1));
    return WebhookResult::accepted(push);
}

} // namespace Shipyard
