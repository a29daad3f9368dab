// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "TcpTestServer.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <mutex>

namespace Shipyard::TestSupport {

// A mail server for tests that speaks as much SMTP (RFC 5321) as a client
// needs to hand over a mail: EHLO/HELO, AUTH PLAIN and LOGIN (RFC 4954),
// MAIL FROM, RCPT TO, DATA (dot-stuffing undone), RSET, NOOP, QUIT. It
// records every mail it accepts. With credentials set, it refuses mail
// before a successful AUTH, as a submission server does; Hang accepts the
// connection and never greets.
class SmtpTestServer
{
public:
    enum class Behaviour { Answer, Hang };

    struct Mail
    {
        QString authUser; // empty: no AUTH
        QString authMechanism;
        QString from;
        QStringList to;
        QByteArray data; // headers and body as received, CRLF line ends, without the final "."
        QByteArray header(const QByteArray &name) const
        {
            for (const QByteArray &line : data.left(data.indexOf("\r\n\r\n")).split('\n')) {
                if (line.toLower().startsWith(QByteArray(name.toLower() + ':')))
                    return line.mid(name.size() + 1).trimmed();
            }
            return {};
        }
        QByteArray body() const { return data.mid(data.indexOf("\r\n\r\n") + 4); }
    };

    // MECHANISMS: the AUTH mechanisms EHLO offers.
    explicit SmtpTestServer(QString user = {}, QString password = {}, Behaviour behaviour = Behaviour::Answer,
        QByteArray mechanisms = "PLAIN LOGIN")
        : m_state(std::make_shared<State>())
        , m_server([state = m_state, user, password, behaviour, mechanisms](QTcpSocket *socket) {
            QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            if (behaviour == Behaviour::Hang)
                return;
            auto session = std::make_shared<Session>();
            socket->write("220 127.0.0.1 ESMTP test\r\n");
            QObject::connect(socket, &QTcpSocket::readyRead, socket, [=] {
                while (socket->canReadLine()) {
                    const QByteArray line = socket->readLine();
                    const QByteArray reply = session->take(line, user, password, mechanisms, *state);
                    if (!reply.isEmpty())
                        socket->write(reply);
                    if (reply.startsWith("221")) {
                        socket->disconnectFromHost();
                        return;
                    }
                }
            });
        })
    { }

    quint16 port() const { return m_server.port(); }
    QList<Mail> mails() const
    {
        std::lock_guard lock(m_state->mutex);
        return m_state->mails;
    }
    // Every line clients sent, as sent (AUTH lines included), to look for what must not be there.
    QByteArray transcript() const
    {
        std::lock_guard lock(m_state->mutex);
        return m_state->transcript;
    }

private:
    struct State
    {
        mutable std::mutex mutex;
        QList<Mail> mails;
        QByteArray transcript;
    };

    struct Session
    {
        enum class Expect { Command, PlainResponse, LoginUser, LoginPassword, Data };
        Expect expect = Expect::Command;
        bool authenticated = false;
        QString loginUser;
        Mail mail;

        QByteArray authenticate(const QString &givenUser, const QString &givenPassword, const QString &user,
            const QString &password, const QString &mechanism)
        {
            if (givenUser == user && givenPassword == password && !user.isEmpty()) {
                authenticated = true;
                mail.authUser = givenUser;
                mail.authMechanism = mechanism;
                return "235 2.7.0 Authentication successful\r\n";
            }
            return "535 5.7.8 Authentication credentials invalid\r\n";
        }

        QByteArray plain(const QByteArray &base64, const QString &user, const QString &password)
        {
            const QList<QByteArray> parts = QByteArray::fromBase64(base64.trimmed()).split('\0');
            return authenticate(QString::fromUtf8(parts.value(1)), QString::fromUtf8(parts.value(2)), user, password,
                QStringLiteral("PLAIN"));
        }

        QByteArray take(const QByteArray &line, const QString &user, const QString &password,
            const QByteArray &mechanisms, State &state)
        {
            {
                std::lock_guard lock(state.mutex);
                state.transcript += line;
            }
            switch (expect) {
            case Expect::Data:
                if (line == ".\r\n" || line == ".\n") {
                    expect = Expect::Command;
                    std::lock_guard lock(state.mutex);
                    state.mails.append(mail);
                    mail = Mail { mail.authUser, mail.authMechanism, {}, {}, {} };
                    return "250 2.0.0 queued\r\n";
                }
                mail.data += line.startsWith("..") ? line.mid(1) : line;
                return {};
            case Expect::PlainResponse:
                expect = Expect::Command;
                return plain(line, user, password);
            case Expect::LoginUser:
                loginUser = QString::fromUtf8(QByteArray::fromBase64(line.trimmed()));
                expect = Expect::LoginPassword;
                return "334 UGFzc3dvcmQ6\r\n";
            case Expect::LoginPassword:
                expect = Expect::Command;
                return authenticate(loginUser, QString::fromUtf8(QByteArray::fromBase64(line.trimmed())), user,
                    password, QStringLiteral("LOGIN"));
            case Expect::Command:
                break;
            }
            const QByteArray command = line.trimmed();
            const QByteArray verb =
                command.left(command.indexOf(' ') < 0 ? command.size() : command.indexOf(' ')).toUpper();
            const QByteArray argument = command.mid(verb.size()).trimmed();
            if (verb == "EHLO")
                return "250-127.0.0.1\r\n250-AUTH " + mechanisms + "\r\n250-8BITMIME\r\n250 SIZE 1000000\r\n";
            if (verb == "HELO")
                return "250 127.0.0.1\r\n";
            if (verb == "AUTH") {
                const QList<QByteArray> words = argument.split(' ');
                if (!mechanisms.split(' ').contains(words.value(0).toUpper()))
                    return "504 5.5.4 Unrecognized authentication type\r\n";
                if (words.value(0).toUpper() == "PLAIN") {
                    if (words.size() > 1)
                        return plain(words.value(1), user, password);
                    expect = Expect::PlainResponse;
                    return "334 \r\n";
                }
                if (words.value(0).toUpper() == "LOGIN") {
                    if (words.size() > 1) {
                        loginUser = QString::fromUtf8(QByteArray::fromBase64(words.value(1)));
                        expect = Expect::LoginPassword;
                        return "334 UGFzc3dvcmQ6\r\n";
                    }
                    expect = Expect::LoginUser;
                    return "334 VXNlcm5hbWU6\r\n";
                }
                return "504 5.5.4 Unrecognized authentication type\r\n";
            }
            if (verb == "MAIL") {
                if (!user.isEmpty() && !authenticated)
                    return "530 5.7.0 Authentication required\r\n";
                mail.from = QString::fromUtf8(
                    argument.mid(argument.indexOf('<') + 1, argument.indexOf('>') - argument.indexOf('<') - 1));
                mail.to.clear();
                return "250 2.1.0 Ok\r\n";
            }
            if (verb == "RCPT") {
                mail.to.append(QString::fromUtf8(
                    argument.mid(argument.indexOf('<') + 1, argument.indexOf('>') - argument.indexOf('<') - 1)));
                return "250 2.1.5 Ok\r\n";
            }
            if (verb == "DATA") {
                if (mail.to.isEmpty())
                    return "554 5.5.1 No valid recipients\r\n";
                expect = Expect::Data;
                return "354 End data with <CR><LF>.<CR><LF>\r\n";
            }
            if (verb == "RSET" || verb == "NOOP")
                return "250 2.0.0 Ok\r\n";
            if (verb == "QUIT")
                return "221 2.0.0 Bye\r\n";
            return "502 5.5.2 Command not recognized\r\n";
        }
    };

    std::shared_ptr<State> m_state;
    TcpTestServer m_server;
};

} // namespace Shipyard::TestSupport
