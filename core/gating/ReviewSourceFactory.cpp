// SPDX-License-Identifier: GPL-2.0-or-later
#include "gating/ReviewSourceFactory.h"
#include "gating/GerritReviewSource.h"
#include "gating/GitHubReviewSource.h"
#include "gating/GitLabReviewSource.h"
#include "gating/TrailerReviewSource.h"
#include "http/CurlTransport.h"
#include "model/Ecosystem.h"

namespace Shipyard {

QString ReviewSourceFactory::serviceName(ReviewSettings::Kind kind)
{
    switch (kind) {
    case ReviewSettings::Kind::Trailers:
        return QStringLiteral("trailers");
    case ReviewSettings::Kind::Gerrit:
        return QStringLiteral("Gerrit");
    case ReviewSettings::Kind::GitLab:
        return QStringLiteral("GitLab");
    case ReviewSettings::Kind::GitHub:
        return QStringLiteral("GitHub");
    }
    return QString();
}

QString ReviewSourceFactory::token(const ReviewSettings &settings, QString *error)
{
    if (settings.tokenEnvironmentVariable.isEmpty())
        return QString();
    const QString token = qEnvironmentVariable(settings.tokenEnvironmentVariable.toLocal8Bit().constData());
    if (token.isEmpty() && error)
        *error = QStringLiteral("the environment variable %1 (the %2 token) is not set")
                     .arg(settings.tokenEnvironmentVariable, serviceName(settings.kind));
    return token;
}

ReviewSourceFactory::Result ReviewSourceFactory::create(
    const Ecosystem &ecosystem, const QString &systemName, std::shared_ptr<HttpTransport> transport)
{
    Result result;
    const ReviewSettings &settings = ecosystem.gating.reviews;
    if (settings.kind == ReviewSettings::Kind::Trailers) {
        result.source = std::make_unique<TrailerReviewSource>();
        return result;
    }
    const QString name = ReviewSourceFactory::serviceName(settings.kind);
    const QUrl url(settings.url);
    if (!url.isValid() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))) {
        result.error = QStringLiteral("the %1 review source needs an http(s) url, not '%2'").arg(name, settings.url);
        return result;
    }
    QString project = settings.project;
    project.replace(QLatin1String("{system}"), systemName);
    const QString token = ReviewSourceFactory::token(settings, &result.error);
    if (!result.error.isEmpty())
        return result;
    if (!transport)
        transport = std::make_shared<CurlTransport>();
    const QString &variable = settings.tokenEnvironmentVariable;
    switch (settings.kind) {
    case ReviewSettings::Kind::Gerrit:
        result.source = std::make_unique<GerritReviewSource>(url, project, token, transport, variable);
        break;
    case ReviewSettings::Kind::GitLab:
        result.source = std::make_unique<GitLabReviewSource>(url, project, token, transport, variable);
        break;
    case ReviewSettings::Kind::GitHub:
        result.source = std::make_unique<GitHubReviewSource>(url, project, token, transport, variable);
        break;
    case ReviewSettings::Kind::Trailers:
        break;
    }
    return result;
}

} // namespace Shipyard
