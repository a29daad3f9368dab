// SPDX-License-Identifier: GPL-2.0-or-later
#include "monitoring/PrometheusClient.h"

#include "http/CurlTransport.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <limits>

namespace Shipyard {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Shipyard::PrometheusClient)
};

// Prometheus sends sample values as strings, "NaN" and "+Inf" included.
std::optional<double> parseValue(const QJsonValue &value)
{
    const QString text = value.toString();
    if (text == QLatin1String("NaN"))
        return std::numeric_limits<double>::quiet_NaN();
    if (text == QLatin1String("+Inf"))
        return std::numeric_limits<double>::infinity();
    if (text == QLatin1String("-Inf"))
        return -std::numeric_limits<double>::infinity();
    bool ok = false;
    const double number = text.toDouble(&ok); // QString::toDouble is C-locale
    return ok ? std::optional<double>(number) : std::nullopt;
}

// [ <unix time>, "<value>" ]
bool parsePair(const QJsonValue &pair, PrometheusResult::Sample *sample)
{
    const QJsonArray array = pair.toArray();
    if (array.size() != 2 || !array.at(0).isDouble())
        return false;
    const std::optional<double> value = parseValue(array.at(1));
    if (!value)
        return false;
    sample->timestamp = array.at(0).toDouble();
    sample->value = *value;
    return true;
}

} // namespace

PrometheusClient::PrometheusClient(const QUrl &baseUrl, std::shared_ptr<HttpTransport> transport)
    : m_baseUrl(baseUrl), m_transport(transport ? std::move(transport) : std::make_shared<CurlTransport>())
{ }

PrometheusResult PrometheusClient::query(const QString &promql, const QDateTime &time) const
{
    // A form body rather than a query string: PromQL is long and full of
    // characters that need escaping, and Prometheus accepts both.
    QByteArray form = "query=" + QUrl::toPercentEncoding(promql);
    if (time.isValid())
        form += "&time=" + QByteArray::number(double(time.toMSecsSinceEpoch()) / 1000.0, 'f', 3);
    return post("/api/v1/query", form);
}

PrometheusResult PrometheusClient::queryRange(
    const QString &promql, const QDateTime &start, const QDateTime &end, int stepSeconds) const
{
    const QByteArray form = "query=" + QUrl::toPercentEncoding(promql) +
        "&start=" + QByteArray::number(double(start.toMSecsSinceEpoch()) / 1000.0, 'f', 3) +
        "&end=" + QByteArray::number(double(end.toMSecsSinceEpoch()) / 1000.0, 'f', 3) +
        "&step=" + QByteArray::number(std::max(1, stepSeconds));
    return post("/api/v1/query_range", form);
}

PrometheusResult PrometheusClient::post(const char *endpoint, const QByteArray &form) const
{
    PrometheusResult result;
    if (!m_baseUrl.isValid() || m_baseUrl.host().isEmpty() ||
        (m_baseUrl.scheme() != QLatin1String("http") && m_baseUrl.scheme() != QLatin1String("https"))) {
        result.errorKind = PrometheusResult::ErrorKind::Protocol;
        result.errorText = Tr::tr("invalid Prometheus URL: %1").arg(m_baseUrl.toString());
        return result;
    }
    if (!m_authorization.error.isEmpty()) {
        result.errorKind = PrometheusResult::ErrorKind::Credentials;
        result.errorText = Tr::tr("no credentials for Prometheus: %1").arg(m_authorization.error);
        return result;
    }
    HttpRequest request;
    request.method = "POST";
    if (!m_authorization.header.isEmpty())
        request.addHeader("Authorization", m_authorization.header);
    QString base = m_baseUrl.toString();
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    request.url = QUrl(base + QLatin1String(endpoint));
    request.addHeader("Content-Type", "application/x-www-form-urlencoded");
    request.body = form;
    request.timeoutMs = m_timeoutMs;
    request.cancelled = m_cancelled;
    const HttpResponse response = m_transport->send(request);
    switch (response.failure) {
    case HttpResponse::Failure::None:
        break;
    case HttpResponse::Failure::Cancelled:
        result.errorKind = PrometheusResult::ErrorKind::Cancelled;
        result.errorText = Tr::tr("query to Prometheus cancelled");
        return result;
    default:
        result.errorKind = PrometheusResult::ErrorKind::Unreachable;
        result.errorText = Tr::tr("Prometheus unreachable: %1 (%2)").arg(m_baseUrl.toString(), response.failureText);
        return result;
    }
    if (const QString refused = ServiceAuthorization::refusal(
            QStringLiteral("Prometheus"), response.status, !m_authorization.header.isEmpty());
        !refused.isEmpty()) {
        result.errorKind = PrometheusResult::ErrorKind::Credentials;
        result.errorText = refused;
        return result;
    }
    return parse(response.status, response.body);
}

void PrometheusClient::setCredentials(const ServiceCredentials &credentials)
{
    m_authorization = ServiceAuthorization::from(credentials);
}

PrometheusResult PrometheusClient::parse(int httpStatus, const QByteArray &body)
{
    PrometheusResult result;
    const QJsonObject object = QJsonDocument::fromJson(body).object();
    const QString status = object.value(QLatin1String("status")).toString();
    for (const QJsonValue &warning : object.value(QLatin1String("warnings")).toArray())
        result.warnings.append(warning.toString());
    if (status == QLatin1String("error") || httpStatus < 200 || httpStatus >= 300) {
        const QString errorType = object.value(QLatin1String("errorType")).toString();
        const QString error = object.value(QLatin1String("error")).toString();
        if (errorType == QLatin1String("bad_data") || httpStatus == 400 || httpStatus == 422) {
            result.errorKind = PrometheusResult::ErrorKind::BadQuery;
            result.errorText = Tr::tr("Prometheus rejected the query: %1").arg(error.isEmpty() ? errorType : error);
        } else {
            result.errorKind = PrometheusResult::ErrorKind::Server;
            result.errorText = error.isEmpty()
                ? Tr::tr("Prometheus answered HTTP %1").arg(httpStatus)
                : Tr::tr("Prometheus failed to run the query (HTTP %1, %2): %3").arg(httpStatus).arg(errorType, error);
        }
        return result;
    }
    if (status != QLatin1String("success")) {
        result.errorKind = PrometheusResult::ErrorKind::Protocol;
        result.errorText = Tr::tr("Prometheus sent an answer that is not an API response");
        return result;
    }

    const QJsonObject data = object.value(QLatin1String("data")).toObject();
    result.resultType = data.value(QLatin1String("resultType")).toString();
    const QJsonValue value = data.value(QLatin1String("result"));
    bool ok = true;
    if (result.resultType == QLatin1String("scalar")) {
        PrometheusResult::Sample sample;
        ok = parsePair(value, &sample);
        result.samples.append(sample);
    } else if (result.resultType == QLatin1String("vector")) {
        for (const QJsonValue &entry : value.toArray()) {
            const QJsonObject series = entry.toObject();
            PrometheusResult::Sample sample;
            const QJsonObject metric = series.value(QLatin1String("metric")).toObject();
            for (auto it = metric.begin(); it != metric.end(); ++it)
                sample.labels.insert(it.key(), it.value().toString());
            ok = ok && parsePair(series.value(QLatin1String("value")), &sample);
            result.samples.append(sample);
        }
    } else if (result.resultType == QLatin1String("matrix")) {
        for (const QJsonValue &entry : value.toArray()) {
            const QJsonObject series = entry.toObject();
            QMap<QString, QString> labels;
            const QJsonObject metric = series.value(QLatin1String("metric")).toObject();
            for (auto it = metric.begin(); it != metric.end(); ++it)
                labels.insert(it.key(), it.value().toString());
            for (const QJsonValue &pair : series.value(QLatin1String("values")).toArray()) {
                PrometheusResult::Sample sample;
                sample.labels = labels;
                ok = ok && parsePair(pair, &sample);
                result.samples.append(sample);
            }
        }
    } else if (result.resultType != QLatin1String("string")) {
        ok = false;
    }
    if (!ok) {
        result.samples.clear();
        result.errorKind = PrometheusResult::ErrorKind::Protocol;
        result.errorText = Tr::tr("Prometheus sent a result that cannot be read (type “%1”)").arg(result.resultType);
    }
    return result;
}

} // namespace Shipyard
