// SPDX-License-Identifier: GPL-2.0-or-later
#include "tracker/TrackerFactory.h"
#include "http/CurlTransport.h"
#include "model/Ecosystem.h"
#include "tracker/FileTracker.h"
#include "tracker/JiraTracker.h"
#include "tracker/RedmineTracker.h"

namespace Shipyard {

namespace {

QString trackerName(TrackerKind kind)
{
    switch (kind) {
    case TrackerKind::File:
        return QStringLiteral("file");
    case TrackerKind::Redmine:
        return QStringLiteral("Redmine");
    case TrackerKind::Jira:
        return QStringLiteral("Jira");
    }
    return QString();
}

} // namespace

TrackerFactory::Result TrackerFactory::create(const Ecosystem &ecosystem, std::shared_ptr<HttpTransport> transport)
{
    Result result;
    const TrackerSettings &settings = ecosystem.tracker;
    if (settings.kind == TrackerKind::File) {
        result.tracker = std::make_unique<FileTracker>(ecosystem.resolvePath(settings.file));
        return result;
    }
    const QUrl url(settings.url);
    if (!url.isValid() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))) {
        result.error = TrackerError(TrackerError::Kind::InvalidInput,
            QStringLiteral("the %1 tracker needs an http(s) url, not '%2'")
                .arg(trackerName(settings.kind), settings.url));
        return result;
    }
    QString token;
    if (!settings.tokenEnvironmentVariable.isEmpty()) {
        token = qEnvironmentVariable(settings.tokenEnvironmentVariable.toLocal8Bit().constData());
        if (token.isEmpty()) {
            result.error = TrackerError(TrackerError::Kind::Unauthorized,
                QStringLiteral("the environment variable %1 (the %2 token) is not set")
                    .arg(settings.tokenEnvironmentVariable, trackerName(settings.kind)));
            return result;
        }
    }
    if (!transport)
        transport = std::make_shared<CurlTransport>();
    if (settings.kind == TrackerKind::Redmine) {
        auto redmine = std::make_unique<RedmineTracker>(url, token, transport, settings.tokenEnvironmentVariable);
        redmine->setProject(settings.project);
        redmine->setKeyPrefix(settings.keyPrefix);
        result.tracker = std::move(redmine);
    } else {
        auto jira = std::make_unique<JiraTracker>(
            url, token, settings.apiVersion, transport, settings.tokenEnvironmentVariable);
        jira->setProject(settings.project);
        result.tracker = std::move(jira);
    }
    return result;
}

} // namespace Shipyard
