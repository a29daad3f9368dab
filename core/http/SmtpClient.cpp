// SPDX-License-Identifier: GPL-2.0-or-later
#include "http/SmtpClient.h"

#include "http/CurlGlobal.h"

#include <curl/curl.h>

#include <cstring>
#include <memory>

namespace Shipyard {

namespace {

struct Upload
{
    QByteArray data;
    qsizetype sent = 0;
};

size_t read(char *buffer, size_t size, size_t count, void *userData)
{
    auto *upload = static_cast<Upload *>(userData);
    const qsizetype room = qsizetype(size * count);
    const qsizetype bytes = qMin(room, upload->data.size() - upload->sent);
    if (bytes <= 0)
        return 0;
    memcpy(buffer, upload->data.constData() + upload->sent, size_t(bytes));
    upload->sent += bytes;
    return size_t(bytes);
}

} // namespace

QString SmtpClient::send(const Mail &mail)
{
    ensureCurlInitialized();
    std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), &curl_easy_cleanup);
    if (!curl)
        return QStringLiteral("cannot initialise libcurl");
    CURL *handle = curl.get();
    char errorBuffer[CURL_ERROR_SIZE] = {};
    // The server only, without a path: libcurl would send a path as the
    // EHLO name.
    QUrl server = mail.server;
    server.setPath(QString());
    const QByteArray url = server.toEncoded();
    const QByteArray from = '<' + mail.from.toUtf8() + '>';
    const QByteArray username = mail.username.toUtf8();
    const QByteArray password = mail.password.toUtf8();
    curl_easy_setopt(handle, CURLOPT_URL, url.constData());
    curl_easy_setopt(handle, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
    curl_easy_setopt(handle, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(handle, CURLOPT_ERRORBUFFER, errorBuffer);
    curl_easy_setopt(handle, CURLOPT_TIMEOUT_MS, long(mail.timeoutMs));
    curl_easy_setopt(handle, CURLOPT_CONNECTTIMEOUT_MS, long(mail.timeoutMs));
    if (mail.startTls)
        curl_easy_setopt(handle, CURLOPT_USE_SSL, long(CURLUSESSL_ALL));
    if (!mail.username.isEmpty()) {
        curl_easy_setopt(handle, CURLOPT_USERNAME, username.constData());
        curl_easy_setopt(handle, CURLOPT_PASSWORD, password.constData());
    }
    curl_easy_setopt(handle, CURLOPT_MAIL_FROM, from.constData());
    QList<QByteArray> recipients;
    curl_slist *rcpt = nullptr;
    for (const QString &to : mail.to) {
        recipients.append('<' + to.toUtf8() + '>');
        rcpt = curl_slist_append(rcpt, recipients.last().constData());
    }
    curl_easy_setopt(handle, CURLOPT_MAIL_RCPT, rcpt);
    Upload upload { mail.message, 0 };
    curl_easy_setopt(handle, CURLOPT_READFUNCTION, &read);
    curl_easy_setopt(handle, CURLOPT_READDATA, &upload);
    curl_easy_setopt(handle, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(handle, CURLOPT_INFILESIZE_LARGE, curl_off_t(mail.message.size()));

    const CURLcode code = curl_easy_perform(handle);
    curl_slist_free_all(rcpt);
    if (code == CURLE_OK)
        return {};
    long status = 0;
    curl_easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &status);
    QString reason = QString::fromUtf8(errorBuffer[0] ? errorBuffer : curl_easy_strerror(code));
    if (!mail.password.isEmpty())
        reason.replace(mail.password, QStringLiteral("***"));
    if (status > 0)
        reason += QStringLiteral(" (the server's last reply: %1)").arg(status);
    return reason;
}

} // namespace Shipyard
