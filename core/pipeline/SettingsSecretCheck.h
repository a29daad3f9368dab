// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "kube/KubeClient.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <atomic>
#include <chrono>
#include <functional>

namespace Shipyard {

// The environment's settings Secret, looked at before a delivery's first
// write: a pod that refers to a Secret or a key that is not there never
// starts, and the rollout would time out over it. Only the Secret's key
// names are read; its values are dropped unseen.
class SettingsSecretCheck
{
public:
    // The keys of the Secret named NAME that OBJECTS' containers need
    // (secretKeyRef not marked optional), each once, in order; "*" stands for
    // an envFrom secretRef, which needs the Secret but no key.
    static QStringList requiredKeys(const QList<QJsonObject> &objects, const QString &name);

    // How long a delivery into a new showroom waits for its Secret.
    static constexpr std::chrono::seconds showroomPatience { 60 };

    struct Result
    {
        QString problem; // empty when the delivery may go on
        QString warning; // the Secret could not be read (no permission): said, not fatal
    };
    // Whether Secret NAME in NS is there with the keys OBJECTS need.
    // A Secret that is not there yet is waited for up to PATIENCE (a new
    // showroom namespace is filled by whoever the team has fill new
    // namespaces: External Secrets, a reflector, a hook), LOG told once.
    static Result run(const KubeClient &client, const QString &ns, const QString &name,
        const QList<QJsonObject> &objects, std::chrono::seconds patience = std::chrono::seconds(0),
        const std::function<void(const QString &)> &log = {}, const std::atomic_bool *cancel = nullptr);
};

} // namespace Shipyard
