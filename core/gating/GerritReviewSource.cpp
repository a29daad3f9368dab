// SPDX-License-Identifier: GPL-2.0-or-later
#include "gating/GerritReviewSource.h"
#include "git/Repository.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>

#include <algorithm>

namespace Shipyard {

namespace {

// One open change of the topic, at its current patch set.
struct Change
{
    qint64 number = 0;
    QString revision; // the current patch set's commit
    QStringList parents; // that commit's parents
    QHash<QString, int> votes; // account key → Code-Review, the lowest if listed twice
};

QString personName(const QJsonObject &account)
{
    const QString name = account.value(QLatin1String("name")).toString();
    const QString email = account.value(QLatin1String("email")).toString();
    const QString username = account.value(QLatin1String("username")).toString();
    if (!name.isEmpty() && !email.isEmpty())
        return QStringLiteral("%1 <%2>").arg(name, email);
    if (!name.isEmpty())
        return name;
    return !username.isEmpty() ? username : email;
}

// Accounts are told apart by id; without DETAILED_ACCOUNTS, by whatever name there is.
QString accountKey(const QJsonObject &account)
{
    const QJsonValue id = account.value(QLatin1String("_account_id"));
    return id.isDouble() ? QString::number(id.toInteger()) : personName(account).toCaseFolded();
}

} // namespace

GerritReviewSource::GerritReviewSource(const QUrl &url, const QString &project, const QString &token,
    std::shared_ptr<HttpTransport> transport, const QString &tokenVariable)
    : HttpReviewSource(url, project, token, std::move(transport), tokenVariable)
{ }

QByteArray GerritReviewSource::stripXssiPrefix(const QByteArray &body)
{
    static const QByteArray xssi(")]}'");
    if (!body.startsWith(xssi))
        return body;
    const qsizetype newline = body.indexOf('\n');
    return newline < 0 ? QByteArray() : body.mid(newline + 1);
}

void GerritReviewSource::authenticate(HttpRequest &request) const
{
    request.addHeader("Accept", "application/json");
    if (!m_token.isEmpty())
        request.addHeader("Authorization", "Basic " + m_token.toUtf8().toBase64());
}

ReviewLookup GerritReviewSource::reviews(const ReviewRequest &request)
{
    ReviewLookup lookup;
    const QString context = QStringLiteral("reading the reviews of %1 from %2").arg(request.branch, description());
    // A quote or backslash would end the quoted topic and change the query.
    if (request.branch.isEmpty() || request.branch.contains(QLatin1Char('"')) ||
        request.branch.contains(QLatin1Char('\\')) || m_project.contains(QLatin1Char('"'))) {
        lookup.error = QStringLiteral("%1: the branch or project name cannot be put in a Gerrit query").arg(context);
        return lookup;
    }
    lookup.commit = deliveredCommit(request, context, &lookup.error);
    if (lookup.commit.isEmpty())
        return lookup;
    QString query = QStringLiteral("status:open topic:\"%1\"").arg(request.branch);
    if (!m_project.isEmpty())
        query += QStringLiteral(" project:\"%1\"").arg(m_project);
    const HttpResponse found = get(prefix() + "/changes/", "q=" + encoded(query));
    if (!(lookup.error = failure(found, context)).isEmpty())
        return lookup;
    const auto list =
        parse(stripXssiPrefix(found.body), context, QStringLiteral("a list of Gerrit changes"), &lookup.error);
    if (!list)
        return lookup;
    if (!list->isArray()) {
        lookup.error = QStringLiteral("%1: the answer is not a list of Gerrit changes").arg(context);
        return lookup;
    }
    const QJsonArray changes = list->array();
    if (changes.isEmpty()) {
        lookup.error = QStringLiteral("%1: there is no open change with the topic '%2'; push with "
                                      "HEAD:refs/for/<upstream>%topic=%2")
                           .arg(context, request.branch);
        return lookup;
    }

    QList<Change> topic;
    QSet<QString> owners;
    QHash<QString, QString> names; // account key → how the reasons name them
    QStringList order; // reviewers in the order Gerrit lists them, for stable output
    for (const QJsonValue &value : changes) {
        const QJsonValue number = value.toObject().value(QLatin1String("_number"));
        if (!number.isDouble()) {
            lookup.error = QStringLiteral("%1: a change in the answer has no number").arg(context);
            return lookup;
        }
        const QString changeContext = QStringLiteral("%1 (change %2)").arg(context).arg(number.toInteger());
        // The labels are the current patch set's; its commit and parents
        // come with CURRENT_REVISION and CURRENT_COMMIT.
        const HttpResponse detailResponse =
            get(prefix() + "/changes/" + QByteArray::number(number.toInteger()) + "/detail",
                "o=CURRENT_REVISION&o=CURRENT_COMMIT");
        if (!(lookup.error = failure(detailResponse, changeContext)).isEmpty())
            return lookup;
        const auto detail = parse(
            stripXssiPrefix(detailResponse.body), changeContext, QStringLiteral("a Gerrit change"), &lookup.error);
        if (!detail)
            return lookup;
        const QJsonObject info = detail->object();
        if (!detail->isObject() || !info.value(QLatin1String("owner")).isObject()) {
            lookup.error = QStringLiteral("%1: the answer is not a Gerrit change (no owner)").arg(changeContext);
            return lookup;
        }
        Change change;
        change.number = number.toInteger();
        change.revision = commitId(info.value(QLatin1String("current_revision")).toString());
        if (change.revision.isEmpty()) {
            lookup.error =
                QStringLiteral("%1: the answer names no current patch set (current_revision)").arg(changeContext);
            return lookup;
        }
        const QJsonObject revisions = info.value(QLatin1String("revisions")).toObject();
        const QJsonObject commit =
            revisions.value(change.revision).toObject().value(QLatin1String("commit")).toObject();
        for (const QJsonValue &parent : commit.value(QLatin1String("parents")).toArray())
            change.parents.append(commitId(parent.toObject().value(QLatin1String("commit")).toString()));
        owners.insert(accountKey(info.value(QLatin1String("owner")).toObject()));
        const QJsonObject codeReview =
            info.value(QLatin1String("labels")).toObject().value(QLatin1String("Code-Review")).toObject();
        for (const QJsonValue &approval : codeReview.value(QLatin1String("all")).toArray()) {
            const QJsonObject account = approval.toObject();
            const QString key = accountKey(account);
            if (key.isEmpty())
                continue;
            const int vote = account.value(QLatin1String("value")).toInt();
            change.votes[key] = change.votes.contains(key) ? std::min(change.votes.value(key), vote) : vote;
            if (!names.contains(key)) {
                names.insert(key, personName(account));
                order.append(key);
            }
        }
        topic.append(change);
    }

    // A -1 or -2 on any change of the topic blocks, whichever patch set it is.
    QSet<QString> rejecting;
    for (const Change &change : std::as_const(topic))
        for (auto it = change.votes.cbegin(); it != change.votes.cend(); ++it)
            if (it.value() < 0 && !owners.contains(it.key()))
                rejecting.insert(it.key());

    // The delivered changes: the one whose current patch set is the commit,
    // and through the commits' parents those below it.
    QHash<QString, qsizetype> byRevision;
    for (qsizetype i = 0; i < topic.size(); ++i)
        byRevision.insert(topic.at(i).revision, i);
    QList<qsizetype> delivered;
    if (byRevision.contains(lookup.commit)) {
        QStringList pending { lookup.commit };
        while (!pending.isEmpty()) {
            const qsizetype index = byRevision.value(pending.takeLast(), -1);
            if (index < 0 || delivered.contains(index))
                continue;
            delivered.append(index);
            pending += topic.at(index).parents;
        }
    } else if (topic.size() == 1) {
        lookup.mismatch = QStringLiteral("change %1's current patch set is %2")
                              .arg(topic.first().number)
                              .arg(shortCommit(topic.first().revision));
    } else {
        QStringList patchSets;
        for (const Change &change : std::as_const(topic))
            patchSets.append(QStringLiteral("%1 (change %2)").arg(shortCommit(change.revision)).arg(change.number));
        lookup.mismatch =
            QStringLiteral("the topic's current patch sets are %1").arg(patchSets.join(QStringLiteral(", ")));
    }
    // The branch may hold commits no change of the topic has as its current
    // patch set (amended after the upload, or never uploaded): then what
    // reviewers approved is not what would be delivered.
    if (lookup.mismatch.isEmpty() && request.repository && request.repository->isValid() &&
        !request.upstream.isEmpty()) {
        QSet<QString> reviewed;
        for (const qsizetype index : std::as_const(delivered))
            reviewed.insert(topic.at(index).revision);
        GitError gitError;
        const QList<CommitInfo> branchCommits =
            request.repository->commitsBetween(request.upstream, lookup.commit, &gitError);
        if (gitError) {
            lookup.error = QStringLiteral("%1: %2").arg(context, gitError.message());
            return lookup;
        }
        for (const CommitInfo &commit : branchCommits) {
            if (!reviewed.contains(commitId(commit.id))) {
                lookup.mismatch =
                    QStringLiteral("commit %1 of the branch is not the current patch set of an open change in the "
                                   "topic '%2'")
                        .arg(shortCommit(commit.id), request.branch);
                break;
            }
        }
    }

    for (const QString &key : std::as_const(order)) {
        if (owners.contains(key))
            continue;
        if (rejecting.contains(key)) {
            lookup.reviews.append({ names.value(key), Review::Verdict::Rejected, QString() });
            continue;
        }
        const bool approvesAll = lookup.mismatch.isEmpty() && !delivered.isEmpty() &&
            std::all_of(delivered.cbegin(), delivered.cend(),
                [&](qsizetype index) { return topic.at(index).votes.value(key) > 0; });
        if (approvesAll) {
            lookup.reviews.append({ names.value(key), Review::Verdict::Approved, lookup.commit });
            continue;
        }
        // Approvals of patch sets that are not the ones delivered: reported.
        for (const Change &change : std::as_const(topic)) {
            if (change.votes.value(key) > 0 &&
                (!lookup.mismatch.isEmpty() || !delivered.contains(byRevision.value(change.revision)))) {
                lookup.outdated.append({ names.value(key), Review::Verdict::Approved, change.revision });
                break;
            }
        }
    }
    return lookup;
}

} // namespace Shipyard
