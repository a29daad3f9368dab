// SPDX-License-Identifier: GPL-2.0-or-later
#include "notify/ChatWebhookSink.h"

#include "http/CurlTransport.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace Shipyard {

namespace {

QString escaped(QString text)
{
    return text.replace(QLatin1Char('&'), QLatin1String("&amp;"))
        .replace(QLatin1Char('<'), QLatin1String("&lt;"))
        .replace(QLatin1Char('>'), QLatin1String("&gt;"));
}

} // namespace

ChatWebhookSink::ChatWebhookSink(QUrl url, QString username, QString iconUrl, std::chrono::milliseconds timeout,
    std::shared_ptr<HttpTransport> transport)
    : m_url(std::move(url))
    , m_username(std::move(username))
    , m_iconUrl(std::move(iconUrl))
    , m_timeout(timeout)
    , m_transport(transport ? std::move(transport) : std::make_shared<CurlTransport>())
{ }

QByteArray ChatWebhookSink::payload(const Notification &notification, const QString &username, const QString &iconUrl)
{
    QJsonObject body { { QStringLiteral("text"), escaped(notification.text()) } };
    if (!username.isEmpty())
        body.insert(QStringLiteral("username"), username);
    if (!iconUrl.isEmpty())
        body.insert(QStringLiteral("icon_url"), iconUrl);
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

QString ChatWebhookSink::send(const Notification &notification)
{
    HttpRequest request;
    request.method = "POST";
    request.url = m_url;
    request.timeoutMs = int(m_timeout.count());
    request.addHeader("Content-Type", "application/json; charset=utf-8");
    request.body = payload(notification, m_username, m_iconUrl);
    const HttpResponse response = m_transport->send(request);
    // libcurl's explanations may quote the URL: only the host is named.
    const QString where = m_url.host() + (m_url.port() > 0 ? QStringLiteral(":%1").arg(m_url.port()) : QString());
    switch (response.failure) {
    case HttpResponse::Failure::None:
        break;
    case HttpResponse::Failure::Timeout:
        return QStringLiteral("the chat at %1 did not answer within %2 ms").arg(where).arg(m_timeout.count());
    case HttpResponse::Failure::TooLarge:
        return QStringLiteral("the chat at %1 answered with too much").arg(where);
    case HttpResponse::Failure::Cancelled:
        return QStringLiteral("cancelled");
    case HttpResponse::Failure::Network:
        return QStringLiteral("the chat at %1 cannot be reached: %2")
            .arg(where, QString(response.failureText).replace(m_url.toString(), where));
    }
    if (!response.isSuccess())
        return QStringLiteral("the chat at %1 answered HTTP %2: %3")
            .arg(where)
            .arg(response.status)
            .arg(QString::fromUtf8(response.body.left(200)).simplified());
    return {};
}

} // namespace Shipyard
