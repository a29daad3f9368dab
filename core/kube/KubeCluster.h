// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "support/Diagnostic.h"

#include <QByteArray>
#include <QJsonValue>
#include <QString>

namespace Shipyard {

// clusters[].cluster of a kubeconfig. Paths are absolute once loaded.
struct KubeCluster
{
    QString name;
    QString server;
    QString certificateAuthority;
    QByteArray certificateAuthorityData; // PEM, decoded from base64
    bool insecureSkipTlsVerify = false;
    // Where insecure-skip-tls-verify was written, so that refusing it names the line.
    SourceLocation insecureSkipTlsVerifyLocation;
    QString tlsServerName;
    QString proxyUrl;
    bool disableCompression = false;
    // extensions[name=client.authentication.k8s.io/exec], handed to exec plugins as spec.cluster.config
    QJsonValue execExtension;
    QString locationOfOrigin;
};

} // namespace Shipyard
