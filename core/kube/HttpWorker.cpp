// SPDX-License-Identifier: GPL-2.0-or-later
#include "kube/HttpWorker.h"

#include "support/ReadLimits.h"

#include <curl/curl.h>

#include <algorithm>
#include <unordered_map>

namespace Shipyard {

struct HttpWorker::Running
{
    quint64 id = 0;
    HttpTransfer transfer;
    HttpTransfer::Result result;
    curl_slist *headers = nullptr;
    curl_slist *connectTo = nullptr;
    char errorBuffer[CURL_ERROR_SIZE] = {};
    bool stoppedByReceiver = false;
    bool headersDone = false;
    std::chrono::steady_clock::time_point started;
};

namespace {

size_t writeCallback(char *data, size_t size, size_t count, void *user)
{
    auto *running = static_cast<HttpWorker::Running *>(user);
    const size_t bytes = size * count;
    const bool success = running->result.httpStatus >= 200 && running->result.httpStatus < 300;
    if (running->transfer.onData && success) {
        if (!running->transfer.onData(data, bytes)) {
            running->stoppedByReceiver = true;
            return 0;
        }
        return bytes;
    }
    // libcurl hands over decoded bytes: this counts what a gzip bomb would become.
    const qsizetype limit = success ? running->transfer.maximumBody : running->transfer.maximumErrorBody;
    if (limit > 0 && running->result.body.size() + qsizetype(bytes) > limit) {
        running->result.exceeded = limit;
        running->result.body = QByteArray();
        return 0;
    }
    running->result.body.append(data, qsizetype(bytes));
    return bytes;
}

size_t headerCallback(char *data, size_t size, size_t count, void *user)
{
    auto *running = static_cast<HttpWorker::Running *>(user);
    const size_t bytes = size * count;
    const QByteArray line = QByteArray(data, qsizetype(bytes)).trimmed();
    if (line.isEmpty()) {
        // The blank line after a header block; 1xx blocks come before the real one.
        if (running->result.httpStatus >= 200)
            running->headersDone = true;
    } else if (line.startsWith("HTTP/")) {
        // A status line: 100 Continue or redirects can come first, the last one counts.
        const QList<QByteArray> parts = line.split(' ');
        if (parts.size() >= 2)
            running->result.httpStatus = parts[1].toInt();
        running->result.httpVersion = parts[0].mid(5);
    } else if (line.toLower().startsWith("location:")) {
        running->result.location = line.mid(9).trimmed().left(1000);
    } else if (line.toLower().startsWith("retry-after:")) {
        bool ok = false;
        const int seconds = line.mid(12).trimmed().toInt(&ok);
        if (ok)
            running->result.retryAfterSeconds = seconds;
    }
    return bytes;
}

void setBlob(CURL *easy, CURLoption option, const QByteArray &data)
{
    curl_blob blob { const_cast<char *>(data.constData()), size_t(data.size()), CURL_BLOB_COPY };
    curl_easy_setopt(easy, option, &blob);
}

} // namespace

HttpWorker::HttpWorker()
{
    curl_global_init(CURL_GLOBAL_DEFAULT);
    m_multi = curl_multi_init();
    curl_multi_setopt(m_multi, CURLMOPT_PIPELINING, CURLPIPE_MULTIPLEX);
    m_thread = std::thread([this] { run(); });
}

HttpWorker::~HttpWorker()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    curl_multi_wakeup(m_multi);
    m_thread.join();
    curl_multi_cleanup(m_multi);
}

std::shared_ptr<HttpWorker> HttpWorker::shared()
{
    // Lives as long as the process: the last client often goes away inside a
    // completion callback, that is in the worker thread, which cannot join itself.
    static HttpWorker *const instance = new HttpWorker;
    return std::shared_ptr<HttpWorker>(instance, [](HttpWorker *) { });
}

quint64 HttpWorker::start(HttpTransfer transfer)
{
    quint64 id = 0;
    {
        std::lock_guard lock(m_mutex);
        id = m_nextId++;
        m_queued.emplace_back(id, std::move(transfer));
    }
    curl_multi_wakeup(m_multi);
    return id;
}

void HttpWorker::cancel(quint64 id)
{
    {
        std::lock_guard lock(m_mutex);
        m_cancelled.push_back(id);
    }
    curl_multi_wakeup(m_multi);
}

void HttpWorker::run()
{
    std::unordered_map<CURL *, std::unique_ptr<Running>> running;
    std::vector<std::pair<quint64, HttpTransfer>> delayed;

    const auto finish = [&](CURL *easy, int curlCode) {
        auto it = running.find(easy);
        std::unique_ptr<Running> transfer = std::move(it->second);
        running.erase(it);
        curl_multi_remove_handle(m_multi, easy);
        transfer->result.curlCode = transfer->stoppedByReceiver ? int(CURLE_ABORTED_BY_CALLBACK) : curlCode;
        if (curlCode == CURLE_OPERATION_TIMEDOUT && transfer->transfer.silence.count() > 0) {
            // libcurl says "timed out" for the connect timeout, the whole-
            // transfer timeout and the low-speed limit alike. The low-speed
            // limit only counts once the request is out (pretransfer), and
            // the clock tells it from the whole-transfer timeout.
            curl_off_t pretransfer = 0;
            curl_off_t elapsed = 0;
            curl_easy_getinfo(easy, CURLINFO_PRETRANSFER_TIME_T, &pretransfer);
            curl_easy_getinfo(easy, CURLINFO_TOTAL_TIME_T, &elapsed);
            const auto timeout = transfer->transfer.timeout;
            if (pretransfer > 0 && (timeout.count() == 0 || std::chrono::microseconds(elapsed) < timeout))
                transfer->result.stalled = true;
        }
        if (curlCode != CURLE_OK)
            transfer->result.curlError = QString::fromUtf8(transfer->errorBuffer).trimmed();
        if (transfer->result.curlError.isEmpty() && curlCode != CURLE_OK)
            transfer->result.curlError = QString::fromUtf8(curl_easy_strerror(CURLcode(curlCode)));
        long version = 0;
        curl_easy_getinfo(easy, CURLINFO_HTTP_VERSION, &version);
        transfer->result.httpVersion = version == CURL_HTTP_VERSION_2_0 ? QByteArray("2")
            : version == CURL_HTTP_VERSION_3                            ? QByteArray("3")
                                                                        : transfer->result.httpVersion;
        curl_easy_cleanup(easy);
        curl_slist_free_all(transfer->headers);
        curl_slist_free_all(transfer->connectTo);
        if (transfer->transfer.onDone)
            transfer->transfer.onDone(std::move(transfer->result));
    };

    const auto begin = [&](quint64 id, HttpTransfer &&spec) {
        auto transfer = std::make_unique<Running>();
        transfer->id = id;
        transfer->transfer = std::move(spec);
        transfer->started = std::chrono::steady_clock::now();
        const HttpTransfer &t = transfer->transfer;
        CURL *easy = curl_easy_init();
        curl_easy_setopt(easy, CURLOPT_URL, t.url.constData());
        // Redirects are not followed (a 3xx reaches the caller as it is); a
        // server address of another scheme fails here, whatever libcurl was built with.
        curl_easy_setopt(easy, CURLOPT_PROTOCOLS_STR, ReadLimits::protocols);
        curl_easy_setopt(easy, CURLOPT_REDIR_PROTOCOLS_STR, ReadLimits::protocols);
        curl_easy_setopt(easy, CURLOPT_CUSTOMREQUEST, t.method.constData());
        if (t.method == "HEAD")
            curl_easy_setopt(easy, CURLOPT_NOBODY, 1L);
        if (!t.body.isEmpty() || t.method == "POST" || t.method == "PUT" || t.method == "PATCH") {
            curl_easy_setopt(easy, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(t.body.size()));
            curl_easy_setopt(easy, CURLOPT_POSTFIELDS, t.body.constData());
        }
        for (const QByteArray &header : t.headers)
            transfer->headers = curl_slist_append(transfer->headers, header.constData());
        // Kubernetes never needs "Expect: 100-continue"; it costs a round trip on HTTP/1.1.
        transfer->headers = curl_slist_append(transfer->headers, "Expect:");
        curl_easy_setopt(easy, CURLOPT_HTTPHEADER, transfer->headers);
        curl_easy_setopt(easy, CURLOPT_HTTP_VERSION, long(CURL_HTTP_VERSION_2TLS));
        curl_easy_setopt(easy, CURLOPT_PIPEWAIT, 1L);
        curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
        curl_easy_setopt(easy, CURLOPT_TCP_KEEPALIVE, 1L);
        curl_easy_setopt(easy, CURLOPT_TCP_KEEPIDLE, 30L);
        curl_easy_setopt(easy, CURLOPT_TCP_KEEPINTVL, 15L);
        curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS, 10000L);
        if (t.timeout.count() > 0)
            curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS, long(t.timeout.count()));
        if (t.silence.count() > 0) {
            // Below 1 byte/s for `silence`: libcurl averages over a few
            // seconds, so this is "nothing arrived", whatever the pace before.
            curl_easy_setopt(easy, CURLOPT_LOW_SPEED_LIMIT, 1L);
            curl_easy_setopt(easy, CURLOPT_LOW_SPEED_TIME, long(t.silence.count()));
        }
        if (t.compression)
            curl_easy_setopt(easy, CURLOPT_ACCEPT_ENCODING, "");
        if (!t.caPem.isEmpty())
            setBlob(easy, CURLOPT_CAINFO_BLOB, t.caPem);
        if (t.insecure) {
            curl_easy_setopt(easy, CURLOPT_SSL_VERIFYPEER, 0L);
            curl_easy_setopt(easy, CURLOPT_SSL_VERIFYHOST, 0L);
        }
        if (!t.connectTo.isEmpty()) {
            transfer->connectTo = curl_slist_append(nullptr, t.connectTo.constData());
            curl_easy_setopt(easy, CURLOPT_CONNECT_TO, transfer->connectTo);
        }
        if (!t.clientCertificatePem.isEmpty()) {
            setBlob(easy, CURLOPT_SSLCERT_BLOB, t.clientCertificatePem);
            curl_easy_setopt(easy, CURLOPT_SSLCERTTYPE, "PEM");
        }
        if (!t.clientKeyPem.isEmpty()) {
            setBlob(easy, CURLOPT_SSLKEY_BLOB, t.clientKeyPem);
            curl_easy_setopt(easy, CURLOPT_SSLKEYTYPE, "PEM");
        }
        if (!t.proxy.isEmpty())
            curl_easy_setopt(easy, CURLOPT_PROXY, t.proxy.constData());
        else
            curl_easy_setopt(easy, CURLOPT_PROXY, nullptr); // curl then honours https_proxy/no_proxy like Go does
        curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, writeCallback);
        curl_easy_setopt(easy, CURLOPT_WRITEDATA, transfer.get());
        curl_easy_setopt(easy, CURLOPT_HEADERFUNCTION, headerCallback);
        curl_easy_setopt(easy, CURLOPT_HEADERDATA, transfer.get());
        curl_easy_setopt(easy, CURLOPT_ERRORBUFFER, transfer->errorBuffer);
        curl_easy_setopt(easy, CURLOPT_PRIVATE, transfer.get());
        running.emplace(easy, std::move(transfer));
        curl_multi_add_handle(m_multi, easy);
    };

    for (;;) {
        std::vector<std::pair<quint64, HttpTransfer>> queued;
        std::vector<quint64> cancelled;
        {
            std::lock_guard lock(m_mutex);
            if (m_stopping)
                break;
            queued.swap(m_queued);
            cancelled.swap(m_cancelled);
        }
        const auto now = std::chrono::steady_clock::now();
        for (auto &entry : queued)
            delayed.push_back(std::move(entry));
        for (quint64 id : cancelled) {
            auto d = std::ranges::find(delayed, id, &std::pair<quint64, HttpTransfer>::first);
            if (d != delayed.end()) {
                HttpTransfer transfer = std::move(d->second);
                delayed.erase(d);
                HttpTransfer::Result result;
                result.curlCode = CURLE_ABORTED_BY_CALLBACK;
                if (transfer.onDone)
                    transfer.onDone(std::move(result));
                continue;
            }
            for (auto &[easy, transfer] : running) {
                if (transfer->id == id) {
                    transfer->stoppedByReceiver = true;
                    finish(easy, CURLE_ABORTED_BY_CALLBACK);
                    break;
                }
            }
        }
        // Streams that must only begin in time; the loop runs at least once a second.
        std::vector<CURL *> late;
        for (const auto &[easy, transfer] : running) {
            const auto within = transfer->transfer.headersWithin;
            if (within.count() > 0 && !transfer->headersDone && now - transfer->started >= within)
                late.push_back(easy);
        }
        for (CURL *easy : late) {
            running.at(easy)->result.stalled = true;
            finish(easy, CURLE_OPERATION_TIMEDOUT);
        }
        std::chrono::milliseconds wait(1000);
        for (auto it = delayed.begin(); it != delayed.end();) {
            if (it->second.notBefore <= now) {
                begin(it->first, std::move(it->second));
                it = delayed.erase(it);
            } else {
                wait = std::min(wait,
                    std::chrono::duration_cast<std::chrono::milliseconds>(it->second.notBefore - now) +
                        std::chrono::milliseconds(1));
                ++it;
            }
        }

        int stillRunning = 0;
        curl_multi_perform(m_multi, &stillRunning);
        int left = 0;
        while (CURLMsg *message = curl_multi_info_read(m_multi, &left)) {
            if (message->msg == CURLMSG_DONE)
                finish(message->easy_handle, message->data.result);
        }
        curl_multi_poll(m_multi, nullptr, 0, int(wait.count()), nullptr);
    }

    // Whoever waits must hear about it.
    for (auto &[id, transfer] : delayed) {
        HttpTransfer::Result result;
        result.curlCode = CURLE_ABORTED_BY_CALLBACK;
        if (transfer.onDone)
            transfer.onDone(std::move(result));
    }
    while (!running.empty()) {
        CURL *easy = running.begin()->first;
        running.begin()->second->stoppedByReceiver = true;
        finish(easy, CURLE_ABORTED_BY_CALLBACK);
    }
}

} // namespace Shipyard
