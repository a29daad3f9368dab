// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "tracker/Tracker.h"

#include <QJsonObject>
#include <QUrl>

#include <memory>

namespace Shipyard {

class HttpTransport;

// Redmine's REST API (issues, issue_statuses, journals through notes).
// Redmine numbers its issues: the digits that end a task key are the issue
// id ("TASK-12" and "#12" both mean issue 12). Listings name each issue by
// the key prefix and its id ("SHOP-12"), or "#12" without a prefix, so that
// the ecosystem's task key pattern can recognise them.
class RedmineTracker : public Tracker
{
public:
    RedmineTracker(const QUrl &url, const QString &apiKey, std::shared_ptr<HttpTransport> transport,
        const QString &tokenVariable = QString());

    QString description() const override;
    TaskLookup task(const QString &key) override;
    // Redmine answers 204 even when its workflow silently ignores a status
    // change, so the issue is read back to tell the caller the truth.
    TrackerError transition(const QString &key, const QString &status) override;
    TrackerError addComment(const QString &key, const QString &text) override;
    // GET /issues.json?status_id=ID (and project_id when set), paged by
    // offset, sorted by issue id. The first listing checks the API key.
    TaskListing tasksWithStatus(const QString &status) override;

    // The project that tasksWithStatus() lists (identifier or id); empty:
    // every project the token sees.
    void setProject(const QString &project) { m_project = project; }
    // "SHOP-" makes listed keys "SHOP-12"; empty: "#12".
    void setKeyPrefix(const QString &prefix) { m_keyPrefix = prefix; }

    static int issueId(const QString &key);

    // Pages of 100 issues; beyond this many pages the server is not trusted
    // to ever end, so that it cannot keep the delivery robot.
    static constexpr int pageSize = 100;
    static constexpr int maximumPages = 100;

private:
    struct Status
    {
        int id = 0;
        QString name;
        TrackerError error;
    };

    HttpResponse request(const QByteArray &method, const QString &path, const QByteArray &body = {},
        const QString &query = QString()) const;
    TrackerError update(const QString &key, const QJsonObject &fields, const QString &what);
    // The status whose name matches (case-insensitively); missingKind is the
    // error's kind when Redmine has no such status.
    Status findStatus(const QString &status, const QString &context, TrackerError::Kind missingKind) const;
    Task taskFrom(const QJsonObject &issue, const QString &key) const;

    QUrl m_url;
    QString m_apiKey;
    std::shared_ptr<HttpTransport> m_transport;
    QString m_tokenVariable;
    QString m_project;
    QString m_keyPrefix;
    bool m_apiKeyChecked = false;
};

} // namespace Shipyard
