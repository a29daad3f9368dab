// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "http/SmtpClient.h"
#include "notify/NotificationSink.h"

#include <QByteArray>
#include <QDateTime>

#include <chrono>

namespace Shipyard {

// A mail per notification to a channel's recipients, over SMTP (libcurl:
// smtp:// with STARTTLS when the channel asks for it, smtps://, SMTP AUTH
// with the credentials from the variables the channel names).
class SmtpSink : public NotificationSink
{
public:
    // MAIL: where and how to send, with its credentials; its message is
    // made per notification.
    SmtpSink(SmtpClient::Mail mail, std::chrono::milliseconds timeout);

    QString send(const Notification &notification) override;

    // The message for NOTIFICATION from FROM to TO: From, To, Subject (the
    // title, RFC 2047 encoded when it is not ASCII), Date, Message-ID (ID
    // at FROM's domain), a plain UTF-8 text body; lines end in CRLF.
    static QByteArray message(const Notification &notification, const QString &from, const QStringList &to,
        const QDateTime &date, const QString &id);
    // TEXT as a header's value: as it is when ASCII, else RFC 2047
    // encoded-words of at most 75 characters; never a line break.
    static QByteArray headerValue(const QString &text);

private:
    SmtpClient::Mail m_mail;
};

} // namespace Shipyard
