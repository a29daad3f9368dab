// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace Shipyard {

// One showroom namespace as ShowroomManager::list() finds it in the cluster.
struct ShowroomInfo
{
    QString namespaceName;
    QString task; // label shipyard.dev/task
    QString creator; // annotation shipyard.dev/creator, "user@host"
    QDateTime created; // the namespace's creationTimestamp
    QDateTime expiresAt; // annotation shipyard.dev/expires-at; invalid when missing or unreadable
    QDateTime deliveredAt; // annotation shipyard.dev/delivered-at; invalid: never (or before it was kept)
    QString pinnedBy; // annotation shipyard.dev/pinned-by; empty: not pinned
    QString pinReason;
    QDateTime sleepingSince; // annotation shipyard.dev/sleeping-since; invalid: awake
    QDateTime expiryNotified; // annotation shipyard.dev/expiry-notified: the expiry told of
    bool terminating = false; // already being deleted
    int deployments = 0;
    int podsReady = 0;
    int podsTotal = 0;

    // A showroom without a readable expiry never expires by itself: the
    // sweep still removes it once its task is closed or its branches merged.
    bool isExpired(const QDateTime &now) const { return expiresAt.isValid() && expiresAt <= now; }
    // A pinned showroom outlives its expiry until someone unpins it.
    bool isPinned() const { return !pinnedBy.isEmpty(); }
    bool isAsleep() const { return sleepingSince.isValid(); }
    // Since the last delivery, or the namespace's creation when none is known.
    QDateTime idleSince() const { return deliveredAt.isValid() ? deliveredAt : created; }

    // Read from a Namespace object as ShowroomManager labels and annotates it.
    static ShowroomInfo fromNamespace(const QJsonObject &ns);

    // Selects the showroom namespaces of one showroom environment.
    static QString labelSelector(const QString &environment);
};

} // namespace Shipyard
