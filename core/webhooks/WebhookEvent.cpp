// SPDX-License-Identifier: GPL-2.0-or-later
#include "webhooks/WebhookEvent.h"

#include <QStringList>

namespace Shipyard {

QString WebhookEvent::summary() const
{
    QStringList parts { source, name };
    for (const QString &part : { project, branch, commit.left(7), task, status }) {
        if (!part.isEmpty())
            parts.append(part);
    }
    return parts.join(QLatin1Char(' '));
}

WebhookResult WebhookResult::accepted(WebhookEvent event)
{
    WebhookResult result;
    result.verdict = Verdict::Accepted;
    result.reason = QStringLiteral("accepted: %1").arg(event.summary());
    result.event = std::move(event);
    return result;
}

WebhookResult WebhookResult::ignored(QString reason)
{
    WebhookResult result;
    result.verdict = Verdict::Ignored;
    result.reason = std::move(reason);
    return result;
}

WebhookResult WebhookResult::unauthorized(QString reason)
{
    WebhookResult result;
    result.verdict = Verdict::Unauthorized;
    result.reason = std::move(reason);
    return result;
}

WebhookResult WebhookResult::malformed(QString reason)
{
    WebhookResult result;
    result.verdict = Verdict::Malformed;
    result.reason = std::move(reason);
    return result;
}

int WebhookResult::httpStatus() const
{
    switch (verdict) {
    case Verdict::Accepted:
        return 202;
    case Verdict::Ignored:
        return 200;
    case Verdict::Unauthorized:
        return 401;
    case Verdict::Malformed:
        return 400;
    case Verdict::TooLarge:
        return 413;
    case Verdict::NotConfigured:
        return 404;
    }
    return 500;
}

QString WebhookResult::keyword(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Accepted:
        return QStringLiteral("accepted");
    case Verdict::Ignored:
        return QStringLiteral("ignored");
    case Verdict::Unauthorized:
        return QStringLiteral("unauthorized");
    case Verdict::Malformed:
        return QStringLiteral("malformed");
    case Verdict::TooLarge:
        return QStringLiteral("too_large");
    case Verdict::NotConfigured:
        return QStringLiteral("not_configured");
    }
    return QString();
}

} // namespace Shipyard
