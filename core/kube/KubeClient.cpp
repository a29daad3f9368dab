// SPDX-License-Identifier: GPL-2.0-or-later
#include "kube/KubeClient.h"

#include "kube/CredentialSource.h"
#include "kube/HttpWorker.h"

#include <QFile>
#include <QJsonDocument>
#include <QPromise>
#include <QUrl>

#include <curl/curl.h>

#include <algorithm>
#include <atomic>
#include <mutex>

namespace Shipyard {

struct KubeStream::State
{
    std::mutex mutex;
    std::shared_ptr<HttpWorker> worker;
    quint64 transferId = 0;
    bool cancelled = false;
};

void KubeStream::cancel()
{
    if (!m_state)
        return;
    std::lock_guard lock(m_state->mutex);
    m_state->cancelled = true;
    if (m_state->transferId)
        m_state->worker->cancel(m_state->transferId);
}

bool KubeStream::isCancelled() const
{
    if (!m_state)
        return true;
    std::lock_guard lock(m_state->mutex);
    return m_state->cancelled;
}

struct KubeClient::Private
{
    explicit Private(KubeConnection c) : connection(std::move(c)), worker(HttpWorker::shared()), credentials(connection)
    {
        baseUrl = connection.cluster.server.toUtf8();
        while (baseUrl.endsWith('/'))
            baseUrl.chop(1);
        if (!connection.cluster.tlsServerName.isEmpty()) {
            // curl verifies and sends SNI for the URL's host; connect-to keeps the real address.
            const QUrl url(connection.cluster.server);
            const int port = url.port(url.scheme() == QLatin1String("http") ? 80 : 443);
            connectTo =
                QStringLiteral("%1:%2:%3:%2").arg(connection.cluster.tlsServerName).arg(port).arg(url.host()).toUtf8();
            QUrl renamed = url;
            renamed.setHost(connection.cluster.tlsServerName);
            baseUrl = renamed.toString(QUrl::StripTrailingSlash).toUtf8();
        }
        caPem = connection.cluster.certificateAuthorityData;
        if (caPem.isEmpty() && !connection.cluster.certificateAuthority.isEmpty()) {
            QFile file(connection.cluster.certificateAuthority);
            if (file.open(QIODevice::ReadOnly))
                caPem = file.readAll();
            else
                caError = QStringLiteral("cannot read the certificate authority %1: %2")
                              .arg(connection.cluster.certificateAuthority, file.errorString());
        }
    }

    QByteArray url(const KubeRequest &request) const
    {
        QByteArray url = baseUrl + QUrl::toPercentEncoding(request.path, "/");
        const auto items = request.query.queryItems(QUrl::FullyDecoded);
        for (qsizetype i = 0; i < items.size(); ++i) {
            url += i == 0 ? '?' : '&';
            url += QUrl::toPercentEncoding(items[i].first) + '=' + QUrl::toPercentEncoding(items[i].second);
        }
        return url;
    }

    HttpTransfer transfer(const KubeRequest &request, const KubeCredentials &secrets) const
    {
        HttpTransfer t;
        t.method = request.method;
        t.url = url(request);
        t.body = request.body;
        t.headers.append("Accept: " + request.accept);
        if (!request.body.isEmpty() || request.method != "GET")
            t.headers.append("Content-Type: " + request.contentType);
        t.headers.append("User-Agent: shipyard/" SHIPYARD_VERSION);
        if (!secrets.bearerToken.isEmpty())
            t.headers.append("Authorization: Bearer " + secrets.bearerToken);
        else if (!secrets.basicUser.isEmpty())
            t.headers.append(
                "Authorization: Basic " + QByteArray(secrets.basicUser + ':' + secrets.basicPassword).toBase64());
        t.clientCertificatePem = secrets.clientCertificatePem;
        t.clientKeyPem = secrets.clientKeyPem;
        t.caPem = caPem;
        t.insecure = connection.cluster.insecureSkipTlsVerify;
        t.connectTo = connectTo;
        t.proxy = connection.cluster.proxyUrl.toUtf8();
        t.compression = !connection.cluster.disableCompression;
        t.timeout = request.timeout;
        return t;
    }

    KubeError transportError(const HttpTransfer::Result &result) const
    {
        return KubeError::fromTransport(
            result.curlCode, result.curlError, connection.cluster.server, connection.cluster.tlsServerName);
    }

    KubeConnection connection;
    std::shared_ptr<HttpWorker> worker;
    CredentialSource credentials;
    QByteArray baseUrl;
    QByteArray connectTo;
    QByteArray caPem;
    QString caError;
};

namespace {

int defaultAttempts(const KubeRequest &request)
{
    if (request.maxAttempts > 0)
        return request.maxAttempts;
    return request.method == "GET" || request.method == "HEAD" ? 4 : 1;
}

bool retriableTransport(int curlCode)
{
    switch (curlCode) {
    case CURLE_COULDNT_CONNECT:
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_GOT_NOTHING:
    case CURLE_RECV_ERROR:
    case CURLE_SEND_ERROR:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
    case CURLE_PARTIAL_FILE:
        return true;
    default:
        return false;
    }
}

// One request through credentials, retries and the 401 re-run.
struct Exchange : std::enable_shared_from_this<Exchange>
{
    std::shared_ptr<KubeClient::Private> d;
    KubeRequest request;
    std::function<bool(QByteArrayView)> onData;
    std::function<void(KubeResponse)> done;
    std::shared_ptr<KubeStream::State> stream;
    int attempt = 0;
    bool reauthenticated = false;
    // Once part of a stream reached the caller, repeating the request would
    // replay it (a followed log) or splice two streams (a watch): the caller
    // resumes instead, from what it has seen. Touched in the worker thread only.
    bool delivered = false;

    void start(std::chrono::milliseconds delay = {})
    {
        auto self = shared_from_this();
        d->credentials.acquire([self, delay](KubeCredentials credentials) { self->send(credentials, delay); });
    }

    void fail(KubeError error)
    {
        KubeResponse response;
        response.error = std::move(error);
        done(std::move(response));
    }

    void send(const KubeCredentials &credentials, std::chrono::milliseconds delay)
    {
        if (!d->caError.isEmpty())
            return fail(KubeError::make(KubeError::Kind::Credentials, d->caError));
        if (!credentials.error.isEmpty())
            return fail(KubeError::make(KubeError::Kind::Credentials, credentials.error));
        ++attempt;
        HttpTransfer transfer = d->transfer(request, credentials);
        transfer.notBefore = std::chrono::steady_clock::now() + delay;
        auto self = shared_from_this();
        if (onData) {
            transfer.onData = [self, callback = onData](const char *data, size_t size) {
                self->delivered = true;
                return callback(QByteArrayView(data, qsizetype(size)));
            };
        }
        transfer.onDone = [self, credentials](HttpTransfer::Result result) { self->finished(credentials, result); };
        if (stream) {
            std::lock_guard lock(stream->mutex);
            if (stream->cancelled)
                return fail(KubeError::make(KubeError::Kind::Cancelled, KubeError::tr("Cancelled")));
            stream->transferId = d->worker->start(std::move(transfer));
        } else {
            d->worker->start(std::move(transfer));
        }
    }

    void finished(const KubeCredentials &credentials, const HttpTransfer::Result &result)
    {
        const int attempts = defaultAttempts(request);
        const bool cancelled = stream && [this] {
            std::lock_guard lock(stream->mutex);
            return stream->cancelled;
        }();
        if (result.curlCode != CURLE_OK) {
            if (!cancelled && !delivered && retriableTransport(result.curlCode) && attempt < attempts)
                return start(std::chrono::milliseconds(250 << std::min(attempt, 6)));
            return fail(d->transportError(result));
        }
        if (result.httpStatus == 401 && !reauthenticated && d->credentials.invalidate(credentials)) {
            reauthenticated = true;
            return start();
        }
        if ((result.httpStatus == 429 || (result.httpStatus == 503 && attempts > 1)) &&
            attempt < std::max(attempts, 3) && !cancelled) {
            const int seconds = result.retryAfterSeconds > 0 ? std::min(result.retryAfterSeconds, 10) : 1;
            return start(std::chrono::seconds(seconds));
        }
        KubeResponse response;
        response.httpStatus = result.httpStatus;
        response.httpVersion = result.httpVersion;
        if (result.httpStatus < 200 || result.httpStatus >= 300)
            response.error = KubeError::fromHttp(result.httpStatus, result.body, request);
        response.body = result.body;
        done(std::move(response));
    }
};

} // namespace

KubeClient::KubeClient(KubeConnection connection) : d(std::make_shared<Private>(std::move(connection)))
{ }

const KubeConnection &KubeClient::connection() const
{
    static const KubeConnection none;
    return d ? d->connection : none;
}

QByteArray KubeClient::urlFor(const KubeRequest &request) const
{
    return d ? d->url(request) : QByteArray();
}

KubeClient KubeClient::withRequestTimeout(std::chrono::milliseconds timeout) const
{
    KubeClient copy = *this;
    copy.m_requestTimeout = timeout;
    return copy;
}

void KubeClient::send(KubeRequest request, std::function<void(KubeResponse)> done) const
{
    if (m_requestTimeout.count() > 0 && request.timeout.count() > 0)
        request.timeout = std::min(request.timeout, m_requestTimeout);
    if (!d) {
        KubeResponse response;
        response.error = KubeError::make(KubeError::Kind::Credentials, KubeError::tr("No cluster connection"));
        done(std::move(response));
        return;
    }
    auto exchange = std::make_shared<Exchange>();
    exchange->d = d;
    exchange->request = std::move(request);
    exchange->done = std::move(done);
    exchange->start();
}

QFuture<KubeResponse> KubeClient::send(KubeRequest request) const
{
    auto promise = std::make_shared<QPromise<KubeResponse>>();
    QFuture<KubeResponse> future = promise->future();
    promise->start();
    send(std::move(request), [promise](KubeResponse response) {
        promise->addResult(std::move(response));
        promise->finish();
    });
    return future;
}

KubeStream KubeClient::stream(
    KubeRequest request, std::function<bool(QByteArrayView)> onData, std::function<void(KubeResponse)> onEnd) const
{
    auto state = std::make_shared<KubeStream::State>();
    if (!d) {
        KubeResponse response;
        response.error = KubeError::make(KubeError::Kind::Credentials, KubeError::tr("No cluster connection"));
        onEnd(std::move(response));
        return KubeStream(state);
    }
    state->worker = d->worker;
    request.timeout = std::chrono::milliseconds(0);
    auto exchange = std::make_shared<Exchange>();
    exchange->d = d;
    exchange->request = std::move(request);
    exchange->onData = std::move(onData);
    exchange->done = std::move(onEnd);
    exchange->stream = state;
    exchange->start();
    return KubeStream(state);
}

QFuture<KubeResponse> KubeClient::get(const QString &path, const QUrlQuery &query) const
{
    return send(KubeRequest::get(path, query));
}

QFuture<KubeResponse> KubeClient::create(const QString &collectionPath, const QJsonObject &object) const
{
    KubeRequest request;
    request.method = "POST";
    request.path = collectionPath;
    request.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    return send(std::move(request));
}

QFuture<KubeResponse> KubeClient::replace(const QString &path, const QJsonObject &object) const
{
    KubeRequest request;
    request.method = "PUT";
    request.path = path;
    request.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    return send(std::move(request));
}

QFuture<KubeResponse> KubeClient::patch(
    const QString &path, const QByteArray &body, const QByteArray &contentType) const
{
    KubeRequest request;
    request.method = "PATCH";
    request.path = path;
    request.body = body;
    request.contentType = contentType;
    return send(std::move(request));
}

QFuture<KubeResponse> KubeClient::remove(const QString &path, const QUrlQuery &query) const
{
    KubeRequest request;
    request.method = "DELETE";
    request.path = path;
    request.query = query;
    return send(std::move(request));
}

QFuture<KubeResponse> KubeClient::apply(
    const QString &path, const QJsonObject &object, const ApplyOptions &options) const
{
    KubeRequest request;
    request.method = "PATCH";
    request.path = path;
    request.contentType = "application/apply-patch+yaml"; // JSON is YAML
    request.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    request.query.addQueryItem(QStringLiteral("fieldManager"), options.fieldManager);
    if (options.force)
        request.query.addQueryItem(QStringLiteral("force"), QStringLiteral("true"));
    if (options.dryRun)
        request.query.addQueryItem(QStringLiteral("dryRun"), QStringLiteral("All"));
    // Applying the same intent twice gives the same result.
    request.maxAttempts = 3;
    return send(std::move(request));
}

} // namespace Shipyard
