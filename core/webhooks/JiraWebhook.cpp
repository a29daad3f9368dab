// SPDX-License-Identifier: GPL-2.0-or-later
#include "webhooks/JiraWebhook.h"

#include "webhooks/WebhookSecret.h"

#include <QJsonArray>

namespace Shipyard {

WebhookResult JiraWebhook::read(const WebhookRequest &request, const QByteArray &secret)
{
    if (request.hasHeader("X-Hub-Signature")) {
        if (!WebhookSecret::hmacSha256Matches(request.header("X-Hub-Signature"), request.body, secret))
            return WebhookResult::unauthorized(QStringLiteral("X-Hub-Signature does not match the body"));
    } else if (!request.query.hasQueryItem(QStringLiteral("token"))) {
        return WebhookResult::unauthorized(
            QStringLiteral("neither an X-Hub-Signature header nor a token in the url (…/webhooks/jira?token=SECRET)"));
    } else if (const QString mismatch = request.urlTokenMismatch(secret, QStringLiteral("jira")); !mismatch.isEmpty()) {
        return WebhookResult::unauthorized(mismatch);
    }

    QString error;
    const std::optional<QJsonObject> body = request.jsonObject(&error);
    if (!body)
        return WebhookResult::malformed(error);
    const QString name = jsonString(*body, { "webhookEvent" });
    if (name.isEmpty())
        return WebhookResult::malformed(QStringLiteral("the event has no webhookEvent"));
    if (name == QLatin1String("jira:issue_created") || name == QLatin1String("jira:issue_deleted"))
        return WebhookResult::ignored(QStringLiteral("%1 moves no task").arg(name));
    if (name != QLatin1String("jira:issue_updated"))
        return WebhookResult::malformed(
            QStringLiteral("webhookEvent %1 is not read by Shipyard; send jira:issue_updated").arg(name));

    WebhookEvent moved;
    moved.source = QStringLiteral("jira");
    moved.kind = WebhookEvent::Kind::TaskMoved;
    moved.name = name;
    moved.task = jsonString(*body, { "issue", "key" });
    if (moved.task.isEmpty())
        return WebhookResult::malformed(QStringLiteral("jira:issue_updated needs issue.key"));
    const QJsonArray items = body->value(QLatin1String("changelog")).toObject().value(QLatin1String("items")).toArray();
    for (const QJsonValue &item : items) {
        if (item.toObject().value(QLatin1String("field")).toString() == QLatin1String("status")) {
            moved.status = item.toObject().value(QLatin1String("toString")).toString();
            return WebhookResult::accepted(moved);
        }
    }
    return WebhookResult::ignored(QStringLiteral("%1 changed, but not its status").arg(moved.task));
}

} // namespace Shipyard
