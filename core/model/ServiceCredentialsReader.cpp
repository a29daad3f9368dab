// SPDX-License-Identifier: GPL-2.0-or-later
#include "model/ServiceCredentialsReader.h"

#include "support/YamlMappingReader.h"

#include <QRegularExpression>
#include <QUrl>

namespace Shipyard {

namespace {

bool isLoopback(const QString &host)
{
    static const QRegularExpression ipv4Loopback(QStringLiteral("^127(\\.[0-9]{1,3}){3}$"));
    return host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0 || host == QLatin1String("::1") ||
        ipv4Loopback.match(host).hasMatch();
}

} // namespace

const QStringList &serviceCredentialKeys()
{
    // token and password are known only to be refused with a better message than "unknown key".
    static const QStringList keys { QStringLiteral("tokenEnv"), QStringLiteral("usernameEnv"),
        QStringLiteral("passwordEnv"), QStringLiteral("token"), QStringLiteral("password") };
    return keys;
}

void rejectInlineSecret(YamlMappingReader &r, const char *key, const char *alternative, DiagnosticSink &sink)
{
    if (r.has(key))
        sink.error(r.valueLocation(key),
            QStringLiteral("%1: secrets must not be written in the ecosystem file; "
                           "name an environment variable with '%2' instead of '%3'")
                .arg(r.what(), QLatin1String(alternative), QLatin1String(key)));
}

ServiceCredentials readServiceCredentials(
    YamlMappingReader &r, const char *urlKey, const QString &url, const ServiceCredentials &base, DiagnosticSink &sink)
{
    rejectInlineSecret(r, "token", "tokenEnv", sink);
    rejectInlineSecret(r, "password", "passwordEnv", sink);
    ServiceCredentials credentials = base;
    const bool ownToken = r.has("tokenEnv");
    const bool ownUser = r.has("usernameEnv") || r.has("passwordEnv");
    // What the environment names replaces the base's kind of sign-in as a whole.
    if (ownToken || ownUser)
        credentials = ServiceCredentials();
    credentials.tokenEnv = r.string("tokenEnv").value_or(credentials.tokenEnv);
    credentials.usernameEnv = r.string("usernameEnv").value_or(credentials.usernameEnv);
    credentials.passwordEnv = r.string("passwordEnv").value_or(credentials.passwordEnv);
    if (ownToken && ownUser) {
        sink.error(r.valueLocation("tokenEnv"),
            QStringLiteral("%1: 'tokenEnv' (a bearer token) and 'usernameEnv'/'passwordEnv' (basic auth) exclude "
                           "each other; name one")
                .arg(r.what()));
        return base;
    }
    if (credentials.usernameEnv.isEmpty() != credentials.passwordEnv.isEmpty()) {
        const char *given = credentials.usernameEnv.isEmpty() ? "passwordEnv" : "usernameEnv";
        sink.error(r.valueLocation(given),
            QStringLiteral("%1: basic auth wants both 'usernameEnv' and 'passwordEnv'").arg(r.what()));
        return base;
    }
    const QUrl parsed(url.trimmed());
    if (!credentials.isEmpty() && parsed.scheme().compare(QLatin1String("http"), Qt::CaseInsensitive) == 0 &&
        !isLoopback(parsed.host()))
        sink.warning(r.valueLocation(urlKey),
            QStringLiteral("%1: the credentials would be sent unencrypted to %2, readable by anyone on the way; "
                           "use https")
                .arg(r.what(), url.trimmed()));
    return credentials;
}

} // namespace Shipyard
