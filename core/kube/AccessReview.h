// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "kube/KubeClient.h"

#include <QFuture>
#include <QStringList>

namespace Shipyard {

// "May I?" (SelfSubjectAccessReview) and "who am I?" (SelfSubjectReview):
// asked before starting a watch or offering an action the user may not take.
class AccessReview
{
public:
    struct Answer
    {
        KubeError error;
        bool allowed = false;
        bool denied = false; // explicitly, not merely "no rule allows it"
        QString reason;
    };
    struct Identity
    {
        KubeError error;
        QString username;
        QString uid;
        QStringList groups;
    };

    // `resource` may be "deployments" or "deployments.apps" or "pods/log".
    static QFuture<Answer> canI(const KubeClient &client, const QString &verb, const QString &resource,
        const QString &ns, const QString &name = {});
    static QFuture<Identity> whoAmI(const KubeClient &client);
};

} // namespace Shipyard
