// SPDX-License-Identifier: GPL-2.0-or-later
#include "gating/GitLabReviewSource.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSet>

namespace Shipyard {

namespace {

QString personName(const QJsonObject &user)
{
    const QString name = user.value(QLatin1String("name")).toString();
    const QString username = user.value(QLatin1String("username")).toString();
    if (!name.isEmpty() && !username.isEmpty())
        return QStringLiteral("%1 (@%2)").arg(name, username);
    return name.isEmpty() ? username : name;
}

QString userKey(const QJsonObject &user)
{
    const QJsonValue id = user.value(QLatin1String("id"));
    return id.isDouble() ? QString::number(id.toInteger()) : user.value(QLatin1String("username")).toString();
}

} // namespace

GitLabReviewSource::GitLabReviewSource(const QUrl &url, const QString &project, const QString &token,
    std::shared_ptr<HttpTransport> transport, const QString &tokenVariable)
    : HttpReviewSource(url, project, token, std::move(transport), tokenVariable)
{ }

void GitLabReviewSource::authenticate(HttpRequest &request) const
{
    request.addHeader("Accept", "application/json");
    // The header, not the private_token parameter: URLs end up in logs.
    if (!m_token.isEmpty())
        request.addHeader("PRIVATE-TOKEN", m_token.toUtf8());
}

ReviewLookup GitLabReviewSource::reviews(const ReviewRequest &request)
{
    ReviewLookup lookup;
    const QString context = QStringLiteral("reading the approvals of %1 from %2").arg(request.branch, description());
    if (request.branch.isEmpty() || m_project.isEmpty()) {
        lookup.error = QStringLiteral("%1: a branch and a project are needed").arg(context);
        return lookup;
    }
    // "group/project" is one path segment: its slash must be encoded.
    const QByteArray projectPath = "/api/v4/projects/" + encoded(m_project);
    const HttpResponse found =
        get(projectPath + "/merge_requests", "state=opened&source_branch=" + encoded(request.branch));
    if (!(lookup.error = failure(found, context)).isEmpty())
        return lookup;
    const auto list = parse(found.body, context, QStringLiteral("a list of merge requests"), &lookup.error);
    if (!list)
        return lookup;
    if (!list->isArray()) {
        lookup.error = QStringLiteral("%1: the answer is not a list of merge requests").arg(context);
        return lookup;
    }
    // The query filters by branch; checking again guards against a server
    // that ignored the filter and would hand us someone else's approvals.
    QJsonObject mergeRequest;
    for (const QJsonValue &value : list->array()) {
        const QJsonObject candidate = value.toObject();
        if (candidate.value(QLatin1String("source_branch")).toString() == request.branch) {
            mergeRequest = candidate;
            break;
        }
    }
    if (mergeRequest.isEmpty()) {
        lookup.error =
            QStringLiteral("%1: there is no open merge request from %2 in %3").arg(context, request.branch, m_project);
        return lookup;
    }
    const QJsonValue iid = mergeRequest.value(QLatin1String("iid"));
    if (!iid.isDouble()) {
        lookup.error = QStringLiteral("%1: the merge request in the answer has no iid").arg(context);
        return lookup;
    }
    const QString author = userKey(mergeRequest.value(QLatin1String("author")).toObject());
    const QString approvalsContext = QStringLiteral("%1 (merge request !%2)").arg(context).arg(iid.toInteger());
    const HttpResponse approvals =
        get(projectPath + "/merge_requests/" + QByteArray::number(iid.toInteger()) + "/approvals");
    if (!(lookup.error = failure(approvals, approvalsContext)).isEmpty())
        return lookup;
    const auto document =
        parse(approvals.body, approvalsContext, QStringLiteral("a merge request's approvals"), &lookup.error);
    if (!document)
        return lookup;
    const QJsonValue approvedBy = document->object().value(QLatin1String("approved_by"));
    if (!approvedBy.isArray()) {
        lookup.error = QStringLiteral("%1: the answer has no approved_by list").arg(approvalsContext);
        return lookup;
    }
    QSet<QString> seen;
    for (const QJsonValue &value : approvedBy.toArray()) {
        const QJsonObject user = value.toObject().value(QLatin1String("user")).toObject();
        const QString key = userKey(user);
        if (key.isEmpty() || key == author || seen.contains(key))
            continue;
        seen.insert(key);
        lookup.reviews.append({ personName(user), Review::Verdict::Approved });
    }
    return lookup;
}

} // namespace Shipyard
