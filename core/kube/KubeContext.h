// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QString>

namespace Shipyard {

// contexts[].context of a kubeconfig.
struct KubeContext
{
    QString name;
    QString cluster;
    QString user;
    QString ns; // empty means "default" to every client
    QString locationOfOrigin;
};

} // namespace Shipyard
