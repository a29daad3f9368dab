// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

namespace Shipyard::TestSupport {

// An object captured from the local control plane into tests/core/kube/data
// (data/README.md says how).
inline QJsonObject capturedObject(const QString &name)
{
    QFile file(QStringLiteral(SHIPYARD_SOURCE_DIR "/tests/core/kube/data/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("%s: %s", qPrintable(file.fileName()), qPrintable(file.errorString()));
    return QJsonDocument::fromJson(file.readAll()).object();
}

} // namespace Shipyard::TestSupport
