// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace Shipyard {

// What goes on the wire for one request. Secret: never log or print it.
struct KubeCredentials
{
    QByteArray bearerToken;
    QByteArray clientCertificatePem;
    QByteArray clientKeyPem;
    QByteArray basicUser;
    QByteArray basicPassword;
    QDateTime expiry; // invalid: until the server refuses it
    bool fromExecPlugin = false;
    QString error; // non-empty: no credentials could be made, say why
};

} // namespace Shipyard
