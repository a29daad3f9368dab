// SPDX-License-Identifier: GPL-2.0-or-later
// ShowroomManager's keeping of a showroom between deliveries: pinned past
// its expiry, put to sleep and woken (see ShowroomSleep).
#include "pipeline/ShowroomManager.h"

#include "model/Labels.h"
#include "pipeline/EnvironmentLock.h"
#include "pipeline/ShowroomSleep.h"

#include <QJsonArray>

namespace Shipyard {

ShowroomManager::ChangeResult ShowroomManager::pin(const QString &task, const QString &why) const
{
    const QString who = currentPerson();
    return annotate(task, QStringLiteral("showroom.pin"),
        QJsonObject { { QString(Labels::pinnedBy), who }, { QString(Labels::pinReason), why } },
        QStringLiteral("pinned by %1: %2").arg(who, why), QJsonObject { { QStringLiteral("reason"), why } });
}

ShowroomManager::ChangeResult ShowroomManager::unpin(const QString &task) const
{
    return annotate(task, QStringLiteral("showroom.unpin"),
        QJsonObject {
            { QString(Labels::pinnedBy), QJsonValue::Null }, { QString(Labels::pinReason), QJsonValue::Null } },
        QStringLiteral("unpinned: it expires at its time again"), {});
}

ShowroomManager::ChangeResult ShowroomManager::sleep(
    const QString &task, const QDateTime &now, const Progress &progress) const
{
    return changeSleep(task, QStringLiteral("showroom.sleep"),
        [&](const ShowroomSleep &showroom) { return showroom.sleep(now, progress); });
}

ShowroomManager::ChangeResult ShowroomManager::wake(const QString &task, const Progress &progress) const
{
    return changeSleep(
        task, QStringLiteral("showroom.wake"), [&](const ShowroomSleep &showroom) { return showroom.wake(progress); });
}

ShowroomManager::ChangeResult ShowroomManager::changeSleep(const QString &task, const QString &action,
    const std::function<ShowroomSleep::Result(const ShowroomSleep &)> &change) const
{
    ChangeResult result;
    result.namespaceName = namespaceFor(task);
    if (!find(task, &result.error))
        return result;
    const ShowroomSleep::Result changed =
        change(ShowroomSleep(m_client, result.namespaceName, EnvironmentLock::defaultIdentity()));
    result.changes = changed.deployments;
    result.error = changed.error;
    audit(action, result.namespaceName,
        result.succeeded() ? QStringLiteral("succeeded") : QStringLiteral("failed: ") + result.error,
        QJsonObject { { QStringLiteral("task"), task },
            { QStringLiteral("deployments"), QJsonArray::fromStringList(changed.deployments) } });
    return result;
}

} // namespace Shipyard
