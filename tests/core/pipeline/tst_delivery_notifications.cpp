// SPDX-License-Identifier: GPL-2.0-or-later
// Notifications from real deliveries into the local control plane (fixture
// `localcluster`) and real showrooms commented on in the real Redmine
// (fixture `redmine`): a chat's incoming webhook (HttpTestSink, answering
// as Slack and Mattermost do) and an SMTP server (SmtpTestServer) run in
// this process, reached by libcurl. A delivery tells them it started and
// how it ended, a rollback and a frozen environment's override included;
// secrets reach none of them, nor the log or the audit; a sink that is down
// or hangs costs a warning and its timeout, never the delivery.
#include "DeliveryTestWorld.h"
#include "FixtureEnvironment.h"
#include "HttpTestSink.h"
#include "ShowroomWorld.h"
#include "SmtpTestServer.h"

#include "http/CurlTransport.h"
#include "model/Labels.h"
#include "pipeline/ReleaseRollback.h"
#include "pipeline/ShowroomManager.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Shipyard;
using namespace Shipyard::TestSupport;

namespace {

const QString chatToken = QStringLiteral("T0SHOP/B0DELIVERY/q8Zr3nVb7XkLm2Wd5Hc9Pt4J");
const QString smtpPassword = QStringLiteral("smtp-Secret-4-deliveries");

quint16 closedPort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost);
    return server.serverPort();
}

// The notifications section: the chat hears every delivery event, the mail
// how deliveries end.
QString notifications(quint16 smtpPort, const QString &timeout = QStringLiteral("2s"))
{
    return QStringLiteral("notifications:\n"
                          "  channels:\n"
                          "    team-chat: {chat: {urlEnv: NOTIFY_TEST_CHAT, username: Shipyard}}\n"
                          "    release-mail:\n"
                          "      email: {smtp: \"smtp://127.0.0.1:%1\", from: shipyard@shop.example.org,\n"
                          "              to: [releases@shop.example.org], usernameEnv: NOTIFY_TEST_SMTP_USER,\n"
                          "              passwordEnv: NOTIFY_TEST_SMTP_PASSWORD}\n"
                          "  notify:\n"
                          "    - {channel: team-chat, events: ['delivery.*', freeze.override]}\n"
                          "    - {channel: release-mail, events: [delivery.succeeded, delivery.failed, "
                          "delivery.rolled-back]}\n"
                          "  timeout: %2\n")
        .arg(smtpPort)
        .arg(timeout);
}

QStringList chatTexts(const HttpTestSink &chat)
{
    QStringList texts;
    for (const HttpTestSink::Request &request : chat.requests())
        texts.append(QJsonDocument::fromJson(request.body).object().value(QLatin1String("text")).toString());
    return texts;
}

QString firstLines(const QStringList &texts)
{
    QStringList lines;
    for (const QString &text : texts)
        lines.append(text.section(QLatin1Char('\n'), 0, 0));
    return lines.join(QLatin1Char('\n'));
}

} // namespace

class TestDeliveryNotifications : public QObject
{
    Q_OBJECT

private:
    DeliveryTestWorld m_world;
    QMap<QString, QString> m_redmine;
    std::shared_ptr<CurlTransport> m_transport = std::make_shared<CurlTransport>();

    void checkNoSecret(const QString &where, const QByteArray &text)
    {
        for (const QString &secret : { chatToken, smtpPassword })
            QVERIFY2(!text.contains(secret.toUtf8()), qPrintable(where));
    }

    void checkNoSecretInLogOrAudit(const QString &log, const Delivery::Options &options)
    {
        checkNoSecret(QStringLiteral("the log"), log.toUtf8());
        QFile journal(options.auditJournal);
        QVERIFY(journal.open(QIODevice::ReadOnly));
        checkNoSecret(QStringLiteral("the audit journal"), journal.readAll());
    }

    HttpResponse redmine(const QByteArray &method, const QString &path, const QJsonObject &body = {})
    {
        HttpRequest request;
        request.method = method;
        request.url = QUrl(m_redmine.value(QStringLiteral("URL")) + path);
        request.addHeader("X-Redmine-API-Key", m_redmine.value(QStringLiteral("API_KEY")).toUtf8());
        if (!body.isEmpty()) {
            request.addHeader("Content-Type", "application/json");
            request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
        }
        return m_transport->send(request);
    }

    QStringList comments(const QString &issue)
    {
        const HttpResponse response = redmine("GET", QStringLiteral("/issues/%1.json?include=journals").arg(issue));
        QStringList notes;
        for (const QJsonValue &journal : QJsonDocument::fromJson(response.body)
                 .object()[QLatin1String("issue")][QLatin1String("journals")]
                 .toArray()) {
            const QString note = journal[QLatin1String("notes")].toString();
            if (!note.isEmpty())
                notes.append(note);
        }
        return notes;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_world.isValid());
        SHIPYARD_REQUIRE_CLUSTER();
        qputenv("NOTIFY_TEST_SMTP_USER", "shipyard");
        qputenv("NOTIFY_TEST_SMTP_PASSWORD", smtpPassword.toUtf8());
        m_redmine = readFixtureEnvironment(QStringLiteral(REDMINE_STATE_FILE));
    }

    void deliveryTellsChatAndMail()
    {
        HttpTestSink chat;
        SmtpTestServer mail(QStringLiteral("shipyard"), smtpPassword);
        qputenv("NOTIFY_TEST_CHAT", chat.url(chatToken).toUtf8());
        const QString ns = m_world.newNamespace();
        const Ecosystem ecosystem = m_world.ecosystemFor(ns, QStringLiteral("local"), {}, notifications(mail.port()));
        const Delivery::Options options = m_world.options();
        QString log;
        const Delivery::Result result =
            DeliveryTestWorld::deliver(ecosystem, DeliveryTestWorld::images(QStringLiteral("v1")), options, &log);
        QVERIFY2(result.succeeded(), qPrintable(result.reason));
        qInfo("delivery told to a chat and a mail server: %lld ms", qint64(result.duration.count()));
        QVERIFY2(!log.contains(QStringLiteral("warning: delivery.")), qPrintable(log));

        const QStringList texts = chatTexts(chat);
        QCOMPARE(firstLines(texts),
            QStringLiteral("Delivery into test started: storefront, catalog, mailer\n"
                           "Delivered into test: storefront, catalog, mailer"));
        QVERIFY2(texts.last().contains(QStringLiteral("Release: ") + result.releaseId), qPrintable(texts.last()));
        QVERIFY2(texts.last().contains(QStringLiteral("Environment: test (namespace %1)").arg(ns)),
            qPrintable(texts.last()));
        QCOMPARE(mail.mails().size(), 1);
        QCOMPARE(mail.mails().first().header("Subject"),
            QByteArray("[Test Shop] Delivered into test: storefront, catalog, mailer"));
        QCOMPARE(mail.mails().first().authUser, QStringLiteral("shipyard"));
        for (const HttpTestSink::Request &request : chat.requests())
            checkNoSecret(QStringLiteral("the chat"), request.body);
        checkNoSecret(QStringLiteral("the mail"), mail.mails().first().data);
        checkNoSecretInLogOrAudit(log, options);

        // A person's rollback is told as a delivery's is.
        const Delivery::Result second =
            DeliveryTestWorld::deliver(ecosystem, DeliveryTestWorld::images(QStringLiteral("v2")), options);
        QVERIFY(second.succeeded());
        ReleaseRollback::Options rollbackOptions;
        rollbackOptions.cluster = options.cluster;
        rollbackOptions.auditJournal = options.auditJournal;
        const ReleaseRollback::Result rolledBack =
            ReleaseRollback(ecosystem, QStringLiteral("test"), rollbackOptions).run();
        QVERIFY2(rolledBack.ok, qPrintable(rolledBack.error));
        const QString byHand = chatTexts(chat).last();
        QVERIFY2(byHand.startsWith(QStringLiteral("Delivery into test rolled back: storefront, catalog, mailer\n"
                                                  "Rolled back by hand from release %1 to release %2.")
                         .arg(second.releaseId, result.releaseId)),
            qPrintable(byHand));
        QCOMPARE(mail.mails().size(), 3);
        QCOMPARE(mail.mails().last().header("X-Shipyard-Event"), QByteArray("delivery.rolled-back"));
    }

    void failedDeliveryTellsOfTheRollback()
    {
        HttpTestSink chat;
        SmtpTestServer mail(QStringLiteral("shipyard"), smtpPassword);
        qputenv("NOTIFY_TEST_CHAT", chat.url(chatToken).toUtf8());
        const QString ns = m_world.newNamespace();
        const Ecosystem ecosystem = m_world.ecosystemFor(ns, QStringLiteral("local"), {}, notifications(mail.port()));
        const Delivery::Options options = m_world.options();
        const Delivery::Result good =
            DeliveryTestWorld::deliver(ecosystem, DeliveryTestWorld::images(QStringLiteral("v1")), options);
        QVERIFY(good.succeeded());

        QList<Delivery::Target> targets = DeliveryTestWorld::images(QStringLiteral("v2"));
        targets[1].image = QStringLiteral("demo/catalog:v2-broken");
        QString log;
        const Delivery::Result result = DeliveryTestWorld::deliver(ecosystem, targets, options, &log);
        QCOMPARE(result.outcome, Delivery::Outcome::RolledBack);

        const QStringList texts = chatTexts(chat);
        QCOMPARE(texts.size(), 4);
        QCOMPARE(texts.at(2).section(QLatin1Char('\n'), 0, 0),
            QStringLiteral("Delivery into test started: storefront, catalog, mailer"));
        const QString rolledBack = texts.at(3);
        QVERIFY2(rolledBack.startsWith(QStringLiteral("Delivery into test rolled back: storefront, catalog, mailer\n"
                                                      "deploy failed: ")),
            qPrintable(rolledBack));
        QVERIFY2(rolledBack.contains(QStringLiteral("Rolled back to release %1").arg(good.releaseId)),
            qPrintable(rolledBack));
        QVERIFY2(rolledBack.contains(QStringLiteral("Event: delivery.rolled-back")), qPrintable(rolledBack));
        QCOMPARE(mail.mails().size(), 2);
        QCOMPARE(mail.mails().last().header("X-Shipyard-Event"), QByteArray("delivery.rolled-back"));
        checkNoSecretInLogOrAudit(log, options);
    }

    void frozenEnvironmentOverrideIsTold()
    {
        HttpTestSink chat;
        SmtpTestServer mail(QStringLiteral("shipyard"), smtpPassword);
        qputenv("NOTIFY_TEST_CHAT", chat.url(chatToken).toUtf8());
        const QString ns = m_world.newNamespace();
        Ecosystem ecosystem = m_world.ecosystemFor(ns, QStringLiteral("local"), {}, notifications(mail.port()));
        ecosystem.environments.first().freezes.append(DeliveryTestWorld::freezeAroundNow(QStringLiteral("the launch")));

        // Refused: nothing started, nobody is told (the robot would ask again at every poll).
        const Delivery::Result refused =
            DeliveryTestWorld::deliver(ecosystem, DeliveryTestWorld::images(QStringLiteral("v1")), m_world.options());
        QCOMPARE(refused.outcome, Delivery::Outcome::Failed);
        QVERIFY(chat.requests().isEmpty());

        Delivery::Options overriding = m_world.options();
        overriding.freezeOverride = QStringLiteral("the launch needs this fix");
        const Delivery::Result result =
            DeliveryTestWorld::deliver(ecosystem, DeliveryTestWorld::images(QStringLiteral("v1")), overriding);
        QVERIFY2(result.succeeded(), qPrintable(result.reason));
        const QStringList texts = chatTexts(chat);
        QCOMPARE(firstLines(texts),
            QStringLiteral("test is frozen, delivered anyway: storefront, catalog, mailer\n"
                           "Delivery into test started: storefront, catalog, mailer\n"
                           "Delivered into test: storefront, catalog, mailer"));
        QVERIFY2(
            texts.first().contains(QStringLiteral("(UTC): the launch; delivered anyway: the launch needs this fix")),
            qPrintable(texts.first()));
    }

    void sinksDownOrHangingOnlyWarn()
    {
        HttpTestSink chat(HttpTestSink::Behaviour::Hang);
        qputenv("NOTIFY_TEST_CHAT", chat.url(chatToken).toUtf8());
        const QString ns = m_world.newNamespace();
        // The chat hangs, nothing listens for mail; a second each at most.
        const Ecosystem ecosystem =
            m_world.ecosystemFor(ns, QStringLiteral("local"), {}, notifications(closedPort(), QStringLiteral("1s")));
        const Delivery::Options options = m_world.options();
        QString log;
        QElapsedTimer clock;
        clock.start();
        const Delivery::Result result =
            DeliveryTestWorld::deliver(ecosystem, DeliveryTestWorld::images(QStringLiteral("v1")), options, &log);
        const qint64 elapsed = clock.elapsed();
        QVERIFY2(result.succeeded(), qPrintable(result.reason));
        qInfo("delivery with a hanging chat and no mail server: %lld ms (its own clock: %lld ms)", elapsed,
            qint64(result.duration.count()));
        QStringList warnings;
        for (const QString &line : log.split(QLatin1Char('\n'))) {
            if (line.startsWith(QStringLiteral("warning: delivery.")))
                warnings.append(line);
        }
        QCOMPARE(warnings.size(), 3);
        QVERIFY2(
            warnings.at(0).startsWith(QStringLiteral("warning: delivery.started not sent to team-chat: the chat at "
                                                     "127.0.0.1:%1 did not answer within 1000 ms")
                    .arg(chat.port())),
            qPrintable(warnings.at(0)));
        QVERIFY2(warnings.at(1).startsWith(QStringLiteral("warning: delivery.succeeded not sent to team-chat")),
            qPrintable(warnings.at(1)));
        QVERIFY2(
            warnings.at(2).startsWith(QStringLiteral("warning: delivery.succeeded not sent to release-mail: mail to "
                                                     "releases@shop.example.org via 127.0.0.1 not sent: ")),
            qPrintable(warnings.at(2)));
        // The record keeps the log, warnings and all.
        KubeError error;
        const QList<ReleaseRecord> records = DeliveryTestWorld::storeFor(ns).list(&error);
        QVERIFY(!records.isEmpty());
        QVERIFY(records.first().log.join(QLatin1Char('\n')).contains(QStringLiteral("did not answer within 1000 ms")));
        checkNoSecretInLogOrAudit(log, options);
        QCOMPARE(chat.requests().size(), 2);
    }

    void showroomIsToldOnItsTask()
    {
        QVERIFY2(!m_redmine.value(QStringLiteral("API_KEY")).isEmpty(), "the redmine fixture did not start");
        const HttpResponse created = redmine("POST", QStringLiteral("/issues.json"),
            QJsonObject { { QStringLiteral("issue"),
                QJsonObject { { QStringLiteral("project_id"), QStringLiteral("shipyard") },
                    { QStringLiteral("subject"), QStringLiteral("Showroom notifications") } } } });
        QVERIFY2(created.status == 201, created.body.constData());
        const QString issue = QString::number(
            QJsonDocument::fromJson(created.body).object()[QLatin1String("issue")][QLatin1String("id")].toInt());
        const QString task = QStringLiteral("SHOP-") + issue;

        QTemporaryDir dir;
        ShowroomWorld::Settings settings;
        settings.sleepAfter = QStringLiteral("3h"); // not while this test looks
        ShowroomWorld world(dir.path(), settings);
        world.addBranch(QStringLiteral("catalog"), task);
        QFile file(world.ecosystemPath());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QString yaml = QString::fromUtf8(file.readAll());
        file.close();
        const QString fileTracker = QStringLiteral("tracker:\n  kind: file\n  file: tasks.yaml\n");
        QVERIFY(yaml.contains(fileTracker));
        yaml.replace(fileTracker,
            QStringLiteral("tracker:\n  kind: redmine\n  url: %1\n  project: shipyard\n  keyPrefix: SHOP-\n"
                           "  tokenEnv: NOTIFY_TEST_REDMINE_TOKEN\n"
                           "notifications:\n  channels:\n    task: {tracker: true}\n"
                           "  notify:\n    - {channel: task, events: ['showroom.*']}\n")
                .arg(m_redmine.value(QStringLiteral("URL"))));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(yaml.toUtf8());
        file.close();
        qputenv("NOTIFY_TEST_REDMINE_TOKEN", m_redmine.value(QStringLiteral("API_KEY")).toUtf8());
        const EcosystemLoadResult loaded = EcosystemLoader().loadFile(world.ecosystemPath());
        QVERIFY(loaded.ecosystem);

        ShowroomManager showrooms(*loaded.ecosystem, {}, ClusterAccess::load(clusterKubeconfigPath()));
        showrooms.setAuditJournal(dir.filePath(QStringLiteral("audit.jsonl")));
        ShowroomManager::UpOptions options;
        options.images = { { QStringLiteral("storefront"), QStringLiteral("demo/storefront:1.0") },
            { QStringLiteral("catalog"), QStringLiteral("demo/catalog:1.0") },
            { QStringLiteral("mailer"), QStringLiteral("demo/mailer:1.0") } };
        QStringList lines;
        const ShowroomManager::UpResult up =
            showrooms.up(task, options, [&](const QString &line) { lines.append(line); });
        const auto cleanup = qScopeGuard([&] { world.deleteShowrooms(); });
        QVERIFY2(up.succeeded(), qPrintable(lines.join(QLatin1Char('\n'))));
        QVERIFY2(!lines.join(QLatin1Char('\n')).contains(QStringLiteral("warning: showroom")),
            qPrintable(lines.join(QLatin1Char('\n'))));
        QStringList notes = comments(issue);
        QCOMPARE(notes.size(), 1);
        QVERIFY2(notes.first().startsWith(QStringLiteral("Showroom of %1 is up in %2\nCreated in namespace %3; it "
                                                         "expires at ")
                         .arg(task, world.environment(), up.namespaceName)),
            qPrintable(notes.first()));
        QVERIFY2(
            notes.first().contains(QStringLiteral("catalog (feature/%1-work)").arg(task)), qPrintable(notes.first()));

        // Nearly expired: told once, remembered on the namespace, not told again.
        const QDateTime nearlyExpired = up.expiresAt.addSecs(-600);
        const ShowroomManager::SweepResult sweep = showrooms.sweep(nearlyExpired, false);
        QVERIFY2(sweep.warnings.isEmpty(), qPrintable(sweep.warnings.join(QLatin1Char('\n'))));
        QCOMPARE(sweep.kept.size(), 1);
        notes = comments(issue);
        QCOMPARE(notes.size(), 2);
        QVERIFY2(notes.last().startsWith(QStringLiteral("Showroom of %1 in %2 expires soon\nIt expires at %3 (in 10 "
                                                        "minutes)")
                         .arg(task, world.environment(), up.expiresAt.toString(Qt::ISODate))),
            qPrintable(notes.last()));
        const QByteArray remembered = kubectl(QStringLiteral("showroom"),
            { QStringLiteral("get"), QStringLiteral("namespace"), up.namespaceName, QStringLiteral("-o"),
                QStringLiteral("jsonpath={.metadata.annotations.shipyard\\.dev/expiry-notified}") });
        QCOMPARE(QString::fromUtf8(remembered), up.expiresAt.toString(Qt::ISODate));
        QVERIFY(showrooms.sweep(nearlyExpired.addSecs(60), false).warnings.isEmpty());
        QCOMPARE(comments(issue).size(), 2);
        // Halfway through its life it was not expiring yet.
        QVERIFY(!showrooms.isExpiring(showrooms.list().first(), up.expiresAt.addSecs(-3600)));

        const ShowroomManager::DownResult down = showrooms.down(task);
        QVERIFY2(down.succeeded(), qPrintable(down.error));
        notes = comments(issue);
        QCOMPARE(notes.size(), 3);
        QVERIFY2(notes.last().startsWith(QStringLiteral("Showroom of %1 in %2 is down\nNamespace %3 deleted by ")
                         .arg(task, world.environment(), up.namespaceName)),
            qPrintable(notes.last()));
        for (const QString &note : notes)
            QVERIFY(!note.contains(m_redmine.value(QStringLiteral("API_KEY"))));
        qunsetenv("NOTIFY_TEST_REDMINE_TOKEN");
    }
};

QTEST_GUILESS_MAIN(TestDeliveryNotifications)
#include "tst_delivery_notifications.moc"
