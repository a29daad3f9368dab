// SPDX-License-Identifier: GPL-2.0-or-later
#include "tracker/RedmineTracker.h"
#include "tracker/HttpTransport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace Shipyard {

RedmineTracker::RedmineTracker(
    const QUrl &url, const QString &apiKey, std::shared_ptr<HttpTransport> transport, const QString &tokenVariable)
    : m_url(url), m_apiKey(apiKey), m_transport(std::move(transport)), m_tokenVariable(tokenVariable)
{ }

QString RedmineTracker::description() const
{
    return QStringLiteral("Redmine at %1").arg(m_url.toDisplayString());
}

int RedmineTracker::issueId(const QString &key)
{
    static const QRegularExpression digits(QStringLiteral("([0-9]{1,9})$"));
    const QRegularExpressionMatch match = digits.match(key.trimmed());
    return match.hasMatch() ? match.captured(1).toInt() : 0;
}

HttpResponse RedmineTracker::request(const QByteArray &method, const QString &path, const QByteArray &body) const
{
    HttpRequest request;
    request.method = method;
    request.url = m_url;
    request.url.setPath(m_url.path().chopped(m_url.path().endsWith(QLatin1Char('/')) ? 1 : 0) + path);
    request.addHeader("Accept", "application/json");
    if (!m_apiKey.isEmpty())
        request.addHeader("X-Redmine-API-Key", m_apiKey.toUtf8());
    if (!body.isEmpty())
        request.addHeader("Content-Type", "application/json");
    request.body = body;
    return m_transport->send(request);
}

TaskLookup RedmineTracker::task(const QString &key)
{
    TaskLookup lookup;
    const int id = issueId(key);
    const QString context = QStringLiteral("reading %1 from %2").arg(key, description());
    if (id <= 0) {
        lookup.error = { TrackerError::Kind::InvalidInput,
            QStringLiteral("%1: the key has no issue number").arg(context) };
        return lookup;
    }
    const HttpResponse response = request("GET", QStringLiteral("/issues/%1.json").arg(id));
    if ((lookup.error = TrackerError::fromResponse(response, context, m_tokenVariable)))
        return lookup;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(response.body, &parseError);
    const QJsonObject issue = document.object().value(QLatin1String("issue")).toObject();
    if (parseError.error != QJsonParseError::NoError || !issue.value(QLatin1String("id")).isDouble()) {
        lookup.error = { TrackerError::Kind::BadResponse,
            QStringLiteral("%1: the answer is not a Redmine issue (%2)")
                .arg(context,
                    parseError.error != QJsonParseError::NoError ? parseError.errorString()
                                                                 : QStringLiteral("no issue.id")) };
        return lookup;
    }
    Task task;
    task.key = key;
    task.title = issue.value(QLatin1String("subject")).toString();
    task.status = issue.value(QLatin1String("status")).toObject().value(QLatin1String("name")).toString();
    task.assignee = issue.value(QLatin1String("assigned_to")).toObject().value(QLatin1String("name")).toString();
    task.url = m_url;
    task.url.setPath(
        m_url.path().chopped(m_url.path().endsWith(QLatin1Char('/')) ? 1 : 0) + QStringLiteral("/issues/%1").arg(id));
    lookup.task = task;
    return lookup;
}

TrackerError RedmineTracker::update(const QString &key, const QJsonObject &fields, const QString &what)
{
    const int id = issueId(key);
    const QString context = QStringLiteral("%1 %2 in %3").arg(what, key, description());
    if (id <= 0)
        return { TrackerError::Kind::InvalidInput, QStringLiteral("%1: the key has no issue number").arg(context) };
    const QByteArray body =
        QJsonDocument(QJsonObject { { QStringLiteral("issue"), fields } }).toJson(QJsonDocument::Compact);
    return TrackerError::fromResponse(
        request("PUT", QStringLiteral("/issues/%1.json").arg(id), body), context, m_tokenVariable);
}

TrackerError RedmineTracker::transition(const QString &key, const QString &status)
{
    const QString context = QStringLiteral("moving %1 to '%2' in %3").arg(key, status, description());
    const HttpResponse response = request("GET", QStringLiteral("/issue_statuses.json"));
    if (TrackerError error = TrackerError::fromResponse(response, context, m_tokenVariable))
        return error;
    const QJsonArray statuses =
        QJsonDocument::fromJson(response.body).object().value(QLatin1String("issue_statuses")).toArray();
    if (statuses.isEmpty())
        return { TrackerError::Kind::BadResponse,
            QStringLiteral("%1: the server listed no issue statuses").arg(context) };
    int statusId = 0;
    QString statusName;
    QStringList names;
    for (const QJsonValue &value : statuses) {
        const QJsonObject object = value.toObject();
        const QString name = object.value(QLatin1String("name")).toString();
        names.append(name);
        if (name.compare(status, Qt::CaseInsensitive) == 0) {
            statusId = object.value(QLatin1String("id")).toInt();
            statusName = name;
        }
    }
    if (statusId <= 0)
        return {
            TrackerError::Kind::Rejected,
            QStringLiteral("%1: Redmine has no such status; it has: %2").arg(context, names.join(QStringLiteral(", ")))
        };

    const TaskLookup before = task(key);
    if (before.error)
        return before.error;
    if (before.task->status == statusName)
        return {};
    if (TrackerError error =
            update(key, QJsonObject { { QStringLiteral("status_id"), statusId } }, QStringLiteral("moving")))
        return error;
    const TaskLookup after = task(key);
    if (after.error)
        return after.error;
    if (after.task->status != statusName)
        return { TrackerError::Kind::Rejected,
            QStringLiteral("%1: Redmine's workflow does not allow '%2' → '%3' for this user's role")
                .arg(context, before.task->status, statusName) };
    return {};
}

TrackerError RedmineTracker::addComment(const QString &key, const QString &text)
{
    return update(key, QJsonObject { { QStringLiteral("notes"), text } }, QStringLiteral("commenting on"));
}

} // namespace Shipyard
