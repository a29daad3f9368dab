// SPDX-License-Identifier: GPL-2.0-or-later
// KubeClient's retry policy: reads are retried after 503 and 429 (honouring
// Retry-After) and after a refused connection; writes are retried on 429,
// which the API server guarantees it did not apply, but never on 503, after
// which the write may have happened.
//
// This tests the client's policy, not API behaviour, so a stub HTTP server is
// the right tool here (a real apiserver cannot be made to answer 503 twice on
// cue): a small python3 http.server on 127.0.0.1, reached through a
// handcrafted kubeconfig like any cluster.
#include "TestWorldRequirement.h"
#include "kube/ClusterAccess.h"
#include "kube/KubeClient.h"
#include "kube/Kubeconfig.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace Shipyard;

namespace {

// Per path, a script of answers: "503,503,200" answers 503 twice, then 200
// for ever. /counts tells how many requests each path got.
const char kServer[] = R"PY(
import json, sys, threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PLANS = {
    "/api/v1/namespaces/default/configmaps/flaky": [503, 503, 200],
    "/api/v1/namespaces/default/configmaps/throttled": [429, 429, 200],
    "/api/v1/namespaces/default/configmaps/unavailable": [503],
    "/api/v1/namespaces/default/configmaps/refused": [200],
    "/api/v1/namespaces/default/secrets": [503],
    "/api/v1/namespaces/default/configmaps": [429, 201],
}
counts = {}
lock = threading.Lock()

class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def answer(self, status, body, retry_after=False):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        if retry_after:
            self.send_header("Retry-After", "1")
        self.end_headers()
        self.wfile.write(data)

    def handle_any(self):
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(length)
        path = self.path.split("?")[0]
        if path == "/counts":
            with lock:
                return self.answer(200, counts)
        key = self.command + " " + path
        with lock:
            n = counts.get(key, 0)
            counts[key] = n + 1
        plan = PLANS.get(path, [404])
        status = plan[min(n, len(plan) - 1)]
        if status >= 300:
            self.answer(status, {"kind": "Status", "apiVersion": "v1", "status": "Failure",
                                 "message": "stub says %d" % status, "code": status},
                        retry_after=status in (429, 503))
        else:
            self.answer(status, {"kind": "ConfigMap", "apiVersion": "v1",
                                 "metadata": {"name": path.rsplit("/", 1)[-1]}})

    do_GET = handle_any
    do_POST = handle_any

server = ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Handler)
print(server.server_address[1], flush=True)
server.serve_forever()
)PY";

// A port nothing listens on (bound, then released).
int freePort()
{
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address {};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    if (fd < 0 || bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0 ||
        getsockname(fd, reinterpret_cast<sockaddr *>(&address), &length) != 0) {
        if (fd >= 0)
            close(fd);
        return -1;
    }
    close(fd);
    return ntohs(address.sin_port);
}

KubeResponse wait(QFuture<KubeResponse> future)
{
    future.waitForFinished();
    return future.result();
}

} // namespace

class TestKubeRetry : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("python3")).isEmpty())
            SHIPYARD_TEST_WORLD_MISSING("python3 is needed for the stub server");
        QVERIFY(m_dir.isValid());
        QFile script(m_dir.filePath(QStringLiteral("server.py")));
        QVERIFY(script.open(QIODevice::WriteOnly));
        script.write(kServer);
        script.close();
        m_port = freePort();
        QVERIFY(m_port > 0);
        // Only the refused-connection test starts the server: until then
        // nothing listens on the port.
        QFile config(m_dir.filePath(QStringLiteral("kubeconfig")));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write(QStringLiteral("apiVersion: v1\n"
                                    "kind: Config\n"
                                    "clusters:\n"
                                    "- name: stub\n"
                                    "  cluster: {server: \"http://127.0.0.1:%1\"}\n"
                                    "users:\n"
                                    "- name: nobody\n"
                                    "  user: {}\n"
                                    "contexts:\n"
                                    "- name: stub\n"
                                    "  context: {cluster: stub, user: nobody, namespace: default}\n"
                                    "current-context: stub\n")
                .arg(m_port)
                .toUtf8());
        config.close();
        QString error;
        m_client = ClusterAccess(Kubeconfig::loadFiles({ config.fileName() }, true), {}).client({}, &error);
        QVERIFY2(m_client.isValid(), qPrintable(error));
    }

    void cleanupTestCase()
    {
        if (m_server.state() != QProcess::NotRunning) {
            m_server.kill();
            m_server.waitForFinished(5000);
        }
    }

    // First, while nothing listens: the first attempt is refused, the
    // server starts, a later attempt gets the answer.
    void getRetriesAfterRefusedConnection()
    {
        QElapsedTimer clock;
        clock.start();
        QFuture<KubeResponse> future = m_client.get(QStringLiteral("/api/v1/namespaces/default/configmaps/refused"));
        // Long enough for the first attempt to be refused, well inside the
        // 0.5 + 1 + 2 s of backoff the client allows.
        QTest::qWait(200);
        QVERIFY(!future.isFinished());
        m_server.setProgram(QStringLiteral("python3"));
        m_server.setArguments({ m_dir.filePath(QStringLiteral("server.py")), QString::number(m_port) });
        m_server.setProcessChannelMode(QProcess::SeparateChannels);
        m_server.start();
        QVERIFY(m_server.waitForStarted(5000));
        QTRY_VERIFY_WITH_TIMEOUT(m_server.canReadLine(), 10000);
        QCOMPARE(m_server.readLine().trimmed().toInt(), m_port);
        const KubeResponse response = wait(future);
        QVERIFY2(response.ok(), qPrintable(response.error.message));
        QCOMPARE(response.httpStatus, 200);
        QVERIFY(clock.elapsed() >= 400); // at least one backoff happened
        QCOMPARE(count("GET /api/v1/namespaces/default/configmaps/refused"), 1);
    }

    void getRetriesAfter503WithRetryAfter()
    {
        QElapsedTimer clock;
        clock.start();
        const KubeResponse response = wait(m_client.get(QStringLiteral("/api/v1/namespaces/default/configmaps/flaky")));
        QVERIFY2(response.ok(), qPrintable(response.error.message));
        QCOMPARE(count("GET /api/v1/namespaces/default/configmaps/flaky"), 3);
        QVERIFY2(clock.elapsed() >= 1900, "Retry-After: 1 was not waited for twice");
    }

    void getRetriesAfter429WithRetryAfter()
    {
        QElapsedTimer clock;
        clock.start();
        const KubeResponse response =
            wait(m_client.get(QStringLiteral("/api/v1/namespaces/default/configmaps/throttled")));
        QVERIFY2(response.ok(), qPrintable(response.error.message));
        QCOMPARE(count("GET /api/v1/namespaces/default/configmaps/throttled"), 3);
        QVERIFY(clock.elapsed() >= 1900);
    }

    void getGivesUpAfterItsAttempts()
    {
        const KubeResponse response =
            wait(m_client.get(QStringLiteral("/api/v1/namespaces/default/configmaps/unavailable")));
        QCOMPARE(response.httpStatus, 503);
        QVERIFY(response.error.isError());
        QCOMPARE(count("GET /api/v1/namespaces/default/configmaps/unavailable"), 4);
    }

    void postIsNotRetriedOn503()
    {
        const KubeResponse response = wait(m_client.create(QStringLiteral("/api/v1/namespaces/default/secrets"),
            QJsonObject { { QStringLiteral("kind"), QStringLiteral("Secret") } }));
        QCOMPARE(response.httpStatus, 503);
        QVERIFY(response.error.isError());
        QCOMPARE(count("POST /api/v1/namespaces/default/secrets"), 1);
    }

    void postIsRetriedOn429()
    {
        const KubeResponse response = wait(m_client.create(QStringLiteral("/api/v1/namespaces/default/configmaps"),
            QJsonObject { { QStringLiteral("kind"), QStringLiteral("ConfigMap") } }));
        QVERIFY2(response.ok(), qPrintable(response.error.message));
        QCOMPARE(response.httpStatus, 201);
        QCOMPARE(count("POST /api/v1/namespaces/default/configmaps"), 2);
    }

private:
    int count(const char *key)
    {
        KubeRequest request = KubeRequest::get(QStringLiteral("/counts"));
        request.maxAttempts = 1;
        const KubeResponse response = wait(m_client.send(request));
        return response.json().value(QLatin1String(key)).toInt(-1);
    }

    QTemporaryDir m_dir;
    QProcess m_server;
    int m_port = -1;
    KubeClient m_client;
};

QTEST_GUILESS_MAIN(TestKubeRetry)
#include "tst_kuberetry.moc"
