// SPDX-License-Identifier: GPL-2.0-or-later
#include "build/RegistryClient.h"

#include "http/CurlTransport.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QRegularExpression>
#include <QUrlQuery>

#include <algorithm>

// One piece, over 600 lines, on purpose: the token exchange (fetchToken) is
// a step of every request send() makes, sharing its errors, its timeouts and
// the credentials' rules about plain http; apart, each would need the
// other's internals.
namespace Shipyard {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Shipyard::RegistryClient)
};

// From the distribution spec; checked before a name goes into a URL.
const QRegularExpression &repositoryPattern()
{
    static const QRegularExpression pattern(
        QStringLiteral("^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$"));
    return pattern;
}

const QRegularExpression &referencePattern()
{
    static const QRegularExpression pattern(
        QStringLiteral("^(?:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}|[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]{32,})$"));
    return pattern;
}

// The registry's own words ("manifest unknown", "blob unknown to registry").
QString registryMessage(const QByteArray &body)
{
    const QJsonArray errors = QJsonDocument::fromJson(body).object().value(QLatin1String("errors")).toArray();
    QStringList messages;
    for (const QJsonValue &error : errors) {
        const QString message = error.toObject().value(QLatin1String("message")).toString();
        if (!message.isEmpty())
            messages.append(message);
    }
    return messages.join(QLatin1String("; "));
}

bool setError(RegistryError *error, RegistryError::Kind kind, int status, const QString &message)
{
    if (error)
        *error = RegistryError { kind, status, message };
    return false;
}

} // namespace

const QByteArray RegistryClient::acceptedManifestTypes =
    QByteArrayLiteral("application/vnd.oci.image.manifest.v1+json, application/vnd.oci.image.index.v1+json, "
                      "application/vnd.docker.distribution.manifest.v2+json, "
                      "application/vnd.docker.distribution.manifest.list.v2+json");

struct RegistryClient::TokenCache
{
    struct Token
    {
        QByteArray value;
        QDateTime expires;
    };
    QMutex mutex;
    QHash<QString, Token> byScope;
    // Once the registry asked for tokens, basic credentials go to the realm only.
    bool bearer = false;
};

RegistryClient::RegistryClient(
    const RegistrySettings &settings, const QProcessEnvironment &environment, std::shared_ptr<HttpTransport> transport)
    : m_baseUrl(baseUrlFor(settings))
    , m_credentialsOverHttp(settings.sendCredentialsOverHttp)
    , m_tokens(std::make_shared<TokenCache>())
    , m_transport(transport ? std::move(transport) : std::make_shared<CurlTransport>())
{
    const QString usernameVariable = settings.usernameEnvironmentVariable;
    const QString passwordVariable = settings.passwordEnvironmentVariable;
    if (usernameVariable.isEmpty() && passwordVariable.isEmpty())
        return;
    const QString username = environment.value(usernameVariable);
    const QString password = environment.value(passwordVariable);
    if (username.isEmpty() || password.isEmpty()) {
        // Not fatal: an anonymous pull may still work; a 401 will say why not.
        QStringList missing;
        if (username.isEmpty())
            missing.append(usernameVariable.isEmpty() ? Tr::tr("usernameEnv") : usernameVariable);
        if (password.isEmpty())
            missing.append(passwordVariable.isEmpty() ? Tr::tr("passwordEnv") : passwordVariable);
        m_configurationError = Tr::tr("the credentials are not set (%1 empty)").arg(missing.join(QLatin1String(", ")));
        return;
    }
    m_realmAuthorization = "Basic " + QByteArray(username.toUtf8() + ':' + password.toUtf8()).toBase64();
    if (!settings.sendsCredentials()) {
        // Basic authentication over http hands the password to anyone on the
        // way; a 401 then says why nothing was sent. A token realm over
        // https still gets them (see send()).
        m_configurationError = Tr::tr("its credentials are not sent over plain http (%1); use https, or set "
                                      "registry.sendCredentialsOverHttp: true to send them anyway")
                                   .arg(settings.insecure ? Tr::tr("insecure: true") : m_baseUrl.toString());
        return;
    }
    m_authorization = m_realmAuthorization;
}

QUrl RegistryClient::baseUrlFor(const RegistrySettings &settings)
{
    QString url = settings.url.trimmed();
    if (!url.contains(QLatin1String("://")))
        url.prepend(settings.insecure ? QLatin1String("http://") : QLatin1String("https://"));
    while (url.endsWith(QLatin1Char('/')))
        url.chop(1);
    return QUrl(url, QUrl::StrictMode);
}

QString RegistryClient::imagePrefix() const
{
    QString prefix = m_baseUrl.host();
    if (m_baseUrl.port() != -1)
        prefix += QLatin1Char(':') + QString::number(m_baseUrl.port());
    return prefix + m_baseUrl.path();
}

bool RegistryClient::splitImage(const QString &image, QString *repository, QString *reference)
{
    QString name = image;
    QString ref;
    const qsizetype at = name.indexOf(QLatin1Char('@'));
    if (at >= 0) {
        ref = name.mid(at + 1);
        name.truncate(at);
    } else {
        const qsizetype colon = name.lastIndexOf(QLatin1Char(':'));
        if (colon > name.lastIndexOf(QLatin1Char('/'))) {
            ref = name.mid(colon + 1);
            name.truncate(colon);
        } else {
            ref = QStringLiteral("latest");
        }
    }
    // A first component with a dot, a port or "localhost" names the registry.
    const qsizetype slash = name.indexOf(QLatin1Char('/'));
    if (slash > 0) {
        const QStringView first = QStringView(name).left(slash);
        if (first.contains(QLatin1Char('.')) || first.contains(QLatin1Char(':')) || first == u"localhost")
            name.remove(0, slash + 1);
    }
    if (!repositoryPattern().match(name).hasMatch() || !referencePattern().match(ref).hasMatch())
        return false;
    if (repository)
        *repository = name;
    if (reference)
        *reference = ref;
    return true;
}

QString RegistryClient::describe(const QString &repository, const QString &reference) const
{
    const QString separator = reference.contains(QLatin1Char(':')) ? QStringLiteral("@") : QStringLiteral(":");
    return imagePrefix() + QLatin1Char('/') + repository + separator + reference;
}

namespace {

// What an answer of the registry means; WHAT names the object for a 404.
RegistryError interpret(
    const HttpResponse &response, const QString &registry, const QString &what, const QString &credentialsProblem)
{
    RegistryError error;
    error.httpStatus = response.status;
    switch (response.failure) {
    case HttpResponse::Failure::None:
        break;
    case HttpResponse::Failure::Cancelled:
        error.kind = RegistryError::Kind::Cancelled;
        error.message = Tr::tr("request to the registry %1 cancelled").arg(registry);
        return error;
    case HttpResponse::Failure::Timeout:
    case HttpResponse::Failure::Network:
    case HttpResponse::Failure::TooLarge:
        error.kind = RegistryError::Kind::Unreachable;
        error.message = Tr::tr("registry unreachable: %1 (%2)").arg(registry, response.failureText);
        return error;
    }
    if (response.status >= 200 && response.status < 300)
        return error;

    const QString detail = registryMessage(response.body);
    const QString suffix = detail.isEmpty() ? QString() : QLatin1String(" — ") + detail;
    switch (response.status) {
    case 401:
        error.kind = RegistryError::Kind::Unauthorized;
        error.message = credentialsProblem.isEmpty()
            ? Tr::tr("registry %1 refused the credentials (HTTP 401)%2").arg(registry, suffix)
            : Tr::tr("registry %1 requires authentication (HTTP 401): %2").arg(registry, credentialsProblem);
        break;
    case 403:
        error.kind = RegistryError::Kind::Forbidden;
        error.message = Tr::tr("registry %1 denied access to %2 (HTTP 403)%3").arg(registry, what, suffix);
        break;
    case 404:
        error.kind = RegistryError::Kind::NotFound;
        error.message = what;
        break;
    default:
        error.kind = RegistryError::Kind::Protocol;
        error.message =
            Tr::tr("registry %1 answered HTTP %2 for %3%4").arg(registry).arg(response.status).arg(what, suffix);
        break;
    }
    return error;
}

// The parameters of a `WWW-Authenticate: Bearer k="v",…` challenge (RFC 6750);
// empty when it is not a bearer challenge. Values may hold commas (a scope's actions).
QHash<QString, QString> bearerParameters(const QByteArray &header)
{
    QHash<QString, QString> parameters;
    const QString text = QString::fromLatin1(header).trimmed();
    if (!text.startsWith(QLatin1String("bearer "), Qt::CaseInsensitive))
        return parameters;
    static const QRegularExpression pair(QStringLiteral(R"re(([A-Za-z_]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^,\s]*)))re"));
    auto matches = pair.globalMatch(text, 7);
    while (matches.hasNext()) {
        const QRegularExpressionMatch match = matches.next();
        const QString value = match.captured(3).isEmpty() ? match.captured(2) : match.captured(3);
        parameters.insert(match.captured(1).toLower(), value);
    }
    return parameters;
}

QString scopeFor(const QString &repository, const QString &actions)
{
    return QStringLiteral("repository:%1:%2").arg(repository, actions);
}

QString pullScope(const QString &repository)
{
    return scopeFor(repository, QStringLiteral("pull"));
}

QString sha256Of(const QByteArray &bytes)
{
    return QLatin1String("sha256:") +
        QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

} // namespace

QByteArray RegistryClient::fetchToken(const QByteArray &challenge, const QString &scope, RegistryError *error) const
{
    const QHash<QString, QString> parameters = bearerParameters(challenge);
    const QUrl realm(parameters.value(QStringLiteral("realm")), QUrl::StrictMode);
    const QString realmName = realm.toString(QUrl::RemoveUserInfo | QUrl::RemoveQuery);
    if (!realm.isValid() || realm.host().isEmpty() ||
        (realm.scheme() != QLatin1String("https") && realm.scheme() != QLatin1String("http"))) {
        setError(error, RegistryError::Kind::Protocol, 401,
            Tr::tr("registry %1 asks for a token from a realm that is no http(s) URL: “%2”")
                .arg(imagePrefix(), parameters.value(QStringLiteral("realm"))));
        return {};
    }
    QUrlQuery query(realm);
    if (parameters.contains(QStringLiteral("service")))
        query.addQueryItem(QStringLiteral("service"), parameters.value(QStringLiteral("service")));
    // No scope: a token that only proves the account (signIn()).
    if (!scope.isEmpty())
        query.addQueryItem(QStringLiteral("scope"), scope);
    // The registry's own wording of what it wants, when it differs from ours.
    const QString asked = parameters.value(QStringLiteral("scope"));
    if (!asked.isEmpty() && asked != scope)
        query.addQueryItem(QStringLiteral("scope"), asked);
    QUrl url = realm;
    url.setQuery(query);

    HttpRequest request;
    request.url = url;
    request.timeoutMs = m_timeoutMs;
    request.cancelled = m_cancelled;
    const bool realmOverHttp = realm.scheme() == QLatin1String("http");
    QString credentialsProblem = m_configurationError;
    if (!m_realmAuthorization.isEmpty() && realmOverHttp && !m_credentialsOverHttp)
        credentialsProblem = Tr::tr("its credentials are not sent to the token service over plain http (%1); use "
                                    "https, or set registry.sendCredentialsOverHttp: true to send them anyway")
                                 .arg(realmName);
    else if (!m_realmAuthorization.isEmpty())
        request.addHeader("Authorization", m_realmAuthorization);
    else if (credentialsProblem.isEmpty())
        credentialsProblem = Tr::tr("no credentials are configured (registry.usernameEnv, registry.passwordEnv)");

    const HttpResponse response = m_transport->send(request);
    if (response.failure != HttpResponse::Failure::None) {
        const bool cancelled = response.failure == HttpResponse::Failure::Cancelled;
        setError(error, cancelled ? RegistryError::Kind::Cancelled : RegistryError::Kind::Unreachable, 0,
            cancelled ? Tr::tr("request to the token service %1 cancelled").arg(realmName)
                      : Tr::tr("the token service of registry %1 is unreachable: %2 (%3)")
                            .arg(imagePrefix(), realmName, response.failureText));
        return {};
    }
    if (response.status == 401 || response.status == 403) {
        const bool sent = request.headers.size() > 0;
        setError(error, response.status == 401 ? RegistryError::Kind::Unauthorized : RegistryError::Kind::Forbidden,
            response.status,
            sent ? Tr::tr("the token service %1 of registry %2 refused the credentials (HTTP %3)")
                       .arg(realmName, imagePrefix())
                       .arg(response.status)
                 : Tr::tr("registry %1 requires authentication (its token service %2 answered HTTP %3): %4")
                       .arg(imagePrefix(), realmName)
                       .arg(response.status)
                       .arg(credentialsProblem));
        return {};
    }
    const QJsonObject answer = QJsonDocument::fromJson(response.body).object();
    // "token" per the distribution spec; "access_token" per OAuth 2, which some services send instead.
    QByteArray token = answer.value(QLatin1String("token")).toString().toLatin1();
    if (token.isEmpty())
        token = answer.value(QLatin1String("access_token")).toString().toLatin1();
    if (response.status < 200 || response.status >= 300 || token.isEmpty()) {
        setError(error, RegistryError::Kind::Protocol, response.status,
            Tr::tr("the token service %1 of registry %2 answered HTTP %3 without a token")
                .arg(realmName, imagePrefix())
                .arg(response.status));
        return {};
    }
    // 60 seconds when it does not say (the spec's default); renewed a little early.
    const qint64 lifetime = answer.value(QLatin1String("expires_in")).toInteger(60);
    const QDateTime expires = QDateTime::currentDateTimeUtc().addSecs(std::max<qint64>(1, lifetime - 10));
    {
        const QMutexLocker lock(&m_tokens->mutex);
        m_tokens->byScope.insert(scope, TokenCache::Token { token, expires });
    }
    return token;
}

HttpResponse RegistryClient::send(
    HttpRequest request, const QString &scope, const QString &what, RegistryError *error) const
{
    request.timeoutMs = m_timeoutMs;
    request.cancelled = m_cancelled;
    QByteArray token;
    bool bearer = false;
    {
        const QMutexLocker lock(&m_tokens->mutex);
        const auto found = m_tokens->byScope.constFind(scope);
        if (found != m_tokens->byScope.cend() && found->expires > QDateTime::currentDateTimeUtc())
            token = found->value;
        bearer = m_tokens->bearer;
    }
    HttpRequest attempt = request;
    if (!token.isEmpty())
        attempt.addHeader("Authorization", "Bearer " + token);
    else if (!bearer && !m_authorization.isEmpty())
        attempt.addHeader("Authorization", m_authorization);
    HttpResponse response = m_transport->send(attempt);

    const QByteArray challenge = response.header("WWW-Authenticate");
    if (response.failure == HttpResponse::Failure::None && response.status == 401 &&
        !bearerParameters(challenge).isEmpty()) {
        {
            const QMutexLocker lock(&m_tokens->mutex);
            m_tokens->bearer = true;
            m_tokens->byScope.remove(scope);
        }
        RegistryError tokenError;
        token = fetchToken(challenge, scope, &tokenError);
        if (token.isEmpty()) {
            if (error)
                *error = tokenError;
            return response;
        }
        attempt = request;
        attempt.addHeader("Authorization", "Bearer " + token);
        response = m_transport->send(attempt);
        if (response.failure == HttpResponse::Failure::None && response.status == 401) {
            // Either the token service granted less than the scope, or the
            // registry does not trust its tokens: the challenge says which.
            const QString detail = registryMessage(response.body);
            const QString suffix = detail.isEmpty() ? QString() : QLatin1String(" — ") + detail;
            const QString reason = bearerParameters(response.header("WWW-Authenticate")).value(QStringLiteral("error"));
            setError(error, RegistryError::Kind::Unauthorized, 401,
                reason == QLatin1String("insufficient_scope")
                    ? Tr::tr("registry %1 refused the token its token service issued for %2 (HTTP 401)%3: the "
                             "account lacks that right")
                          .arg(imagePrefix(), scope, suffix)
                    : Tr::tr("registry %1 refused the token its token service issued for %2 (HTTP 401%3)%4: the "
                             "registry does not accept that service's tokens (its auth.token issuer, service or "
                             "rootcertbundle)")
                          .arg(imagePrefix(), scope, reason.isEmpty() ? QString() : QLatin1String(", ") + reason,
                              suffix));
            return response;
        }
    }
    const RegistryError meaning = interpret(response, imagePrefix(), what, m_configurationError);
    if (error)
        *error = meaning;
    return response;
}

bool RegistryClient::signIn(RegistryError *error) const
{
    if (!m_baseUrl.isValid() || m_baseUrl.host().isEmpty())
        return setError(
            error, RegistryError::Kind::Protocol, 0, Tr::tr("invalid registry URL: %1").arg(m_baseUrl.toString()));
    HttpRequest request;
    request.url = QUrl(m_baseUrl.toString() + QLatin1String("/v2/"));
    RegistryError failure;
    send(request, QString(), Tr::tr("registry %1 has no API v2 (GET /v2/ answered 404)").arg(imagePrefix()), &failure);
    if (error)
        *error = failure;
    return !failure.isError();
}

bool RegistryClient::checkNames(const QString &repository, const QString &reference, RegistryError *error) const
{
    if (!repositoryPattern().match(repository).hasMatch() || !referencePattern().match(reference).hasMatch())
        return setError(error, RegistryError::Kind::Protocol, 0,
            Tr::tr("not an image reference: %1").arg(describe(repository, reference)));
    if (!m_baseUrl.isValid() || m_baseUrl.host().isEmpty())
        return setError(
            error, RegistryError::Kind::Protocol, 0, Tr::tr("invalid registry URL: %1").arg(m_baseUrl.toString()));
    return true;
}

std::optional<RegistryClient::Manifest> RegistryClient::manifest(
    const QString &repository, const QString &reference, RegistryError *error) const
{
    if (!checkNames(repository, reference, error))
        return std::nullopt;
    const QString image = describe(repository, reference);
    HttpRequest request;
    request.url =
        QUrl(m_baseUrl.toString() + QLatin1String("/v2/") + repository + QLatin1String("/manifests/") + reference);
    request.addHeader("Accept", acceptedManifestTypes);
    RegistryError failure;
    const HttpResponse response =
        send(request, pullScope(repository), Tr::tr("image not found: %1").arg(image), &failure);
    if (failure.isError()) {
        if (error)
            *error = failure;
        return std::nullopt;
    }
    const QByteArray &body = response.body;
    const QJsonObject object = QJsonDocument::fromJson(body).object();
    if (object.isEmpty()) {
        setError(error, RegistryError::Kind::Protocol, response.status,
            Tr::tr("registry %1 sent an unreadable manifest for %2").arg(imagePrefix(), image));
        return std::nullopt;
    }
    // The registry's Docker-Content-Digest names the manifest as stored; the
    // Accept list above keeps it from converting it, so that it is also the
    // hash of the bytes served, which a registry without the header leaves.
    Manifest manifest;
    const QString header = QString::fromLatin1(response.header("Docker-Content-Digest")).trimmed();
    manifest.digest = header.startsWith(QLatin1String("sha256:")) ? header : sha256Of(body);
    manifest.mediaType = object.value(QLatin1String("mediaType")).toString();
    if (manifest.mediaType.isEmpty())
        manifest.mediaType = QString::fromLatin1(response.header("Content-Type")).section(QLatin1Char(';'), 0, 0);
    manifest.size = body.size();
    manifest.body = body;
    if (reference.startsWith(QLatin1String("sha256:")) && reference != sha256Of(body)) {
        setError(error, RegistryError::Kind::Protocol, response.status,
            Tr::tr("registry %1 sent a manifest whose digest is %2, not the one asked for: %3")
                .arg(imagePrefix(), sha256Of(body), image));
        return std::nullopt;
    }
    if (error)
        *error = {};
    return manifest;
}

std::optional<RegistryClient::Manifest> RegistryClient::resolve(
    const QString &repository, const QString &reference, RegistryError *error) const
{
    if (!checkNames(repository, reference, error))
        return std::nullopt;
    const QString image = describe(repository, reference);
    HttpRequest request;
    request.method = "HEAD";
    request.url =
        QUrl(m_baseUrl.toString() + QLatin1String("/v2/") + repository + QLatin1String("/manifests/") + reference);
    request.addHeader("Accept", acceptedManifestTypes);
    RegistryError failure;
    const HttpResponse response =
        send(request, pullScope(repository), Tr::tr("image not found: %1").arg(image), &failure);
    if (failure.isError()) {
        if (error)
            *error = failure;
        return std::nullopt;
    }
    const QString digest = QString::fromLatin1(response.header("Docker-Content-Digest")).trimmed();
    if (!referencePattern().match(digest).hasMatch() || !digest.contains(QLatin1Char(':'))) {
        setError(error, RegistryError::Kind::Protocol, response.status,
            Tr::tr("registry %1 sent no Docker-Content-Digest for %2").arg(imagePrefix(), image));
        return std::nullopt;
    }
    Manifest manifest;
    manifest.digest = digest;
    manifest.mediaType = QString::fromLatin1(response.header("Content-Type")).section(QLatin1Char(';'), 0, 0).trimmed();
    manifest.size = response.header("Content-Length").toLongLong();
    if (error)
        *error = {};
    return manifest;
}

std::optional<QByteArray> RegistryClient::blob(
    const QString &repository, const QString &digest, RegistryError *error) const
{
    if (!checkNames(repository, digest, error))
        return std::nullopt;
    HttpRequest request;
    request.url = QUrl(m_baseUrl.toString() + QLatin1String("/v2/") + repository + QLatin1String("/blobs/") + digest);
    RegistryError failure;
    const HttpResponse response = send(request, pullScope(repository),
        Tr::tr("blob not found: %1/%2@%3").arg(imagePrefix(), repository, digest), &failure);
    if (failure.isError()) {
        if (error)
            *error = failure;
        return std::nullopt;
    }
    if (digest.startsWith(QLatin1String("sha256:")) && sha256Of(response.body) != digest) {
        setError(error, RegistryError::Kind::Protocol, response.status,
            Tr::tr("registry %1 sent a blob whose digest is not %2").arg(imagePrefix(), digest));
        return std::nullopt;
    }
    if (error)
        *error = {};
    return response.body;
}

bool RegistryClient::deleteManifest(const QString &repository, const QString &digest, RegistryError *error) const
{
    if (!checkNames(repository, digest, error))
        return false;
    if (!digest.contains(QLatin1Char(':')))
        return setError(error, RegistryError::Kind::Protocol, 0,
            Tr::tr("a manifest is deleted by digest, not by tag: %1").arg(describe(repository, digest)));
    const QString image = describe(repository, digest);
    HttpRequest request;
    request.method = "DELETE";
    request.url =
        QUrl(m_baseUrl.toString() + QLatin1String("/v2/") + repository + QLatin1String("/manifests/") + digest);
    RegistryError failure;
    // Docker asks for the delete action beside pull; a token service may
    // also answer "*" (every action), which the registry accepts as well.
    const HttpResponse response = send(request, scopeFor(repository, QStringLiteral("pull,delete")),
        Tr::tr("image not found: %1").arg(image), &failure);
    if (failure.kind == RegistryError::Kind::Protocol && response.status == 405) {
        failure.kind = RegistryError::Kind::DeletionDisabled;
        failure.message = Tr::tr("registry %1 does not allow deleting images (HTTP 405): enable deletion in its "
                                 "configuration (storage: {delete: {enabled: true}}, or "
                                 "REGISTRY_STORAGE_DELETE_ENABLED=true in its environment) and restart it")
                              .arg(imagePrefix());
    }
    if (error)
        *error = failure;
    return !failure.isError();
}

bool RegistryClient::exists(const QString &repository, const QString &reference, RegistryError *error) const
{
    if (!checkNames(repository, reference, error))
        return false;
    const QString image = describe(repository, reference);
    HttpRequest request;
    request.method = "HEAD";
    request.url =
        QUrl(m_baseUrl.toString() + QLatin1String("/v2/") + repository + QLatin1String("/manifests/") + reference);
    request.addHeader("Accept", acceptedManifestTypes);
    RegistryError failure;
    send(request, pullScope(repository), Tr::tr("image not found: %1").arg(image), &failure);
    if (error)
        *error = failure;
    return !failure.isError();
}

std::optional<QStringList> RegistryClient::tags(const QString &repository, RegistryError *error) const
{
    if (!repositoryPattern().match(repository).hasMatch()) {
        setError(error, RegistryError::Kind::Protocol, 0, Tr::tr("not a repository name: %1").arg(repository));
        return std::nullopt;
    }
    QStringList tags;
    // Asking from the last tag received ("last") pages as the Link header would.
    QString last;
    for (;;) {
        HttpRequest request;
        QString url = m_baseUrl.toString() + QLatin1String("/v2/") + repository + QLatin1String("/tags/list?n=1000");
        if (!last.isEmpty())
            url += QLatin1String("&last=") + QString::fromLatin1(QUrl::toPercentEncoding(last));
        request.url = QUrl(url);
        RegistryError failure;
        const HttpResponse response = send(request, pullScope(repository),
            Tr::tr("repository not found: %1/%2").arg(imagePrefix(), repository), &failure);
        if (failure.isError()) {
            if (error)
                *error = failure;
            return std::nullopt;
        }
        const QJsonDocument document = QJsonDocument::fromJson(response.body);
        if (!document.isObject()) {
            setError(error, RegistryError::Kind::Protocol, response.status,
                Tr::tr("registry %1 sent an unreadable tag list for %2").arg(imagePrefix(), repository));
            return std::nullopt;
        }
        // "tags": null is how the registry says a repository has none left.
        const QJsonArray page = document.object().value(QLatin1String("tags")).toArray();
        for (const QJsonValue &tag : page)
            tags.append(tag.toString());
        if (page.size() < 1000)
            break;
        last = tags.constLast();
    }
    if (error)
        *error = {};
    return tags;
}

} // namespace Shipyard
