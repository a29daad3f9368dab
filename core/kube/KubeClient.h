// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "kube/KubeConnection.h"
#include "kube/KubeRequest.h"
#include "kube/KubeResponse.h"
#include "support/ReadLimits.h"

#include <QFuture>
#include <QJsonObject>

#include <chrono>
#include <functional>
#include <memory>

namespace Shipyard {

// A handle on an in-flight streaming request (watch, log follow).
// Cancelling is idempotent and safe from any thread; dropping the handle
// does not cancel (keep it, or call cancel()).
class KubeStream
{
public:
    void cancel();
    bool isCancelled() const;

    struct State;
    explicit KubeStream(std::shared_ptr<State> state) : m_state(std::move(state)) { }

private:
    std::shared_ptr<State> m_state;
};

// Talks to one cluster as one kubeconfig user. A cheap value: copies share
// the connection, the credential cache and the process-wide HTTP worker
// (libcurl multi in its own thread, HTTP/2 multiplexing, connection reuse).
//
// Nothing here blocks the calling thread. Futures finish in the worker
// thread: attach `.then(receiver, ...)` to run the continuation in the
// receiver's thread (the Qt main thread for UI code), or waitForFinished()
// where blocking is fine (shipyardctl).
//
// Retries: reads (GET) are retried with backoff after connection failures and
// 429/503; writes only on 429, which the server guarantees it did not apply.
// A 401 with an exec-plugin user re-runs the plugin and retries once.
//
// What a server may send is bounded (ReadLimits): an answer, an error answer,
// a watch event, a log line; the silence it may keep (see stream()). Beyond
// them the exchange ends with an error naming the address; redirects are not
// followed, and only http and https are spoken.
class KubeClient
{
public:
    KubeClient() = default;
    explicit KubeClient(KubeConnection connection);

    bool isValid() const { return d != nullptr; }

    // A copy whose requests give up after TIMEOUT at most (streams keep
    // none). A lock holder's writes must end well before its lease could
    // run out: see EnvironmentLock.
    KubeClient withRequestTimeout(std::chrono::milliseconds timeout) const;
    std::chrono::milliseconds requestTimeout() const { return m_requestTimeout; }
    // A copy that reads at most LIMITS. Everything but tests keeps the
    // defaults; tests make them small enough to reach in a moment.
    KubeClient withReadLimits(const ReadLimits &limits) const;
    const ReadLimits &readLimits() const { return m_limits; }
    const KubeConnection &connection() const;
    QString defaultNamespace() const { return connection().ns; }

    QFuture<KubeResponse> send(KubeRequest request) const;
    // The same with a callback run in the worker thread; for code that
    // decodes off the caller's thread before handing results over.
    void send(KubeRequest request, std::function<void(KubeResponse)> done) const;

    // A request whose 2xx body is handed over chunk by chunk (in the worker
    // thread) as it arrives; `onEnd` runs once, with the error if any (an
    // error body is never passed to onData). onData returns false to stop.
    //
    // A watch (watch=1) is read as events, one per line, and a log (.../log)
    // as lines: a line longer than ReadLimits::watchEvent or ::logLine ends
    // the stream with a TooLarge error before onData sees it. The silence a
    // stream may keep depends on what it is: see silenceRule() in KubeClient.cpp.
    KubeStream stream(KubeRequest request, std::function<bool(QByteArrayView chunk)> onData,
        std::function<void(KubeResponse)> onEnd) const;

    // Conveniences over send().
    QFuture<KubeResponse> get(const QString &path, const QUrlQuery &query = {}) const;
    QFuture<KubeResponse> create(const QString &collectionPath, const QJsonObject &object) const;
    QFuture<KubeResponse> replace(const QString &path, const QJsonObject &object) const;
    QFuture<KubeResponse> patch(const QString &path, const QByteArray &body, const QByteArray &contentType) const;
    QFuture<KubeResponse> remove(const QString &path, const QUrlQuery &query = {}) const;

    struct ApplyOptions
    {
        QString fieldManager = QStringLiteral("shipyard");
        bool force = false;
        bool dryRun = false; // dryRun=All: validated and admitted, not stored
    };
    // Server-side apply: `object` holds exactly the fields Shipyard means to own.
    QFuture<KubeResponse> apply(const QString &path, const QJsonObject &object, const ApplyOptions &options) const;

    // The URL of a request, for messages and tests; never holds credentials.
    QByteArray urlFor(const KubeRequest &request) const;
    // Where a request goes, for messages: the server's address as the
    // kubeconfig gives it and the path, without user info or query.
    QString placeOf(const KubeRequest &request) const;

    struct Private; // shared with in-flight exchanges

private:
    std::shared_ptr<Private> d;
    std::chrono::milliseconds m_requestTimeout { 0 }; // 0: each request's own
    ReadLimits m_limits;
};

} // namespace Shipyard
