// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "gating/HttpReviewSource.h"

namespace Shipyard {

// Pull request reviews from GitHub (REST API): the open pull request whose
// head is the feature branch, and each reviewer's latest deciding review on
// it, read from every page: APPROVED approves, CHANGES_REQUESTED blocks,
// DISMISSED takes the reviewer's verdict back, and COMMENTED or PENDING
// leave it as it was. An approval counts only when the pull request's head
// is the commit being delivered and the review was given for that commit
// (its commit_id); an approval of an earlier push is reported, not counted.
// The pull request's author does not count.
class GitHubReviewSource : public HttpReviewSource
{
public:
    // url: the API root ("https://api.github.com", or
    // "https://github.example.org/api/v3" for Enterprise Server);
    // project: "owner/repo"; token: a personal access token.
    GitHubReviewSource(const QUrl &url, const QString &project, const QString &token,
        std::shared_ptr<HttpTransport> transport, const QString &tokenVariable = QString());

    ReviewLookup reviews(const ReviewRequest &request) override;

    // The URL a Link header gives for rel="next"; empty when there is none.
    static QByteArray nextPageLink(const QByteArray &linkHeader);
    // More pages than this is an error rather than a loop without end.
    static constexpr int maximumPages = 100;

protected:
    QString serviceName() const override { return QStringLiteral("GitHub"); }
    void authenticate(HttpRequest &request) const override;

private:
    // GETs a page a Link header named, if it lies under the API root: the
    // token must not travel to any other host.
    std::optional<HttpResponse> getLinked(const QByteArray &url) const;
};

} // namespace Shipyard
