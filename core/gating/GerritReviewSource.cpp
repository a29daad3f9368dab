// SPDX-License-Identifier: GPL-2.0-or-later
#include "gating/GerritReviewSource.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>

#include <algorithm>

namespace Shipyard {

namespace {

struct Votes
{
    QString reviewer;
    int positiveChanges = 0;
    bool negative = false;
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

    QSet<QString> owners;
    QHash<QString, Votes> votes;
    QStringList order; // reviewers in the order Gerrit lists them, for stable output
    for (const QJsonValue &value : changes) {
        const QJsonValue number = value.toObject().value(QLatin1String("_number"));
        if (!number.isDouble()) {
            lookup.error = QStringLiteral("%1: a change in the answer has no number").arg(context);
            return lookup;
        }
        const QString changeContext = QStringLiteral("%1 (change %2)").arg(context).arg(number.toInteger());
        const HttpResponse detailResponse =
            get(prefix() + "/changes/" + QByteArray::number(number.toInteger()) + "/detail");
        if (!(lookup.error = failure(detailResponse, changeContext)).isEmpty())
            return lookup;
        const auto detail = parse(
            stripXssiPrefix(detailResponse.body), changeContext, QStringLiteral("a Gerrit change"), &lookup.error);
        if (!detail)
            return lookup;
        const QJsonObject change = detail->object();
        if (!detail->isObject() || !change.value(QLatin1String("owner")).isObject()) {
            lookup.error = QStringLiteral("%1: the answer is not a Gerrit change (no owner)").arg(changeContext);
            return lookup;
        }
        owners.insert(accountKey(change.value(QLatin1String("owner")).toObject()));
        const QJsonObject codeReview =
            change.value(QLatin1String("labels")).toObject().value(QLatin1String("Code-Review")).toObject();
        // A reviewer listed twice on one change counts by their lowest vote there.
        QHash<QString, int> voteOnChange;
        for (const QJsonValue &approval : codeReview.value(QLatin1String("all")).toArray()) {
            const QJsonObject account = approval.toObject();
            const QString key = accountKey(account);
            if (key.isEmpty())
                continue;
            const int vote = account.value(QLatin1String("value")).toInt();
            voteOnChange[key] = voteOnChange.contains(key) ? std::min(voteOnChange.value(key), vote) : vote;
            if (!votes.contains(key)) {
                votes.insert(key, { personName(account) });
                order.append(key);
            }
        }
        for (auto it = voteOnChange.cbegin(); it != voteOnChange.cend(); ++it) {
            Votes &v = votes[it.key()];
            v.negative = v.negative || it.value() < 0;
            v.positiveChanges += it.value() > 0 ? 1 : 0;
        }
    }
    for (const QString &key : std::as_const(order)) {
        const Votes &v = votes.value(key);
        if (owners.contains(key))
            continue;
        if (v.negative)
            lookup.reviews.append({ v.reviewer, Review::Verdict::Rejected });
        else if (v.positiveChanges == changes.size())
            lookup.reviews.append({ v.reviewer, Review::Verdict::Approved });
    }
    return lookup;
}

} // namespace Shipyard
