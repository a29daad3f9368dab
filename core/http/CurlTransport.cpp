// SPDX-License-Identifier: GPL-2.0-or-later
#include "http/CurlTransport.h"

#include "http/CurlGlobal.h"

#include <curl/curl.h>

#include <memory>

namespace Shipyard {

namespace {

struct Transfer
{
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    bool tooLarge = false;
    const std::atomic_bool *cancelled = nullptr;
};

size_t write(char *data, size_t size, size_t count, void *userData)
{
    auto *transfer = static_cast<Transfer *>(userData);
    const size_t bytes = size * count;
    if (transfer->body.size() + qsizetype(bytes) > CurlTransport::maximumBodySize) {
        transfer->tooLarge = true;
        return 0;
    }
    transfer->body.append(data, qsizetype(bytes));
    return bytes;
}

// One header line at a time, the status line included. A new status line
// starts a new response (an interim "100 Continue", a proxy's answer to
// CONNECT): only the last response's headers describe the body.
size_t header(char *data, size_t size, size_t count, void *userData)
{
    auto *transfer = static_cast<Transfer *>(userData);
    const size_t bytes = size * count;
    const QByteArray line = QByteArray(data, qsizetype(bytes)).trimmed();
    if (line.startsWith("HTTP/")) {
        transfer->headers.clear();
        return bytes;
    }
    const qsizetype colon = line.indexOf(':');
    if (colon > 0)
        transfer->headers.append(qMakePair(line.left(colon).trimmed(), line.mid(colon + 1).trimmed()));
    return bytes;
}

int progress(void *userData, curl_off_t, curl_off_t, curl_off_t, curl_off_t)
{
    const auto *transfer = static_cast<Transfer *>(userData);
    return transfer->cancelled && transfer->cancelled->load() ? 1 : 0;
}

} // namespace

HttpResponse CurlTransport::send(const HttpRequest &request)
{
    ensureCurlInitialized();
    HttpResponse response;
    std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), &curl_easy_cleanup);
    if (!curl) {
        response.failure = HttpResponse::Failure::Network;
        response.failureText = QStringLiteral("cannot initialise libcurl");
        return response;
    }
    Transfer transfer;
    transfer.cancelled = request.cancelled;
    char errorBuffer[CURL_ERROR_SIZE] = {};
    const QByteArray url = request.url.toEncoded();
    CURL *handle = curl.get();
    curl_easy_setopt(handle, CURLOPT_URL, url.constData());
    curl_easy_setopt(handle, CURLOPT_PROTOCOLS_STR, ReadLimits::protocols);
    curl_easy_setopt(handle, CURLOPT_REDIR_PROTOCOLS_STR, ReadLimits::protocols);
    curl_easy_setopt(handle, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(handle, CURLOPT_ERRORBUFFER, errorBuffer);
    curl_easy_setopt(handle, CURLOPT_TIMEOUT_MS, long(request.timeoutMs));
    curl_easy_setopt(handle, CURLOPT_CONNECTTIMEOUT_MS, long(qMin(request.timeoutMs, 10000)));
    curl_easy_setopt(handle, CURLOPT_USERAGENT, "Shipyard/" SHIPYARD_VERSION);
    curl_easy_setopt(handle, CURLOPT_WRITEFUNCTION, &write);
    curl_easy_setopt(handle, CURLOPT_WRITEDATA, &transfer);
    curl_easy_setopt(handle, CURLOPT_HEADERFUNCTION, &header);
    curl_easy_setopt(handle, CURLOPT_HEADERDATA, &transfer);
    curl_easy_setopt(handle, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(handle, CURLOPT_XFERINFOFUNCTION, &progress);
    curl_easy_setopt(handle, CURLOPT_XFERINFODATA, &transfer);
    curl_easy_setopt(handle, CURLOPT_CUSTOMREQUEST, request.method.constData());
    if (request.method != "GET" && request.method != "HEAD") {
        curl_easy_setopt(handle, CURLOPT_POSTFIELDSIZE, long(request.body.size()));
        curl_easy_setopt(handle, CURLOPT_COPYPOSTFIELDS, request.body.constData());
    }
    if (request.method == "HEAD")
        curl_easy_setopt(handle, CURLOPT_NOBODY, 1L);

    curl_slist *headers = nullptr;
    for (const auto &[name, value] : request.headers)
        headers = curl_slist_append(headers, QByteArray(name + ": " + value).constData());
    // curl would otherwise wait a second for "100 Continue" on larger bodies.
    headers = curl_slist_append(headers, "Expect:");
    curl_easy_setopt(handle, CURLOPT_HTTPHEADER, headers);

    const CURLcode code = curl_easy_perform(handle);
    curl_slist_free_all(headers);

    long status = 0;
    curl_easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &status);
    response.status = int(status);
    response.body = std::move(transfer.body);
    response.headers = std::move(transfer.headers);
    if (code == CURLE_OK)
        return response;

    response.failureText = QString::fromUtf8(errorBuffer[0] ? errorBuffer : curl_easy_strerror(code));
    if (transfer.tooLarge)
        response.failure = HttpResponse::Failure::TooLarge;
    else if (code == CURLE_ABORTED_BY_CALLBACK)
        response.failure = HttpResponse::Failure::Cancelled;
    else if (code == CURLE_OPERATION_TIMEDOUT)
        response.failure = HttpResponse::Failure::Timeout;
    else
        response.failure = HttpResponse::Failure::Network;
    return response;
}

} // namespace Shipyard
