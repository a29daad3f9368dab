// SPDX-License-Identifier: GPL-2.0-or-later
#include "notify/SmtpSink.h"

#include <QLocale>
#include <QUuid>

namespace Shipyard {

namespace {

// Lines of a mail are at most 998 bytes (RFC 5322); longer ones are cut.
constexpr qsizetype longestLine = 998;

QByteArray bodyLines(const QString &text)
{
    QByteArray body;
    for (const QString &line : text.split(QLatin1Char('\n'))) {
        QByteArray bytes = line.toUtf8();
        bytes.replace('\r', "");
        while (bytes.size() > longestLine) {
            // Never inside a UTF-8 sequence.
            qsizetype cut = longestLine;
            while (cut > 0 && (quint8(bytes.at(cut)) & 0xC0) == 0x80)
                --cut;
            body += bytes.left(cut) + "\r\n";
            bytes = bytes.mid(cut);
        }
        body += bytes + "\r\n";
    }
    return body;
}

} // namespace

SmtpSink::SmtpSink(SmtpClient::Mail mail, std::chrono::milliseconds timeout) : m_mail(std::move(mail))
{
    m_mail.timeoutMs = int(timeout.count());
}

QByteArray SmtpSink::headerValue(const QString &text)
{
    const QString flat = text.simplified();
    bool ascii = true;
    for (QChar c : flat)
        ascii &= c.unicode() >= 0x20 && c.unicode() < 0x7F;
    if (ascii)
        return flat.toLatin1();
    // "=?UTF-8?B?" + base64 + "?=" within 75: 45 bytes make 60 characters.
    const QByteArray bytes = flat.toUtf8();
    QList<QByteArray> words;
    qsizetype start = 0;
    while (start < bytes.size()) {
        qsizetype end = qMin(start + 45, bytes.size());
        while (end < bytes.size() && end > start && (quint8(bytes.at(end)) & 0xC0) == 0x80)
            --end;
        words.append("=?UTF-8?B?" + bytes.mid(start, end - start).toBase64() + "?=");
        start = end;
    }
    // Folded: each encoded-word on a line of its own.
    return words.join("\r\n ");
}

QByteArray SmtpSink::message(const Notification &notification, const QString &from, const QStringList &to,
    const QDateTime &date, const QString &id)
{
    const QString domain = from.section(QLatin1Char('@'), 1);
    QByteArray mail;
    mail += "From: " + from.toUtf8() + "\r\n";
    mail += "To: " + to.join(QStringLiteral(", ")).toUtf8() + "\r\n";
    mail += "Subject: " +
        headerValue(notification.ecosystem.isEmpty()
                ? notification.title()
                : QStringLiteral("[%1] %2").arg(notification.ecosystem, notification.title())) +
        "\r\n";
    mail += "Date: " + QLocale::c().toString(date.toUTC(), QStringLiteral("ddd, dd MMM yyyy hh:mm:ss")).toLatin1() +
        " +0000\r\n";
    mail += "Message-ID: <" + id.toUtf8() + '@' + domain.toUtf8() + ">\r\n";
    mail += "MIME-Version: 1.0\r\n";
    mail += "Content-Type: text/plain; charset=utf-8\r\n";
    mail += "Content-Transfer-Encoding: 8bit\r\n";
    // RFC 3834: no vacation replies to a robot.
    mail += "Auto-Submitted: auto-generated\r\n";
    mail += "X-Shipyard-Event: " + keyword(notification.event).toLatin1() + "\r\n";
    mail += "\r\n";
    mail += bodyLines(notification.text());
    return mail;
}

QString SmtpSink::send(const Notification &notification)
{
    SmtpClient::Mail mail = m_mail;
    mail.message = message(notification, mail.from, mail.to, QDateTime::currentDateTimeUtc(),
        QUuid::createUuid().toString(QUuid::WithoutBraces));
    const QString error = SmtpClient::send(mail);
    if (error.isEmpty())
        return {};
    return QStringLiteral("mail to %1 via %2 not sent: %3")
        .arg(mail.to.join(QStringLiteral(", ")), mail.server.host(), error);
}

} // namespace Shipyard
