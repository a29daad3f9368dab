// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "kube/KubeError.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Shipyard {

struct KubeResponse
{
    int httpStatus = 0;
    QByteArray body;
    KubeError error;
    QByteArray httpVersion; // "1.1", "2"

    bool ok() const { return !error.isError(); }
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};

} // namespace Shipyard
