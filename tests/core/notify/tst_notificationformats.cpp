// SPDX-License-Identifier: GPL-2.0-or-later
// What each channel is sent: the text of a notification, the JSON a chat's
// incoming webhook takes (Slack's documented shape, which Mattermost and
// Rocket.Chat accept too), and the mail an SMTP server is handed.
#include "notify/ChatWebhookSink.h"
#include "notify/SmtpSink.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Shipyard;

namespace {

Notification rolledBack()
{
    Notification notification;
    notification.event = NotificationEvent::DeliveryRolledBack;
    notification.ecosystem = QStringLiteral("Shop");
    notification.environment = QStringLiteral("staging");
    notification.namespaceName = QStringLiteral("shop-staging");
    notification.systems = { QStringLiteral("storefront (feature/SHOP-7-cart)"), QStringLiteral("catalog") };
    notification.tasks = { QStringLiteral("SHOP-7") };
    notification.who = QStringLiteral("robot@ci");
    notification.message = QStringLiteral("smoke failed: curl <http://storefront/health> & friends said 500");
    notification.releaseId = QStringLiteral("20261207-080000-0001");
    notification.at = QDateTime(QDate(2026, 12, 7), QTime(8, 0, 5), QTimeZone::UTC);
    return notification;
}

} // namespace

class tst_NotificationFormats : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void titles_data()
    {
        QTest::addColumn<int>("event");
        QTest::addColumn<QString>("title");
        QTest::newRow("started") << int(NotificationEvent::DeliveryStarted)
                                 << QStringLiteral("Delivery into staging started: storefront, catalog");
        QTest::newRow("succeeded") << int(NotificationEvent::DeliverySucceeded)
                                   << QStringLiteral("Delivered into staging: storefront, catalog");
        QTest::newRow("failed") << int(NotificationEvent::DeliveryFailed)
                                << QStringLiteral("Delivery into staging failed: storefront, catalog");
        QTest::newRow("rolled back") << int(NotificationEvent::DeliveryRolledBack)
                                     << QStringLiteral("Delivery into staging rolled back: storefront, catalog");
        QTest::newRow("freeze") << int(NotificationEvent::FreezeOverride)
                                << QStringLiteral("staging is frozen, delivered anyway: storefront, catalog");
        QTest::newRow("up") << int(NotificationEvent::ShowroomUp)
                            << QStringLiteral("Showroom of SHOP-7 is up in staging");
        QTest::newRow("expiring") << int(NotificationEvent::ShowroomExpiring)
                                  << QStringLiteral("Showroom of SHOP-7 in staging expires soon");
        QTest::newRow("down") << int(NotificationEvent::ShowroomDown)
                              << QStringLiteral("Showroom of SHOP-7 in staging is down");
    }

    void titles()
    {
        QFETCH(int, event);
        QFETCH(QString, title);
        Notification notification;
        notification.event = NotificationEvent(event);
        notification.environment = QStringLiteral("staging");
        notification.systems = { QStringLiteral("storefront"), QStringLiteral("catalog") };
        notification.tasks = { QStringLiteral("SHOP-7") };
        QCOMPARE(notification.title(), title);
    }

    void text()
    {
        QCOMPARE(rolledBack().text(),
            QStringLiteral("Delivery into staging rolled back: storefront (feature/SHOP-7-cart), catalog\n"
                           "smoke failed: curl <http://storefront/health> & friends said 500\n"
                           "\n"
                           "Ecosystem: Shop\n"
                           "Environment: staging (namespace shop-staging)\n"
                           "Systems: storefront (feature/SHOP-7-cart), catalog\n"
                           "Tasks: SHOP-7\n"
                           "Release: 20261207-080000-0001\n"
                           "By: robot@ci\n"
                           "At: 2026-12-07T08:00:05Z\n"
                           "Event: delivery.rolled-back"));
        // Facts nobody knows are left out rather than shown empty.
        Notification bare;
        bare.event = NotificationEvent::ShowroomDown;
        bare.environment = QStringLiteral("qa");
        bare.tasks = { QStringLiteral("SHOP-9") };
        QCOMPARE(bare.text(),
            QStringLiteral("Showroom of SHOP-9 in qa is down\n\nEnvironment: qa\nTasks: SHOP-9\nEvent: showroom.down"));
    }

    void chatPayload()
    {
        const QJsonObject body =
            QJsonDocument::fromJson(ChatWebhookSink::payload(rolledBack(), QStringLiteral("Shipyard"),
                                        QStringLiteral("https://example.org/ship.png")))
                .object();
        QCOMPARE(body.keys(),
            QStringList({ QStringLiteral("icon_url"), QStringLiteral("text"), QStringLiteral("username") }));
        QCOMPARE(body.value(QLatin1String("username")).toString(), QStringLiteral("Shipyard"));
        QCOMPARE(body.value(QLatin1String("icon_url")).toString(), QStringLiteral("https://example.org/ship.png"));
        const QString text = body.value(QLatin1String("text")).toString();
        // Slack's control characters escaped, as its formatting reference asks.
        QVERIFY2(text.contains(QStringLiteral("curl &lt;http://storefront/health&gt; &amp; friends said 500")),
            qPrintable(text));
        QVERIFY(!text.contains(QLatin1Char('<')));
        QVERIFY(text.startsWith(QStringLiteral("Delivery into staging rolled back: ")));

        // Without a sender of its own, the webhook's defaults: only "text".
        const QJsonObject plain = QJsonDocument::fromJson(ChatWebhookSink::payload(rolledBack(), {}, {})).object();
        QCOMPARE(plain.keys(), QStringList { QStringLiteral("text") });
    }

    void mail()
    {
        const QByteArray message = SmtpSink::message(rolledBack(), QStringLiteral("shipyard@shop.example.org"),
            { QStringLiteral("releases@shop.example.org"), QStringLiteral("ops@shop.example.org") },
            QDateTime(QDate(2026, 12, 7), QTime(8, 0, 6), QTimeZone::UTC), QStringLiteral("0b6e7c1a"));
        const qsizetype end = message.indexOf("\r\n\r\n");
        QVERIFY(end > 0);
        const QList<QByteArray> headers = message.left(end).split('\n');
        QCOMPARE(headers,
            QList<QByteArray>({ "From: shipyard@shop.example.org\r",
                "To: releases@shop.example.org, ops@shop.example.org\r",
                "Subject: [Shop] Delivery into staging rolled back: storefront (feature/SHOP-7-cart), catalog\r",
                "Date: Mon, 07 Dec 2026 08:00:06 +0000\r", "Message-ID: <0b6e7c1a@shop.example.org>\r",
                "MIME-Version: 1.0\r", "Content-Type: text/plain; charset=utf-8\r", "Content-Transfer-Encoding: 8bit\r",
                "Auto-Submitted: auto-generated\r", "X-Shipyard-Event: delivery.rolled-back" }));
        const QByteArray body = message.mid(end + 4);
        QCOMPARE(body, rolledBack().text().toUtf8().replace("\n", "\r\n") + "\r\n");
        // Every line ends in CRLF, none alone.
        QCOMPARE(message.count("\n"), message.count("\r\n"));
    }

    void mailHeadersAreSafe()
    {
        // ASCII as it is; anything else as RFC 2047 encoded-words, each at
        // most 75 characters; a line break never gets through.
        QCOMPARE(SmtpSink::headerValue(QStringLiteral("Delivered into qa")), QByteArray("Delivered into qa"));
        QCOMPARE(SmtpSink::headerValue(QStringLiteral("Delivered\r\nBcc: someone@example.org")),
            QByteArray("Delivered Bcc: someone@example.org"));
        const QString unicode =
            QStringLiteral("Showroom of Login page with ünïcödé, «ready» — ") + QString(40, QChar(0x00e9));
        const QByteArray encoded = SmtpSink::headerValue(unicode);
        QByteArray decoded;
        for (const QByteArray &word : encoded.split('\n')) {
            const QByteArray trimmed = word.trimmed();
            QVERIFY2(trimmed.size() <= 75, trimmed.constData());
            QVERIFY(trimmed.startsWith("=?UTF-8?B?") && trimmed.endsWith("?="));
            decoded += QByteArray::fromBase64(trimmed.mid(10, trimmed.size() - 12));
        }
        QCOMPARE(QString::fromUtf8(decoded), unicode);
    }

    void longLinesAreCut()
    {
        Notification notification = rolledBack();
        notification.message = QString(3000, QChar(0x00fc)); // 6000 bytes of UTF-8
        const QByteArray message = SmtpSink::message(notification, QStringLiteral("a@example.org"),
            { QStringLiteral("b@example.org") }, QDateTime::currentDateTimeUtc(), QStringLiteral("id"));
        QByteArray joined;
        for (const QByteArray &line : message.split('\n')) {
            QVERIFY(line.size() <= 999); // 998 and the CR
            if (line.startsWith(QString(1, QChar(0x00fc)).toUtf8()))
                joined += line.chopped(1);
        }
        QCOMPARE(QString::fromUtf8(joined), notification.message);
    }
};

QTEST_GUILESS_MAIN(tst_NotificationFormats)
#include "tst_notificationformats.moc"
