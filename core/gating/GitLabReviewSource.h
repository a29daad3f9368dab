// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "gating/HttpReviewSource.h"

namespace Shipyard {

// Merge request approvals from GitLab (REST API v4): the open merge request
// whose source branch is the feature branch, and the users in its
// "approved_by" list. GitLab keeps approvals across pushes unless the
// project resets them, and does not say which commit an approval was for;
// so an approval counts only when the merge request's head (sha) is the
// commit being delivered and it was given (approved_at) after the push that
// made that commit the head (the merge request's diff versions say when).
// Earlier approvals are reported with the head they saw, not counted.
// GitLab approvals have no negative vote, so this source never blocks; the
// merge request's author does not count.
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
