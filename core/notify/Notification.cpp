// SPDX-License-Identifier: GPL-2.0-or-later
#include "notify/Notification.h"

namespace Shipyard {

QString Notification::title() const
{
    const QString list = systems.join(QStringLiteral(", "));
    const QString task = tasks.isEmpty() ? namespaceName : tasks.first();
    switch (event) {
    case NotificationEvent::DeliveryStarted:
        return QStringLiteral("Delivery into %1 started: %2").arg(environment, list);
    case NotificationEvent::DeliverySucceeded:
        return QStringLiteral("Delivered into %1: %2").arg(environment, list);
    case NotificationEvent::DeliveryFailed:
        return QStringLiteral("Delivery into %1 failed: %2").arg(environment, list);
    case NotificationEvent::DeliveryRolledBack:
        return QStringLiteral("Delivery into %1 rolled back: %2").arg(environment, list);
    case NotificationEvent::FreezeOverride:
        return QStringLiteral("%1 is frozen, delivered anyway: %2").arg(environment, list);
    case NotificationEvent::ShowroomUp:
        return QStringLiteral("Showroom of %1 is up in %2").arg(task, environment);
    case NotificationEvent::ShowroomExpiring:
        return QStringLiteral("Showroom of %1 in %2 expires soon").arg(task, environment);
    case NotificationEvent::ShowroomDown:
        return QStringLiteral("Showroom of %1 in %2 is down").arg(task, environment);
    }
    return {};
}

QString Notification::text() const
{
    QStringList lines { title() };
    if (!message.isEmpty())
        lines.append(message);
    lines.append(QString());
    const auto fact = [&lines](const QString &name, const QString &value) {
        if (!value.isEmpty())
            lines.append(name + QStringLiteral(": ") + value);
    };
    fact(QStringLiteral("Ecosystem"), ecosystem);
    fact(QStringLiteral("Environment"),
        namespaceName.isEmpty() ? environment : QStringLiteral("%1 (namespace %2)").arg(environment, namespaceName));
    fact(QStringLiteral("Systems"), systems.join(QStringLiteral(", ")));
    fact(QStringLiteral("Tasks"), tasks.join(QStringLiteral(", ")));
    fact(QStringLiteral("Release"), releaseId);
    fact(QStringLiteral("By"), who);
    fact(QStringLiteral("At"), at.isValid() ? at.toUTC().toString(Qt::ISODate) : QString());
    fact(QStringLiteral("Event"), keyword(event));
    return lines.join(QLatin1Char('\n'));
}

} // namespace Shipyard
