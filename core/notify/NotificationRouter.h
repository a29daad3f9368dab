// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "model/Ecosystem.h"

#include <QList>
#include <QString>

namespace Shipyard {

// Who hears about what: the channels an event in an environment goes to,
// from the environment's `notify`, or the ecosystem's notifications.notify
// for an environment without one. Each channel once, in the order the
// rules name them.
class NotificationRouter
{
public:
    explicit NotificationRouter(const Ecosystem &ecosystem) : m_ecosystem(ecosystem) { }

    QList<const NotificationChannel *> channels(const QString &environment, NotificationEvent event) const;
    // The rules in force in ENVIRONMENT.
    const QList<NotificationRule> &rules(const QString &environment) const;

private:
    const Ecosystem &m_ecosystem;
};

} // namespace Shipyard
