// SPDX-License-Identifier: GPL-2.0-or-later
#include "tracker/JiraTracker.h"
#include "http/HttpTransport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QUrlQuery>

namespace Shipyard {

namespace {

// Jira keys are PROJECT-NUMBER; anything else would be spliced into a URL path.
bool isJiraKey(const QString &key)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z][A-Za-z0-9_]*-[0-9]+$"));
    return pattern.match(key).hasMatch();
}

} // namespace

JiraTracker::JiraTracker(const QUrl &url, const QString &token, int apiVersion,
    std::shared_ptr<HttpTransport> transport, const QString &tokenVariable)
    : m_url(url)
    , m_token(token)
    , m_apiVersion(apiVersion == 3 ? 3 : 2)
    , m_transport(std::move(transport))
    , m_tokenVariable(tokenVariable)
{ }

QString JiraTracker::description() const
{
    return QStringLiteral("Jira at %1").arg(m_url.toDisplayString());
}

HttpResponse JiraTracker::request(const QByteArray &method, const QString &path, const QByteArray &body) const
{
    HttpRequest request;
    request.method = method;
    request.url = m_url;
    const QString base = m_url.path().endsWith(QLatin1Char('/')) ? m_url.path().chopped(1) : m_url.path();
    const QString query = path.section(QLatin1Char('?'), 1, -1);
    request.url.setPath(base % QStringLiteral("/rest/api/%1").arg(m_apiVersion) % path.section(QLatin1Char('?'), 0, 0));
    if (!query.isEmpty())
        request.url.setQuery(query);
    request.addHeader("Accept", "application/json");
    if (!m_token.isEmpty()) {
        if (m_token.contains(QLatin1Char(':')))
            request.addHeader("Authorization", "Basic " + m_token.toUtf8().toBase64());
        else
            request.addHeader("Authorization", "Bearer " + m_token.toUtf8());
    }
    if (!body.isEmpty())
        request.addHeader("Content-Type", "application/json");
    request.body = body;
    return m_transport->send(request);
}

TaskLookup JiraTracker::task(const QString &key)
{
    TaskLookup lookup;
    const QString context = QStringLiteral("reading %1 from %2").arg(key, description());
    if (!isJiraKey(key)) {
        lookup.error = { TrackerError::Kind::InvalidInput, QStringLiteral("%1: not a Jira issue key").arg(context) };
        return lookup;
    }
    const HttpResponse response = request("GET", QStringLiteral("/issue/%1?fields=summary,status,assignee").arg(key));
    if ((lookup.error = TrackerError::fromResponse(response, context, m_tokenVariable)))
        return lookup;
    QJsonParseError parseError;
    const QJsonObject issue = QJsonDocument::fromJson(response.body, &parseError).object();
    const QJsonObject fields = issue.value(QLatin1String("fields")).toObject();
    if (parseError.error != QJsonParseError::NoError || !issue.value(QLatin1String("key")).isString() ||
        !issue.value(QLatin1String("fields")).isObject()) {
        lookup.error = { TrackerError::Kind::BadResponse,
            QStringLiteral("%1: the answer is not a Jira issue (%2)")
                .arg(context,
                    parseError.error != QJsonParseError::NoError ? parseError.errorString()
                                                                 : QStringLiteral("no key or fields")) };
        return lookup;
    }
    lookup.task = taskFrom(issue);
    return lookup;
}

Task JiraTracker::taskFrom(const QJsonObject &issue) const
{
    const QJsonObject fields = issue.value(QLatin1String("fields")).toObject();
    Task task;
    // Jira answers with the current key when an issue moved project.
    task.key = issue.value(QLatin1String("key")).toString();
    task.title = fields.value(QLatin1String("summary")).toString();
    task.status = fields.value(QLatin1String("status")).toObject().value(QLatin1String("name")).toString();
    task.assignee = fields.value(QLatin1String("assignee")).toObject().value(QLatin1String("displayName")).toString();
    task.url = m_url;
    const QString base = m_url.path().endsWith(QLatin1Char('/')) ? m_url.path().chopped(1) : m_url.path();
    task.url.setPath(base % QStringLiteral("/browse/") % task.key);
    return task;
}

TaskListing JiraTracker::tasksWithStatus(const QString &status)
{
    TaskListing listing;
    const QString context = QStringLiteral("searching the tasks in '%1' in %2").arg(status, description());
    const auto quoted = [](QString text) {
        return QLatin1Char('"') +
            text.replace(QLatin1Char('\\'), QStringLiteral("\\\\")).replace(QLatin1Char('"'), QStringLiteral("\\\"")) +
            QLatin1Char('"');
    };
    QString jql = QStringLiteral("status = ") + quoted(status);
    if (!m_project.isEmpty())
        jql = QStringLiteral("project = ") + quoted(m_project) + QStringLiteral(" AND ") + jql;
    jql += QStringLiteral(" ORDER BY key");
    constexpr int pageSize = 100;
    // Bounded, so that a server that never says "last page" cannot keep the robot here.
    constexpr int maximumPages = 100;
    QString nextPageToken;
    for (int page = 0; page < maximumPages; ++page) {
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("jql"), jql);
        query.addQueryItem(QStringLiteral("fields"), QStringLiteral("summary,status,assignee"));
        query.addQueryItem(QStringLiteral("maxResults"), QString::number(pageSize));
        if (m_apiVersion == 2)
            query.addQueryItem(QStringLiteral("startAt"), QString::number(listing.tasks.size()));
        else if (!nextPageToken.isEmpty())
            query.addQueryItem(QStringLiteral("nextPageToken"), nextPageToken);
        const QString path = (m_apiVersion == 2 ? QStringLiteral("/search") : QStringLiteral("/search/jql")) +
            QLatin1Char('?') + query.toString(QUrl::FullyEncoded);
        const HttpResponse response = request("GET", path);
        if ((listing.error = TrackerError::fromResponse(response, context, m_tokenVariable)))
            return listing;
        QJsonParseError parseError;
        const QJsonObject answer = QJsonDocument::fromJson(response.body, &parseError).object();
        if (parseError.error != QJsonParseError::NoError || !answer.value(QLatin1String("issues")).isArray()) {
            listing.error = { TrackerError::Kind::BadResponse,
                QStringLiteral("%1: the answer is not a Jira search result (%2)")
                    .arg(context,
                        parseError.error != QJsonParseError::NoError ? parseError.errorString()
                                                                     : QStringLiteral("no issues")) };
            return listing;
        }
        const QJsonArray issues = answer.value(QLatin1String("issues")).toArray();
        for (const QJsonValue &issue : issues)
            listing.tasks.append(taskFrom(issue.toObject()));
        if (m_apiVersion == 2) {
            if (issues.isEmpty() || listing.tasks.size() >= answer.value(QLatin1String("total")).toInt())
                return listing;
        } else {
            nextPageToken = answer.value(QLatin1String("nextPageToken")).toString();
            if (answer.value(QLatin1String("isLast")).toBool(true) || nextPageToken.isEmpty())
                return listing;
        }
    }
    return listing;
}

TrackerError JiraTracker::transition(const QString &key, const QString &status)
{
    const QString context = QStringLiteral("moving %1 to '%2' in %3").arg(key, status, description());
    if (!isJiraKey(key))
        return { TrackerError::Kind::InvalidInput, QStringLiteral("%1: not a Jira issue key").arg(context) };
    const TaskLookup current = task(key);
    if (current.error)
        return current.error;
    if (current.task->status.compare(status, Qt::CaseInsensitive) == 0)
        return {};
    const HttpResponse response = request("GET", QStringLiteral("/issue/%1/transitions").arg(key));
    if (TrackerError error = TrackerError::fromResponse(response, context, m_tokenVariable))
        return error;
    QJsonParseError parseError;
    const QJsonObject object = QJsonDocument::fromJson(response.body, &parseError).object();
    if (parseError.error != QJsonParseError::NoError || !object.value(QLatin1String("transitions")).isArray())
        return { TrackerError::Kind::BadResponse, QStringLiteral("%1: the answer lists no transitions").arg(context) };
    QString transitionId;
    QStringList offered;
    for (const QJsonValue &value : object.value(QLatin1String("transitions")).toArray()) {
        const QJsonObject transition = value.toObject();
        const QString target = transition.value(QLatin1String("to")).toObject().value(QLatin1String("name")).toString();
        offered.append(target);
        if (transitionId.isEmpty() && target.compare(status, Qt::CaseInsensitive) == 0)
            transitionId = transition.value(QLatin1String("id")).toString();
    }
    if (transitionId.isEmpty())
        return { TrackerError::Kind::Rejected,
            QStringLiteral("%1: the workflow offers no way from '%2' to it; from there it goes to: %3")
                .arg(context, current.task->status,
                    offered.isEmpty() ? QStringLiteral("nothing") : offered.join(QStringLiteral(", "))) };
    const QJsonObject body { { QStringLiteral("transition"), QJsonObject { { QStringLiteral("id"), transitionId } } } };
    return TrackerError::fromResponse(request("POST", QStringLiteral("/issue/%1/transitions").arg(key),
                                          QJsonDocument(body).toJson(QJsonDocument::Compact)),
        context, m_tokenVariable);
}

QJsonObject JiraTracker::toDocument(const QString &text)
{
    QJsonArray paragraphs;
    static const QRegularExpression blankLines(QStringLiteral("\\n\\s*\\n"));
    for (const QString &block : text.split(blankLines, Qt::SkipEmptyParts)) {
        QJsonArray content;
        const QStringList lines = block.split(QLatin1Char('\n'));
        for (int i = 0; i < lines.size(); ++i) {
            if (i > 0)
                content.append(QJsonObject { { QStringLiteral("type"), QStringLiteral("hardBreak") } });
            if (!lines.at(i).isEmpty())
                content.append(QJsonObject {
                    { QStringLiteral("type"), QStringLiteral("text") }, { QStringLiteral("text"), lines.at(i) } });
        }
        paragraphs.append(QJsonObject {
            { QStringLiteral("type"), QStringLiteral("paragraph") }, { QStringLiteral("content"), content } });
    }
    return { { QStringLiteral("type"), QStringLiteral("doc") }, { QStringLiteral("version"), 1 },
        { QStringLiteral("content"), paragraphs } };
}

TrackerError JiraTracker::addComment(const QString &key, const QString &text)
{
    const QString context = QStringLiteral("commenting on %1 in %2").arg(key, description());
    if (!isJiraKey(key))
        return { TrackerError::Kind::InvalidInput, QStringLiteral("%1: not a Jira issue key").arg(context) };
    const QJsonObject body { { QStringLiteral("body"),
        m_apiVersion == 3 ? QJsonValue(toDocument(text)) : QJsonValue(text) } };
    return TrackerError::fromResponse(request("POST", QStringLiteral("/issue/%1/comment").arg(key),
                                          QJsonDocument(body).toJson(QJsonDocument::Compact)),
        context, m_tokenVariable);
}

} // namespace Shipyard
