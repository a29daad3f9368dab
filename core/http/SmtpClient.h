// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace Shipyard {

// One mail handed to an SMTP server by libcurl (smtp:// and smtps://), as
// CurlTransport does HTTP: blocking, with a timeout for the whole exchange.
class SmtpClient
{
public:
    struct Mail
    {
        QUrl server; // smtp://host[:port] or smtps://host[:port]
        bool startTls = false; // smtp://: STARTTLS required (CURLUSESSL_ALL)
        QString username; // SMTP AUTH when set; libcurl picks PLAIN or LOGIN as offered
        QString password;
        QString from; // MAIL FROM
        QStringList to; // RCPT TO, each
        QByteArray message; // headers and body, lines ending in CRLF
        int timeoutMs = 10000;
    };

    // Empty when the server took the mail; otherwise libcurl's or the
    // server's reason (never the password).
    static QString send(const Mail &mail);
};

} // namespace Shipyard
