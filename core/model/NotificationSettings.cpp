// SPDX-License-Identifier: GPL-2.0-or-later
#include "model/NotificationSettings.h"

namespace Shipyard {

const NotificationChannel *NotificationSettings::channel(const QString &name) const
{
    for (const NotificationChannel &channel : channels) {
        if (channel.name == name)
            return &channel;
    }
    return nullptr;
}

QStringList NotificationSettings::secretVariables() const
{
    QStringList names;
    for (const NotificationChannel &channel : channels) {
        for (const QString &variable : { channel.urlEnvironmentVariable, channel.passwordEnvironmentVariable }) {
            if (!variable.isEmpty() && !names.contains(variable))
                names.append(variable);
        }
    }
    return names;
}

QStringList NotificationSettings::credentialVariables() const
{
    QStringList names = secretVariables();
    for (const NotificationChannel &channel : channels) {
        if (!channel.usernameEnvironmentVariable.isEmpty() && !names.contains(channel.usernameEnvironmentVariable))
            names.append(channel.usernameEnvironmentVariable);
    }
    return names;
}

const QList<NotificationEvent> &NotificationSettings::allEvents()
{
    static const QList<NotificationEvent> events { NotificationEvent::DeliveryStarted,
        NotificationEvent::DeliverySucceeded, NotificationEvent::DeliveryFailed, NotificationEvent::DeliveryRolledBack,
        NotificationEvent::FreezeOverride, NotificationEvent::ShowroomUp, NotificationEvent::ShowroomExpiring,
        NotificationEvent::ShowroomDown };
    return events;
}

QString keyword(NotificationEvent event)
{
    switch (event) {
    case NotificationEvent::DeliveryStarted:
        return QStringLiteral("delivery.started");
    case NotificationEvent::DeliverySucceeded:
        return QStringLiteral("delivery.succeeded");
    case NotificationEvent::DeliveryFailed:
        return QStringLiteral("delivery.failed");
    case NotificationEvent::DeliveryRolledBack:
        return QStringLiteral("delivery.rolled-back");
    case NotificationEvent::FreezeOverride:
        return QStringLiteral("freeze.override");
    case NotificationEvent::ShowroomUp:
        return QStringLiteral("showroom.up");
    case NotificationEvent::ShowroomExpiring:
        return QStringLiteral("showroom.expiring");
    case NotificationEvent::ShowroomDown:
        return QStringLiteral("showroom.down");
    }
    return {};
}

std::optional<NotificationEvent> notificationEventFromKeyword(const QString &word)
{
    for (NotificationEvent event : NotificationSettings::allEvents()) {
        if (keyword(event) == word)
            return event;
    }
    return std::nullopt;
}

} // namespace Shipyard
