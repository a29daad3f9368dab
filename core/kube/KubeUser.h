// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "kube/KubeExecConfig.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace Shipyard {

// users[].user of a kubeconfig (an "AuthInfo" in client-go). Paths are
// absolute once loaded.
struct KubeUser
{
    QString name;
    QString clientCertificate;
    QByteArray clientCertificateData;
    QString clientKey;
    QByteArray clientKeyData;
    QString token;
    QString tokenFile;
    QString username;
    QString password;
    std::optional<KubeExecConfig> exec;
    QString locationOfOrigin;

    bool hasClientCertificate() const { return !clientCertificate.isEmpty() || !clientCertificateData.isEmpty(); }
};

} // namespace Shipyard
