// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "model/Ecosystem.h"

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>

namespace Shipyard {

// The Authorization header a monitoring client sends, made from the
// variables ServiceCredentials names: "Bearer TOKEN" or "Basic base64(USER:
// PASSWORD)"; nothing for none. A variable that is not set is an error said
// once per request instead of a 401 from the server, which could not say
// what is missing.
struct ServiceAuthorization
{
    QByteArray header; // the value, empty for no header
    QString error;

    static ServiceAuthorization from(const ServiceCredentials &credentials,
        const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment());
    // Why a server refused the credentials (HTTP 401 or 403) in words a
    // person can act on; empty for other statuses. SERVICE: "Prometheus".
    static QString refusal(const QString &service, int httpStatus, bool sentCredentials);
};

} // namespace Shipyard
