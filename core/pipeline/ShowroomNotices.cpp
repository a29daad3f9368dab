// SPDX-License-Identifier: GPL-2.0-or-later
// ShowroomManager's notifications: a showroom up, down, or about to expire
// (see notify/Notifier).
#include "pipeline/ShowroomManager.h"

#include "model/Labels.h"
#include "notify/Notifier.h"
#include "support/FutureWait.h"

#include <QJsonDocument>

namespace Shipyard {

QStringList ShowroomManager::notify(NotificationEvent event, const QString &task, const QString &ns, const QString &who,
    const QStringList &systems, const QString &message) const
{
    Notifier notifier(m_ecosystem);
    if (!notifier.isRouted(m_environment, event))
        return {};
    Notification notification;
    notification.event = event;
    notification.environment = m_environment;
    notification.namespaceName = ns;
    if (!task.isEmpty())
        notification.tasks = { task };
    notification.systems = systems;
    notification.who = who;
    notification.message = message;
    return notifier.send(notification);
}

QStringList ShowroomManager::notifyUp(
    const UpResult &result, const QString &task, const QString &creator, const QDateTime &expiresAt) const
{
    QStringList names;
    for (const Delivery::Target &target : result.targets)
        names.append(
            target.usesUpstream() ? target.system : QStringLiteral("%1 (%2)").arg(target.system, target.branch));
    return notify(NotificationEvent::ShowroomUp, task, result.namespaceName, creator, names,
        QStringLiteral("%1 in namespace %2; it expires at %3.")
            .arg(result.created ? QStringLiteral("Created") : QStringLiteral("Updated"), result.namespaceName,
                expiresAt.toUTC().toString(Qt::ISODate)));
}

bool ShowroomManager::isExpiring(const ShowroomInfo &showroom, const QDateTime &now) const
{
    if (!showroom.expiresAt.isValid() || showroom.isExpired(now))
        return false;
    const qint64 left = now.secsTo(showroom.expiresAt);
    const NotificationSettings &settings = m_ecosystem.notifications;
    if (settings.expiringBefore.count() > 0)
        return left <= settings.expiringBefore.count();
    const QDateTime since = showroom.idleSince();
    const qint64 lifetime = since.isValid() ? since.secsTo(showroom.expiresAt) : 0;
    return lifetime > 0 && left * 100 <= lifetime * settings.expiringPercent;
}

void ShowroomManager::warnOfExpiry(
    const ShowroomInfo &showroom, const QDateTime &now, QStringList &warnings, const Progress &progress) const
{
    // A pinned showroom stays past its expiry: nothing to warn of.
    if (showroom.isPinned() || !isExpiring(showroom, now) || showroom.expiryNotified == showroom.expiresAt)
        return;
    Notifier notifier(m_ecosystem);
    if (!notifier.isRouted(m_environment, NotificationEvent::ShowroomExpiring))
        return;
    const qint64 minutes = (now.secsTo(showroom.expiresAt) + 30) / 60;
    const QString left =
        minutes >= 120 ? QStringLiteral("%1 hours").arg(minutes / 60) : QStringLiteral("%1 minutes").arg(minutes);
    Notification notification;
    notification.event = NotificationEvent::ShowroomExpiring;
    notification.environment = m_environment;
    notification.namespaceName = showroom.namespaceName;
    if (!showroom.task.isEmpty())
        notification.tasks = { showroom.task };
    notification.who = showroom.creator;
    notification.message = QStringLiteral("It expires at %1 (in %2) and is then removed; a delivery into it or "
                                          "`shipyardctl showroom pin %3 WHY` keeps it.")
                               .arg(showroom.expiresAt.toUTC().toString(Qt::ISODate), left, showroom.task);
    const QStringList failed = notifier.send(notification);
    warnings.append(failed);
    // Not remembered while no channel took it: the next sweep tries again.
    if (!failed.isEmpty())
        return;
    if (progress)
        progress(QStringLiteral("%1: expires at %2, told")
                .arg(showroom.namespaceName, showroom.expiresAt.toUTC().toString(Qt::ISODate)));
    const QJsonObject patch { { QStringLiteral("metadata"),
        QJsonObject { { QStringLiteral("annotations"),
            QJsonObject {
                { QString(Labels::expiryNotified), showroom.expiresAt.toUTC().toString(Qt::ISODate) } } } } } };
    const KubeResponse patched = await(m_client.patch(QStringLiteral("/api/v1/namespaces/") + showroom.namespaceName,
        QJsonDocument(patch).toJson(QJsonDocument::Compact), "application/merge-patch+json"));
    if (!patched.ok())
        warnings.append(QStringLiteral("%1: that its expiry was told is not remembered, it may be told again: %2")
                .arg(showroom.namespaceName, patched.error.message));
}

} // namespace Shipyard
