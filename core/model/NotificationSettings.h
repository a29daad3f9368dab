// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "support/Diagnostic.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <chrono>
#include <optional>

namespace Shipyard {

// What Shipyard tells people about (docs/notifications.md). The ecosystem
// names them "delivery.started", "showroom.expiring", … (keyword()).
enum class NotificationEvent {
    DeliveryStarted,
    DeliverySucceeded,
    DeliveryFailed,
    DeliveryRolledBack, // whatever undid it: a rollout, smoke, monitoring, alerts, a person
    FreezeOverride, // a person delivered into a frozen environment, saying why
    ShowroomUp,
    ShowroomExpiring, // once per showroom, before its time to live ends
    ShowroomDown,
};

// A place notifications go to, by the name the ecosystem gives it.
struct NotificationChannel
{
    enum class Kind { Chat, Email, Tracker };

    QString name;
    Kind kind = Kind::Chat;
    // chat: the variable holding the incoming webhook's URL. The URL is the
    // credential (Slack's and Mattermost's carry their token), so it never
    // lives in the file and is masked wherever text goes.
    QString urlEnvironmentVariable;
    QString username; // chat: the sender's name, where the chat lets a webhook choose it
    QString iconUrl; // chat: the sender's picture, likewise
    QString smtpUrl; // email: smtp://host[:port] or smtps://host[:port]
    bool startTls = false; // email over smtp://: STARTTLS, or no mail at all
    QString from;
    QStringList to;
    QString usernameEnvironmentVariable; // email: SMTP AUTH, when both are set
    QString passwordEnvironmentVariable;
    SourceLocation location;
};

// One entry of a `notify` list: what CHANNEL hears about.
struct NotificationRule
{
    QString channel;
    QList<NotificationEvent> events; // every event when the entry names none
    SourceLocation location;
};

// The ecosystem's `notifications`.
struct NotificationSettings
{
    QList<NotificationChannel> channels;
    // Channels named in the file whose own settings had errors (said at
    // their place): a rule naming one is not told again that it is unknown.
    QStringList brokenChannels;
    // What every environment without a `notify` of its own sends.
    QList<NotificationRule> notify;
    // Each channel's time for one notification: a chat or a mail server that
    // hangs costs a delivery no more than this.
    std::chrono::seconds timeout { 5 };
    // showroom.expiring is sent once this share of a showroom's time to live
    // is left (expiringPercent), or this long before it ends when set.
    int expiringPercent = 10;
    std::chrono::seconds expiringBefore { 0 };

    const NotificationChannel *channel(const QString &name) const;
    // The variables holding the channels' secrets (webhook URLs, SMTP
    // passwords), and with the SMTP usernames their credentials.
    QStringList secretVariables() const;
    QStringList credentialVariables() const;

    static const QList<NotificationEvent> &allEvents();
};

QString keyword(NotificationEvent event);
std::optional<NotificationEvent> notificationEventFromKeyword(const QString &keyword);

} // namespace Shipyard
