// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "TcpTestServer.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>

#include <memory>
#include <mutex>

namespace Shipyard::TestSupport {

// A chat's incoming webhook as Slack, Mattermost and Rocket.Chat document
// it: each POST is recorded and answered 200 "ok" (Slack's and
// Mattermost's answer), or with another status, or never (a server that
// hangs).
class HttpTestSink
{
public:
    enum class Behaviour { Answer, Hang };

    struct Request
    {
        QByteArray method;
        QByteArray path; // with its query
        QMap<QByteArray, QByteArray> headers; // names in lower case
        QByteArray body;
    };

    explicit HttpTestSink(Behaviour behaviour = Behaviour::Answer, int status = 200)
        : m_state(std::make_shared<State>()), m_server([state = m_state, behaviour, status](QTcpSocket *socket) {
            auto buffer = std::make_shared<QByteArray>();
            QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            QObject::connect(socket, &QTcpSocket::readyRead, socket, [=] {
                buffer->append(socket->readAll());
                const qsizetype end = buffer->indexOf("\r\n\r\n");
                if (end < 0)
                    return;
                Request request;
                const QList<QByteArray> lines = buffer->left(end).split('\n');
                const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
                request.method = first.value(0);
                request.path = first.value(1);
                for (qsizetype i = 1; i < lines.size(); ++i) {
                    const qsizetype colon = lines[i].indexOf(':');
                    if (colon > 0)
                        request.headers.insert(
                            lines[i].left(colon).trimmed().toLower(), lines[i].mid(colon + 1).trimmed());
                }
                const qsizetype length = request.headers.value("content-length").toLongLong();
                if (buffer->size() < end + 4 + length)
                    return;
                request.body = buffer->mid(end + 4, length);
                buffer->clear();
                {
                    std::lock_guard lock(state->mutex);
                    state->requests.append(request);
                }
                if (behaviour == Behaviour::Hang)
                    return;
                const QByteArray body = status == 200 ? QByteArray("ok") : QByteArray("no_service");
                socket->write("HTTP/1.1 " + QByteArray::number(status) +
                    " Status\r\nContent-Type: text/plain\r\n"
                    "Content-Length: " +
                    QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
                socket->disconnectFromHost();
            });
        })
    { }

    quint16 port() const { return m_server.port(); }
    // A webhook URL on this sink with a token in its path, as Slack's and Mattermost's have.
    QString url(const QString &token) const
    {
        return QStringLiteral("http://127.0.0.1:%1/hooks/%2").arg(port()).arg(token);
    }
    QList<Request> requests() const
    {
        std::lock_guard lock(m_state->mutex);
        return m_state->requests;
    }

private:
    struct State
    {
        mutable std::mutex mutex;
        QList<Request> requests;
    };
    std::shared_ptr<State> m_state;
    TcpTestServer m_server;
};

} // namespace Shipyard::TestSupport
