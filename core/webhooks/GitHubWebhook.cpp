// SPDX-License-Identifier: GPL-2.0-or-later
#include "webhooks/GitHubWebhook.h"

#include "webhooks/WebhookSecret.h"

namespace Shipyard {

WebhookResult GitHubWebhook::read(const WebhookRequest &request, const QByteArray &secret)
{
    // Verified before anything of the body is read.
    const QByteArray signature = request.header("X-Hub-Signature-256");
    if (signature.isEmpty())
        return WebhookResult::unauthorized(QStringLiteral("no X-Hub-Signature-256 header"));
    if (!WebhookSecret::hmacSha256Matches(signature, request.body, secret))
        return WebhookResult::unauthorized(QStringLiteral("X-Hub-Signature-256 does not match the body"));

    const QString event = QString::fromUtf8(request.header("X-GitHub-Event"));
    if (event.isEmpty())
        return WebhookResult::malformed(QStringLiteral("no X-GitHub-Event header"));
    QString error;
    const std::optional<QJsonObject> body = request.jsonObject(&error);
    if (!body)
        return WebhookResult::malformed(error);
    if (event == QLatin1String("ping"))
        return WebhookResult::ignored(QStringLiteral("pong"));
    if (event != QLatin1String("push"))
        return WebhookResult::malformed(
            QStringLiteral("X-GitHub-Event %1 is not read by Shipyard; send push events").arg(event));

    WebhookEvent push;
    push.source = QStringLiteral("github");
    push.kind = WebhookEvent::Kind::Push;
    push.name = event;
    const QString ref = jsonString(*body, { "ref" });
    push.commit = jsonString(*body, { "after" });
    push.project = jsonString(*body, { "repository", "full_name" });
    if (ref.isEmpty() || push.commit.isEmpty() || push.project.isEmpty())
        return WebhookResult::malformed(QStringLiteral("a push needs ref, after and repository.full_name"));
    if (body->value(QLatin1String("deleted")).toBool())
        return WebhookResult::ignored(QStringLiteral("%1 was deleted").arg(ref));
    if (!ref.startsWith(QLatin1String("refs/heads/")))
        return WebhookResult::ignored(QStringLiteral("%1 is no branch").arg(ref));
    push.branch = ref.mid(qsizetype(sizeof("refs/heads/") - 1));
    return WebhookResult::accepted(push);
}

} // namespace Shipyard
