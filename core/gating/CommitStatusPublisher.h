// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "model/Ecosystem.h"

#include <QString>
#include <QUrl>

#include <memory>

namespace Shipyard {

class HttpTransport;

// What Shipyard says about one commit's autotests on the review service.
struct CommitStatus
{
    // Error: Shipyard or its machine could not test (a tool missing, a
    // server down); the commit is neither passed nor failed.
    enum class State { Pending, Success, Failure, Error };
    State state = State::Pending;
    QString commit; // full id
    QString branch;
    QString description; // one line, shown beside the status
    QString targetUrl; // may be empty
};

// Publishes autotest results where reviewers look, on the service that
// gating.reviews names (its url, project and token; docs/autotests.md):
//   GitHub  POST /repos/{owner}/{repo}/statuses/{sha}: pending, success,
//           failure, error, under gating.autotests.statusContext;
//   GitLab  POST /api/v4/projects/{id}/statuses/{sha}: running, success,
//           failed, and canceled for an error (GitLab has no error state);
//   Gerrit  POST /a/changes/{change}/revisions/{sha}/review: Verified +1 or
//           -1 with a message; a start or an error is a message without a
//           vote. The change is the one whose patch set is the commit
//           (GET /changes/?q=commit:{sha}); a commit that is no patch set
//           has nowhere to be reported.
// The token travels in a header only and never reaches a message.
// publish() blocks (network): call it from a worker.
class CommitStatusPublisher
{
public:
    struct Made
    {
        std::unique_ptr<CommitStatusPublisher> publisher; // null: nothing to publish to, or error
        QString error; // the settings cannot be used (no URL, token variable unset)
    };
    // systemName replaces "{system}" in the project. Trailers, or
    // gating.autotests.commitStatuses off: no publisher and no error.
    // transport: null for the real network.
    static Made create(
        const Ecosystem &ecosystem, const QString &systemName, std::shared_ptr<HttpTransport> transport = nullptr);

    // Empty when published; otherwise why not.
    QString publish(const CommitStatus &status) const;
    QString description() const;

    // The state as each service spells it.
    static QString gitHubState(CommitStatus::State state);
    static QString gitLabState(CommitStatus::State state);

private:
    CommitStatusPublisher(ReviewSettings::Kind kind, const QUrl &url, const QString &project, const QString &token,
        const QString &tokenVariable, const QString &context, std::shared_ptr<HttpTransport> transport);

    QString publishToGitHub(const CommitStatus &status, const QString &context) const;
    QString publishToGitLab(const CommitStatus &status, const QString &context) const;
    QString publishToGerrit(const CommitStatus &status, const QString &context) const;
    // METHOD base + encodedPath with the service's authentication.
    struct Answer;
    Answer send(const QByteArray &method, const QByteArray &encodedPath, const QByteArray &encodedQuery,
        const QByteArray &jsonBody, const QString &context) const;

    ReviewSettings::Kind m_kind;
    QUrl m_url;
    QString m_project;
    QString m_token;
    QString m_tokenVariable;
    QString m_context;
    std::shared_ptr<HttpTransport> m_transport;
};

} // namespace Shipyard
