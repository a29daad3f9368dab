// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "gating/ReviewSource.h"
#include "http/HttpRequest.h"

#include <QJsonDocument>
#include <QUrl>

#include <memory>
#include <optional>

namespace Shipyard {

class HttpTransport;

// What the Gerrit, GitLab and GitHub sources share: one server, one project,
// a token from the environment, and errors worded the way the trackers word
// them. The token goes into request headers only, never into a URL or a
// message, so neither logs nor error texts can leak it.
class HttpReviewSource : public ReviewSource
{
public:
    HttpReviewSource(const QUrl &url, const QString &project, const QString &token,
        std::shared_ptr<HttpTransport> transport, const QString &tokenVariable);

    QString description() const override;

protected:
    virtual QString serviceName() const = 0;
    // Adds the service's authentication and content headers.
    virtual void authenticate(HttpRequest &request) const = 0;

    // GET base + path (already percent-encoded) with an encoded query.
    HttpResponse get(const QByteArray &encodedPath, const QByteArray &encodedQuery = {}) const;
    // The error text for a failed response; empty for a success.
    QString failure(const HttpResponse &response, const QString &context) const;
    // The body as JSON, or an error naming what was expected.
    std::optional<QJsonDocument> parse(
        const QByteArray &body, const QString &context, const QString &expected, QString *error) const;

    static QByteArray encoded(const QString &text) { return QUrl::toPercentEncoding(text); }

    // The commit the service's verdicts must be for (ReviewRequest::commit,
    // or the local branch's tip), as a full lower-case id; empty with *error
    // set when there is none, since approvals that cannot be tied to the
    // commit being delivered must not count.
    static QString deliveredCommit(const ReviewRequest &request, const QString &context, QString *error);
    // A commit id from an answer, lower-cased; empty unless it is a full id.
    static QString commitId(const QString &text);

    QUrl m_url;
    QString m_project;
    QString m_token;
    std::shared_ptr<HttpTransport> m_transport;
    QString m_tokenVariable;
};

} // namespace Shipyard
