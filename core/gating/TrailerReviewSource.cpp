// SPDX-License-Identifier: GPL-2.0-or-later
#include "gating/TrailerReviewSource.h"
#include "git/Repository.h"

#include <QRegularExpression>
#include <QSet>

namespace Shipyard {

namespace {

// "Jane Doe <JANE@example.org>" → "jane@example.org"; "jane" → "jane".
QString identity(const QString &person)
{
    static const QRegularExpression email(QStringLiteral("<([^>]+)>"));
    const QRegularExpressionMatch match = email.match(person);
    return (match.hasMatch() ? match.captured(1) : person).trimmed().toCaseFolded();
}

} // namespace

ReviewLookup TrailerReviewSource::reviews(const ReviewRequest &request)
{
    ReviewLookup lookup;
    if (!request.repository || !request.repository->isValid()) {
        lookup.error = QStringLiteral("no repository to read the trailers from");
        return lookup;
    }
    GitError error;
    const QList<CommitInfo> commits = request.repository->commitsBetween(request.upstream, request.branch, &error);
    if (error) {
        lookup.error = error.message();
        return lookup;
    }
    QSet<QString> authors;
    for (const CommitInfo &commit : commits) {
        authors.insert(commit.authorEmail.trimmed().toCaseFolded());
        authors.insert(commit.authorName.trimmed().toCaseFolded());
    }
    QSet<QString> seen;
    for (const CommitInfo &commit : commits) {
        for (const auto &[key, value] : commit.trailers) {
            if (key.compare(QLatin1String("Reviewed-by"), Qt::CaseInsensitive) != 0 &&
                key.compare(QLatin1String("Approved-by"), Qt::CaseInsensitive) != 0)
                continue;
            const QString who = identity(value);
            const QString name = value.section(QLatin1Char('<'), 0, 0).trimmed().toCaseFolded();
            if (who.isEmpty() || authors.contains(who) || (!name.isEmpty() && authors.contains(name)) ||
                seen.contains(who))
                continue;
            seen.insert(who);
            lookup.reviews.append({ value.trimmed(), Review::Verdict::Approved });
        }
    }
    return lookup;
}

} // namespace Shipyard
