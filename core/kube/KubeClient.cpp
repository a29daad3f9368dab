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

    QString place(const KubeRequest &request) const
    {
        QUrl server(connection.cluster.server);
        server.setUserInfo(QString());
        server.setQuery(QString());
        return server.toString(QUrl::StripTrailingSlash) + request.path;
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

// What a request is, for its limits.
enum class Shape {
    Request, // read whole
    Watch, // events, one per line
    Log, // lines of text
    FollowedLog,
};

Shape shapeOf(const KubeRequest &request, bool streamed)
{
    const QString watch = request.query.queryItemValue(QStringLiteral("watch"));
    if (streamed && (watch == QLatin1String("1") || watch == QLatin1String("true")))
        return Shape::Watch;
    if (streamed && request.path.endsWith(QLatin1String("/log")))
        return request.query.queryItemValue(QStringLiteral("follow")) == QLatin1String("true") ? Shape::FollowedLog
                                                                                               : Shape::Log;
    return Shape::Request;
}

// How long the server may say nothing before the exchange counts as stalled.
// libcurl's low-speed limit measures it from the request on, headers and body
// alike. "Nothing" means something else for each shape:
//  - A request, and a log that is not followed: the answer comes within the
//    API server's --request-timeout and flows once begun, so
//    ReadLimits::silence (90 s) is a stall.
//  - A watch says nothing while nothing changes. Bookmarks would break the
//    silence about once a minute, but only from the watch cache: not with the
//    cache off, not from aggregated API servers, so they prove nothing. What
//    every API server does is end a watch after its timeoutSeconds (Shipyard
//    always asks one: 5-10 minutes for informers, at most 30 s for a rollout),
//    and then the stream closes cleanly. Silence past timeoutSeconds plus a
//    grace is a watch that will never end by itself. Without timeoutSeconds
//    the server picks up to twice its --min-request-timeout: an hour.
//  - A followed log of a quiet container says nothing for hours and the
//    kubelet sends no keepalive, so once the log has begun no silence is too
//    long: only its headers must come within ReadLimits::silence. A peer that
//    is gone is still found by TCP keepalive (HttpWorker: probes after 30 s).
void silenceRule(HttpTransfer &transfer, const KubeRequest &request, Shape shape, const ReadLimits &limits)
{
    switch (shape) {
    case Shape::Request:
    case Shape::Log:
        transfer.silence = limits.silence;
        break;
    case Shape::Watch: {
        bool ok = false;
        const int timeoutSeconds = request.query.queryItemValue(QStringLiteral("timeoutSeconds")).toInt(&ok);
        transfer.silence = (ok && timeoutSeconds > 0 ? std::chrono::seconds(timeoutSeconds) : std::chrono::hours(1)) +
            limits.watchGrace;
        break;
    }
    case Shape::FollowedLog:
        transfer.headersWithin = limits.silence;
        break;
    }
}

// The start of what a server sent, fit for a message: short, one line,
// without control characters.
QString beginningOf(const QByteArray &bytes, qsizetype length)
{
    QString text = QString::fromUtf8(bytes.left(length)).trimmed();
    for (QChar &c : text) {
        if (!c.isPrint())
            c = QLatin1Char('?');
    }
    return text;
}

// Whether a 2xx answer to a JSON request can be JSON at all. A cheap look at
// the first byte: parsing twice would double the cost of a large list, and
// the callers parse anyway.
bool looksLikeJson(const KubeRequest &request, const QByteArray &body)
{
    if (!request.accept.startsWith("application/json") || body.isEmpty())
        return true;
    for (const char c : body) {
        if (c != ' ' && c != '\n' && c != '\r' && c != '\t')
            return c == '{' || c == '[';
    }
    return true;
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
    ReadLimits limits;
    Shape shape = Shape::Request;
    std::chrono::seconds silence { 0 };
    int attempt = 0;
    bool reauthenticated = false;
    // Once part of a stream reached the caller, repeating the request would
    // replay it (a followed log) or splice two streams (a watch): the caller
    // resumes instead, from what it has seen. Touched in the worker thread only.
    bool delivered = false;
    // Bytes since the last newline of a stream read as lines (worker thread).
    qsizetype lineLength = 0;
    bool lineTooLong = false;

    qsizetype lineLimit() const
    {
        return shape == Shape::Watch                             ? limits.watchEvent
            : shape == Shape::Log || shape == Shape::FollowedLog ? limits.logLine
                                                                 : 0;
    }

    // Counts the open line across chunks; false once it is longer than
    // allowed. A line that starts and ends inside one chunk is at most that
    // chunk, a few KiB from libcurl.
    bool lineFits(QByteArrayView chunk)
    {
        const qsizetype limit = lineLimit();
        if (limit <= 0)
            return true;
        const qsizetype first = chunk.indexOf('\n');
        if (first < 0) {
            lineLength += chunk.size();
        } else {
            if (lineLength + first > limit)
                lineLength += first;
            else
                lineLength = chunk.size() - chunk.lastIndexOf('\n') - 1;
        }
        return lineLength <= limit;
    }

    KubeError lineError() const
    {
        const QString where = d->place(request);
        const QString size = ReadLimits::describe(lineLimit());
        return KubeError::make(KubeError::Kind::TooLarge,
            shape == Shape::Watch
                ? KubeError::tr("An event of the watch of %1 exceeded %2 without a line end: stopped reading")
                      .arg(where, size)
                : KubeError::tr("A line of the log at %1 exceeded %2 without a line end: stopped reading")
                      .arg(where, size));
    }

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
        transfer.maximumBody = limits.answer;
        transfer.maximumErrorBody = limits.errorAnswer;
        silenceRule(transfer, request, shape, limits);
        silence = transfer.silence;
        auto self = shared_from_this();
        if (onData) {
            transfer.onData = [self, callback = onData](const char *data, size_t size) {
                const QByteArrayView chunk(data, qsizetype(size));
                if (!self->lineFits(chunk)) {
                    self->lineTooLong = true;
                    return false;
                }
                self->delivered = true;
                return callback(chunk);
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
        if (lineTooLong)
            return fail(lineError());
        if (result.exceeded > 0) {
            const QString where = d->place(request);
            const QString size = ReadLimits::describe(result.exceeded);
            const bool success = result.httpStatus >= 200 && result.httpStatus < 300;
            KubeError error = KubeError::make(KubeError::Kind::TooLarge,
                success ? KubeError::tr("The answer of %1 exceeded %2: stopped reading").arg(where, size)
                        : KubeError::tr("The error answer (HTTP %1) of %2 exceeded %3: stopped reading")
                              .arg(result.httpStatus)
                              .arg(where, size));
            // The status of an error answer still counts (a 404 is absent,
            // whatever came with it); a too large 2xx has none.
            if (!success)
                error.httpStatus = result.httpStatus;
            return fail(std::move(error));
        }
        if (result.stalled && !cancelled) {
            const QString where = d->place(request);
            return fail(KubeError::make(KubeError::Kind::Timeout,
                shape == Shape::FollowedLog
                    ? KubeError::tr("The server did not begin to answer %1 within %2 s: stopped waiting")
                          .arg(where)
                          .arg(limits.silence.count())
                    : KubeError::tr("The server sent nothing for %1 s on %2: stopped waiting")
                          .arg(silence.count())
                          .arg(where)));
        }
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
        if (result.httpStatus >= 300 && result.httpStatus < 400) {
            // An API server never redirects; whatever does must not take the
            // request (and its credentials) elsewhere.
            QUrl target(QString::fromUtf8(result.location));
            target.setUserInfo(QString());
            response.error = KubeError::make(KubeError::Kind::Http,
                KubeError::tr("%1 answered HTTP %2, a redirect to \"%3\": Shipyard follows no redirects from a "
                              "cluster (is the server address of the kubeconfig its API server?)")
                    .arg(d->place(request))
                    .arg(result.httpStatus)
                    .arg(beginningOf(target.toEncoded(), 200)));
            response.error.httpStatus = result.httpStatus;
        } else if (result.httpStatus < 200 || result.httpStatus >= 300) {
            response.error = KubeError::fromHttp(result.httpStatus, result.body, request);
        } else if (!onData && !looksLikeJson(request, result.body)) {
            // A proxy's login page or a server that is no API server: say so
            // here, rather than let callers read an empty object.
            response.error = KubeError::make(KubeError::Kind::Decode,
                KubeError::tr("The answer of %1 is not JSON: it begins with \"%2\"")
                    .arg(d->place(request), beginningOf(result.body, 40)));
        }
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

QString KubeClient::placeOf(const KubeRequest &request) const
{
    return d ? d->place(request) : request.path;
}

KubeClient KubeClient::withReadLimits(const ReadLimits &limits) const
{
    KubeClient copy = *this;
    copy.m_limits = limits;
    return copy;
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
    exchange->limits = m_limits;
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
    exchange->shape = shapeOf(request, true);
    exchange->request = std::move(request);
    exchange->onData = std::move(onData);
    exchange->done = std::move(onEnd);
    exchange->stream = state;
    exchange->limits = m_limits;
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
