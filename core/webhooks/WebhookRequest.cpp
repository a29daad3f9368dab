// SPDX-License-Identifier: GPL-2.0-or-later
#include "webhooks/WebhookRequest.h"

#include "webhooks/WebhookSecret.h"

namespace Shipyard {

QByteArray WebhookRequest::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

bool WebhookRequest::hasHeader(const QByteArray &name) const
{
    for (const auto &header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

} // namespace Shipyard

#include <QJsonDocument>
#include <QJsonParseError>

namespace Shipyard {

std::optional<QJsonObject> WebhookRequest::jsonObject(QString *error) const
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = QStringLiteral("the body is not JSON: %1 at offset %2")
                     .arg(parseError.errorString())
                     .arg(parseError.offset);
        return std::nullopt;
    }
    if (!document.isObject()) {
        *error = QStringLiteral("the body is not a JSON object");
        return std::nullopt;
    }
    return document.object();
}

QString jsonString(const QJsonObject &object, std::initializer_list<const char *> path)
{
    QJsonValue value = object;
    for (const char *key : path)
        value = value.toObject().value(QLatin1String(key));
    return value.toString();
}

QString WebhookRequest::urlTokenMismatch(const QByteArray &secret, const QString &source) const
{
    if (!query.hasQueryItem(QStringLiteral("token")))
        return QStringLiteral("no token in the url (…/webhooks/%1?token=SECRET)").arg(source);
    const QByteArray token = query.queryItemValue(QStringLiteral("token"), QUrl::FullyDecoded).toUtf8();
    if (secret.isEmpty() || !WebhookSecret::equal(token, secret))
        return QStringLiteral("the url's token is not the webhook's secret");
    return {};
}

} // namespace Shipyard
