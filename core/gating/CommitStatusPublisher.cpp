// SPDX-License-Identifier: GPL-2.0-or-later
#include "gating/CommitStatusPublisher.h"

#include "gating/ReviewSourceFactory.h"
#include "http/CurlTransport.h"
#include "tracker/TrackerError.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace Shipyard {

namespace {

QByteArray encoded(const QString &text)
{
    return QUrl::toPercentEncoding(text);
}

QByteArray stripXssiPrefix(const QByteArray &body)
{
    // Gerrit prefixes its JSON with ")]}'" against cross-site script inclusion.
    static const QByteArray xssi(")]}'");
    if (!body.startsWith(xssi))
        return body;
    const qsizetype newline = body.indexOf('\n');
    return newline < 0 ? QByteArray() : body.mid(newline + 1);
}

} // namespace

struct CommitStatusPublisher::Answer
{
    HttpResponse response;
    QString error; // empty for a 2xx answer
};

CommitStatusPublisher::CommitStatusPublisher(ReviewSettings::Kind kind, const QUrl &url, const QString &project,
    const QString &token, const QString &tokenVariable, const QString &context,
    std::shared_ptr<HttpTransport> transport)
    : m_kind(kind)
    , m_url(url)
    , m_project(project)
    , m_token(token)
    , m_tokenVariable(tokenVariable)
    , m_context(context)
    , m_transport(std::move(transport))
{ }

CommitStatusPublisher::Made CommitStatusPublisher::create(
    const Ecosystem &ecosystem, const QString &systemName, std::shared_ptr<HttpTransport> transport)
{
    Made made;
    const ReviewSettings &settings = ecosystem.gating.reviews;
    if (settings.kind == ReviewSettings::Kind::Trailers || !ecosystem.gating.autotests.commitStatuses)
        return made;
    const QString name = ReviewSourceFactory::serviceName(settings.kind);
    const QUrl url(settings.url);
    if (!url.isValid() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))) {
        made.error = QStringLiteral("%1 commit statuses need an http(s) url, not '%2'").arg(name, settings.url);
        return made;
    }
    QString project = settings.project;
    project.replace(QLatin1String("{system}"), systemName);
    if (settings.kind == ReviewSettings::Kind::GitHub &&
        (project.count(QLatin1Char('/')) != 1 || project.startsWith(QLatin1Char('/')) ||
            project.endsWith(QLatin1Char('/')))) {
        made.error = QStringLiteral("GitHub commit statuses need an 'owner/repo' project, not '%1'").arg(project);
        return made;
    }
    if (settings.kind == ReviewSettings::Kind::GitLab && project.isEmpty()) {
        made.error = QStringLiteral("GitLab commit statuses need a project");
        return made;
    }
    const QString token = ReviewSourceFactory::token(settings, &made.error);
    if (!made.error.isEmpty())
        return made;
    if (!transport)
        transport = std::make_shared<CurlTransport>();
    made.publisher.reset(new CommitStatusPublisher(settings.kind, url, project, token,
        settings.tokenEnvironmentVariable, ecosystem.gating.autotests.statusContext, std::move(transport)));
    return made;
}

QString CommitStatusPublisher::description() const
{
    return QStringLiteral("%1 at %2")
        .arg(ReviewSourceFactory::serviceName(m_kind), m_url.toDisplayString(QUrl::RemoveUserInfo));
}

QString CommitStatusPublisher::gitHubState(CommitStatus::State state)
{
    switch (state) {
    case CommitStatus::State::Pending:
        return QStringLiteral("pending");
    case CommitStatus::State::Success:
        return QStringLiteral("success");
    case CommitStatus::State::Failure:
        return QStringLiteral("failure");
    case CommitStatus::State::Error:
        break;
    }
    return QStringLiteral("error");
}

QString CommitStatusPublisher::gitLabState(CommitStatus::State state)
{
    switch (state) {
    case CommitStatus::State::Pending:
        return QStringLiteral("running");
    case CommitStatus::State::Success:
        return QStringLiteral("success");
    case CommitStatus::State::Failure:
        return QStringLiteral("failed");
    case CommitStatus::State::Error:
        break;
    }
    return QStringLiteral("canceled");
}

QString CommitStatusPublisher::publish(const CommitStatus &status) const
{
    const QString context =
        QStringLiteral("reporting the autotests of %1 to %2").arg(status.commit.left(12), description());
    // The id goes into a URL path: only a full hexadecimal id may.
    static const QRegularExpression full(QStringLiteral("^([0-9a-f]{40}|[0-9a-f]{64})$"));
    if (!full.match(status.commit).hasMatch())
        return QStringLiteral("%1: '%2' is not a full commit id").arg(context, status.commit);
    switch (m_kind) {
    case ReviewSettings::Kind::GitHub:
        return publishToGitHub(status, context);
    case ReviewSettings::Kind::GitLab:
        return publishToGitLab(status, context);
    case ReviewSettings::Kind::Gerrit:
        return publishToGerrit(status, context);
    case ReviewSettings::Kind::Trailers:
        break;
    }
    return QString();
}

CommitStatusPublisher::Answer CommitStatusPublisher::send(const QByteArray &method, const QByteArray &encodedPath,
    const QByteArray &encodedQuery, const QByteArray &jsonBody, const QString &context) const
{
    HttpRequest request;
    request.method = method;
    // Built from encoded text so that "%2F" in a GitLab project path reaches the server as written.
    QByteArray full =
        m_url.toEncoded(QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::StripTrailingSlash) + encodedPath;
    if (!encodedQuery.isEmpty())
        full += '?' + encodedQuery;
    request.url = QUrl::fromEncoded(full, QUrl::StrictMode);
    request.addHeader("Accept", "application/json");
    if (!jsonBody.isEmpty())
        request.addHeader("Content-Type", "application/json");
    request.body = jsonBody;
    switch (m_kind) {
    case ReviewSettings::Kind::GitHub:
        request.headers.first().second = "application/vnd.github+json";
        request.addHeader("X-GitHub-Api-Version", "2022-11-28");
        if (!m_token.isEmpty())
            request.addHeader("Authorization", "Bearer " + m_token.toUtf8());
        break;
    case ReviewSettings::Kind::GitLab:
        // The header, not the private_token parameter: URLs end up in logs.
        if (!m_token.isEmpty())
            request.addHeader("PRIVATE-TOKEN", m_token.toUtf8());
        break;
    case ReviewSettings::Kind::Gerrit:
        if (!m_token.isEmpty())
            request.addHeader("Authorization", "Basic " + m_token.toUtf8().toBase64());
        break;
    case ReviewSettings::Kind::Trailers:
        break;
    }
    Answer answer;
    answer.response = m_transport->send(request);
    answer.error = TrackerError::fromResponse(answer.response, context, m_tokenVariable).message();
    return answer;
}

QString CommitStatusPublisher::publishToGitHub(const CommitStatus &status, const QString &context) const
{
    // GitHub keeps at most 140 characters of a description.
    QJsonObject body { { QStringLiteral("state"), gitHubState(status.state) }, { QStringLiteral("context"), m_context },
        { QStringLiteral("description"), status.description.left(140) } };
    if (!status.targetUrl.isEmpty())
        body.insert(QStringLiteral("target_url"), status.targetUrl);
    const QString owner = m_project.section(QLatin1Char('/'), 0, 0);
    const QString repo = m_project.section(QLatin1Char('/'), 1);
    return send("POST", "/repos/" + encoded(owner) + '/' + encoded(repo) + "/statuses/" + status.commit.toLatin1(), {},
        QJsonDocument(body).toJson(QJsonDocument::Compact), context)
        .error;
}

QString CommitStatusPublisher::publishToGitLab(const CommitStatus &status, const QString &context) const
{
    QJsonObject body { { QStringLiteral("state"), gitLabState(status.state) }, { QStringLiteral("name"), m_context },
        { QStringLiteral("description"), status.description } };
    if (!status.branch.isEmpty())
        body.insert(QStringLiteral("ref"), status.branch);
    if (!status.targetUrl.isEmpty())
        body.insert(QStringLiteral("target_url"), status.targetUrl);
    return send("POST", "/api/v4/projects/" + encoded(m_project) + "/statuses/" + status.commit.toLatin1(), {},
        QJsonDocument(body).toJson(QJsonDocument::Compact), context)
        .error;
}

QString CommitStatusPublisher::publishToGerrit(const CommitStatus &status, const QString &context) const
{
    // Authenticated endpoints live under /a/.
    const QByteArray prefix = m_token.isEmpty() ? QByteArray() : QByteArray("/a");
    QString query = QStringLiteral("commit:%1").arg(status.commit);
    if (!m_project.isEmpty() && !m_project.contains(QLatin1Char('"')))
        query += QStringLiteral(" project:\"%1\"").arg(m_project);
    const Answer found = send("GET", prefix + "/changes/", "q=" + encoded(query), {}, context);
    if (!found.error.isEmpty())
        return found.error;
    const QJsonDocument list = QJsonDocument::fromJson(stripXssiPrefix(found.response.body));
    if (!list.isArray())
        return QStringLiteral("%1: the answer is not a list of Gerrit changes").arg(context);
    if (list.array().isEmpty())
        return QStringLiteral("%1: no change has the commit as a patch set (push it for review with "
                              "HEAD:refs/for/<upstream>)")
            .arg(context);
    const QJsonObject change = list.array().first().toObject();
    const QJsonValue number = change.value(QLatin1String("_number"));
    const QString project = change.value(QLatin1String("project")).toString();
    if (!number.isDouble() || project.isEmpty())
        return QStringLiteral("%1: the change in the answer has no project or number").arg(context);
    // "project~number" names one change even where Change-Ids repeat across branches.
    const QByteArray changeId = encoded(project + QLatin1Char('~') + QString::number(number.toInteger()));
    QString message = QStringLiteral("%1: %2").arg(m_context, status.description);
    if (!status.targetUrl.isEmpty())
        message += QLatin1Char('\n') + status.targetUrl;
    QJsonObject body { { QStringLiteral("message"), message },
        { QStringLiteral("tag"), QStringLiteral("autogenerated:shipyard") } };
    if (status.state == CommitStatus::State::Success || status.state == CommitStatus::State::Failure)
        body.insert(QStringLiteral("labels"),
            QJsonObject { { QStringLiteral("Verified"), status.state == CommitStatus::State::Success ? 1 : -1 } });
    return send("POST", prefix + "/changes/" + changeId + "/revisions/" + status.commit.toLatin1() + "/review", {},
        QJsonDocument(body).toJson(QJsonDocument::Compact), context)
        .error;
}

} // namespace Shipyard
