// SPDX-License-Identifier: GPL-2.0-or-later
// Round trips against a real Redmine (Debian's redmine package), started by
// the ctest fixture "redmine" (redmine-setup.sh), plus response handling that
// a real server cannot be made to produce, through a fake transport.
#include "FakeTransport.h"

#include "tracker/CurlTransport.h"
#include "tracker/RedmineTracker.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace Shipyard;

class tst_RedmineTracker : public QObject
{
    Q_OBJECT

private:
    QHash<QString, QString> m_env;
    std::shared_ptr<CurlTransport> m_transport = std::make_shared<CurlTransport>();

    QUrl url() const { return QUrl(m_env.value(QStringLiteral("URL"))); }
    RedmineTracker tracker(const QString &key) const
    {
        return RedmineTracker(url(), key, m_transport, QStringLiteral("REDMINE_TOKEN"));
    }
    RedmineTracker admin() const { return tracker(m_env.value(QStringLiteral("API_KEY"))); }
    QString issueKey(const QString &name) const { return QStringLiteral("TASK-") + m_env.value(name); }

    QJsonObject rawIssue(const QString &id, const QString &query = QString())
    {
        HttpRequest request;
        request.url = url();
        request.url.setPath(QStringLiteral("/issues/%1.json").arg(id));
        request.url.setQuery(query);
        request.addHeader("X-Redmine-API-Key", m_env.value(QStringLiteral("API_KEY")).toUtf8());
        return QJsonDocument::fromJson(m_transport->send(request).body)
            .object()
            .value(QLatin1String("issue"))
            .toObject();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QFile file(QStringLiteral(REDMINE_STATE_FILE));
        QVERIFY2(file.open(QIODevice::ReadOnly), "no Redmine fixture: run through ctest (fixture 'redmine')");
        for (const QByteArray &line : file.readAll().split('\n')) {
            const qsizetype equals = line.indexOf('=');
            if (equals > 0)
                m_env.insert(QString::fromUtf8(line.left(equals)), QString::fromUtf8(line.mid(equals + 1)));
        }
        QVERIFY(!m_env.value(QStringLiteral("API_KEY")).isEmpty());
    }

    void readTask_data()
    {
        QTest::addColumn<QString>("key");
        QTest::newRow("project-style key") << issueKey(QStringLiteral("ISSUE"));
        QTest::newRow("#number") << QLatin1Char('#') + m_env.value(QStringLiteral("ISSUE"));
    }

    void readTask()
    {
        QFETCH(QString, key);
        RedmineTracker redmine = admin();
        const TaskLookup lookup = redmine.task(key);
        QVERIFY2(!lookup.error, qPrintable(lookup.error.message()));
        QCOMPARE(lookup.task->key, key);
        QCOMPARE(lookup.task->title, QStringLiteral("Login page with ünïcödé"));
        QCOMPARE(lookup.task->assignee, QStringLiteral("Redmine Admin"));
        QCOMPARE(lookup.task->url.toString(),
            url().toString() + QStringLiteral("/issues/") + m_env.value(QStringLiteral("ISSUE")));
    }

    void transitionRoundTrip()
    {
        RedmineTracker redmine = admin();
        const QString key = issueKey(QStringLiteral("ISSUE"));
        for (const QString &status : { QStringLiteral("Awaiting Autotests"), QStringLiteral("awaiting showroom"),
                 QStringLiteral("In QA"), QStringLiteral("For Delivery"), QStringLiteral("In Progress") }) {
            const TrackerError error = redmine.transition(key, status);
            QVERIFY2(!error, qPrintable(error.message()));
            QCOMPARE(redmine.task(key).task->status.toLower(), status.toLower());
        }
        // Already there: nothing to do, no error.
        QVERIFY(!redmine.transition(key, QStringLiteral("In Progress")));
    }

    void workflowRefusal()
    {
        RedmineTracker redmine = admin();
        const QString key = issueKey(QStringLiteral("DELIVERY_ISSUE"));
        const TrackerError error = redmine.transition(key, QStringLiteral("Rejected"));
        QCOMPARE(error.kind(), TrackerError::Kind::Rejected);
        QVERIFY2(error.message().contains(QLatin1String("workflow")), qPrintable(error.message()));
        QCOMPARE(redmine.task(key).task->status, QStringLiteral("Awaiting Delivery"));
    }

    void unknownStatus()
    {
        RedmineTracker redmine = admin();
        const TrackerError error =
            redmine.transition(issueKey(QStringLiteral("ISSUE")), QStringLiteral("Shipped to Mars"));
        QCOMPARE(error.kind(), TrackerError::Kind::Rejected);
        QVERIFY2(error.message().contains(QLatin1String("For Delivery")), qPrintable(error.message()));
    }

    void commentRoundTrip()
    {
        RedmineTracker redmine = admin();
        const QString text =
            QStringLiteral("Autotests failed at step \"unit\" — журнал:\n") + QString(50000, QLatin1Char('x'));
        const TrackerError error = redmine.addComment(issueKey(QStringLiteral("ISSUE")), text);
        QVERIFY2(!error, qPrintable(error.message()));
        const QJsonArray journals = rawIssue(m_env.value(QStringLiteral("ISSUE")), QStringLiteral("include=journals"))
                                        .value(QLatin1String("journals"))
                                        .toArray();
        QVERIFY(!journals.isEmpty());
        QCOMPARE(journals.last().toObject().value(QLatin1String("notes")).toString(), text);
    }

    void httpErrors_data()
    {
        QTest::addColumn<QString>("apiKey");
        QTest::addColumn<QString>("key");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("404: no such issue") << m_env.value(QStringLiteral("API_KEY")) << QStringLiteral("TASK-99999")
                                            << int(TrackerError::Kind::NotFound) << QStringLiteral("404");
        QTest::newRow("401: wrong API key")
            << QStringLiteral("not-a-key") << issueKey(QStringLiteral("ISSUE")) << int(TrackerError::Kind::Unauthorized)
            << QStringLiteral("$REDMINE_TOKEN");
        QTest::newRow("403: not a member of the private project")
            << m_env.value(QStringLiteral("OUTSIDER_KEY")) << issueKey(QStringLiteral("ISSUE"))
            << int(TrackerError::Kind::Forbidden) << QStringLiteral("403");
        QTest::newRow("key without a number")
            << m_env.value(QStringLiteral("API_KEY")) << QStringLiteral("feature/login")
            << int(TrackerError::Kind::InvalidInput) << QStringLiteral("issue number");
    }

    void httpErrors()
    {
        QFETCH(QString, apiKey);
        QFETCH(QString, key);
        QFETCH(int, kind);
        QFETCH(QString, messagePart);
        RedmineTracker redmine = tracker(apiKey);
        const TaskLookup lookup = redmine.task(key);
        QCOMPARE(int(lookup.error.kind()), kind);
        QVERIFY2(lookup.error.message().contains(messagePart), qPrintable(lookup.error.message()));
        QVERIFY(!lookup.task);
        if (kind != int(TrackerError::Kind::InvalidInput))
            QCOMPARE(int(redmine.addComment(key, QStringLiteral("x")).kind()), kind);
    }

    void networkErrorAndTimeout()
    {
        // A socket that listens but never answers: the kernel completes the
        // connection, nobody replies.
        const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address = {};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        QCOMPARE(::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof address), 0);
        QCOMPARE(::listen(fd, 4), 0);
        socklen_t length = sizeof address;
        ::getsockname(fd, reinterpret_cast<sockaddr *>(&address), &length);
        const int port = ntohs(address.sin_port);

        HttpRequest request;
        request.url = QUrl(QStringLiteral("http://127.0.0.1:%1/issues/1.json").arg(port));
        request.timeoutMs = 700;
        const HttpResponse silent = m_transport->send(request);
        QCOMPARE(silent.failure, HttpResponse::Failure::Timeout);
        const TrackerError timeout = TrackerError::fromResponse(silent, QStringLiteral("reading TASK-1"));
        QCOMPARE(timeout.kind(), TrackerError::Kind::Timeout);
        QVERIFY(timeout.message().contains(QLatin1String("did not answer in time")));
        ::close(fd);

        // The port is closed now: connection refused.
        RedmineTracker closed(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)), QStringLiteral("k"), m_transport);
        const TaskLookup lookup = closed.task(QStringLiteral("TASK-1"));
        QCOMPARE(lookup.error.kind(), TrackerError::Kind::Network);
        QVERIFY2(lookup.error.message().contains(QLatin1String("cannot reach")), qPrintable(lookup.error.message()));
    }

    void hostileResponses_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("kind");
        QTest::newRow("HTML login page with 200")
            << 200 << QByteArray("<html><body>Sign in</body></html>") << int(TrackerError::Kind::BadResponse);
        QTest::newRow("empty body") << 200 << QByteArray() << int(TrackerError::Kind::BadResponse);
        QTest::newRow("JSON array") << 200 << QByteArray("[1,2,3]") << int(TrackerError::Kind::BadResponse);
        QTest::newRow("issue without id")
            << 200 << QByteArray(R"({"issue":{"subject":"x"}})") << int(TrackerError::Kind::BadResponse);
        QTest::newRow("truncated JSON") << 200 << QByteArray(R"({"issue":{"id":1,"subj)")
                                        << int(TrackerError::Kind::BadResponse);
        QTest::newRow("502 from a proxy, HTML body")
            << 502 << QByteArray("<html>Bad Gateway</html>") << int(TrackerError::Kind::ServerError);
        QTest::newRow("503 with Redmine errors")
            << 503 << QByteArray(R"({"errors":["maintenance"]})") << int(TrackerError::Kind::ServerError);
        QTest::newRow("wrong types everywhere")
            << 200 << QByteArray(R"({"issue":{"id":1,"subject":7,"status":"x","assigned_to":[]}})")
            << int(TrackerError::Kind::None);
    }

    void hostileResponses()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(int, kind);
        auto fake = std::make_shared<FakeTransport>();
        fake->respond("GET /issues/1.json", status, body);
        RedmineTracker redmine(QUrl(QStringLiteral("https://redmine.example.org")), QStringLiteral("k"), fake);
        const TaskLookup lookup = redmine.task(QStringLiteral("TASK-1"));
        QCOMPARE(int(lookup.error.kind()), kind);
        if (lookup.error)
            QVERIFY(lookup.error.message().contains(QLatin1String("TASK-1")));
        else
            QCOMPARE(lookup.task->title, QString());
    }
};

QTEST_GUILESS_MAIN(tst_RedmineTracker)
#include "tst_redminetracker.moc"
