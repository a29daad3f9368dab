// SPDX-License-Identifier: GPL-2.0-or-later
#include "gating/HttpReviewSource.h"
#include "http/HttpTransport.h"
#include "tracker/TrackerError.h"

namespace Shipyard {

HttpReviewSource::HttpReviewSource(const QUrl &url, const QString &project, const QString &token,
    std::shared_ptr<HttpTransport> transport, const QString &tokenVariable)
    : m_url(url), m_project(project), m_token(token), m_transport(std::move(transport)), m_tokenVariable(tokenVariable)
{ }

QString HttpReviewSource::description() const
{
    return QStringLiteral("%1 at %2").arg(serviceName(), m_url.toDisplayString(QUrl::RemoveUserInfo));
}

HttpResponse HttpReviewSource::get(const QByteArray &encodedPath, const QByteArray &encodedQuery) const
{
    HttpRequest request;
    // Built from encoded text so that "%2F" in a GitLab project path and
    // "%2B" in a branch name reach the server as written.
    QByteArray base = m_url.toEncoded(QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::StripTrailingSlash);
    QByteArray full = base + encodedPath;
    if (!encodedQuery.isEmpty())
        full += '?' + encodedQuery;
    request.url = QUrl::fromEncoded(full, QUrl::StrictMode);
    authenticate(request);
    return m_transport->send(request);
}

QString HttpReviewSource::failure(const HttpResponse &response, const QString &context) const
{
    return TrackerError::fromResponse(response, context, m_tokenVariable).message();
}

std::optional<QJsonDocument> HttpReviewSource::parse(
    const QByteArray &body, const QString &context, const QString &expected, QString *error) const
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = QStringLiteral("%1: the answer is not %2 (%3)").arg(context, expected, parseError.errorString());
        return std::nullopt;
    }
    return document;
}

} // namespace Shipyard
