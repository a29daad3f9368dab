// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "model/NotificationSettings.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace Shipyard {

// One thing that happened, told to people (see NotificationRouter for who):
// a delivery started or ended, a freeze overridden, a showroom up, about to
// expire or down. Plain text; every channel shapes it its own way (a chat
// message, a mail, a tracker comment) from title() and text().
struct Notification
{
    NotificationEvent event = NotificationEvent::DeliveryStarted;
    QString ecosystem; // its name, so that several ecosystems can share a channel
    QString environment;
    QString namespaceName;
    QStringList systems; // "storefront", or "storefront (SHOP-7)" for a branch
    QStringList tasks; // the tasks the delivery or showroom is for; their tracker comments
    QString who; // user@host: who delivered, or brought the showroom up or down
    // What happened beyond the title: a failure's step and reason, why a
    // freeze was overridden, when a showroom expires.
    QString message;
    QString releaseId;
    QDateTime at; // UTC

    // One line: "Delivery into staging failed: storefront, catalog".
    QString title() const;
    // The title, the message, then the facts, one per line: environment,
    // systems, tasks, release, who and when.
    QString text() const;
};

} // namespace Shipyard
