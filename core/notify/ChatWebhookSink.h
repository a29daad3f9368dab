// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "notify/NotificationSink.h"

#include <QByteArray>
#include <QUrl>

#include <chrono>
#include <memory>

namespace Shipyard {

class HttpTransport;

// A chat's incoming webhook: one POST of {"text": …} with the sender's
// `username` and `icon_url` when the channel names them, as Slack,
// Mattermost and Rocket.Chat all take it. The URL is a secret (it carries
// the webhook's token): no message this sink returns names it.
class ChatWebhookSink : public NotificationSink
{
public:
    ChatWebhookSink(QUrl url, QString username, QString iconUrl, std::chrono::milliseconds timeout,
        std::shared_ptr<HttpTransport> transport = nullptr);

    QString send(const Notification &notification) override;

    // The JSON body posted for NOTIFICATION. Slack reads &, < and > as its
    // markup, so they are escaped as Slack's formatting rules say; the
    // others decode those entities alike.
    static QByteArray payload(const Notification &notification, const QString &username, const QString &iconUrl);

private:
    QUrl m_url;
    QString m_username;
    QString m_iconUrl;
    std::chrono::milliseconds m_timeout;
    std::shared_ptr<HttpTransport> m_transport;
};

} // namespace Shipyard
