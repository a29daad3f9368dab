// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace Shipyard {

// One HTTP exchange as libcurl should perform it.
struct HttpTransfer
{
    QByteArray method = "GET";
    QByteArray url;
    QList<QByteArray> headers; // "Name: value"
    QByteArray body;
    QByteArray caPem;
    bool insecure = false;
    QByteArray connectTo; // "name:port:host:port", how tls-server-name is honoured
    QByteArray clientCertificatePem;
    QByteArray clientKeyPem;
    QByteArray proxy;
    bool compression = true;
    std::chrono::milliseconds timeout { 0 }; // 0: none (streams)
    // What is read before the transfer stops (see ReadLimits), counted after
    // decompression: a 2xx body that onData does not take, and every other
    // body. 0: no limit.
    qsizetype maximumBody = 0;
    qsizetype maximumErrorBody = 0;
    // No byte for this long (libcurl's low-speed limit, from the request on)
    // ends the transfer as stalled. 0: none.
    std::chrono::seconds silence { 0 };
    // For a stream that may be quiet for ever once it has begun (a followed
    // log): only its response headers must arrive within this. 0: none.
    std::chrono::seconds headersWithin { 0 };
    std::chrono::steady_clock::time_point notBefore {}; // for retries with backoff

    // Streaming: called in the worker thread with each chunk of a 2xx body;
    // return false to stop. Error bodies are always buffered into the result.
    std::function<bool(const char *data, size_t size)> onData;
    // Always called exactly once, in the worker thread.
    struct Result
    {
        int httpStatus = 0;
        QByteArray body;
        int curlCode = 0;
        QString curlError;
        QByteArray httpVersion;
        int retryAfterSeconds = -1;
        QByteArray location; // of a redirect, which is never followed
        // The limit a body ran into (maximumBody or maximumErrorBody); the
        // transfer stopped there and the body is dropped. 0: none.
        qsizetype exceeded = 0;
        // Ended by `silence` or `headersWithin` (curlCode is then CURLE_OPERATION_TIMEDOUT).
        bool stalled = false;
    };
    std::function<void(Result)> onDone;
};

// A libcurl multi handle driven by its own thread: every transfer of the
// process goes through it, so connections (and HTTP/2 streams) are reused
// across clients, and no caller's thread ever waits for the network.
// Thread-safe. Transfers still running at destruction end as cancelled
// (workers made with the constructor; the shared one lives until exit).
class HttpWorker
{
public:
    HttpWorker();
    ~HttpWorker();
    HttpWorker(const HttpWorker &) = delete;
    HttpWorker &operator=(const HttpWorker &) = delete;

    // The process-wide worker, never destroyed.
    static std::shared_ptr<HttpWorker> shared();

    quint64 start(HttpTransfer transfer);
    void cancel(quint64 id);

    struct Running; // one transfer in flight, owned by the worker thread

private:
    void run();

    std::mutex m_mutex;
    std::vector<std::pair<quint64, HttpTransfer>> m_queued;
    std::vector<quint64> m_cancelled;
    quint64 m_nextId = 1;
    bool m_stopping = false;
    void *m_multi = nullptr;
    std::thread m_thread;
};

} // namespace Shipyard
