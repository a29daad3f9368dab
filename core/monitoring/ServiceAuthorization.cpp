// SPDX-License-Identifier: GPL-2.0-or-later
#include "monitoring/ServiceAuthorization.h"

namespace Shipyard {

ServiceAuthorization ServiceAuthorization::from(
    const ServiceCredentials &credentials, const QProcessEnvironment &environment)
{
    ServiceAuthorization authorization;
    const auto value = [&](const QString &variable) -> std::optional<QString> {
        if (!environment.contains(variable) || environment.value(variable).isEmpty()) {
            authorization.error = QStringLiteral("the environment variable %1 is not set").arg(variable);
            return std::nullopt;
        }
        return environment.value(variable);
    };
    if (!credentials.tokenEnv.isEmpty()) {
        if (const auto token = value(credentials.tokenEnv))
            authorization.header = "Bearer " + token->trimmed().toUtf8();
    } else if (!credentials.usernameEnv.isEmpty()) {
        const auto user = value(credentials.usernameEnv);
        const auto password = user ? value(credentials.passwordEnv) : std::nullopt;
        if (user && password)
            authorization.header = "Basic " + QByteArray(user->toUtf8() + ':' + password->toUtf8()).toBase64();
    }
    return authorization;
}

QString ServiceAuthorization::refusal(const QString &service, int httpStatus, bool sentCredentials)
{
    if (httpStatus != 401 && httpStatus != 403)
        return {};
    if (!sentCredentials)
        return QStringLiteral("%1 wants credentials (HTTP %2): name them with tokenEnv, or usernameEnv and "
                              "passwordEnv, beside its URL in the ecosystem file")
            .arg(service)
            .arg(httpStatus);
    return QStringLiteral("%1 refused Shipyard's credentials (HTTP %2): check the variables tokenEnv or "
                          "usernameEnv and passwordEnv name")
        .arg(service)
        .arg(httpStatus);
}

} // namespace Shipyard
