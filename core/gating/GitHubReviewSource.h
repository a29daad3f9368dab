// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "gating/HttpReviewSource.h"

namespace Shipyard {

// Pull request reviews from GitHub (REST API): the open pull request whose
// head is the feature branch, and each reviewer's latest deciding review on
// it, as GitHub itself counts them: APPROVED approves, CHANGES_REQUESTED
// blocks, DISMISSED takes the reviewer's verdict back, and COMMENTED or
// PENDING leave it as it was. The pull request's author does not count.
class GitHubReviewSource : public HttpReviewSource
{
public:
    // url: the API root ("https://api.github.com", or
    // "https://github.example.org/api/v3" for Enterprise Server);
    // project: "owner/repo"; token: a personal access token.
    GitHubReviewSource(const QUrl &url, const QString &project, const QString &token,
        std::shared_ptr<HttpTransport> transport, const QString &tokenVariable = QString());

    ReviewLookup reviews(const ReviewRequest &request) override;

protected:
    QString serviceName() const override { return QStringLiteral("GitHub"); }
    void authenticate(HttpRequest &request) const override;
};

} // namespace Shipyard
