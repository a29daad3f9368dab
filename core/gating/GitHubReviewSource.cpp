// SPDX-License-Identifier: GPL-2.0-or-later
#include "gating/GitHubReviewSource.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

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

QByteArray GitHubReviewSource::nextPageLink(const QByteArray &linkHeader)
{
    // RFC 8288: <URL>; rel="next", <URL>; rel="last" (rel may list several
    // relations, quoted or not).
    static const QRegularExpression link(QStringLiteral(R"(<([^>]*)>((?:\s*;\s*[^;,]*)*))"));
    static const QRegularExpression next(
        QStringLiteral(R"(;\s*rel\s*=\s*("[^"]*\bnext\b[^"]*"|next\b))"), QRegularExpression::CaseInsensitiveOption);
    QRegularExpressionMatchIterator it = link.globalMatch(QString::fromLatin1(linkHeader));
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        if (next.match(match.captured(2)).hasMatch())
            return match.captured(1).trimmed().toLatin1();
    }
    return {};
}

std::optional<HttpResponse> GitHubReviewSource::getLinked(const QByteArray &url) const
{
    const QUrl next = QUrl::fromEncoded(url, QUrl::StrictMode);
    const QByteArray basePath = m_url.toEncoded(QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::StripTrailingSlash |
                                    QUrl::RemoveScheme | QUrl::RemoveAuthority) +
        '/';
    const QByteArray path = next.toEncoded(QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::RemoveScheme |
        QUrl::RemoveAuthority | QUrl::NormalizePathSegments);
    if (!next.isValid() || next.scheme() != m_url.scheme() || next.host() != m_url.host() ||
        next.port(-1) != m_url.port(-1) || !next.userInfo().isEmpty() || !path.startsWith(basePath))
        return std::nullopt;
    return get(path.mid(basePath.size() - 1), next.query(QUrl::FullyEncoded).toLatin1());
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
    lookup.commit = deliveredCommit(request, context, &lookup.error);
    if (lookup.commit.isEmpty())
        return lookup;
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
    const QString reviewsContext = QStringLiteral("%1 (pull request #%2)").arg(context).arg(number.toInteger());
    const QString head = commitId(pull.value(QLatin1String("head")).toObject().value(QLatin1String("sha")).toString());
    if (head.isEmpty()) {
        lookup.error = QStringLiteral("%1: the pull request's head has no commit id (sha)").arg(reviewsContext);
        return lookup;
    }
    // Reviewers saw the pull request's head. When that is not the commit
    // being delivered (a push since, or a clone behind), none of their
    // approvals is for it, whatever commit each names.
    if (head != lookup.commit)
        lookup.mismatch = QStringLiteral("pull request #%1 is at %2").arg(number.toInteger()).arg(shortCommit(head));
    const QString author = pull.value(QLatin1String("user")).toObject().value(QLatin1String("login")).toString();

    // Every page, oldest review first (GitHub lists them in chronological
    // order): a later CHANGES_REQUESTED may sit on any of them. 100 is the
    // largest page GitHub serves.
    constexpr int perPage = 100;
    const QByteArray reviewsPath = repoPath + "/pulls/" + QByteArray::number(number.toInteger()) + "/reviews";
    QJsonArray all;
    HttpResponse response = get(reviewsPath, "per_page=" + QByteArray::number(perPage));
    for (int page = 1;; ++page) {
        const QString pageContext =
            page == 1 ? reviewsContext : QStringLiteral("%1, page %2").arg(reviewsContext).arg(page);
        if (!(lookup.error = failure(response, pageContext)).isEmpty())
            return lookup;
        const auto document = parse(response.body, pageContext, QStringLiteral("a list of reviews"), &lookup.error);
        if (!document)
            return lookup;
        if (!document->isArray()) {
            lookup.error = QStringLiteral("%1: the answer is not a list of reviews").arg(pageContext);
            return lookup;
        }
        const QJsonArray reviews = document->array();
        for (const QJsonValue &value : reviews)
            all.append(value);
        const QByteArray next = nextPageLink(response.header("Link"));
        // Without a Link header a page that is not full is the last one; a
        // full one may be followed by more (a proxy may drop the header), so
        // the next page is asked for by number until one comes back short.
        if (next.isEmpty() && reviews.size() < perPage)
            break;
        if (page == maximumPages) {
            lookup.error = QStringLiteral("%1: more than %2 pages of reviews; not all of them could be read")
                               .arg(reviewsContext)
                               .arg(maximumPages);
            return lookup;
        }
        if (next.isEmpty()) {
            response =
                get(reviewsPath, "per_page=" + QByteArray::number(perPage) + "&page=" + QByteArray::number(page + 1));
            continue;
        }
        const std::optional<HttpResponse> linked = getLinked(next);
        if (!linked) {
            lookup.error =
                QStringLiteral("%1: the next page of reviews is not under %2 (%3); not following it")
                    .arg(pageContext, m_url.toDisplayString(QUrl::RemoveUserInfo), QString::fromLatin1(next));
            return lookup;
        }
        response = *linked;
    }

    struct Latest
    {
        QString login; // as GitHub spells it
        QString state; // the deciding one
        QString commit;
    };
    QHash<QString, Latest> latest; // login, case-folded → latest deciding review
    QStringList order;
    for (const QJsonValue &value : std::as_const(all)) {
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
        const QString commit = commitId(review.value(QLatin1String("commit_id")).toString());
        if (!latest.contains(key)) {
            order.append(key);
            latest.insert(key, { login, state, commit });
        } else {
            latest[key].state = state;
            latest[key].commit = commit;
        }
    }
    for (const QString &key : std::as_const(order)) {
        const Latest &verdict = latest[key];
        if (verdict.state == QLatin1String("APPROVED")) {
            if (lookup.mismatch.isEmpty() && verdict.commit == lookup.commit)
                lookup.reviews.append({ verdict.login, Review::Verdict::Approved, verdict.commit });
            else
                lookup.outdated.append({ verdict.login, Review::Verdict::Approved, verdict.commit });
        } else if (verdict.state == QLatin1String("CHANGES_REQUESTED")) {
            // A request for changes holds until the reviewer takes it back,
            // whichever commit it was made on, as on GitHub.
            lookup.reviews.append({ verdict.login, Review::Verdict::Rejected, verdict.commit });
        }
    }
    return lookup;
}

} // namespace Shipyard
