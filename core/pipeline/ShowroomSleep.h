// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "kube/KubeClient.h"

#include <QDateTime>
#include <QJsonArray>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace Shipyard {

// Puts a showroom to sleep and wakes it: its Deployments scaled to zero,
// each remembering on itself (annotation replicas-before-sleep) how many
// replicas it had, and the namespace saying since when it sleeps, so that
// waking needs nothing but the cluster. Under the namespace's delivery lock,
// so that it never lands in the middle of a delivery into the showroom.
//
// Blocks: call from a worker thread or the CLI.
class ShowroomSleep
{
public:
    using Progress = std::function<void(const QString &line)>;

    struct Result
    {
        QStringList deployments; // "catalog: 2 → 0" (sleep) or "catalog: 0 → 2" (wake)
        QString error;
        bool succeeded() const { return error.isEmpty(); }
    };

    ShowroomSleep(KubeClient client, QString ns, QString identity);

    Result sleep(const QDateTime &now, const Progress &progress = {}) const;
    // Also after a sleep half done: every Deployment that remembers its
    // replicas gets them back, and the namespace is awake.
    Result wake(const Progress &progress = {}) const;

private:
    // Runs ACTION under the namespace's lock; the lock's error otherwise.
    Result underLock(const QString &reason, const std::function<Result()> &action) const;
    QString markNamespace(const QJsonValue &sleepingSince) const;
    // The namespace's Deployments; nothing, with ERROR, when they cannot be listed.
    std::optional<QJsonArray> deployments(QString *error) const;

    KubeClient m_client;
    QString m_ns;
    QString m_identity;
};

} // namespace Shipyard
