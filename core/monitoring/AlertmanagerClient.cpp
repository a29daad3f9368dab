// SPDX-License-Identifier: GPL-2.0-or-later
#include "monitoring/AlertmanagerClient.h"

#include "http/CurlTransport.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace Shipyard {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Shipyard::AlertmanagerClient)
};

bool matchesAll(const QList<AlertMatcher> &matchers, const QMap<QString, QString> &labels)
{
    return std::all_of(
        matchers.cbegin(), matchers.cend(), [&](const AlertMatcher &matcher) { return matcher.matches(labels); });
}

} // namespace

AlertmanagerClient::AlertmanagerClient(const QUrl &baseUrl, std::shared_ptr<HttpTransport> transport)
    : m_baseUrl(baseUrl), m_transport(transport ? std::move(transport) : std::make_shared<CurlTransport>())
{ }

void AlertmanagerClient::setCredentials(const ServiceCredentials &credentials)
{
    m_authorization = ServiceAuthorization::from(credentials);
}

AlertmanagerClient::Answer AlertmanagerClient::alerts(const QList<AlertMatcher> &matchers) const
{
    Answer answer;
    if (!m_baseUrl.isValid() || m_baseUrl.host().isEmpty() ||
        (m_baseUrl.scheme() != QLatin1String("http") && m_baseUrl.scheme() != QLatin1String("https"))) {
        answer.errorKind = Answer::ErrorKind::Protocol;
        answer.error = Tr::tr("invalid Alertmanager URL: %1").arg(m_baseUrl.toString());
        return answer;
    }
    // Resolved alerts are never listed; unprocessed ones (just received,
    // not yet routed) are, for they fire all the same.
    QByteArray query = "active=true&silenced=false&inhibited=false&unprocessed=true";
    for (const AlertMatcher &matcher : matchers)
        query += "&filter=" + QUrl::toPercentEncoding(matcher.toString());
    QByteArray base = m_baseUrl.toEncoded(QUrl::RemoveQuery | QUrl::RemoveFragment);
    while (base.endsWith('/'))
        base.chop(1);
    if (!m_authorization.error.isEmpty()) {
        answer.errorKind = Answer::ErrorKind::Credentials;
        answer.error = Tr::tr("no credentials for Alertmanager: %1").arg(m_authorization.error);
        return answer;
    }
    HttpRequest request;
    request.url = QUrl::fromEncoded(QByteArray(base + "/api/v2/alerts?" + query), QUrl::StrictMode);
    if (!m_authorization.header.isEmpty())
        request.addHeader("Authorization", m_authorization.header);
    request.addHeader("Accept", "application/json");
    request.timeoutMs = m_timeoutMs;
    request.cancelled = m_cancelled;
    const HttpResponse response = m_transport->send(request);
    switch (response.failure) {
    case HttpResponse::Failure::None:
        break;
    case HttpResponse::Failure::Cancelled:
        answer.errorKind = Answer::ErrorKind::Cancelled;
        answer.error = Tr::tr("query to Alertmanager cancelled");
        return answer;
    case HttpResponse::Failure::TooLarge:
        answer.errorKind = Answer::ErrorKind::Protocol;
        answer.error =
            Tr::tr("Alertmanager sent more than %1 MiB").arg(CurlTransport::maximumBodySize / ReadLimits::mebibyte);
        return answer;
    default:
        answer.errorKind = Answer::ErrorKind::Unreachable;
        answer.error = Tr::tr("Alertmanager unreachable: %1 (%2)").arg(m_baseUrl.toString(), response.failureText);
        return answer;
    }
    if (const QString refused = ServiceAuthorization::refusal(
            QStringLiteral("Alertmanager"), response.status, !m_authorization.header.isEmpty());
        !refused.isEmpty()) {
        answer.errorKind = Answer::ErrorKind::Credentials;
        answer.error = refused;
        return answer;
    }
    answer = parse(response.status, response.body);
    // Held against a release only when it truly matches: a proxy or an
    // Alertmanager that ignores the filter must not pin every alert on it.
    answer.alerts.removeIf([&](const FiringAlert &alert) { return !matchesAll(matchers, alert.labels); });
    return answer;
}

AlertmanagerClient::Answer AlertmanagerClient::firing(const QList<AlertSelection> &selections) const
{
    Answer merged;
    QList<QList<AlertMatcher>> asked;
    for (const AlertSelection &selection : selections) {
        if (asked.contains(selection.matchers)) {
            // Matchers without ${SYSTEM} are the same for every system: one
            // request, the alerts named after the first system.
            continue;
        }
        asked.append(selection.matchers);
        Answer answer = alerts(selection.matchers);
        if (!answer.isAnswer())
            return answer;
        for (FiringAlert &alert : answer.alerts) {
            const bool known = std::any_of(merged.alerts.cbegin(), merged.alerts.cend(),
                [&](const FiringAlert &other) { return other.labels == alert.labels; });
            if (known)
                continue;
            alert.system = selection.system;
            merged.alerts.append(alert);
        }
    }
    return merged;
}

AlertmanagerClient::Answer AlertmanagerClient::parse(int httpStatus, const QByteArray &body)
{
    Answer answer;
    if (httpStatus < 200 || httpStatus >= 300) {
        // Alertmanager explains a bad request in a JSON string, proxies in a page of HTML.
        answer.errorKind = Answer::ErrorKind::Server;
        answer.error = Tr::tr("Alertmanager answered HTTP %1: %2")
                           .arg(httpStatus)
                           .arg(QString::fromUtf8(body.left(300)).simplified());
        return answer;
    }
    const QJsonDocument document = QJsonDocument::fromJson(body);
    if (!document.isArray()) {
        answer.errorKind = Answer::ErrorKind::Protocol;
        answer.error = Tr::tr("Alertmanager sent an answer that is not a list of alerts");
        return answer;
    }
    for (const QJsonValue &entry : document.array()) {
        const QJsonObject object = entry.toObject();
        const QJsonValue labels = object.value(QLatin1String("labels"));
        if (!labels.isObject()) {
            answer.alerts.clear();
            answer.errorKind = Answer::ErrorKind::Protocol;
            answer.error = Tr::tr("Alertmanager sent an alert without labels");
            return answer;
        }
        const QString state = object.value(QLatin1String("status")).toObject().value(QLatin1String("state")).toString();
        // Asked for unsilenced, uninhibited ones only; a server that sends
        // others anyway is not believed on them.
        if (state == QLatin1String("suppressed"))
            continue;
        FiringAlert alert;
        alert.fingerprint = object.value(QLatin1String("fingerprint")).toString();
        const QJsonObject labelObject = labels.toObject();
        for (auto it = labelObject.begin(); it != labelObject.end(); ++it)
            alert.labels.insert(it.key(), it.value().toString());
        const QJsonObject annotations = object.value(QLatin1String("annotations")).toObject();
        alert.summary = annotations.value(QLatin1String("summary")).toString();
        if (alert.summary.isEmpty())
            alert.summary = annotations.value(QLatin1String("description")).toString();
        alert.summary = alert.summary.simplified().left(500);
        alert.startsAt =
            QDateTime::fromString(object.value(QLatin1String("startsAt")).toString(), Qt::ISODateWithMs).toUTC();
        answer.alerts.append(alert);
    }
    return answer;
}

} // namespace Shipyard
