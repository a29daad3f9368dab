// SPDX-License-Identifier: GPL-2.0-or-later
#include "webhooks/TaskMovedWebhook.h"

#include "webhooks/WebhookSecret.h"

namespace Shipyard {

WebhookResult TaskMovedWebhook::read(const WebhookRequest &request, const QByteArray &secret)
{
    static const QByteArray bearer = QByteArrayLiteral("Bearer ");
    const QByteArray authorization = request.header("Authorization");
    if (!authorization.startsWith(bearer))
        return WebhookResult::unauthorized(QStringLiteral("no Authorization: Bearer header"));
    if (secret.isEmpty() || !WebhookSecret::equal(authorization.mid(bearer.size()).trimmed(), secret))
        return WebhookResult::unauthorized(QStringLiteral("the bearer token is not the webhook's secret"));

    QString error;
    const std::optional<QJsonObject> body = request.jsonObject(&error);
    if (!body)
        return WebhookResult::malformed(error);
    WebhookEvent moved;
    moved.source = QStringLiteral("tasks");
    moved.kind = WebhookEvent::Kind::TaskMoved;
    moved.name = QStringLiteral("task-moved");
    moved.task = jsonString(*body, { "task" }).trimmed();
    moved.status = jsonString(*body, { "status" }).trimmed();
    if (moved.task.isEmpty() || moved.status.isEmpty())
        return WebhookResult::malformed(QStringLiteral("a task-moved event needs the strings task and status"));
    return WebhookResult::accepted(moved);
}

} // namespace Shipyard
