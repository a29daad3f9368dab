// SPDX-License-Identifier: GPL-2.0-or-later
#include "gating/GitLabReviewSource.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>

#include <algorithm>

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
    lookup.commit = deliveredCommit(request, context, &lookup.error);
    if (lookup.commit.isEmpty())
        return lookup;
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
    const QString approvalsContext = QStringLiteral("%1 (merge request !%2)").arg(context).arg(iid.toInteger());
    const QString head = commitId(mergeRequest.value(QLatin1String("sha")).toString());
    if (head.isEmpty()) {
        lookup.error = QStringLiteral("%1: the merge request has no head commit id (sha)").arg(approvalsContext);
        return lookup;
    }
    if (head != lookup.commit)
        lookup.mismatch = QStringLiteral("merge request !%1 is at %2").arg(iid.toInteger()).arg(shortCommit(head));
    const QString author = userKey(mergeRequest.value(QLatin1String("author")).toObject());
    const QByteArray mergeRequestPath = projectPath + "/merge_requests/" + QByteArray::number(iid.toInteger());
    const HttpResponse approvals = get(mergeRequestPath + "/approvals");
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
    struct Approval
    {
        QString name;
        QDateTime at; // invalid when GitLab did not say
    };
    QList<Approval> given;
    QSet<QString> seen;
    for (const QJsonValue &value : approvedBy.toArray()) {
        const QJsonObject entry = value.toObject();
        const QJsonObject user = entry.value(QLatin1String("user")).toObject();
        const QString key = userKey(user);
        if (key.isEmpty() || key == author || seen.contains(key))
            continue;
        seen.insert(key);
        given.append({ personName(user),
            QDateTime::fromString(entry.value(QLatin1String("approved_at")).toString(), Qt::ISODateWithMs) });
    }
    if (given.isEmpty())
        return lookup;

    // When did each head become the merge request's? GitLab makes a diff
    // version on every push (newest first); a push to the target branch
    // can make another with the same head, so the current head's time is
    // that of the oldest version in the newest run with that head. Only the
    // first page is read: a run reaching past it starts, if anything,
    // earlier than it seems, which counts fewer approvals, never more.
    const QString versionsContext = QStringLiteral("%1, its versions").arg(approvalsContext);
    const HttpResponse versionsResponse = get(mergeRequestPath + "/versions", "per_page=100");
    if (!(lookup.error = failure(versionsResponse, versionsContext)).isEmpty())
        return lookup;
    const auto versionsDocument =
        parse(versionsResponse.body, versionsContext, QStringLiteral("a list of diff versions"), &lookup.error);
    if (!versionsDocument)
        return lookup;
    if (!versionsDocument->isArray()) {
        lookup.error = QStringLiteral("%1: the answer is not a list of diff versions").arg(versionsContext);
        return lookup;
    }
    struct Version
    {
        QString head;
        QDateTime created;
    };
    QList<Version> versions; // newest first
    for (const QJsonValue &value : versionsDocument->array()) {
        const QJsonObject version = value.toObject();
        versions.append({ commitId(version.value(QLatin1String("head_commit_sha")).toString()),
            QDateTime::fromString(version.value(QLatin1String("created_at")).toString(), Qt::ISODateWithMs) });
    }
    std::stable_sort(
        versions.begin(), versions.end(), [](const Version &a, const Version &b) { return a.created > b.created; });
    QDateTime headSince;
    for (const Version &version : std::as_const(versions)) {
        if (version.head != head || !version.created.isValid())
            break;
        headSince = version.created;
    }
    // The head a reviewer saw: that of the newest version made before they approved.
    const auto headAt = [&](const QDateTime &at) {
        for (const Version &version : std::as_const(versions))
            if (version.created.isValid() && version.created <= at)
                return version.head;
        return QString();
    };
    bool undated = false;
    for (const Approval &approval : std::as_const(given)) {
        if (!approval.at.isValid()) {
            undated = true;
            lookup.outdated.append({ approval.name, Review::Verdict::Approved, QString() });
        } else if (lookup.mismatch.isEmpty() && headSince.isValid() && approval.at >= headSince) {
            lookup.reviews.append({ approval.name, Review::Verdict::Approved, head });
        } else {
            lookup.outdated.append({ approval.name, Review::Verdict::Approved, headAt(approval.at) });
        }
    }
    if (lookup.mismatch.isEmpty() && undated)
        lookup.mismatch = QStringLiteral("GitLab does not say when merge request !%1 was approved (no approved_at), "
                                         "so its approvals cannot be tied to a commit")
                              .arg(iid.toInteger());
    else if (lookup.mismatch.isEmpty() && !headSince.isValid())
        lookup.mismatch = QStringLiteral("merge request !%1 has no diff version at %2 yet")
                              .arg(iid.toInteger())
                              .arg(shortCommit(head));
    return lookup;
}

} // namespace Shipyard
