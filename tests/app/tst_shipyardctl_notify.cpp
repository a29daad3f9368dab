// SPDX-License-Identifier: GPL-2.0-or-later
// `shipyardctl notify`: a test notification to the channels an event goes
// to, against a local chat webhook (HttpTestSink); exit codes and what is
// said when a channel does not take it.
#include "HttpTestSink.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Shipyard::TestSupport;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run shipyardctl(const QStringList &arguments, const QString &webhook)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LANGUAGE"), QStringLiteral("en"));
    env.remove(QStringLiteral("NOTIFY_CTL_CHAT"));
    if (!webhook.isEmpty())
        env.insert(QStringLiteral("NOTIFY_CTL_CHAT"), webhook);
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(SHIPYARD_BINARY_DIR "/bin/shipyardctl"), arguments);
    if (!process.waitForFinished(60000))
        return {};
    return { process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
        QString::fromUtf8(process.readAllStandardError()) };
}

} // namespace

class tst_ShipyardctlNotify : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_ecosystem;
    const QString m_token = QStringLiteral("T0CTL/B0TEST/r5Yw8kLq2Zx7Nc4Vb1Mn6Hj3");

    QStringList args(const QStringList &more) const
    {
        return QStringList { QStringLiteral("notify"), QStringLiteral("--ecosystem"), m_ecosystem } + more;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QFile file(m_dir.filePath(QStringLiteral("ecosystem.yaml")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("apiVersion: shipyard/v1\nname: Shop\n"
                   "notifications:\n"
                   "  channels:\n"
                   "    team-chat: {chat: {urlEnv: NOTIFY_CTL_CHAT}}\n"
                   "  notify:\n"
                   "    - {channel: team-chat, events: ['delivery.*']}\n"
                   "  timeout: 2s\n"
                   "gating: {reviewsRequired: 0}\n"
                   "systems:\n  - name: api\n    template: backend\n    repository: api\n    image: shop/api\n"
                   "    manifests: [deploy/]\n"
                   "environments:\n  - {name: staging, kind: staging, context: local, namespace: staging}\n");
        file.close();
        m_ecosystem = file.fileName();
    }

    void aTestNotificationIsSent()
    {
        HttpTestSink chat;
        const Run run = shipyardctl(args({ QStringLiteral("--environment"), QStringLiteral("staging"),
                                        QStringLiteral("--event"), QStringLiteral("delivery.failed") }),
            chat.url(m_token));
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(run.out, QStringLiteral("sent to team-chat\n"));
        QCOMPARE(chat.requests().size(), 1);
        const QString text =
            QJsonDocument::fromJson(chat.requests().first().body).object().value(QLatin1String("text")).toString();
        QVERIFY2(text.startsWith(QStringLiteral("Delivery into staging failed: (a test)\nA test of the ecosystem's "
                                                "notifications: nothing happened.\n")),
            qPrintable(text));
    }

    void aChannelThatFailsIsSaid()
    {
        // Not set: said by name. Refused: said without the URL's token.
        Run run = shipyardctl(args({ QStringLiteral("--environment"), QStringLiteral("staging") }), {});
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.err,
            QStringLiteral(
                "shipyardctl notify: delivery.succeeded not sent to team-chat: NOTIFY_CTL_CHAT is not set\n"));
        HttpTestSink refusing(HttpTestSink::Behaviour::Answer, 403);
        run = shipyardctl(args({ QStringLiteral("--environment"), QStringLiteral("staging") }), refusing.url(m_token));
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("answered HTTP 403")), qPrintable(run.err));
        QVERIFY2(!run.err.contains(m_token) && !run.out.contains(m_token), qPrintable(run.err));
    }

    void eventsThatGoNowhereOrDoNotExist()
    {
        HttpTestSink chat;
        Run run = shipyardctl(args({ QStringLiteral("--environment"), QStringLiteral("staging"),
                                  QStringLiteral("--event"), QStringLiteral("showroom.up") }),
            chat.url(m_token));
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.err, QStringLiteral("shipyardctl notify: showroom.up in staging goes to no channel\n"));
        run = shipyardctl(args({ QStringLiteral("--environment"), QStringLiteral("staging"), QStringLiteral("--event"),
                              QStringLiteral("deployed") }),
            chat.url(m_token));
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.startsWith(QStringLiteral("shipyardctl notify: 'deployed' is no event (delivery.started, ")),
            qPrintable(run.err));
        QVERIFY(chat.requests().isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_ShipyardctlNotify)
#include "tst_shipyardctl_notify.moc"
