// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QHostAddress>
#include <QObject>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

#include <functional>

namespace Shipyard::TestSupport {

// A TCP server on 127.0.0.1 in a thread of its own, so that it answers
// while the test's thread blocks (a Delivery waited for, a blocking call).
// Each connection is handed to the handler in that thread; the handler
// reads and writes through the socket's signals.
class TcpTestServer
{
public:
    using Handler = std::function<void(QTcpSocket *socket)>;

    explicit TcpTestServer(Handler handler) : m_handler(std::move(handler))
    {
        m_context = new QObject;
        m_context->moveToThread(&m_thread);
        m_thread.start();
        QMetaObject::invokeMethod(
            m_context,
            [this] {
                m_server = new QTcpServer;
                if (!m_server->listen(QHostAddress::LocalHost))
                    return;
                m_port = m_server->serverPort();
                QObject::connect(m_server, &QTcpServer::newConnection, m_server, [this] {
                    while (QTcpSocket *socket = m_server->nextPendingConnection())
                        m_handler(socket);
                });
            },
            Qt::BlockingQueuedConnection);
    }
    ~TcpTestServer()
    {
        QMetaObject::invokeMethod(m_context, [this] { delete m_server; }, Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
        delete m_context;
    }
    TcpTestServer(const TcpTestServer &) = delete;
    TcpTestServer &operator=(const TcpTestServer &) = delete;

    quint16 port() const { return m_port; }

private:
    Handler m_handler;
    QThread m_thread;
    QObject *m_context = nullptr;
    QTcpServer *m_server = nullptr;
    quint16 m_port = 0;
};

} // namespace Shipyard::TestSupport
