// SPDX-License-Identifier: GPL-2.0-or-later
#include "kube/KubeError.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUrl>

#include <curl/curl.h>

namespace Shipyard {

namespace {

// What a request path addresses, for messages: the RBAC view of it.
struct PathParts
{
    QString group;
    QString resource;
    QString name;
    QString ns;
    QString subresource;
};

PathParts parsePath(const QString &path)
{
    PathParts parts;
    QStringList segments = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (segments.size() >= 2 && segments[0] == QLatin1String("api"))
        segments = segments.mid(2);
    else if (segments.size() >= 3 && segments[0] == QLatin1String("apis")) {
        parts.group = segments[1];
        segments = segments.mid(3);
    } else
        return parts;
    if (segments.size() >= 3 && segments[0] == QLatin1String("namespaces")) {
        parts.ns = segments[1];
        segments = segments.mid(2);
    }
    if (!segments.isEmpty())
        parts.resource = segments.takeFirst();
    if (!segments.isEmpty())
        parts.name = segments.takeFirst();
    if (!segments.isEmpty())
        parts.subresource = segments.takeFirst();
    // "/api/v1/namespaces/NAME" is the namespace object itself
    if (parts.resource.isEmpty() && !parts.ns.isEmpty()) {
        parts.resource = QStringLiteral("namespaces");
        parts.name = parts.ns;
        parts.ns.clear();
    }
    return parts;
}

QString qualifiedResource(const PathParts &parts)
{
    QString text = parts.group.isEmpty() ? parts.resource : parts.resource + QLatin1Char('.') + parts.group;
    if (!parts.subresource.isEmpty())
        text += QLatin1Char('/') + parts.subresource;
    return text;
}

QString describeTarget(const PathParts &parts)
{
    QString text = qualifiedResource(parts);
    if (!parts.name.isEmpty())
        text += QStringLiteral(" \"%1\"").arg(parts.name);
    if (!parts.ns.isEmpty())
        text += KubeError::tr(" in namespace \"%1\"").arg(parts.ns);
    return text;
}

QString fieldOf(const QJsonObject &cause)
{
    return cause.value(QLatin1String("field")).toString();
}

} // namespace

QString KubeError::verbOf(const KubeRequest &request)
{
    const PathParts parts = parsePath(request.path);
    const QByteArray method = request.method.toUpper();
    if (method == "GET" || method == "HEAD") {
        if (request.query.queryItemValue(QStringLiteral("watch")) == QLatin1String("1") ||
            request.query.queryItemValue(QStringLiteral("watch")) == QLatin1String("true"))
            return QStringLiteral("watch");
        return parts.name.isEmpty() ? QStringLiteral("list") : QStringLiteral("get");
    }
    if (method == "POST")
        return QStringLiteral("create");
    if (method == "PUT")
        return QStringLiteral("update");
    if (method == "PATCH")
        return QStringLiteral("patch");
    if (method == "DELETE")
        return parts.name.isEmpty() ? QStringLiteral("deletecollection") : QStringLiteral("delete");
    return QString::fromLatin1(method).toLower();
}

KubeError KubeError::make(Kind kind, const QString &message)
{
    KubeError error;
    error.kind = kind;
    error.message = message;
    return error;
}

KubeError KubeError::fromHttp(int httpStatus, const QByteArray &body, const KubeRequest &request)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    QJsonObject status = document.object();
    if (status.value(QLatin1String("kind")).toString() != QLatin1String("Status")) {
        // Proxies and aggregated servers answer in text; keep it short, and
        // without control characters a terminal would obey.
        QString text = QString::fromUtf8(body.left(300)).trimmed();
        for (QChar &c : text) {
            if (c.category() == QChar::Other_Control && c != QLatin1Char('\n') && c != QLatin1Char('\t'))
                c = QLatin1Char('?');
        }
        status = QJsonObject { { QStringLiteral("kind"), QStringLiteral("Status") },
            { QStringLiteral("code"), httpStatus }, { QStringLiteral("message"), text } };
    }
    if (!status.contains(QLatin1String("code")))
        status.insert(QStringLiteral("code"), httpStatus);
    return fromStatus(status, request);
}

KubeError KubeError::fromStatus(const QJsonObject &status, const KubeRequest &request)
{
    KubeError error;
    error.kind = Kind::Http;
    error.status = status;
    error.httpStatus = status.value(QLatin1String("code")).toInt();
    error.reason = status.value(QLatin1String("reason")).toString();
    const QString serverMessage = status.value(QLatin1String("message")).toString();
    const QJsonObject details = status.value(QLatin1String("details")).toObject();
    const QJsonArray causes = details.value(QLatin1String("causes")).toArray();
    PathParts parts = parsePath(request.path);
    if (parts.name.isEmpty())
        parts.name = details.value(QLatin1String("name")).toString();
    const QString target = describeTarget(parts);

    switch (error.httpStatus) {
    case 401:
        error.message = tr("Unauthorized: the server did not accept the credentials (token expired or revoked, or "
                           "a client certificate it does not trust)");
        break;
    case 403: {
        static const QRegularExpression userPattern(QStringLiteral("User \"([^\"]*)\""));
        const auto match = userPattern.match(serverMessage);
        const QString who = match.hasMatch() ? QStringLiteral("\"%1\"").arg(match.captured(1)) : tr("you");
        error.message = tr("Forbidden: %1 may not %2 %3").arg(who, verbOf(request), target);
        if (!serverMessage.isEmpty())
            error.message += QStringLiteral(" (%1)").arg(serverMessage);
        break;
    }
    case 404:
        if (parts.name.isEmpty() || serverMessage.contains(QLatin1String("could not find the requested resource")))
            error.message = tr("Not found: the server does not serve %1").arg(qualifiedResource(parts));
        else
            error.message = tr("Not found: %1").arg(target);
        break;
    case 409: {
        QStringList conflicts;
        for (const QJsonValue &value : causes) {
            const QJsonObject cause = value.toObject();
            if (cause.value(QLatin1String("reason")).toString() == QLatin1String("FieldManagerConflict")) {
                // "conflict with \"kubectl\" using apps/v1"
                conflicts.append(tr("%1 (%2)").arg(fieldOf(cause), cause.value(QLatin1String("message")).toString()));
            }
        }
        if (!conflicts.isEmpty()) {
            error.message = tr("Conflict: applying %1 would take fields that other managers own: %2. Apply with "
                               "force to take them over.")
                                .arg(target, conflicts.join(QStringLiteral("; ")));
        } else if (error.reason == QLatin1String("AlreadyExists")) {
            error.message = tr("Already exists: %1").arg(target);
        } else {
            error.message = tr("Conflict: %1 changed since it was read (%2)").arg(target, serverMessage);
        }
        break;
    }
    case 410:
        error.message =
            tr("Expired: the resource version is too old, the list must start again (%1)").arg(serverMessage);
        break;
    case 422: {
        QStringList problems;
        for (const QJsonValue &value : causes) {
            const QJsonObject cause = value.toObject();
            problems.append(fieldOf(cause).isEmpty()
                    ? cause.value(QLatin1String("message")).toString()
                    : tr("%1: %2").arg(fieldOf(cause), cause.value(QLatin1String("message")).toString()));
        }
        error.message = problems.isEmpty() ? tr("Invalid: %1: %2").arg(target, serverMessage)
                                           : tr("Invalid: %1: %2").arg(target, problems.join(QStringLiteral("; ")));
        break;
    }
    case 429:
        error.message = tr("Too many requests: the server asks to slow down (%1)").arg(serverMessage);
        break;
    default:
        error.message = serverMessage.isEmpty()
            ? tr("The server answered HTTP %1 for %2 %3").arg(error.httpStatus).arg(verbOf(request), target)
            : tr("HTTP %1: %2").arg(error.httpStatus).arg(serverMessage);
        break;
    }
    return error;
}

KubeError KubeError::fromTransport(
    int curlCode, const QString &detail, const QString &address, const QString &tlsServerName)
{
    KubeError error;
    // An address may carry user:password@; a message never does.
    const QUrl url(address);
    const QString server = url.userInfo().isEmpty() ? address : url.toString(QUrl::RemoveUserInfo);
    const QString host = tlsServerName.isEmpty() ? QUrl(server).host() : tlsServerName;
    const QString lower = detail.toLower();
    switch (curlCode) {
    case CURLE_ABORTED_BY_CALLBACK:
        return make(Kind::Cancelled, tr("Cancelled"));
    case CURLE_OPERATION_TIMEDOUT:
        return make(Kind::Timeout, tr("Timed out talking to %1 (%2)").arg(server, detail));
    case CURLE_PEER_FAILED_VERIFICATION:
        error.kind = Kind::Tls;
        if (lower.contains(QLatin1String("subject name")) || lower.contains(QLatin1String("does not match")) ||
            lower.contains(QLatin1String("hostname")))
            error.message = tr("TLS: the server's certificate is not valid for the name \"%1\" (%2). Use an "
                               "address the certificate names, or set tls-server-name in the kubeconfig.")
                                .arg(host, detail);
        else if (lower.contains(QLatin1String("expired")) || lower.contains(QLatin1String("not yet valid")))
            error.message = tr("TLS: the server's certificate is outside its validity period (%1). Check the "
                               "clock, or renew the certificate.")
                                .arg(detail);
        else
            error.message = tr("TLS: the server's certificate is not signed by the certificate authority the "
                               "kubeconfig trusts (certificate-authority / certificate-authority-data) (%1)")
                                .arg(detail);
        return error;
    case CURLE_SSL_CERTPROBLEM:
        return make(
            Kind::Tls, tr("TLS: the client certificate or key of the kubeconfig user cannot be used (%1)").arg(detail));
    case CURLE_SSL_CACERT_BADFILE:
        return make(Kind::Tls, tr("TLS: the certificate authority of the kubeconfig cannot be read (%1)").arg(detail));
    case CURLE_SSL_CONNECT_ERROR:
        if (lower.contains(QLatin1String("certificate required")) || lower.contains(QLatin1String("bad certificate")) ||
            lower.contains(QLatin1String("unknown ca")))
            return make(Kind::Tls, tr("TLS: the server refused the client certificate (%1)").arg(detail));
        // The server went away mid-handshake (a restart, a dropped
        // connection): the network's doing, worth trying again, unlike a
        // certificate that does not verify.
        if (lower.contains(QLatin1String("unexpected eof")) || lower.contains(QLatin1String("connection reset")) ||
            lower.contains(QLatin1String("connection was reset")) || lower.contains(QLatin1String("errno 104")))
            return make(Kind::Network,
                tr("The connection to %1 was dropped during the TLS handshake (%2)").arg(server, detail));
        return make(Kind::Tls, tr("TLS handshake with %1 failed (%2)").arg(server, detail));
    case CURLE_COULDNT_RESOLVE_HOST:
        return make(Kind::Network, tr("Cannot resolve the server name of %1 (%2)").arg(server, detail));
    case CURLE_COULDNT_RESOLVE_PROXY:
    case CURLE_PROXY:
        return make(Kind::Network, tr("The proxy for %1 failed (%2)").arg(server, detail));
    case CURLE_UNSUPPORTED_PROTOCOL:
        return make(Kind::Network,
            tr("The server address %1 is not http or https, the only protocols Shipyard speaks to a cluster (%2)")
                .arg(server, detail));
    case CURLE_COULDNT_CONNECT:
        return make(Kind::Network, tr("Cannot connect to %1: is the cluster running? (%2)").arg(server, detail));
    default:
        return make(Kind::Network,
            tr("Connection to %1 failed: %2")
                .arg(server,
                    detail.isEmpty() ? QString::fromUtf8(curl_easy_strerror(static_cast<CURLcode>(curlCode)))
                                     : detail));
    }
}

} // namespace Shipyard
