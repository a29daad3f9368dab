// SPDX-License-Identifier: GPL-2.0-or-later
#include "doctor/RegistryCheck.h"

#include "build/RegistryClient.h"
#include "doctor/BoundedTransport.h"

#include <utility>

namespace Shipyard {

RegistryCheck::RegistryCheck(const RegistrySettings &settings, QString sampleImage,
    const QProcessEnvironment &environment, const EcosystemKeyLocations &locations)
    : DoctorCheck(QStringLiteral("registry"), QStringLiteral("api"))
    , m_settings(settings)
    , m_sampleImage(std::move(sampleImage))
    , m_environment(environment)
    , m_locations(locations)
{
    setSilenceRemedy(QStringLiteral("check that %1 is reachable from here, or correct %2")
            .arg(RegistryClient::baseUrlFor(settings).toString(QUrl::RemoveUserInfo),
                locations.setting(QStringLiteral("registry.url"))));
}

DoctorResult RegistryCheck::run(const Context &context) const
{
    const QUrl base = RegistryClient::baseUrlFor(m_settings);
    const QString address = base.toString(QUrl::RemoveUserInfo);
    const QString url = m_locations.setting(QStringLiteral("registry.url"));
    if (!base.isValid() || base.host().isEmpty())
        return broken(
            QStringLiteral("'%1' is no registry address").arg(m_settings.url), QStringLiteral("correct %1").arg(url));

    HttpRequest request;
    request.url = base.resolved(QUrl(QStringLiteral("/v2/")));
    request.timeoutMs = context.timeoutMs();
    bool sentCredentials = false;
    if (m_settings.hasCredentials()) {
        if (!m_settings.sendsCredentials())
            return broken(QStringLiteral("its credentials are not sent over plain http (%1)").arg(address),
                QStringLiteral("use an https:// registry, or set sendCredentialsOverHttp at %1")
                    .arg(m_locations.place({ QStringLiteral("registry") })));
        for (const QString &variable :
            { m_settings.usernameEnvironmentVariable, m_settings.passwordEnvironmentVariable }) {
            if (!variable.isEmpty() && !m_environment.contains(variable))
                return broken(QStringLiteral("the environment variable %1 is not set").arg(variable),
                    QStringLiteral("set %1 before starting Shipyard (named at %2)")
                        .arg(variable, m_locations.place({ QStringLiteral("registry") })));
        }
        const QByteArray pair = m_environment.value(m_settings.usernameEnvironmentVariable).toUtf8() + ':' +
            m_environment.value(m_settings.passwordEnvironmentVariable).toUtf8();
        request.addHeader("Authorization", "Basic " + pair.toBase64());
        sentCredentials = true;
    }
    BoundedTransport transport(context.timeoutMs(), context.cancelled);
    const HttpResponse response = transport.send(request);
    if (response.failure != HttpResponse::Failure::None)
        return broken(QStringLiteral("%1: %2").arg(address, response.failureText),
            QStringLiteral("start the registry at %1, or correct %2").arg(address, url));
    if (response.status == 200)
        return ok(QStringLiteral("registry API v2 at %1%2")
                .arg(address, sentCredentials ? QStringLiteral(", signed in") : QString()));
    if (response.status == 401) {
        // A registry behind token authentication answers /v2/ with a Bearer
        // challenge whatever basic credentials came with the request: that
        // is no refusal of them, only a read through the token service tells.
        const QByteArray challenge = response.header("WWW-Authenticate").trimmed();
        if (challenge.left(7).compare("Bearer ", Qt::CaseInsensitive) == 0)
            return readWithToken(address, context);
        if (sentCredentials)
            return broken(
                QStringLiteral("%1 refused the credentials in %2 and %3 (HTTP 401)")
                    .arg(address, m_settings.usernameEnvironmentVariable, m_settings.passwordEnvironmentVariable),
                accountRemedy());
        return broken(QStringLiteral("%1 wants credentials (HTTP 401)").arg(address),
            QStringLiteral("name the variables holding them with usernameEnv and passwordEnv at %1")
                .arg(m_locations.place({ QStringLiteral("registry") })));
    }
    if (response.status == 404)
        return broken(QStringLiteral("%1 has no registry API (GET /v2/ answered 404)").arg(address),
            QStringLiteral("correct %1: it must name a Docker registry").arg(url));
    return broken(QStringLiteral("%1 answered GET /v2/ with HTTP %2").arg(address).arg(response.status),
        QStringLiteral("look at the registry's log at %1, or correct %2").arg(address, url));
}

DoctorResult RegistryCheck::readWithToken(const QString &address, const Context &context) const
{
    // Token authentication: a read as a delivery does it, the token fetched
    // from the realm the challenge names; with no image yet to read, a
    // sign-in as `docker login` does.
    RegistryClient client(
        m_settings, m_environment, std::make_shared<BoundedTransport>(context.timeoutMs(), context.cancelled));
    client.setTimeout(context.timeoutMs());
    client.setCancelFlag(context.cancelled);
    RegistryError error;
    const bool read = m_sampleImage.isEmpty() ? client.signIn(&error) : client.tags(m_sampleImage, &error).has_value();
    // An image not pushed yet is a read the registry allowed.
    if (read || (!m_sampleImage.isEmpty() && error.kind == RegistryError::Kind::NotFound))
        return ok(QStringLiteral("registry API v2 at %1, token authentication%2")
                .arg(address, m_settings.hasCredentials() ? QStringLiteral(", signed in") : QString()));
    switch (error.kind) {
    case RegistryError::Kind::Unauthorized:
    case RegistryError::Kind::Forbidden:
        if (m_settings.hasCredentials())
            return broken(error.message, accountRemedy());
        return broken(error.message,
            QStringLiteral("name an account of the registry with usernameEnv and passwordEnv at %1")
                .arg(m_locations.place({ QStringLiteral("registry") })));
    case RegistryError::Kind::Unreachable:
        return broken(error.message,
            QStringLiteral("make the token service the registry at %1 names reachable from here").arg(address));
    default:
        break;
    }
    return broken(error.message, QStringLiteral("look at the registry's log at %1").arg(address));
}

QString RegistryCheck::accountRemedy() const
{
    return QStringLiteral("set %1 and %2 to an account of the registry (%3, %4)")
        .arg(m_settings.usernameEnvironmentVariable, m_settings.passwordEnvironmentVariable,
            m_locations.setting(QStringLiteral("registry.usernameEnv")),
            m_locations.setting(QStringLiteral("registry.passwordEnv")));
}

} // namespace Shipyard
