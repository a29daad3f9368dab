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
// id ("TASK-12" and "#12" both mean issue 12).
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

    static int issueId(const QString &key);

private:
    HttpResponse request(const QByteArray &method, const QString &path, const QByteArray &body = {}) const;
    TrackerError update(const QString &key, const QJsonObject &fields, const QString &what);

    QUrl m_url;
    QString m_apiKey;
    std::shared_ptr<HttpTransport> m_transport;
    QString m_tokenVariable;
};

} // namespace Shipyard
