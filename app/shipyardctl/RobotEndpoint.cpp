// SPDX-License-Identifier: GPL-2.0-or-later
#include "RobotEndpoint.h"

#include "pipeline/RobotMetrics.h"

#include <QHttpServer>
#include <QHttpServerResponse>
#include <QTcpServer>

namespace Shipyard::Ctl {

RobotEndpoint::RobotEndpoint(const RobotMetrics &metrics) : m_metrics(metrics)
{ }

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
