// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "gating/HttpReviewSource.h"

namespace Shipyard {

// Code-Review votes from Gerrit. A feature branch is pushed for review with
// its name as the topic (git push origin HEAD:refs/for/main%topic=BRANCH), so
// the branch's reviews are the votes on the open changes of that topic, on
// each change's current patch set (Gerrit's labels are that patch set's,
// with the votes its project's copy rules carry over). The commit being
// delivered must be the current patch set of one of them; the changes
// delivered are that one and those whose current patch sets are its
// ancestors. A reviewer approves the branch when they voted +1 or +2 on
// every delivered change; a -1 or -2 on any change of the topic blocks it.
// With a repository, every commit of the branch must be one of those patch
// sets, or nothing counts. The changes' owners' votes do not count.
class GerritReviewSource : public HttpReviewSource
{
public:
    // token: "username:HTTP-password" (basic authentication under /a/);
    // empty for anonymous access. project: optional, narrows the topic.
    GerritReviewSource(const QUrl &url, const QString &project, const QString &token,
        std::shared_ptr<HttpTransport> transport, const QString &tokenVariable = QString());

    ReviewLookup reviews(const ReviewRequest &request) override;

    // Gerrit prefixes every JSON answer with ")]}'" against cross-site script inclusion.
    static QByteArray stripXssiPrefix(const QByteArray &body);

protected:
    QString serviceName() const override { return QStringLiteral("Gerrit"); }
    void authenticate(HttpRequest &request) const override;

private:
    QByteArray prefix() const { return m_token.isEmpty() ? QByteArray() : QByteArray("/a"); }
};

} // namespace Shipyard
