// SPDX-License-Identifier: GPL-2.0-or-later
// The ecosystem's notifications as the loader reads them, and who hears
// about what: an environment's own `notify` over the ecosystem's, events
// by name and by kind, and every mistake named at its place.
#include "model/EcosystemLoader.h"
#include "notify/NotificationRouter.h"

#include <QTest>

using namespace Shipyard;

namespace {

const char *const channelsYaml = "notifications:\n"
                                 "  channels:\n"
                                 "    team-chat: {chat: {urlEnv: SHOP_CHAT_WEBHOOK, username: Shipyard, iconUrl: "
                                 "\"https://example.org/ship.png\"}}\n"
                                 "    release-mail:\n"
                                 "      email:\n"
                                 "        smtp: smtps://mail.example.org\n"
                                 "        from: shipyard@example.org\n"
                                 "        to: [releases@example.org, ops@example.org]\n"
                                 "        usernameEnv: SHOP_SMTP_USER\n"
                                 "        passwordEnv: SHOP_SMTP_PASSWORD\n"
                                 "    task: {tracker: true}\n";

QByteArray document(const QByteArray &notifications, const QByteArray &environments)
{
    return "apiVersion: shipyard/v1\nname: shop\n" + notifications +
        "gating: {reviewsRequired: 0}\n"
        "systems:\n  - name: api\n    template: backend\n    repository: api\n    image: shop/api\n"
        "    manifests: [deploy/]\n"
        "environments:\n" +
        environments;
}

QStringList names(const QList<const NotificationChannel *> &channels)
{
    QStringList found;
    for (const NotificationChannel *channel : channels)
        found.append(channel->name);
    return found;
}

QString errors(const EcosystemLoadResult &result)
{
    QStringList lines;
    for (const Diagnostic &diagnostic : result.diagnostics)
        lines.append(diagnostic.toString());
    return lines.join(QLatin1Char('\n'));
}

} // namespace

class tst_NotificationRouter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void channelsAreRead()
    {
        const EcosystemLoadResult loaded = EcosystemLoader().loadData(
            document(channelsYaml, "  - {name: dev, kind: local, context: local, namespace: dev}\n"),
            QStringLiteral("ecosystem.yaml"));
        QVERIFY2(loaded.ecosystem, qPrintable(errors(loaded)));
        QVERIFY2(loaded.diagnostics.isEmpty(), qPrintable(errors(loaded)));
        const NotificationSettings &settings = loaded.ecosystem->notifications;
        QCOMPARE(settings.channels.size(), 3);
        const NotificationChannel *chat = settings.channel(QStringLiteral("team-chat"));
        QVERIFY(chat);
        QCOMPARE(chat->kind, NotificationChannel::Kind::Chat);
        QCOMPARE(chat->urlEnvironmentVariable, QStringLiteral("SHOP_CHAT_WEBHOOK"));
        QCOMPARE(chat->username, QStringLiteral("Shipyard"));
        QCOMPARE(chat->iconUrl, QStringLiteral("https://example.org/ship.png"));
        const NotificationChannel *mail = settings.channel(QStringLiteral("release-mail"));
        QVERIFY(mail);
        QCOMPARE(mail->kind, NotificationChannel::Kind::Email);
        QCOMPARE(mail->smtpUrl, QStringLiteral("smtps://mail.example.org"));
        QCOMPARE(mail->to, QStringList({ QStringLiteral("releases@example.org"), QStringLiteral("ops@example.org") }));
        QCOMPARE(settings.channel(QStringLiteral("task"))->kind, NotificationChannel::Kind::Tracker);
        QCOMPARE(settings.timeout, std::chrono::seconds(5));
        QCOMPARE(settings.expiringPercent, 10);
        // The webhook URL and the SMTP password are secrets, masked everywhere; the user a credential.
        const QStringList secrets = loaded.ecosystem->secretVariables();
        QVERIFY(secrets.contains(QStringLiteral("SHOP_CHAT_WEBHOOK")));
        QVERIFY(secrets.contains(QStringLiteral("SHOP_SMTP_PASSWORD")));
        QVERIFY(!secrets.contains(QStringLiteral("SHOP_SMTP_USER")));
        QVERIFY(loaded.ecosystem->credentialVariables().contains(QStringLiteral("SHOP_SMTP_USER")));
    }

    void environmentsInheritTheEcosystemsRules()
    {
        const QByteArray notifications = QByteArray(channelsYaml) +
            "  notify:\n"
            "    - {channel: team-chat, events: [delivery.failed, delivery.rolled-back]}\n"
            "    - channel: task\n      events: [showroom.*]\n"
            "  timeout: 3s\n  expiringBefore: 6h\n";
        const EcosystemLoadResult loaded = EcosystemLoader().loadData(
            document(notifications,
                "  - {name: dev, kind: local, context: local, namespace: dev}\n"
                "  - name: production\n    kind: production\n    context: prod\n    namespace: shop\n"
                "    notify:\n      - {channel: release-mail}\n      - {channel: team-chat, events: ['*']}\n"
                "  - {name: quiet, kind: staging, context: local, namespace: quiet, notify: []}\n"),
            QStringLiteral("ecosystem.yaml"));
        QVERIFY2(loaded.ecosystem, qPrintable(errors(loaded)));
        const Ecosystem &ecosystem = *loaded.ecosystem;
        QCOMPARE(ecosystem.notifications.timeout, std::chrono::seconds(3));
        QCOMPARE(ecosystem.notifications.expiringBefore, std::chrono::seconds(6 * 3600));
        const NotificationRouter router(ecosystem);

        // dev has no notify of its own: the ecosystem's.
        QCOMPARE(names(router.channels(QStringLiteral("dev"), NotificationEvent::DeliveryFailed)),
            QStringList { QStringLiteral("team-chat") });
        QCOMPARE(names(router.channels(QStringLiteral("dev"), NotificationEvent::DeliveryRolledBack)),
            QStringList { QStringLiteral("team-chat") });
        QVERIFY(router.channels(QStringLiteral("dev"), NotificationEvent::DeliveryStarted).isEmpty());
        QVERIFY(router.channels(QStringLiteral("dev"), NotificationEvent::DeliverySucceeded).isEmpty());
        for (NotificationEvent event :
            { NotificationEvent::ShowroomUp, NotificationEvent::ShowroomExpiring, NotificationEvent::ShowroomDown })
            QCOMPARE(names(router.channels(QStringLiteral("dev"), event)), QStringList { QStringLiteral("task") });

        // production's own list replaces it: mail gets every event (no
        // `events`), the chat too ('*'), each once, in the order written.
        for (NotificationEvent event : NotificationSettings::allEvents())
            QCOMPARE(names(router.channels(QStringLiteral("production"), event)),
                QStringList({ QStringLiteral("release-mail"), QStringLiteral("team-chat") }));

        // `notify: []` silences an environment.
        for (NotificationEvent event : NotificationSettings::allEvents())
            QVERIFY(router.channels(QStringLiteral("quiet"), event).isEmpty());
        // An environment nobody knows follows the ecosystem.
        QCOMPARE(names(router.channels(QStringLiteral("elsewhere"), NotificationEvent::DeliveryFailed)),
            QStringList { QStringLiteral("team-chat") });
    }

    void eventKeywordsRoundTrip()
    {
        for (NotificationEvent event : NotificationSettings::allEvents())
            QCOMPARE(notificationEventFromKeyword(keyword(event)), std::optional<NotificationEvent>(event));
        QVERIFY(!notificationEventFromKeyword(QStringLiteral("delivery.exploded")));
        QCOMPARE(keyword(NotificationEvent::FreezeOverride), QStringLiteral("freeze.override"));
    }

    void mistakesAreNamedAtTheirPlace_data()
    {
        QTest::addColumn<QByteArray>("notifications");
        QTest::addColumn<QByteArray>("environments");
        QTest::addColumn<QString>("expected");

        const QByteArray dev = "  - {name: dev, kind: local, context: local, namespace: dev}\n";
        QTest::newRow("unknown event, with a suggestion")
            << QByteArray(channelsYaml) +
                "  notify:\n    - {channel: team-chat, events: [delivery.started, delivery.faild]}\n"
            << dev
            << QStringLiteral("ecosystem.yaml:15:55: error: notifications: notify #1: 'delivery.faild' is no event "
                              "(did you mean 'delivery.failed'?)");
        QTest::newRow("unknown event")
            << QByteArray(channelsYaml) + "  notify:\n    - {channel: team-chat, events: [deploy]}\n"
            << dev
            << QStringLiteral("ecosystem.yaml:15:37: error: notifications: notify #1: 'deploy' is no event "
                              "(delivery.started, delivery.succeeded, delivery.failed, delivery.rolled-back, "
                              "freeze.override, showroom.up, showroom.expiring, showroom.down, or 'delivery.*', "
                              "'showroom.*', '*')");
        QTest::newRow("unknown channel in an environment")
            << QByteArray(channelsYaml)
            << QByteArray("  - name: dev\n    kind: local\n    context: local\n    namespace: dev\n"
                          "    notify:\n      - {channel: team-caht}\n")
            << QStringLiteral("ecosystem.yaml:27:19: error: environment 'dev': notify #1: channel 'team-caht' is not "
                              "among notifications.channels (did you mean 'team-chat'?)");
        QTest::newRow("webhook URL written in the file")
            << QByteArray(
                   "notifications:\n  channels:\n    chat:\n      chat: {url: \"https://hooks.example.org/x\"}\n")
            << dev
            << QStringLiteral("ecosystem.yaml:6:19: error: notifications: channel 'chat': chat: secrets must not be "
                              "written in the ecosystem file; name an environment variable with 'urlEnv' instead of "
                              "'url'");
        QTest::newRow("two kinds in one channel")
            << QByteArray("notifications:\n  channels:\n    both:\n      tracker: true\n      chat: {urlEnv: X}\n")
            << dev
            << QStringLiteral("ecosystem.yaml:5:5: error: notifications: channel 'both' names chat and tracker; a "
                              "channel is one of them");
        QTest::newRow("not an SMTP URL")
            << QByteArray("notifications:\n  channels:\n    mail:\n      email: {smtp: \"https://mail.example.org\", "
                          "from: a@example.org, to: [b@example.org]}\n")
            << dev
            << QStringLiteral("ecosystem.yaml:6:21: error: notifications: channel 'mail': email: "
                              "'https://mail.example.org' is not an smtp:// or smtps:// URL");
        QTest::newRow("not an address")
            << QByteArray("notifications:\n  channels:\n    mail:\n      email: {smtp: \"smtp://127.0.0.1:2525\", "
                          "from: a@example.org, to: [b@example.org, \"Ops <ops@example.org>\"]}\n")
            << dev
            << QStringLiteral("ecosystem.yaml:6:87: error: notifications: channel 'mail': email: 'Ops "
                              "<ops@example.org>' is not a mail address (name@domain)");
        QTest::newRow("user without password")
            << QByteArray("notifications:\n  channels:\n    mail:\n      email: {smtp: \"smtp://127.0.0.1:2525\", "
                          "from: a@example.org, to: [b@example.org], usernameEnv: SMTP_USER}\n")
            << dev
            << QStringLiteral("ecosystem.yaml:6:14: error: notifications: channel 'mail': email: SMTP AUTH needs both "
                              "'usernameEnv' and 'passwordEnv'");
        QTest::newRow("timeout too long")
            << QByteArray(channelsYaml) + "  timeout: 5m\n"
            << dev
            << QStringLiteral("ecosystem.yaml:14:12: error: notifications: 'timeout' must be between 1s and 60s: a "
                              "notification must never hold a delivery up for long");
        QTest::newRow("share out of range")
            << QByteArray(channelsYaml) + "  expiringBefore: 150%\n"
            << dev
            << QStringLiteral("ecosystem.yaml:14:19: error: notifications: 'expiringBefore' is '150%'; a share is "
                              "1%…99% of a showroom's ttl");
    }

    void mistakesAreNamedAtTheirPlace()
    {
        QFETCH(QByteArray, notifications);
        QFETCH(QByteArray, environments);
        QFETCH(QString, expected);
        const EcosystemLoadResult loaded =
            EcosystemLoader().loadData(document(notifications, environments), QStringLiteral("ecosystem.yaml"));
        QVERIFY(!loaded.ecosystem);
        QStringList said;
        for (const Diagnostic &diagnostic : loaded.diagnostics)
            said.append(diagnostic.toString());
        QVERIFY2(said.contains(expected), qPrintable(said.join(QLatin1Char('\n'))));
    }

    // A channel with a mistake of its own is said once, at its place: the
    // rules naming it are not told it is unknown as well.
    void brokenChannelIsSaidOnce()
    {
        const QByteArray notifications = "notifications:\n  channels:\n    mail:\n      email: {smtp: "
                                         "\"https://mail.example.org\", from: a@example.org, to: [b@example.org]}\n"
                                         "  notify:\n    - {channel: mail}\n";
        const EcosystemLoadResult loaded = EcosystemLoader().loadData(
            document(notifications, "  - {name: dev, kind: local, context: local, namespace: dev}\n"),
            QStringLiteral("ecosystem.yaml"));
        QVERIFY(!loaded.ecosystem);
        QStringList said;
        for (const Diagnostic &diagnostic : loaded.diagnostics)
            said.append(diagnostic.toString());
        QCOMPARE(said,
            QStringList { QStringLiteral("ecosystem.yaml:6:21: error: notifications: channel 'mail': email: "
                                         "'https://mail.example.org' is not an smtp:// or smtps:// URL") });
    }

    void plainPasswordIsWarnedAbout()
    {
        const EcosystemLoadResult loaded = EcosystemLoader().loadData(
            document("notifications:\n  channels:\n    mail:\n      email: {smtp: \"smtp://mail.example.org:587\", "
                     "from: a@example.org, to: [b@example.org], usernameEnv: SMTP_USER, passwordEnv: SMTP_PASSWORD}\n",
                "  - {name: dev, kind: local, context: local, namespace: dev}\n"),
            QStringLiteral("ecosystem.yaml"));
        QVERIFY2(loaded.ecosystem, qPrintable(errors(loaded)));
        QCOMPARE(errors(loaded),
            QStringLiteral("ecosystem.yaml:6:21: warning: notifications: channel 'mail': email: the password in "
                           "SMTP_PASSWORD would be sent unencrypted to mail.example.org; use smtps:// or "
                           "'starttls: true'"));
    }
};

QTEST_GUILESS_MAIN(tst_NotificationRouter)
#include "tst_notificationrouter.moc"
