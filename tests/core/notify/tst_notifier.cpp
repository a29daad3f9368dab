// SPDX-License-Identifier: GPL-2.0-or-later
// The Notifier against local servers speaking the real protocols: a chat's
// incoming webhook (HttpTestSink, answering as Slack and Mattermost do) and
// an SMTP server (SmtpTestServer), both reached by libcurl. What is sent,
// AUTH as the server asks for it, secrets never sent or said, and servers
// that are down, refuse or hang costing a warning and little time.
#include "HttpTestSink.h"
#include "SmtpTestServer.h"

#include "model/EcosystemLoader.h"
#include "notify/Notifier.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Shipyard;
using namespace Shipyard::TestSupport;

namespace {

const QString chatToken = QStringLiteral("T0SHOP/B0CHAT/x7Kq2mWb9RtLp4Zc8Vn3Hs6D");
const QString smtpPassword = QStringLiteral("smtp-Pa55word-never-shown");

// A port nothing listens on.
quint16 closedPort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost);
    return server.serverPort();
}

// EMAIL: the recipients and credentials of the mail channel.
Ecosystem ecosystem(quint16 smtpPort,
    const QByteArray &email = "to: [releases@shop.example.org, ops@shop.example.org], usernameEnv: TEST_SMTP_USER, "
                              "passwordEnv: TEST_SMTP_PASSWORD",
    const QByteArray &timeout = "2s")
{
    const QByteArray yaml = "apiVersion: shipyard/v1\nname: Shop\n"
                            "notifications:\n"
                            "  channels:\n"
                            "    team-chat: {chat: {urlEnv: TEST_CHAT_WEBHOOK, username: Shipyard}}\n"
                            "    release-mail:\n"
                            "      email: {smtp: \"smtp://127.0.0.1:" +
        QByteArray::number(smtpPort) + "\", from: shipyard@shop.example.org, " + email +
        "}\n"
        "  notify:\n"
        "    - {channel: team-chat}\n"
        "    - {channel: release-mail, events: [delivery.*]}\n"
        "  timeout: " +
        timeout +
        "\n"
        "gating: {reviewsRequired: 0}\n"
        "systems:\n  - name: api\n    template: backend\n    repository: api\n    image: shop/api\n"
        "    manifests: [deploy/]\n"
        "environments:\n  - {name: staging, kind: staging, context: local, namespace: staging}\n"
        "  - {name: quiet, kind: local, context: local, namespace: quiet, notify: []}\n";
    const EcosystemLoadResult loaded = EcosystemLoader().loadData(yaml, QStringLiteral("ecosystem.yaml"));
    if (!loaded.ecosystem) {
        for (const Diagnostic &diagnostic : loaded.diagnostics)
            qWarning("%s", qPrintable(diagnostic.toString()));
        qFatal("the test ecosystem does not load");
    }
    return *loaded.ecosystem;
}

Notification failed()
{
    Notification notification;
    notification.event = NotificationEvent::DeliveryFailed;
    notification.environment = QStringLiteral("staging");
    notification.systems = { QStringLiteral("api") };
    // A reason that quotes what it should not: both secrets.
    notification.message = QStringLiteral("deploy failed: posting to http://127.0.0.1/hooks/%1 with %2 did not work")
                               .arg(chatToken, smtpPassword);
    return notification;
}

} // namespace

class tst_Notifier : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        qputenv("TEST_SMTP_USER", "shipyard");
        qputenv("TEST_SMTP_PASSWORD", smtpPassword.toUtf8());
    }

    void cleanup()
    {
        qunsetenv("TEST_CHAT_WEBHOOK");
        qunsetenv("TEST_SMTP_USER");
        qunsetenv("TEST_SMTP_PASSWORD");
    }

    void chatAndMailAreSent()
    {
        HttpTestSink chat;
        SmtpTestServer mail(QStringLiteral("shipyard"), smtpPassword);
        qputenv("TEST_CHAT_WEBHOOK", chat.url(chatToken).toUtf8());
        Notifier notifier(ecosystem(mail.port()));
        QVERIFY(notifier.isRouted(QStringLiteral("staging"), NotificationEvent::DeliveryFailed));
        QVERIFY(!notifier.isRouted(QStringLiteral("quiet"), NotificationEvent::DeliveryFailed));

        const QStringList warnings = notifier.send(failed());
        QVERIFY2(warnings.isEmpty(), qPrintable(warnings.join(QLatin1Char('\n'))));

        QCOMPARE(chat.requests().size(), 1);
        const HttpTestSink::Request request = chat.requests().first();
        QCOMPARE(request.method, QByteArray("POST"));
        QCOMPARE(request.path, QStringLiteral("/hooks/%1").arg(chatToken).toUtf8());
        QCOMPARE(request.headers.value("content-type"), QByteArray("application/json; charset=utf-8"));
        const QJsonObject body = QJsonDocument::fromJson(request.body).object();
        QCOMPARE(body.value(QLatin1String("username")).toString(), QStringLiteral("Shipyard"));
        const QString text = body.value(QLatin1String("text")).toString();
        QVERIFY2(text.startsWith(QStringLiteral("Delivery into staging failed: api\ndeploy failed: posting to "
                                                "http://127.0.0.1*** with *** did not work\n")),
            qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("Ecosystem: Shop")));

        QCOMPARE(mail.mails().size(), 1);
        const SmtpTestServer::Mail sent = mail.mails().first();
        QCOMPARE(sent.authUser, QStringLiteral("shipyard"));
        QCOMPARE(sent.from, QStringLiteral("shipyard@shop.example.org"));
        QCOMPARE(sent.to,
            QStringList({ QStringLiteral("releases@shop.example.org"), QStringLiteral("ops@shop.example.org") }));
        QCOMPARE(sent.header("Subject"), QByteArray("[Shop] Delivery into staging failed: api"));
        QCOMPARE(sent.header("From"), QByteArray("shipyard@shop.example.org"));
        QVERIFY(sent.header("Message-ID").endsWith("@shop.example.org>"));
        QVERIFY(QDateTime::fromString(QString::fromLatin1(sent.header("Date")), Qt::RFC2822Date).isValid());
        QVERIFY2(sent.body().startsWith("Delivery into staging failed: api\r\ndeploy failed: posting to "
                                        "http://127.0.0.1*** with *** did not work\r\n"),
            sent.body().constData());

        // Neither secret went anywhere in what was sent (the AUTH exchange
        // itself carries the password, base64-encoded, as SMTP AUTH does).
        for (const QString &secret : { chatToken, smtpPassword }) {
            QVERIFY(!request.body.contains(secret.toUtf8()));
            QVERIFY(!sent.data.contains(secret.toUtf8()));
        }
    }

    void aServerOfferingOnlyLoginGetsLogin()
    {
        SmtpTestServer mail(QStringLiteral("shipyard"), smtpPassword, SmtpTestServer::Behaviour::Answer, "LOGIN");
        Notifier notifier(ecosystem(mail.port()));
        Notification notification = failed();
        notification.event = NotificationEvent::DeliverySucceeded; // not to the chat: its variable is not set
        const QStringList warnings = notifier.send(notification);
        QCOMPARE(warnings,
            QStringList { QStringLiteral("delivery.succeeded not sent to team-chat: TEST_CHAT_WEBHOOK is not set") });
        QCOMPARE(mail.mails().size(), 1);
        QCOMPARE(mail.mails().first().authMechanism, QStringLiteral("LOGIN"));
    }

    void aDotAtTheStartOfALineSurvives()
    {
        SmtpTestServer mail;
        Notifier notifier(ecosystem(mail.port(), "to: [ops@shop.example.org]"));
        Notification notification = failed();
        notification.message = QStringLiteral(".\n..two dots\n.");
        notifier.send(notification);
        QCOMPARE(mail.mails().size(), 1);
        QVERIFY2(
            mail.mails().first().body().startsWith("Delivery into staging failed: api\r\n.\r\n..two dots\r\n.\r\n"),
            mail.mails().first().body().constData());
    }

    void refusalsAreWarningsWithoutSecrets()
    {
        HttpTestSink chat(HttpTestSink::Behaviour::Answer, 404);
        SmtpTestServer mail(QStringLiteral("shipyard"), QStringLiteral("another password"));
        qputenv("TEST_CHAT_WEBHOOK", chat.url(chatToken).toUtf8());
        Notifier notifier(ecosystem(mail.port()));
        const QStringList warnings = notifier.send(failed());
        QCOMPARE(warnings.size(), 2);
        QVERIFY2(warnings.first().startsWith(QStringLiteral(
                     "delivery.failed not sent to team-chat: the chat at 127.0.0.1:%1 answered HTTP 404: no_service")
                         .arg(chat.port())),
            qPrintable(warnings.first()));
        QVERIFY2(warnings.last().startsWith(QStringLiteral("delivery.failed not sent to release-mail: mail to "
                                                           "releases@shop.example.org, ops@shop.example.org via "
                                                           "127.0.0.1 not sent: ")),
            qPrintable(warnings.last()));
        QVERIFY2(warnings.last().contains(QStringLiteral("535")), qPrintable(warnings.last()));
        for (const QString &warning : warnings) {
            QVERIFY(!warning.contains(chatToken));
            QVERIFY(!warning.contains(smtpPassword));
        }
        QVERIFY(mail.mails().isEmpty());
    }

    void starttlsIsRequiredWhenAskedFor()
    {
        // The server offers no STARTTLS: no mail goes in plain text.
        SmtpTestServer mail(QStringLiteral("shipyard"), smtpPassword);
        Notifier notifier(ecosystem(mail.port(),
            "to: [ops@shop.example.org], starttls: true, usernameEnv: TEST_SMTP_USER, passwordEnv: "
            "TEST_SMTP_PASSWORD"));
        Notification notification = failed();
        notification.event = NotificationEvent::DeliveryStarted;
        const QStringList warnings = notifier.send(notification);
        QCOMPARE(warnings.size(), 2); // the chat's variable is not set either
        QVERIFY2(warnings.last().contains(QStringLiteral("not sent")), qPrintable(warnings.last()));
        QVERIFY(mail.mails().isEmpty());
        QVERIFY(!mail.transcript().toUpper().contains("AUTH"));
    }

    void serversThatAreDownCostLittle()
    {
        qputenv("TEST_CHAT_WEBHOOK",
            QStringLiteral("http://127.0.0.1:%1/hooks/%2").arg(closedPort()).arg(chatToken).toUtf8());
        Notifier notifier(ecosystem(closedPort()));
        QElapsedTimer clock;
        clock.start();
        const QStringList warnings = notifier.send(failed());
        QVERIFY2(clock.elapsed() < 1000, qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(warnings.size(), 2);
        QVERIFY2(warnings.first().contains(QStringLiteral("cannot be reached")), qPrintable(warnings.first()));
        for (const QString &warning : warnings)
            QVERIFY2(!warning.contains(chatToken), qPrintable(warning));
    }

    void serversThatHangCostTheTimeout()
    {
        HttpTestSink chat(HttpTestSink::Behaviour::Hang);
        SmtpTestServer mail({}, {}, SmtpTestServer::Behaviour::Hang);
        qputenv("TEST_CHAT_WEBHOOK", chat.url(chatToken).toUtf8());
        Notifier notifier(ecosystem(mail.port(), "to: [ops@shop.example.org]", "1s"));
        QElapsedTimer clock;
        clock.start();
        const QStringList warnings = notifier.send(failed());
        const qint64 elapsed = clock.elapsed();
        // One second each, and not much more.
        QVERIFY2(elapsed >= 1900 && elapsed < 4000, qPrintable(QString::number(elapsed)));
        QCOMPARE(warnings.size(), 2);
        QVERIFY2(
            warnings.first().contains(QStringLiteral("did not answer within 1000 ms")), qPrintable(warnings.first()));
        QVERIFY2(warnings.last().contains(QStringLiteral("not sent")), qPrintable(warnings.last()));
        QCOMPARE(chat.requests().size(), 1); // it came, and was never answered
    }

    void nothingIsSentWhereNothingIsRouted()
    {
        HttpTestSink chat;
        SmtpTestServer mail;
        qputenv("TEST_CHAT_WEBHOOK", chat.url(chatToken).toUtf8());
        Notifier notifier(ecosystem(mail.port(), "to: [ops@shop.example.org]"));
        Notification quiet = failed();
        quiet.environment = QStringLiteral("quiet");
        QVERIFY(notifier.send(quiet).isEmpty());
        Notification showroom = failed();
        showroom.event = NotificationEvent::ShowroomUp; // the mail hears of deliveries only
        QVERIFY(notifier.send(showroom).isEmpty());
        QCOMPARE(chat.requests().size(), 1);
        QVERIFY(mail.mails().isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_Notifier)
#include "tst_notifier.moc"
