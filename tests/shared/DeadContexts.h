// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

// Two contexts no one answers, for tests that a dead cluster never delays the
// live ones: "closed" points at a port nothing listens on (refused at once),
// "hung" at a server that accepts TCP and then never says a word (no TLS
// handshake, no HTTP), the way an overloaded apiserver or a black-holed VPN
// looks from the client.

#include <QFile>
#include <QString>
#include <QTcpServer>
#include <QTcpSocket>

#include <memory>
#include <vector>

class DeadContexts
{
public:
    // Listens for the hung context; the closed one gets a port that was free a moment ago.
    bool start()
    {
        QTcpServer probe;
        if (!probe.listen(QHostAddress::LocalHost))
            return false;
        m_closedPort = probe.serverPort();
        probe.close();
        if (!m_hung.listen(QHostAddress::LocalHost))
            return false;
        // Accepted connections are kept open and never read or written.
        QObject::connect(&m_hung, &QTcpServer::newConnection, &m_hung, [this] {
            while (QTcpSocket *socket = m_hung.nextPendingConnection())
                m_accepted.emplace_back(socket);
        });
        return true;
    }

    quint16 closedPort() const { return m_closedPort; }
    quint16 hungPort() const { return m_hung.serverPort(); }
    qsizetype acceptedConnections() const { return qsizetype(m_accepted.size()); }

    // A kubeconfig with the contexts "closed" and "hung" (token users), to be
    // merged after the local cluster's through KUBECONFIG.
    bool writeKubeconfig(const QString &path) const
    {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return false;
        file.write(QStringLiteral("apiVersion: v1\nkind: Config\nclusters:\n"
                                  "- name: closed\n  cluster: {server: 'https://127.0.0.1:%1', "
                                  "insecure-skip-tls-verify: true}\n"
                                  "- name: hung\n  cluster: {server: 'https://127.0.0.1:%2', "
                                  "insecure-skip-tls-verify: true}\n"
                                  "users:\n- name: nobody\n  user: {token: not-a-real-token}\n"
                                  "contexts:\n"
                                  "- name: closed\n  context: {cluster: closed, user: nobody}\n"
                                  "- name: hung\n  context: {cluster: hung, user: nobody}\n")
                .arg(m_closedPort)
                .arg(hungPort())
                .toUtf8());
        return true;
    }

private:
    QTcpServer m_hung;
    std::vector<std::unique_ptr<QTcpSocket>> m_accepted;
    quint16 m_closedPort = 0;
};
