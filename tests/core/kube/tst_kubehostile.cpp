// SPDX-License-Identifier: GPL-2.0-or-later
// What a hostile or broken server can do to the Kubernetes client: answer
// garbage, a 2 GB gzip bomb, bodies, error bodies, watch events and log lines
// without end, silence (before the answer and in the middle of it), a
// redirect to file://. Each case must end with a clear error naming the
// place, within seconds, and the process's peak memory must grow by no more
// than kMemoryBound; quiet streams (a watch on which nothing happens, a
// followed log of a quiet container) must live on past the silence limit.
//
// No API server can be made to misbehave like this, so the server is
// hostile-server.py (plain HTTP on 127.0.0.1), reached through a kubeconfig
// like any cluster. The client's ReadLimits are made small (8 MiB answers, a
// second of silence) so that every limit is reached in a moment; the limits
// themselves are the production ones' logic, only their values differ.
#include "TestWorldRequirement.h"
#include "kube/ClusterAccess.h"
#include "kube/KubeClient.h"
#include "kube/KubeInformer.h"
#include "kube/Kubeconfig.h"
#include "kube/PodLogs.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <memory>
#include <mutex>

using namespace Shipyard;

namespace {

// The test's limits are 8 MiB: room for a buffer that doubles as it grows
// and for the allocator, far below what an unbounded read holds.
constexpr qint64 kMemoryBound = 64 * 1024 * 1024;
// Each case ends within this, silences and retries included.
constexpr int kTimeBoundMs = 20000;

// A field of /proc/self/status in bytes ("VmHWM:", "VmRSS:").
qint64 statusBytes(const char *field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(field))
            return line.mid(qsizetype(qstrlen(field))).trimmed().split(' ').value(0).toLongLong() * 1024;
    }
    return -1;
}

// Since Linux 4.0, "5" resets the peak (VmHWM) to the current RSS.
bool resetPeak()
{
    QFile refs(QStringLiteral("/proc/self/clear_refs"));
    return refs.open(QIODevice::WriteOnly) && refs.write("5") == 1;
}

QString kubeconfigFor(const QString &server)
{
    return QStringLiteral("apiVersion: v1\n"
                          "kind: Config\n"
                          "clusters:\n"
                          "- name: hostile\n"
                          "  cluster: {server: \"%1\"}\n"
                          "users:\n"
                          "- name: someone\n"
                          "  user: {token: secret-token-never-shown}\n"
                          "contexts:\n"
                          "- name: hostile\n"
                          "  context: {cluster: hostile, user: someone, namespace: hostile}\n"
                          "current-context: hostile\n")
        .arg(server);
}

// What a stream delivered, filled in the worker thread.
struct Received
{
    std::mutex mutex;
    qint64 bytes = 0;
    QByteArray start; // the first bytes, to look at
    std::atomic_bool ended = false;
    KubeResponse end;
};

} // namespace

class TestKubeHostile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("python3")).isEmpty())
            SHIPYARD_TEST_WORLD_MISSING("python3 is needed for the hostile server");
        QVERIFY(m_dir.isValid());
        m_server.setProgram(QStringLiteral("python3"));
        m_server.setArguments({ QStringLiteral(SHIPYARD_SOURCE_DIR "/tests/core/kube/hostile-server.py") });
        m_server.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_server.start();
        QVERIFY(m_server.waitForStarted(5000));
        QTRY_VERIFY_WITH_TIMEOUT(m_server.canReadLine(), 10000);
        m_port = m_server.readLine().trimmed().toInt();
        QVERIFY(m_port > 0);
        m_client = clientFor(QStringLiteral("http://127.0.0.1:%1").arg(m_port));
        QVERIFY(m_client.isValid());

        ReadLimits limits;
        limits.answer = 8 * ReadLimits::mebibyte;
        limits.errorAnswer = 256 * 1024;
        limits.watchEvent = 4 * ReadLimits::mebibyte;
        limits.logLine = 4 * ReadLimits::mebibyte;
        limits.silence = std::chrono::seconds(1);
        limits.watchGrace = std::chrono::seconds(2);
        m_client = m_client.withReadLimits(limits);
        m_canResetPeak = resetPeak();
        m_startRss = statusBytes("VmRSS:");
        QVERIFY(m_startRss > 0);
    }

    void cleanupTestCase()
    {
        if (m_server.state() != QProcess::NotRunning) {
            m_server.kill();
            m_server.waitForFinished(5000);
        }
    }

    void init()
    {
        // Measure each case on its own where the kernel lets us; otherwise
        // against the start, which only makes the bound stricter.
        if (m_canResetPeak)
            resetPeak();
        m_caseRss = m_canResetPeak ? statusBytes("VmRSS:") : m_startRss;
        m_clock.start();
    }

    void cleanup()
    {
        const qint64 growth = statusBytes("VmHWM:") - m_caseRss;
        qInfo("%s: %lld ms, peak RSS +%.1f MiB", QTest::currentTestFunction(), m_clock.elapsed(),
            double(growth) / (1024 * 1024));
        QVERIFY2(growth < kMemoryBound, qPrintable(QStringLiteral("peak RSS grew by %1 MiB").arg(growth >> 20)));
        QVERIFY2(m_clock.elapsed() < kTimeBoundMs, "took too long");
    }

    void garbageInsteadOfJson()
    {
        const KubeResponse response = get(QStringLiteral("garbage"));
        QCOMPARE(response.error.kind, KubeError::Kind::Decode);
        expect(response.error,
            { QStringLiteral("The answer of http://127.0.0.1:%1/api/v1/namespaces/hostile/configmaps/"
                             "garbage is not JSON: it begins with \"<html><body>Please log in?")
                    .arg(m_port) });
    }

    void garbageAsAnErrorAnswer()
    {
        const KubeResponse response = get(QStringLiteral("garbage-error"));
        QCOMPARE(response.error.kind, KubeError::Kind::Http);
        QCOMPARE(response.error.httpStatus, 502);
        expect(response.error, { QStringLiteral("Bad gateway") });
        QVERIFY2(!response.error.message.contains(QChar(0x1b)), qPrintable(response.error.message));
        QVERIFY2(!response.error.message.contains(QChar(0x07)), qPrintable(response.error.message));
    }

    void gzipBomb()
    {
        const KubeResponse response = get(QStringLiteral("bomb"));
        QCOMPARE(response.error.kind, KubeError::Kind::TooLarge);
        expect(response.error,
            { QStringLiteral("The answer of http://127.0.0.1:%1/api/v1/namespaces/hostile/configmaps/bomb exceeded "
                             "8 MiB: stopped reading")
                    .arg(m_port) });
        QVERIFY(response.body.isEmpty());
    }

    void answerLargerThanTheLimit()
    {
        const KubeResponse response = get(QStringLiteral("huge"));
        QCOMPARE(response.error.kind, KubeError::Kind::TooLarge);
        expect(response.error, { QStringLiteral("configmaps/huge exceeded 8 MiB: stopped reading") });
    }

    void errorAnswerLargerThanItsLimit()
    {
        const KubeResponse response = get(QStringLiteral("huge-error"));
        QCOMPARE(response.error.kind, KubeError::Kind::TooLarge);
        expect(response.error,
            { QStringLiteral("The error answer (HTTP 500) of http://127.0.0.1:%1/api/v1/namespaces/hostile/"
                             "configmaps/huge-error exceeded 256 KiB: stopped reading")
                    .arg(m_port) });
    }

    void gzipBombAsAnErrorAnswer()
    {
        const KubeResponse response = get(QStringLiteral("bomb-error"));
        QCOMPARE(response.error.kind, KubeError::Kind::TooLarge);
        expect(response.error, { QStringLiteral("(HTTP 500)"), QStringLiteral("exceeded 256 KiB") });
        QCOMPARE(response.error.httpStatus, 500);
    }

    void serverAcceptsAndNeverAnswers()
    {
        const KubeResponse response = get(QStringLiteral("silent"));
        QCOMPARE(response.error.kind, KubeError::Kind::Timeout);
        expect(response.error,
            { QStringLiteral("The server sent nothing for 1 s on http://127.0.0.1:%1/api/v1/namespaces/hostile/"
                             "configmaps/silent: stopped waiting")
                    .arg(m_port) });
    }

    // An apiserver killed while a client's handshake is under way: a
    // network failure, which callers retry, not a certificate problem.
    void serverHangsUpDuringTheTlsHandshake()
    {
        QProcess server;
        server.start(QStringLiteral("python3"),
            { QStringLiteral("-c"),
                QStringLiteral("import socket\ns = socket.socket()\ns.bind(('127.0.0.1', 0))\ns.listen()\n"
                               "print(s.getsockname()[1], flush=True)\n"
                               "while True:\n    c, _ = s.accept()\n    c.recv(1)\n    c.close()\n") });
        QVERIFY(server.waitForStarted(5000));
        QTRY_VERIFY_WITH_TIMEOUT(server.canReadLine(), 10000);
        const int port = server.readLine().trimmed().toInt();
        const KubeClient client = clientFor(QStringLiteral("https://127.0.0.1:%1").arg(port));
        KubeRequest request = KubeRequest::get(QStringLiteral("/version"));
        request.maxAttempts = 1;
        const KubeResponse response = finish(client.send(request));
        server.kill();
        server.waitForFinished(5000);
        QCOMPARE(response.error.kind, KubeError::Kind::Network);
        expect(response.error, { QStringLiteral("was dropped during the TLS handshake") });
    }

    void serverStopsInTheMiddleOfTheBody()
    {
        const KubeResponse response = get(QStringLiteral("cut"));
        QCOMPARE(response.error.kind, KubeError::Kind::Timeout);
        expect(response.error, { QStringLiteral("sent nothing for 1 s"), QStringLiteral("configmaps/cut") });
    }

    void redirectToAFile()
    {
        const KubeResponse response = get(QStringLiteral("redirect"));
        QCOMPARE(response.error.kind, KubeError::Kind::Http);
        QCOMPARE(response.error.httpStatus, 302);
        expect(response.error,
            { QStringLiteral("answered HTTP 302, a redirect to \"file:///etc/passwd\": Shipyard "
                             "follows no redirects") });
        QVERIFY(!response.body.contains("root:"));
    }

    void serverAddressOfAnotherProtocol()
    {
        const KubeClient client = clientFor(QStringLiteral("file:///etc"));
        QVERIFY(client.isValid());
        const KubeResponse response = finish(client.get(QStringLiteral("/passwd")));
        QCOMPARE(response.error.kind, KubeError::Kind::Network);
        expect(response.error, { QStringLiteral("The server address file:///etc is not http or https") });
        QVERIFY(response.body.isEmpty());
    }

    void informerListIsGarbage()
    {
        expect(informerError(QStringLiteral("garbage-list")),
            { QStringLiteral("The answer of http://127.0.0.1:%1/api/v1/namespaces/garbage-list/configmaps is not "
                             "JSON: it begins with \"<html>Gateway login")
                    .arg(m_port) });
    }

    // KubePager asks the page again in smaller pieces (500, 62, 7, 1 objects)
    // before it gives up: four bombs, each stopped at the limit.
    void informerListIsAGzipBomb()
    {
        const QString path = QStringLiteral("/api/v1/namespaces/bomb-list/configmaps");
        const int before = count("GET " + path);
        expect(informerError(QStringLiteral("bomb-list")),
            { QStringLiteral("The answer of http://127.0.0.1:%1%2 exceeded 8 MiB: stopped reading")
                    .arg(m_port)
                    .arg(path) });
        QCOMPARE(count("GET " + path) - before, 4);
    }

    void watchEventIsGarbage()
    {
        expect(informerError(QStringLiteral("garbage-event")),
            { QStringLiteral("An event of the watch of http://127.0.0.1:%1/api/v1/namespaces/garbage-event/configmaps "
                             "is not JSON")
                    .arg(m_port) });
    }

    void watchEventNeverEnds()
    {
        expect(informerError(QStringLiteral("endless-event")),
            { QStringLiteral("An event of the watch of http://127.0.0.1:%1/api/v1/namespaces/endless-event/configmaps "
                             "exceeded 4 MiB without a line end: stopped reading")
                    .arg(m_port) });
    }

    // The watch asks timeoutSeconds=1; silence past it and the grace (2 s) is a stall.
    void watchStalls()
    {
        expect(informerError(QStringLiteral("stalled-watch")),
            { QStringLiteral("The server sent nothing for 3 s on http://127.0.0.1:%1/api/v1/namespaces/stalled-watch/"
                             "configmaps: stopped waiting")
                    .arg(m_port) });
    }

    // Nothing happens on the watch for 3 s, three times the silence limit of
    // a request, then the server ends it as an API server does after
    // timeoutSeconds: the informer watches again, without an error.
    void quietWatchLivesOn()
    {
        KubeInformer informer(m_client, configMaps(), QStringLiteral("quiet-watch"));
        informer.setWatchTimeout(std::chrono::seconds(3));
        QStringList errors;
        connect(&informer, &KubeInformer::errorOccurred, this,
            [&errors](const KubeError &error) { errors.append(error.message); });
        informer.start();
        QTRY_VERIFY_WITH_TIMEOUT(informer.watchCount() >= 2, 10000);
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QLatin1Char('\n'))));
        QVERIFY(informer.hasSynced());
        informer.stop();
    }

    void logLineNeverEnds()
    {
        PodLogs::Options options;
        options.follow = true;
        const auto received = logOf(QStringLiteral("endless"), options);
        QCOMPARE(received->end.error.kind, KubeError::Kind::TooLarge);
        expect(received->end.error,
            { QStringLiteral("A line of the log at http://127.0.0.1:%1/api/v1/namespaces/hostile/pods/endless/log "
                             "exceeded 4 MiB without a line end: stopped reading")
                    .arg(m_port) });
        // What came before the endless line was delivered; the line itself never was.
        QVERIFY(received->start.startsWith("a first line\n"));
        QVERIFY(received->bytes <= qsizetype(sizeof "a first line\n") - 1 + 4 * ReadLimits::mebibyte);
    }

    void followedLogNeverBegins()
    {
        PodLogs::Options options;
        options.follow = true;
        const auto received = logOf(QStringLiteral("silent"), options);
        QCOMPARE(received->end.error.kind, KubeError::Kind::Timeout);
        expect(received->end.error,
            { QStringLiteral("The server did not begin to answer http://127.0.0.1:%1/api/v1/namespaces/hostile/pods/"
                             "silent/log within 1 s: stopped waiting")
                    .arg(m_port) });
    }

    void logStopsInTheMiddle()
    {
        const auto received = logOf(QStringLiteral("cut"), {});
        QCOMPARE(received->end.error.kind, KubeError::Kind::Timeout);
        expect(received->end.error, { QStringLiteral("sent nothing for 1 s"), QStringLiteral("pods/cut/log") });
        QCOMPARE(received->start, QByteArray("a line, then silence\n"));
    }

    // A container that wrote a line and then nothing, for four times the
    // silence limit: the followed log stays open until it is cancelled.
    void quietFollowedLogLivesOn()
    {
        PodLogs::Options options;
        options.follow = true;
        auto received = std::make_shared<Received>();
        KubeStream stream = startLog(QStringLiteral("quiet"), options, received);
        QTRY_VERIFY_WITH_TIMEOUT(received->bytes > 0, 5000);
        QTest::qWait(4000);
        QVERIFY2(!received->ended, qPrintable(received->end.error.message));
        stream.cancel();
        QTRY_VERIFY_WITH_TIMEOUT(received->ended, 5000);
        QCOMPARE(received->end.error.kind, KubeError::Kind::Cancelled);
        QCOMPARE(received->start, QByteArray("hello\n"));
    }

    // No credential ever reaches a message, whatever went wrong: not the
    // token, nor a password in the server address.
    void messagesHoldNoCredentials()
    {
        const KubeClient withPassword =
            clientFor(QStringLiteral("http://someone:secret-password@127.0.0.1:%1").arg(m_port));
        expect(finish(withPassword.get(QStringLiteral("/api/v1/namespaces/hostile/configmaps/garbage"))).error,
            { QStringLiteral("The answer of http://127.0.0.1:%1/").arg(m_port) });
        KubeRequest refused = KubeRequest::get(QStringLiteral("/api/v1/namespaces"));
        refused.maxAttempts = 1;
        expect(finish(clientFor(QStringLiteral("http://someone:secret-password@127.0.0.1:1")).send(refused)).error,
            { QStringLiteral("http://127.0.0.1:1") });
        for (const QString &message : std::as_const(m_messages)) {
            QVERIFY2(!message.contains(QLatin1String("secret-")), qPrintable(message));
            QVERIFY2(!message.contains(QLatin1String("someone")), qPrintable(message));
        }
        QVERIFY(m_messages.size() >= 20);
    }

private:
    KubeClient clientFor(const QString &server)
    {
        QFile config(m_dir.filePath(QStringLiteral("kubeconfig-%1").arg(++m_configs)));
        if (!config.open(QIODevice::WriteOnly))
            return {};
        config.write(kubeconfigFor(server).toUtf8());
        config.close();
        QString error;
        KubeClient client = ClusterAccess(Kubeconfig::loadFiles({ config.fileName() }, true), {}).client({}, &error);
        if (!client.isValid())
            qWarning("%s", qPrintable(error));
        return client.withReadLimits(m_client.readLimits());
    }

    static KubeResourceType configMaps()
    {
        return KubeResourceType::make(
            QString(), QStringLiteral("v1"), QStringLiteral("configmaps"), QStringLiteral("ConfigMap"));
    }

    KubeResponse finish(QFuture<KubeResponse> future)
    {
        // Never waitForFinished(): a hang must fail the case, not the whole run.
        [&] { QTRY_VERIFY_WITH_TIMEOUT(future.isFinished(), kTimeBoundMs); }();
        return future.isFinished() ? future.result() : KubeResponse {};
    }

    KubeResponse get(const QString &name)
    {
        return finish(m_client.get(QStringLiteral("/api/v1/namespaces/hostile/configmaps/") + name));
    }

    // The first error of an informer on namespace NS.
    KubeError informerError(const QString &ns)
    {
        KubeInformer informer(m_client, configMaps(), ns);
        informer.setWatchTimeout(std::chrono::seconds(1));
        QList<KubeError> errors;
        connect(
            &informer, &KubeInformer::errorOccurred, this, [&errors](const KubeError &error) { errors.append(error); });
        informer.start();
        [&] { QTRY_VERIFY_WITH_TIMEOUT(!errors.isEmpty(), kTimeBoundMs); }();
        informer.stop();
        return errors.value(0);
    }

    KubeStream startLog(const QString &pod, const PodLogs::Options &options, std::shared_ptr<Received> received)
    {
        return PodLogs::stream(
            m_client, QStringLiteral("hostile"), pod, options,
            [received](QByteArrayView text) {
                std::lock_guard lock(received->mutex);
                received->bytes += text.size();
                if (received->start.size() < 100)
                    received->start.append(text.first(std::min<qsizetype>(text.size(), 100)));
                return true;
            },
            [received](KubeResponse response) {
                std::lock_guard lock(received->mutex);
                received->end = std::move(response);
                received->ended = true;
            });
    }

    std::shared_ptr<Received> logOf(const QString &pod, const PodLogs::Options &options)
    {
        auto received = std::make_shared<Received>();
        KubeStream stream = startLog(pod, options, received);
        [&] { QTRY_VERIFY_WITH_TIMEOUT(received->ended, kTimeBoundMs); }();
        stream.cancel();
        std::lock_guard lock(received->mutex);
        return received;
    }

    // The error says each of PARTS; it is kept for messagesHoldNoCredentials.
    void expect(const KubeError &error, const QStringList &parts)
    {
        m_messages.append(error.message);
        QVERIFY2(error.isError(), "no error");
        for (const QString &part : parts)
            QVERIFY2(error.message.contains(part),
                qPrintable(QStringLiteral("\"%1\" lacks \"%2\"").arg(error.message, part)));
    }

    int count(const QString &key)
    {
        KubeRequest request = KubeRequest::get(QStringLiteral("/counts"));
        request.maxAttempts = 1;
        return finish(m_client.send(request)).json().value(key).toInt(0);
    }

    QTemporaryDir m_dir;
    QProcess m_server;
    int m_port = -1;
    int m_configs = 0;
    KubeClient m_client;
    bool m_canResetPeak = false;
    qint64 m_startRss = 0;
    qint64 m_caseRss = 0;
    QElapsedTimer m_clock;
    QStringList m_messages;
};

QTEST_GUILESS_MAIN(TestKubeHostile)
#include "tst_kubehostile.moc"
