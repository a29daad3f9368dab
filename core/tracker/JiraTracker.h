// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "tracker/Tracker.h"

#include <QJsonObject>
#include <QUrl>

#include <memory>

namespace Shipyard {

class HttpTransport;

// Jira's REST API, version 2 (Server, Data Center, Cloud) or 3 (Cloud, where
// comment bodies are Atlassian Document Format). A transition is chosen by
// the status it leads to, as the workflow offers it for the issue right now.
class JiraTracker : public Tracker
{
public:
    // token: "email:api-token" for Jira Cloud (basic authentication) or a
    // personal access token (bearer) for Server and Data Center.
    JiraTracker(const QUrl &url, const QString &token, int apiVersion, std::shared_ptr<HttpTransport> transport,
        const QString &tokenVariable = QString());

    QString description() const override;
    TaskLookup task(const QString &key) override;
    TrackerError transition(const QString &key, const QString &status) override;
    TrackerError addComment(const QString &key, const QString &text) override;
    // JQL `status = "STATUS"` (and `project = "PROJECT"` when set): /search in
    // version 2, /search/jql (token paging) in version 3.
    TaskListing tasksWithStatus(const QString &status) override;

    // The project that tasksWithStatus() searches; empty: every project.
    void setProject(const QString &project) { m_project = project; }

    // Plain text as an Atlassian Document Format document: one paragraph per
    // blank-line-separated block, line breaks kept.
    static QJsonObject toDocument(const QString &text);

private:
    HttpResponse request(const QByteArray &method, const QString &path, const QByteArray &body = {}) const;
    Task taskFrom(const QJsonObject &issue) const;

    QUrl m_url;
    QString m_token;
    int m_apiVersion;
    std::shared_ptr<HttpTransport> m_transport;
    QString m_tokenVariable;
    QString m_project;
};

} // namespace Shipyard
