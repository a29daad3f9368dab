// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "gating/HttpReviewSource.h"

namespace Shipyard {

// Merge request approvals from GitLab (REST API v4): the open merge request
// whose source branch is the feature branch, and the users in its
// "approved_by" list. GitLab approvals have no negative vote, so this source
// never blocks; the merge request's author does not count.
class GitLabReviewSource : public HttpReviewSource
{
public:
    // url: the GitLab root ("https://gitlab.example.org"); project: its id or
    // "group/project"; token: a personal, project or group access token.
    GitLabReviewSource(const QUrl &url, const QString &project, const QString &token,
        std::shared_ptr<HttpTransport> transport, const QString &tokenVariable = QString());

    ReviewLookup reviews(const ReviewRequest &request) override;

protected:
    QString serviceName() const override { return QStringLiteral("GitLab"); }
    void authenticate(HttpRequest &request) const override;
};

} // namespace Shipyard
