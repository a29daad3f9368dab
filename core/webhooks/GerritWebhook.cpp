// SPDX-License-Identifier: GPL-2.0-or-later
#include "webhooks/GerritWebhook.h"

namespace Shipyard {

WebhookResult GerritWebhook::read(const WebhookRequest &request, const QByteArray &secret)
{
    if (const QString mismatch = request.urlTokenMismatch(secret, QStringLiteral("gerrit")); !mismatch.isEmpty())
        return WebhookResult::unauthorized(mismatch);

    QString error;
    const std::optional<QJsonObject> body = request.jsonObject(&error);
    if (!body)
        return WebhookResult::malformed(error);
    WebhookEvent event;
    event.source = QStringLiteral("gerrit");
    event.name = jsonString(*body, { "type" });
    if (event.name == QLatin1String("patchset-created") || event.name == QLatin1String("change-merged")) {
        event.kind =
            event.name == QLatin1String("change-merged") ? WebhookEvent::Kind::Push : WebhookEvent::Kind::Review;
        event.project = jsonString(*body, { "change", "project" });
        event.branch = jsonString(*body, { "change", "branch" });
        event.commit = event.name == QLatin1String("change-merged") && body->contains(QLatin1String("newRev"))
            ? jsonString(*body, { "newRev" })
            : jsonString(*body, { "patchSet", "revision" });
        if (event.project.isEmpty() || event.branch.isEmpty() || event.commit.isEmpty())
            return WebhookResult::malformed(
                QStringLiteral("%1 needs change.project, change.branch and patchSet.revision").arg(event.name));
        return WebhookResult::accepted(event);
    }
    if (event.name == QLatin1String("ref-updated")) {
        event.kind = WebhookEvent::Kind::Push;
        event.project = jsonString(*body, { "refUpdate", "project" });
        QString ref = jsonString(*body, { "refUpdate", "refName" });
        event.commit = jsonString(*body, { "refUpdate", "newRev" });
        if (event.project.isEmpty() || ref.isEmpty() || event.commit.isEmpty())
            return WebhookResult::malformed(
                QStringLiteral("ref-updated needs refUpdate.project, refUpdate.refName and refUpdate.newRev"));
        if (event.commit.count(QLatin1Char('0')) == event.commit.size())
            return WebhookResult::ignored(QStringLiteral("%1 was deleted").arg(ref));
        // Older Gerrits name branches without refs/heads/; changes and meta refs are no branches.
        if (ref.startsWith(QLatin1String("refs/heads/")))
            ref = ref.mid(qsizetype(sizeof("refs/heads/") - 1));
        else if (ref.startsWith(QLatin1String("refs/")))
            return WebhookResult::ignored(QStringLiteral("%1 is no branch").arg(ref));
        event.branch = ref;
        return WebhookResult::accepted(event);
    }
    if (event.name.isEmpty())
        return WebhookResult::malformed(QStringLiteral("the event has no type"));
    return WebhookResult::malformed(QStringLiteral("Gerrit's %1 is not read by Shipyard; configure the remote with "
                                                   "event = patchset-created, change-merged and ref-updated")
            .arg(event.name));
}

} // namespace Shipyard
