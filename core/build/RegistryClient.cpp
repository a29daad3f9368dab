// SPDX-License-Identifier: GPL-2.0-or-later
#include "build/RegistryClient.h"

#include "http/CurlTransport.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

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

RegistryClient::RegistryClient(
    const RegistrySettings &settings, const QProcessEnvironment &environment, std::shared_ptr<HttpTransport> transport)
    : m_baseUrl(baseUrlFor(settings)), m_transport(transport ? std::move(transport) : std::make_shared<CurlTransport>())
{
    const QString usernameVariable = settings.usernameEnvironmentVariable;
    const QString passwordVariable = settings.passwordEnvironmentVariable;
    if (usernameVariable.isEmpty() && passwordVariable.isEmpty())
        return;
    if (!settings.sendsCredentials()) {
        // Basic authentication over http hands the password to anyone on the
        // way; a 401 then says why nothing was sent.
        m_configurationError = Tr::tr("its credentials are not sent over plain http (%1); use https, or set "
                                      "registry.sendCredentialsOverHttp: true to send them anyway")
                                   .arg(settings.insecure ? Tr::tr("insecure: true") : m_baseUrl.toString());
        return;
    }
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
    m_authorization = "Basic " + QByteArray(username.toUtf8() + ':' + password.toUtf8()).toBase64();
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

// One request to the registry, and what its failure means.
struct Exchange
{
    HttpResponse response;
    RegistryError error;
};

Exchange perform(HttpTransport &transport, HttpRequest request, const QString &registry, const QString &what,
    const QString &credentialsProblem)
{
    Exchange exchange;
    exchange.response = transport.send(request);
    const HttpResponse &response = exchange.response;
    RegistryError &error = exchange.error;
    error.httpStatus = response.status;
    switch (response.failure) {
    case HttpResponse::Failure::None:
        break;
    case HttpResponse::Failure::Cancelled:
        error.kind = RegistryError::Kind::Cancelled;
        error.message = Tr::tr("request to the registry %1 cancelled").arg(registry);
        return exchange;
    case HttpResponse::Failure::Timeout:
    case HttpResponse::Failure::Network:
    case HttpResponse::Failure::TooLarge:
        error.kind = RegistryError::Kind::Unreachable;
        error.message = Tr::tr("registry unreachable: %1 (%2)").arg(registry, response.failureText);
        return exchange;
    }
    if (response.status >= 200 && response.status < 300)
        return exchange;

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
    return exchange;
}

} // namespace

std::optional<RegistryClient::Manifest> RegistryClient::manifest(
    const QString &repository, const QString &reference, RegistryError *error) const
{
    const QString image = describe(repository, reference);
    if (!repositoryPattern().match(repository).hasMatch() || !referencePattern().match(reference).hasMatch()) {
        setError(error, RegistryError::Kind::Protocol, 0, Tr::tr("not an image reference: %1").arg(image));
        return std::nullopt;
    }
    if (!m_baseUrl.isValid() || m_baseUrl.host().isEmpty()) {
        setError(error, RegistryError::Kind::Protocol, 0, Tr::tr("invalid registry URL: %1").arg(m_baseUrl.toString()));
        return std::nullopt;
    }
    HttpRequest request;
    request.url =
        QUrl(m_baseUrl.toString() + QLatin1String("/v2/") + repository + QLatin1String("/manifests/") + reference);
    request.addHeader("Accept", acceptedManifestTypes);
    if (!m_authorization.isEmpty())
        request.addHeader("Authorization", m_authorization);
    request.timeoutMs = m_timeoutMs;
    request.cancelled = m_cancelled;
    Exchange exchange =
        perform(*m_transport, request, imagePrefix(), Tr::tr("image not found: %1").arg(image), m_configurationError);
    if (exchange.error.isError()) {
        if (error)
            *error = exchange.error;
        return std::nullopt;
    }
    // The digest of a manifest is the hash of its bytes as served (which is
    // what Docker-Content-Digest says); the Accept list above keeps the
    // registry from converting it to another schema.
    const QByteArray &body = exchange.response.body;
    const QJsonObject object = QJsonDocument::fromJson(body).object();
    if (object.isEmpty()) {
        setError(error, RegistryError::Kind::Protocol, exchange.response.status,
            Tr::tr("registry %1 sent an unreadable manifest for %2").arg(imagePrefix(), image));
        return std::nullopt;
    }
    Manifest manifest;
    manifest.digest = QLatin1String("sha256:") +
        QString::fromLatin1(QCryptographicHash::hash(body, QCryptographicHash::Sha256).toHex());
    manifest.mediaType = object.value(QLatin1String("mediaType")).toString();
    manifest.size = body.size();
    if (reference.startsWith(QLatin1String("sha256:")) && reference != manifest.digest) {
        setError(error, RegistryError::Kind::Protocol, exchange.response.status,
            Tr::tr("registry %1 sent a manifest whose digest is %2, not the one asked for: %3")
                .arg(imagePrefix(), manifest.digest, image));
        return std::nullopt;
    }
    if (error)
        *error = {};
    return manifest;
}

bool RegistryClient::exists(const QString &repository, const QString &reference, RegistryError *error) const
{
    const QString image = describe(repository, reference);
    if (!repositoryPattern().match(repository).hasMatch() || !referencePattern().match(reference).hasMatch())
        return setError(error, RegistryError::Kind::Protocol, 0, Tr::tr("not an image reference: %1").arg(image));
    if (!m_baseUrl.isValid() || m_baseUrl.host().isEmpty())
        return setError(
            error, RegistryError::Kind::Protocol, 0, Tr::tr("invalid registry URL: %1").arg(m_baseUrl.toString()));
    HttpRequest request;
    request.method = "HEAD";
    request.url =
        QUrl(m_baseUrl.toString() + QLatin1String("/v2/") + repository + QLatin1String("/manifests/") + reference);
    request.addHeader("Accept", acceptedManifestTypes);
    if (!m_authorization.isEmpty())
        request.addHeader("Authorization", m_authorization);
    request.timeoutMs = m_timeoutMs;
    request.cancelled = m_cancelled;
    const Exchange exchange =
        perform(*m_transport, request, imagePrefix(), Tr::tr("image not found: %1").arg(image), m_configurationError);
    if (error)
        *error = exchange.error;
    return !exchange.error.isError();
}

std::optional<QStringList> RegistryClient::tags(const QString &repository, RegistryError *error) const
{
    if (!repositoryPattern().match(repository).hasMatch()) {
        setError(error, RegistryError::Kind::Protocol, 0, Tr::tr("not a repository name: %1").arg(repository));
        return std::nullopt;
    }
    QStringList tags;
    // The registry pages with a Link header we cannot see through the
    // transport; asking from the last tag received ("last") pages just as well.
    QString last;
    for (;;) {
        HttpRequest request;
        QString url = m_baseUrl.toString() + QLatin1String("/v2/") + repository + QLatin1String("/tags/list?n=1000");
        if (!last.isEmpty())
            url += QLatin1String("&last=") + QString::fromLatin1(QUrl::toPercentEncoding(last));
        request.url = QUrl(url);
        if (!m_authorization.isEmpty())
            request.addHeader("Authorization", m_authorization);
        request.timeoutMs = m_timeoutMs;
        request.cancelled = m_cancelled;
        const Exchange exchange = perform(*m_transport, request, imagePrefix(),
            Tr::tr("repository not found: %1/%2").arg(imagePrefix(), repository), m_configurationError);
        if (exchange.error.isError()) {
            if (error)
                *error = exchange.error;
            return std::nullopt;
        }
        const QJsonDocument document = QJsonDocument::fromJson(exchange.response.body);
        if (!document.isObject()) {
            setError(error, RegistryError::Kind::Protocol, exchange.response.status,
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
