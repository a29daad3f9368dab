// SPDX-License-Identifier: GPL-2.0-or-later
#include "RobotEndpoint.h"

#include "pipeline/RobotMetrics.h"
#include "webhooks/WebhookReceiver.h"

#include <QHttpServer>
#include <QHttpServerResponse>
#include <QTcpServer>

namespace Shipyard::Ctl {

RobotEndpoint::RobotEndpoint(RobotMetrics &metrics) : m_metrics(metrics)
{ }

void RobotEndpoint::setWebhooks(const WebhookReceiver *receiver, Answered answered)
{
    m_webhooks = receiver;
    m_answered = std::move(answered);
}

RobotEndpoint::~RobotEndpoint()
{
    quit();
    wait();
}

bool RobotEndpoint::listen(const QString &address, QString *error)
{
    m_requested = address;
    start();
    m_started.acquire();
    if (!m_error.isEmpty()) {
        wait();
        if (error)
            *error = m_error;
        return false;
    }
    return true;
}

void RobotEndpoint::run()
{
    const qsizetype colon = m_requested.lastIndexOf(QLatin1Char(':'));
    bool portOk = false;
    const uint port = m_requested.mid(colon + 1).toUInt(&portOk);
    const QString host = colon > 0 ? m_requested.left(colon) : QString();
    const QHostAddress bindTo = host.isEmpty() ? QHostAddress(QHostAddress::Any) : QHostAddress(host);
    if (colon < 0 || !portOk || port > 65535 || bindTo.isNull()) {
        m_error = QStringLiteral("--listen wants HOST:PORT or :PORT, not %1").arg(m_requested);
        m_started.release();
        return;
    }

    QHttpServer server;
    server.route(QStringLiteral("/metrics"), QHttpServerRequest::Method::Get, [this] {
        return QHttpServerResponse(
            QByteArrayLiteral("text/plain; version=0.0.4; charset=utf-8"), m_metrics.exposition());
    });
    server.route(QStringLiteral("/healthz"), QHttpServerRequest::Method::Get,
        [] { return QHttpServerResponse(QByteArrayLiteral("text/plain"), QByteArrayLiteral("ok\n")); });
    server.route(QStringLiteral("/readyz"), QHttpServerRequest::Method::Get, [this] {
        QString why;
        if (m_metrics.ready(&why))
            return QHttpServerResponse(QByteArrayLiteral("text/plain"), QByteArrayLiteral("ok\n"));
        return QHttpServerResponse(QByteArrayLiteral("text/plain"), (why + QLatin1Char('\n')).toUtf8(),
            QHttpServerResponder::StatusCode::ServiceUnavailable);
    });
    if (m_webhooks) {
        server.route(QStringLiteral("/webhooks/<arg>"), QHttpServerRequest::Method::Post,
            [this](const QString &source, const QHttpServerRequest &request) {
                WebhookRequest webhook;
                webhook.headers = request.headers().toListOfPairs();
                webhook.query = request.query();
                webhook.body = request.body();
                const WebhookResult result = m_webhooks->receive(source, webhook);
                // Unknown sources are not counted: a label per path anyone may send would grow forever.
                const QString counted = WebhookReceiver::sources().contains(source) ? source : QStringLiteral("other");
                m_metrics.observeWebhook(counted, WebhookResult::keyword(result.verdict));
                if (m_answered)
                    m_answered(counted, result);
                return QHttpServerResponse(QByteArrayLiteral("text/plain"),
                    (result.reason + QLatin1Char('\n')).toUtf8(),
                    QHttpServerResponder::StatusCode(result.httpStatus()));
            });
    }
    auto *tcp = new QTcpServer(&server);
    if (!tcp->listen(bindTo, quint16(port)) || !server.bind(tcp)) {
        m_error = QStringLiteral("cannot listen on %1: %2").arg(m_requested, tcp->errorString());
        m_started.release();
        return;
    }
    m_address = QStringLiteral("%1:%2").arg(host.isEmpty() ? QStringLiteral("*") : host).arg(tcp->serverPort());
    m_started.release();
    exec();
}

} // namespace Shipyard::Ctl
