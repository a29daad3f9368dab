// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

// Fixtures for the core/git tests: real repositories made with the git
// program (core itself never runs it) and real servers on 127.0.0.1.

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTest>

#include <memory>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace GitTest {

// Runs git in dir with a fixed identity; fails the test when git fails.
inline QByteArray git(const QString &dir, const QStringList &arguments, bool mustSucceed = true)
{
    QProcess process;
    process.setWorkingDirectory(dir);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("GIT_AUTHOR_NAME"), QStringLiteral("Alice Author"));
    environment.insert(QStringLiteral("GIT_AUTHOR_EMAIL"), QStringLiteral("alice@example.org"));
    environment.insert(QStringLiteral("GIT_COMMITTER_NAME"), QStringLiteral("Alice Author"));
    environment.insert(QStringLiteral("GIT_COMMITTER_EMAIL"), QStringLiteral("alice@example.org"));
    environment.insert(QStringLiteral("GIT_CONFIG_NOSYSTEM"), QStringLiteral("1"));
    environment.insert(QStringLiteral("HOME"), dir);
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral("git"), arguments);
    process.waitForFinished(60000);
    const QByteArray output = process.readAllStandardOutput();
    if (mustSucceed && (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0))
        qWarning() << "git" << arguments.join(QLatin1Char(' ')).left(200)
                   << "failed:" << process.readAllStandardError();
    return output.trimmed();
}

inline void writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
}

inline QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// A fresh repository with one commit on main.
inline void initRepository(const QString &dir)
{
    QDir().mkpath(dir);
    git(dir, { QStringLiteral("init"), QStringLiteral("-q"), QStringLiteral("-b"), QStringLiteral("main") });
    git(dir, { QStringLiteral("config"), QStringLiteral("user.name"), QStringLiteral("Alice Author") });
    git(dir, { QStringLiteral("config"), QStringLiteral("user.email"), QStringLiteral("alice@example.org") });
    writeFile(dir + QStringLiteral("/README"), "line 1\nline 2\nline 3\n");
    git(dir, { QStringLiteral("add"), QStringLiteral("-A") });
    git(dir,
        { QStringLiteral("commit"), QStringLiteral("-q"), QStringLiteral("-m"), QStringLiteral("Initial commit") });
}

inline QString commit(const QString &dir, const QString &file, const QByteArray &content, const QString &message)
{
    writeFile(dir + QLatin1Char('/') + file, content);
    git(dir, { QStringLiteral("add"), QStringLiteral("-A") });
    // Through a file: huge messages do not fit on a command line.
    const QString messageFile = dir + QStringLiteral("/../commit-message.txt");
    writeFile(messageFile, message.toUtf8());
    git(dir,
        { QStringLiteral("commit"), QStringLiteral("-q"), QStringLiteral("--cleanup=verbatim"), QStringLiteral("-F"),
            messageFile });
    return QString::fromLatin1(git(dir, { QStringLiteral("rev-parse"), QStringLiteral("HEAD") }));
}

// A port nobody listens on right now.
inline int freePort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address = {};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    ::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof address);
    socklen_t length = sizeof address;
    ::getsockname(fd, reinterpret_cast<sockaddr *>(&address), &length);
    ::close(fd);
    return ntohs(address.sin_port);
}

inline bool waitForPort(int port, int milliseconds = 10000)
{
    for (int waited = 0; waited < milliseconds; waited += 50) {
        const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address = {};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        address.sin_port = htons(quint16(port));
        const bool connected = ::connect(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) == 0;
        ::close(fd);
        if (connected)
            return true;
        QTest::qWait(50);
    }
    return false;
}

// A server process that dies with the test object.
struct Server
{
    std::unique_ptr<QProcess> process;
    int port = 0;
    ~Server()
    {
        if (process && process->state() != QProcess::NotRunning) {
            process->kill();
            process->waitForFinished(5000);
        }
    }
};

// git daemon serving every repository under root, push allowed.
inline std::unique_ptr<Server> startGitDaemon(const QString &root)
{
    auto server = std::make_unique<Server>();
    server->port = freePort();
    server->process = std::make_unique<QProcess>();
    server->process->start(QStringLiteral("git"),
        { QStringLiteral("daemon"), QStringLiteral("--reuseaddr"), QStringLiteral("--export-all"),
            QStringLiteral("--enable=receive-pack"), QStringLiteral("--listen=127.0.0.1"),
            QStringLiteral("--port=%1").arg(server->port), QStringLiteral("--base-path=") + root, root });
    if (!server->process->waitForStarted() || !waitForPort(server->port))
        return nullptr;
    return server;
}

// git http-backend behind a small Python server with basic authentication.
inline std::unique_ptr<Server> startHttpServer(const QString &root, const QString &user, const QString &password)
{
    auto server = std::make_unique<Server>();
    server->process = std::make_unique<QProcess>();
    server->process->start(QStringLiteral("python3"),
        { QStringLiteral(SHIPYARD_SOURCE_DIR "/tests/shared/git-http-server.py"), root, user, password });
    if (!server->process->waitForStarted() || !server->process->waitForReadyRead(10000))
        return nullptr;
    server->port = server->process->readLine().trimmed().toInt();
    if (server->port <= 0 || !waitForPort(server->port))
        return nullptr;
    return server;
}

} // namespace GitTest
