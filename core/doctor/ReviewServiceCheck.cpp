// SPDX-License-Identifier: GPL-2.0-or-later
#include "doctor/ReviewServiceCheck.h"

#include "doctor/BoundedTransport.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>

namespace Shipyard {

namespace {

QString serviceName(ReviewSettings::Kind kind)
{
    switch (kind) {
    case ReviewSettings::Kind::Gerrit:
        return QStringLiteral("Gerrit");
    case ReviewSettings::Kind::GitLab:
        return QStringLiteral("GitLab");
    case ReviewSettings::Kind::GitHub:
        return QStringLiteral("GitHub");
    case ReviewSettings::Kind::Trailers:
        break;
    }
    return QStringLiteral("trailers");
}

// Gerrit prefixes its JSON with )]}' against XSSI.
QJsonObject jsonOf(const QByteArray &body)
{
    const qsizetype start = body.indexOf('{');
    return start < 0 ? QJsonObject() : QJsonDocument::fromJson(body.mid(start)).object();
}

} // namespace

ReviewServiceCheck::ReviewServiceCheck(
    const ReviewSettings &settings, const QProcessEnvironment &environment, const EcosystemKeyLocations &locations)
    : DoctorCheck(QStringLiteral("review service"), QStringLiteral("read"))
    , m_settings(settings)
    , m_environment(environment)
    , m_locations(locations)
{
    setSilenceRemedy(QStringLiteral("check that %1 is reachable from here, or correct %2")
            .arg(QUrl(settings.url).toString(QUrl::RemoveUserInfo),
                locations.setting(QStringLiteral("gating.reviews.url"))));
}

DoctorResult ReviewServiceCheck::run(const Context &context) const
{
    const QString service = serviceName(m_settings.kind);
    const QString variable = m_settings.tokenEnvironmentVariable;
    const QString tokenPlace = m_locations.setting(QStringLiteral("gating.reviews.tokenEnv"));
    const QString urlPlace = m_locations.setting(QStringLiteral("gating.reviews.url"));
    if (variable.isEmpty())
        return broken(QStringLiteral("no token for %1").arg(service),
            QStringLiteral("name the variable holding a token with tokenEnv at %1")
                .arg(m_locations.place({ QStringLiteral("gating"), QStringLiteral("reviews") })));
    if (!m_environment.contains(variable))
        return broken(QStringLiteral("the environment variable %1 is not set").arg(variable),
            QStringLiteral("set %1 before starting Shipyard (%2)").arg(variable, tokenPlace));
    const QByteArray token = m_environment.value(variable).toUtf8();
    QString root = m_settings.url;
    while (root.endsWith(QLatin1Char('/')))
        root.chop(1);
    HttpRequest request;
    request.timeoutMs = context.timeoutMs();
    request.addHeader("Accept", "application/json");
    switch (m_settings.kind) {
    case ReviewSettings::Kind::Gerrit:
        request.url = QUrl(root + QStringLiteral("/a/accounts/self"));
        request.addHeader("Authorization", "Basic " + token.toBase64());
        break;
    case ReviewSettings::Kind::GitLab:
        request.url = QUrl(root + QStringLiteral("/api/v4/user"));
        request.addHeader("PRIVATE-TOKEN", token);
        break;
    case ReviewSettings::Kind::GitHub:
        request.url = QUrl(root + QStringLiteral("/user"));
        request.addHeader("Authorization", "Bearer " + token);
        break;
    case ReviewSettings::Kind::Trailers:
        return skipped(QStringLiteral("approvals come from commit trailers"));
    }
    const QString address = request.url.toString(QUrl::RemoveUserInfo);
    BoundedTransport transport(context.timeoutMs(), context.cancelled);
    const HttpResponse response = transport.send(request);
    if (response.failure != HttpResponse::Failure::None)
        return broken(QStringLiteral("%1: %2").arg(address, response.failureText),
            QStringLiteral("start %1 or make it reachable, or correct %2").arg(service, urlPlace));
    // GitHub says a used-up rate limit with 403 (or 429) and
    // x-ratelimit-remaining: 0, the others with 429: the token is good.
    if (response.status == 429 || (response.status == 403 && response.header("x-ratelimit-remaining") == "0")) {
        bool known = false;
        const qint64 reset = response.header("x-ratelimit-reset").toLongLong(&known);
        const QString until = known
            ? QStringLiteral(" until %1")
                  .arg(QDateTime::fromSecsSinceEpoch(reset, QTimeZone::UTC).toString(Qt::ISODate))
            : QString();
        return warning(QStringLiteral("%1 limits the requests of the token in %2 (HTTP %3)")
                           .arg(service, variable)
                           .arg(response.status),
            QStringLiteral("wait%1, or give Shipyard a token of its own (%2)").arg(until, tokenPlace));
    }
    if (response.status == 401 || response.status == 403)
        return broken(
            QStringLiteral("%1 refused the token in %2 (HTTP %3)").arg(service, variable).arg(response.status),
            QStringLiteral("set %1 to a valid token of %2 (%3)").arg(variable, service, tokenPlace));
    if (response.status != 200)
        return broken(QStringLiteral("%1 answered with HTTP %2").arg(address).arg(response.status),
            QStringLiteral("correct %1: it must name %2's API root").arg(urlPlace, service));
    const QJsonObject account = jsonOf(response.body);
    const QString who =
        account.value(QStringLiteral("username"))
            .toString(
                account.value(QStringLiteral("login")).toString(account.value(QStringLiteral("name")).toString()));
    if (who.isEmpty())
        return broken(QStringLiteral("%1 did not answer with an account").arg(address),
            QStringLiteral("correct %1: it must name %2's API root").arg(urlPlace, service));
    return ok(QStringLiteral("%1 at %2, signed in as %3").arg(service, QUrl(root).toString(QUrl::RemoveUserInfo), who));
}

} // namespace Shipyard
