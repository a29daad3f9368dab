// SPDX-License-Identifier: GPL-2.0-or-later
#include "tracker/TrackerError.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Shipyard {

namespace {

// The server's own explanation, when its error body has one (Redmine:
// {"errors": [...]}, Jira: {"errorMessages": [...], "errors": {...}}).
QString serverExplanation(const QByteArray &body)
{
    const QJsonObject object = QJsonDocument::fromJson(body).object();
    QStringList parts;
    const QJsonValue errors = object.value(QLatin1String("errors"));
    if (errors.isArray()) {
        for (const QJsonValue &value : errors.toArray())
            parts.append(value.toString());
    } else if (errors.isObject()) {
        const QJsonObject fields = errors.toObject();
        for (auto it = fields.begin(); it != fields.end(); ++it)
            parts.append(it.key() % QStringLiteral(": ") % it.value().toString());
    }
    for (const QJsonValue &value : object.value(QLatin1String("errorMessages")).toArray())
        parts.append(value.toString());
    if (object.contains(QLatin1String("message")))
        parts.append(object.value(QLatin1String("message")).toString());
    parts.removeAll(QString());
    return parts.join(QStringLiteral("; ")).left(500);
}

} // namespace

TrackerError TrackerError::fromResponse(
    const HttpResponse &response, const QString &context, const QString &tokenVariable)
{
    switch (response.failure) {
    case HttpResponse::Failure::None:
        break;
    case HttpResponse::Failure::Network:
        return { Kind::Network, QStringLiteral("%1: cannot reach the server: %2").arg(context, response.failureText) };
    case HttpResponse::Failure::Timeout:
        return { Kind::Timeout,
            QStringLiteral("%1: the server did not answer in time (%2)").arg(context, response.failureText) };
    case HttpResponse::Failure::Cancelled:
        return { Kind::Cancelled, QStringLiteral("%1: cancelled").arg(context) };
    case HttpResponse::Failure::TooLarge:
        return { Kind::BadResponse, QStringLiteral("%1: the answer is too large to be a tracker's").arg(context) };
    }
    if (response.status >= 200 && response.status < 300)
        return {};

    const QString explanation = serverExplanation(response.body);
    const QString suffix = explanation.isEmpty() ? QString() : QStringLiteral(" (") % explanation % QLatin1Char(')');
    const QString token =
        tokenVariable.isEmpty() ? QStringLiteral("the token") : QStringLiteral("the token in $%1").arg(tokenVariable);
    switch (response.status) {
    case 401:
        return { Kind::Unauthorized,
            QStringLiteral("%1: not authenticated (HTTP 401): check %2%3").arg(context, token, suffix) };
    case 403:
        return { Kind::Forbidden,
            QStringLiteral("%1: permission denied (HTTP 403): %2 is valid but may not do this%3")
                .arg(context, token, suffix) };
    case 404:
        return { Kind::NotFound, QStringLiteral("%1: not found (HTTP 404)%2").arg(context, suffix) };
    case 400:
    case 409:
    case 422:
        return { Kind::Rejected,
            QStringLiteral("%1: the server refused the change (HTTP %2)%3")
                .arg(context)
                .arg(response.status)
                .arg(suffix) };
    default:
        break;
    }
    if (response.status >= 500)
        return { Kind::ServerError,
            QStringLiteral("%1: the server failed (HTTP %2); try again later%3")
                .arg(context)
                .arg(response.status)
                .arg(suffix) };
    return { Kind::Other,
        QStringLiteral("%1: unexpected HTTP status %2%3").arg(context).arg(response.status).arg(suffix) };
}

QString TrackerError::kindName(Kind kind)
{
    static const char *const names[] = { "none", "network", "timeout", "unauthorized", "forbidden", "not-found",
        "server-error", "bad-response", "rejected", "invalid-input", "cancelled", "other" };
    return QString::fromLatin1(names[int(kind)]);
}

} // namespace Shipyard
