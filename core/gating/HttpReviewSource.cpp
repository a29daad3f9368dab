// SPDX-License-Identifier: GPL-2.0-or-later
#include "gating/HttpReviewSource.h"
#include "git/Repository.h"
#include "http/HttpTransport.h"
#include "tracker/TrackerError.h"

#include <QRegularExpression>

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

QString HttpReviewSource::commitId(const QString &text)
{
    // SHA-1 ids, and SHA-256 ones for repositories that use them.
    static const QRegularExpression full(QStringLiteral("^([0-9a-f]{40}|[0-9a-f]{64})$"));
    const QString id = text.trimmed().toLower();
    return full.match(id).hasMatch() ? id : QString();
}

QString HttpReviewSource::deliveredCommit(const ReviewRequest &request, const QString &context, QString *error)
{
    if (!request.commit.isEmpty()) {
        const QString id = commitId(request.commit);
        if (id.isEmpty())
            *error = QStringLiteral("%1: '%2' is not a full commit id").arg(context, request.commit);
        return id;
    }
    if (!request.repository || !request.repository->isValid()) {
        *error = QStringLiteral("%1: no commit to check the approvals against (no repository to find the tip of %2 in)")
                     .arg(context, request.branch);
        return {};
    }
    // The same local branch the update step integrates (Integrator::updateBranch).
    GitError gitError;
    const QString reference = request.repository->referenceName(request.branch, &gitError);
    if (!gitError && !reference.startsWith(QLatin1String("refs/heads/")))
        gitError =
            GitError(GitError::Kind::InvalidArgument, QStringLiteral("%1 is not a local branch").arg(request.branch));
    const QString id = gitError ? QString() : commitId(request.repository->resolve(reference, &gitError));
    if (gitError || id.isEmpty()) {
        *error = QStringLiteral("%1: cannot find the commit to check the approvals against: %2")
                     .arg(context, gitError ? gitError.message() : QStringLiteral("no tip"));
        return {};
    }
    return id;
}

} // namespace Shipyard
