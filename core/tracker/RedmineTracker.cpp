// SPDX-License-Identifier: GPL-2.0-or-later
#include "tracker/RedmineTracker.h"
#include "http/HttpTransport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QUrlQuery>

#include <algorithm>

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

HttpResponse RedmineTracker::request(
    const QByteArray &method, const QString &path, const QByteArray &body, const QString &query) const
{
    HttpRequest request;
    request.method = method;
    request.url = m_url;
    request.url.setPath(m_url.path().chopped(m_url.path().endsWith(QLatin1Char('/')) ? 1 : 0) + path);
    if (!query.isEmpty())
        request.url.setQuery(query);
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
    lookup.task = taskFrom(issue, key);
    return lookup;
}

Task RedmineTracker::taskFrom(const QJsonObject &issue, const QString &key) const
{
    Task task;
    task.key = key;
    task.title = issue.value(QLatin1String("subject")).toString();
    task.status = issue.value(QLatin1String("status")).toObject().value(QLatin1String("name")).toString();
    task.assignee = issue.value(QLatin1String("assigned_to")).toObject().value(QLatin1String("name")).toString();
    task.url = m_url;
    task.url.setPath(m_url.path().chopped(m_url.path().endsWith(QLatin1Char('/')) ? 1 : 0) +
        QStringLiteral("/issues/%1").arg(issue.value(QLatin1String("id")).toInteger()));
    return task;
}

RedmineTracker::Status RedmineTracker::findStatus(
    const QString &status, const QString &context, TrackerError::Kind missingKind) const
{
    Status found;
    const HttpResponse response = request("GET", QStringLiteral("/issue_statuses.json"));
    if ((found.error = TrackerError::fromResponse(response, context, m_tokenVariable)))
        return found;
    const QJsonArray statuses =
        QJsonDocument::fromJson(response.body).object().value(QLatin1String("issue_statuses")).toArray();
    if (statuses.isEmpty()) {
        found.error = { TrackerError::Kind::BadResponse,
            QStringLiteral("%1: the server listed no issue statuses").arg(context) };
        return found;
    }
    QStringList names;
    for (const QJsonValue &value : statuses) {
        const QJsonObject object = value.toObject();
        const QString name = object.value(QLatin1String("name")).toString();
        names.append(name);
        if (found.id <= 0 && name.compare(status, Qt::CaseInsensitive) == 0) {
            found.id = object.value(QLatin1String("id")).toInt();
            found.name = name;
        }
    }
    if (found.id <= 0)
        found.error = {
            missingKind,
            QStringLiteral("%1: Redmine has no such status; it has: %2").arg(context, names.join(QStringLiteral(", ")))
        };
    return found;
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
    const Status target = findStatus(status, context, TrackerError::Kind::Rejected);
    if (target.error)
        return target.error;
    const int statusId = target.id;
    const QString &statusName = target.name;

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

TaskListing RedmineTracker::tasksWithStatus(const QString &status)
{
    TaskListing listing;
    const QString context =
        QStringLiteral("listing the issues in '%1'%2 in %3")
            .arg(status, m_project.isEmpty() ? QString() : QStringLiteral(" of project '%1'").arg(m_project),
                description());
    // Redmine treats an unknown API key as anonymous, and lists anonymous
    // users the public issues only: a wrong key would look like an empty
    // listing, and the robot would quietly do nothing. /users/current says 401.
    if (!m_apiKey.isEmpty() && !m_apiKeyChecked) {
        if ((listing.error = TrackerError::fromResponse(
                 request("GET", QStringLiteral("/users/current.json")), context, m_tokenVariable)))
            return listing;
        m_apiKeyChecked = true;
    }
    const Status wanted = findStatus(status, context, TrackerError::Kind::NotFound);
    if ((listing.error = wanted.error))
        return listing;

    QList<QPair<qint64, Task>> found;
    QSet<qint64> seen;
    qint64 offset = 0;
    for (int page = 0; page < maximumPages; ++page) {
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("status_id"), QString::number(wanted.id));
        if (!m_project.isEmpty())
            query.addQueryItem(QStringLiteral("project_id"), m_project);
        query.addQueryItem(QStringLiteral("sort"), QStringLiteral("id"));
        query.addQueryItem(QStringLiteral("limit"), QString::number(pageSize));
        query.addQueryItem(QStringLiteral("offset"), QString::number(offset));
        const HttpResponse response =
            request("GET", QStringLiteral("/issues.json"), {}, query.toString(QUrl::FullyEncoded));
        if ((listing.error = TrackerError::fromResponse(response, context, m_tokenVariable)))
            return listing;
        QJsonParseError parseError;
        const QJsonObject answer = QJsonDocument::fromJson(response.body, &parseError).object();
        if (parseError.error != QJsonParseError::NoError || !answer.value(QLatin1String("issues")).isArray()) {
            listing.error = { TrackerError::Kind::BadResponse,
                QStringLiteral("%1: the answer at offset %2 is not a Redmine issue list (%3)")
                    .arg(context)
                    .arg(offset)
                    .arg(parseError.error != QJsonParseError::NoError ? parseError.errorString()
                                                                      : QStringLiteral("no issues")) };
            return listing;
        }
        const QJsonArray issues = answer.value(QLatin1String("issues")).toArray();
        bool anythingNew = false;
        for (const QJsonValue &value : issues) {
            const QJsonObject issue = value.toObject();
            const qint64 id = issue.value(QLatin1String("id")).toInteger();
            if (id <= 0) {
                listing.error = { TrackerError::Kind::BadResponse,
                    QStringLiteral("%1: an issue at offset %2 has no id").arg(context).arg(offset) };
                return listing;
            }
            // Issues created or moved while paging shift the offsets: one
            // may come twice, and is listed once.
            if (seen.contains(id))
                continue;
            seen.insert(id);
            anythingNew = true;
            const QString key =
                m_keyPrefix.isEmpty() ? QStringLiteral("#%1").arg(id) : m_keyPrefix + QString::number(id);
            found.append({ id, taskFrom(issue, key) });
        }
        if (issues.isEmpty())
            break;
        if (!anythingNew) {
            // A server that ignores the offset would otherwise be paged
            // through to the bound with the same issues.
            listing.error = { TrackerError::Kind::BadResponse,
                QStringLiteral("%1: the page at offset %2 repeats issues already listed (does the server ignore "
                               "'offset'?)")
                    .arg(context)
                    .arg(offset) };
            return listing;
        }
        offset += issues.size();
        const QJsonValue total = answer.value(QLatin1String("total_count"));
        if (total.isDouble() ? offset >= total.toInteger() : issues.size() < pageSize)
            break;
        if (page + 1 == maximumPages) {
            listing.error = { TrackerError::Kind::BadResponse,
                QStringLiteral("%1: still more issues after %2 pages of %3; the listing stops there")
                    .arg(context)
                    .arg(maximumPages)
                    .arg(pageSize) };
            return listing;
        }
    }
    std::sort(found.begin(), found.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    listing.tasks.reserve(found.size());
    for (const auto &[id, task] : std::as_const(found))
        listing.tasks.append(task);
    return listing;
}

} // namespace Shipyard
