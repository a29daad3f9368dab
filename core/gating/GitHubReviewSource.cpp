// SPDX-License-Identifier: GPL-2.0-or-later
#include "gating/GitHubReviewSource.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>

namespace Shipyard {

GitHubReviewSource::GitHubReviewSource(const QUrl &url, const QString &project, const QString &token,
    std::shared_ptr<HttpTransport> transport, const QString &tokenVariable)
    : HttpReviewSource(url, project, token, std::move(transport), tokenVariable)
{ }

void GitHubReviewSource::authenticate(HttpRequest &request) const
{
    request.addHeader("Accept", "application/vnd.github+json");
    request.addHeader("X-GitHub-Api-Version", "2022-11-28");
    if (!m_token.isEmpty())
        request.addHeader("Authorization", "Bearer " + m_token.toUtf8());
}

ReviewLookup GitHubReviewSource::reviews(const ReviewRequest &request)
{
    ReviewLookup lookup;
    const QString context = QStringLiteral("reading the reviews of %1 from %2").arg(request.branch, description());
    const QString owner = m_project.section(QLatin1Char('/'), 0, 0);
    const QString repo = m_project.section(QLatin1Char('/'), 1);
    if (request.branch.isEmpty() || owner.isEmpty() || repo.isEmpty() || repo.contains(QLatin1Char('/'))) {
        lookup.error =
            QStringLiteral("%1: a branch and an 'owner/repo' project are needed, not '%2'").arg(context, m_project);
        return lookup;
    }
    const QByteArray repoPath = "/repos/" + encoded(owner) + '/' + encoded(repo);
    // One page is enough: a branch has at most one open pull request per base.
    const HttpResponse found =
        get(repoPath + "/pulls", "state=open&head=" + encoded(owner + QLatin1Char(':') + request.branch));
    if (!(lookup.error = failure(found, context)).isEmpty())
        return lookup;
    const auto list = parse(found.body, context, QStringLiteral("a list of pull requests"), &lookup.error);
    if (!list)
        return lookup;
    if (!list->isArray()) {
        lookup.error = QStringLiteral("%1: the answer is not a list of pull requests").arg(context);
        return lookup;
    }
    QJsonObject pull;
    for (const QJsonValue &value : list->array()) {
        const QJsonObject candidate = value.toObject();
        if (candidate.value(QLatin1String("head")).toObject().value(QLatin1String("ref")).toString() ==
            request.branch) {
            pull = candidate;
            break;
        }
    }
    if (pull.isEmpty()) {
        lookup.error =
            QStringLiteral("%1: there is no open pull request from %2 in %3").arg(context, request.branch, m_project);
        return lookup;
    }
    const QJsonValue number = pull.value(QLatin1String("number"));
    if (!number.isDouble()) {
        lookup.error = QStringLiteral("%1: the pull request in the answer has no number").arg(context);
        return lookup;
    }
    const QString author = pull.value(QLatin1String("user")).toObject().value(QLatin1String("login")).toString();
    const QString reviewsContext = QStringLiteral("%1 (pull request #%2)").arg(context).arg(number.toInteger());
    // GitHub lists reviews oldest first; 100 is the largest page it serves.
    const HttpResponse response =
        get(repoPath + "/pulls/" + QByteArray::number(number.toInteger()) + "/reviews", "per_page=100");
    if (!(lookup.error = failure(response, reviewsContext)).isEmpty())
        return lookup;
    const auto document = parse(response.body, reviewsContext, QStringLiteral("a list of reviews"), &lookup.error);
    if (!document)
        return lookup;
    if (!document->isArray()) {
        lookup.error = QStringLiteral("%1: the answer is not a list of reviews").arg(reviewsContext);
        return lookup;
    }
    QHash<QString, QString> latest; // login, case-folded → deciding state
    QHash<QString, QString> names; // login, case-folded → login as GitHub spells it
    QStringList order;
    for (const QJsonValue &value : document->array()) {
        const QJsonObject review = value.toObject();
        const QString login = review.value(QLatin1String("user")).toObject().value(QLatin1String("login")).toString();
        const QString state = review.value(QLatin1String("state")).toString();
        // Logins are case-insensitive on GitHub.
        const QString key = login.toCaseFolded();
        if (login.isEmpty() || key == author.toCaseFolded())
            continue;
        if (state != QLatin1String("APPROVED") && state != QLatin1String("CHANGES_REQUESTED") &&
            state != QLatin1String("DISMISSED"))
            continue;
        if (!latest.contains(key)) {
            order.append(key);
            names.insert(key, login);
        }
        latest.insert(key, state);
    }
    for (const QString &key : std::as_const(order)) {
        const QString state = latest.value(key);
        if (state == QLatin1String("APPROVED"))
            lookup.reviews.append({ names.value(key), Review::Verdict::Approved });
        else if (state == QLatin1String("CHANGES_REQUESTED"))
            lookup.reviews.append({ names.value(key), Review::Verdict::Rejected });
    }
    return lookup;
}

} // namespace Shipyard
