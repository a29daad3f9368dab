// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "kube/KubeError.h"

#include <QJsonArray>
#include <QString>

namespace Shipyard {

// A complete list, every page joined.
struct KubeListResult
{
    QJsonArray items;
    QString resourceVersion; // of the list: where a watch starts
    QString apiVersion;
    QString listKind; // "PodList"
    KubeError error;
    int pages = 0;
    int restarts = 0; // times a 410 on a continue token made the list start over
};

} // namespace Shipyard
