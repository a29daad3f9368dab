// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QFile>
#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>

// auth-recording-server.py for one test: an HTTP server on 127.0.0.1 that
// asks for basic authentication and records, per request, whether
// credentials came (never their value).
class AuthRecordingServer
{
public:
    AuthRecordingServer()
    {
        m_log = m_dir.filePath(QStringLiteral("requests.log"));
        m_process.start(QStringLiteral("python3"),
            { QStringLiteral(SHIPYARD_SOURCE_DIR "/tests/shared/auth-recording-server.py"), m_log });
        if (m_process.waitForStarted() && m_process.waitForReadyRead(10000))
            m_port = m_process.readLine().trimmed().toInt();
    }
    ~AuthRecordingServer()
    {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
    AuthRecordingServer(const AuthRecordingServer &) = delete;
    AuthRecordingServer &operator=(const AuthRecordingServer &) = delete;

    bool isListening() const { return m_port > 0; }
    QString address() const { return QStringLiteral("127.0.0.1:%1").arg(m_port); }

    // "METHOD PATH authorization|anonymous|none", one per request, in order;
    // anonymous is the empty basic authentication buildah sends without a login.
    QStringList requests() const
    {
        QFile file(m_log);
        if (!file.open(QIODevice::ReadOnly))
            return {};
        QStringList lines;
        while (!file.atEnd())
            lines.append(QString::fromUtf8(file.readLine()).trimmed());
        return lines;
    }

private:
    QTemporaryDir m_dir;
    QString m_log;
    QProcess m_process;
    int m_port = 0;
};
