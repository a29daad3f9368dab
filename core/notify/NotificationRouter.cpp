// SPDX-License-Identifier: GPL-2.0-or-later
#include "notify/NotificationRouter.h"

namespace Shipyard {

const QList<NotificationRule> &NotificationRouter::rules(const QString &environment) const
{
    const Environment *env = m_ecosystem.environment(environment);
    if (env && env->notify)
        return *env->notify;
    return m_ecosystem.notifications.notify;
}

QList<const NotificationChannel *> NotificationRouter::channels(
    const QString &environment, NotificationEvent event) const
{
    QList<const NotificationChannel *> found;
    for (const NotificationRule &rule : rules(environment)) {
        if (!rule.events.contains(event))
            continue;
        const NotificationChannel *channel = m_ecosystem.notifications.channel(rule.channel);
        if (channel && !found.contains(channel))
            found.append(channel);
    }
    return found;
}

} // namespace Shipyard
