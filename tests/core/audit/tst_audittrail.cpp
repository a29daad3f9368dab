// SPDX-License-Identifier: GPL-2.0-or-later
// AuditTrail against the local control plane (fixture `localcluster`): the
// Event lands in the namespace with the cluster's name for the user, the
// journal line carries both identities, and no secret reaches either.
#include "ClusterTestSupport.h"

#include "audit/AuditTrail.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace Shipyard;
using namespace Shipyard::TestSupport;

namespace {

const QString envSecret = QStringLiteral("env-s3cr3t-%1").arg(QRandomGenerator::global()->bounded(1000000));
const QString argToken = QStringLiteral("arg-t0ken-%1").arg(QRandomGenerator::global()->bounded(1000000));
const QString bearer = QStringLiteral("b34rer-%1").arg(QRandomGenerator::global()->bounded(1000000));

} // namespace

class TestAuditTrail : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_ns;

    QJsonArray events(const QString &reason)
    {
        const KubeResponse listed = wait(clusterClient(QStringLiteral("local"))
                .get(QStringLiteral("/api/v1/namespaces/%1/events").arg(m_ns),
                    QUrlQuery { { QStringLiteral("fieldSelector"), QStringLiteral("reason=") + reason } }));
        if (!listed.ok())
            qWarning("listing events: %s", qPrintable(listed.error.message));
        return listed.json().value(QLatin1String("items")).toArray();
    }

private Q_SLOTS:
    void initTestCase()
    {
        SHIPYARD_REQUIRE_CLUSTER();
        // Read by the trail's masker when it is built: set before any trail exists.
        qputenv("SHIPYARD_AUDITTEST_TOKEN", envSecret.toUtf8());
        m_ns = QStringLiteral("t-audittrail-%1-%2")
                   .arg(QCoreApplication::applicationPid())
                   .arg(QRandomGenerator::global()->bounded(100000));
        int code = 0;
        kubectl(QStringLiteral("local"), { QStringLiteral("create"), QStringLiteral("namespace"), m_ns }, &code);
        QCOMPARE(code, 0);
    }

    void cleanupTestCase()
    {
        if (!m_ns.isEmpty())
            kubectl(QStringLiteral("local"),
                { QStringLiteral("delete"), QStringLiteral("namespace"), m_ns, QStringLiteral("--wait=false") });
    }

    void reasonsAndTypes()
    {
        QCOMPARE(AuditTrail::reasonFor(QStringLiteral("deliver")), QStringLiteral("ShipyardDeliver"));
        QCOMPARE(AuditTrail::reasonFor(QStringLiteral("lock.release")), QStringLiteral("ShipyardLockRelease"));
        QCOMPARE(AuditTrail::reasonFor(QStringLiteral("showroom.up")), QStringLiteral("ShipyardShowroomUp"));
        AuditRecord record;
        record.result = QStringLiteral("succeeded");
        QCOMPARE(AuditTrail::eventTypeFor(record), QStringLiteral("Normal"));
        record.result = QStringLiteral("failed: deploy: timeout");
        QCOMPARE(AuditTrail::eventTypeFor(record), QStringLiteral("Warning"));
        record.result = QStringLiteral("rolled back: smoke failed");
        QCOMPARE(AuditTrail::eventTypeFor(record), QStringLiteral("Warning"));
        record.result = QStringLiteral("released");
        record.details.insert(QStringLiteral("force"), true);
        QCOMPARE(AuditTrail::eventTypeFor(record), QStringLiteral("Warning"));
    }

    void masking()
    {
        const AuditTrail trail(KubeClient(), m_dir.filePath(QStringLiteral("unused.jsonl")));
        const QString line = trail.maskCommandLine({ QStringLiteral("shipyardctl"), QStringLiteral("deliver"),
            QStringLiteral("--token"), argToken, QStringLiteral("--registry-password=") + argToken,
            QStringLiteral("--reason"), QStringLiteral("value ") + envSecret });
        QVERIFY2(!line.contains(argToken) && !line.contains(envSecret), qPrintable(line));
        QVERIFY2(line.contains(QStringLiteral("--reason value ***")), qPrintable(line));
        QVERIFY2(line.contains(QStringLiteral("deliver --token ***")), qPrintable(line));
        const QString text =
            trail.mask(QStringLiteral("curl -H 'Authorization: Bearer %1' token=%2").arg(bearer, argToken));
        QVERIFY2(!text.contains(bearer) && !text.contains(argToken), qPrintable(text));
        QVERIFY2(text.startsWith(QStringLiteral("curl -H '")), qPrintable(text));
        const QString option = trail.mask(QStringLiteral("kubectl --token %1 get pods").arg(argToken));
        QCOMPARE(option, QStringLiteral("kubectl --token *** get pods"));
        const QString assigned =
            trail.mask(QStringLiteral("REGISTRY_PASSWORD: '%1', api_key=%2").arg(argToken, bearer));
        QVERIFY2(!assigned.contains(argToken) && !assigned.contains(bearer), qPrintable(assigned));
        // Names of objects stay readable: only values assigned to such words go.
        QCOMPARE(trail.mask(QStringLiteral("failed: secret demo-local-settings not found")),
            QStringLiteral("failed: secret demo-local-settings not found"));
    }

    // The ecosystem's credentials have names no pattern knows: added, they
    // are masked in the journal too, even in a record appended to it directly.
    void addedSecretsReachTheJournal()
    {
        const QString named = QStringLiteral("named-cred-%1").arg(QRandomGenerator::global()->bounded(1000000));
        AuditTrail trail(KubeClient(), m_dir.filePath(QStringLiteral("added.jsonl")));
        SecretMasker ecosystem;
        ecosystem.addSecret(named);
        trail.addSecrets(ecosystem);
        QCOMPARE(trail.mask(QStringLiteral("pushed with ") + named), QStringLiteral("pushed with ***"));
        AuditRecord record;
        record.action = QStringLiteral("deliver");
        record.result = QStringLiteral("failed: ") + named;
        record.details.insert(QStringLiteral("note"), named);
        QString error;
        QVERIFY2(trail.journal().append(record, &error), qPrintable(error));
        QFile file(trail.journal().path());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray written = file.readAll();
        QVERIFY2(!written.contains(named.toUtf8()), written.constData());
        QVERIFY2(written.contains("failed: ***"), written.constData());
    }

    void eventAndJournalCarryBothIdentities_data()
    {
        QTest::addColumn<QString>("context");
        QTest::addColumn<QString>("username");
        QTest::addColumn<QString>("result");
        QTest::addColumn<QString>("type");
        QTest::newRow("admin") << QStringLiteral("local") << QStringLiteral("admin") << QStringLiteral("succeeded")
                               << QStringLiteral("Normal");
        QTest::newRow("developer") << QStringLiteral("local-developer") << QStringLiteral("developer")
                                   << QStringLiteral("failed: deploy: Bearer %1").arg(bearer)
                                   << QStringLiteral("Warning");
    }

    void eventAndJournalCarryBothIdentities()
    {
        QFETCH(QString, context);
        QFETCH(QString, username);
        QFETCH(QString, result);
        QFETCH(QString, type);
        const QString journalPath = m_dir.filePath(context + QStringLiteral(".jsonl"));
        const AuditTrail trail(clusterClient(context), journalPath);
        QString identityError;
        QCOMPARE(trail.kubernetesIdentity(&identityError), username);
        QVERIFY2(identityError.isEmpty(), qPrintable(identityError));

        const QString releaseId =
            QStringLiteral("r-%1-%2").arg(context).arg(QRandomGenerator::global()->bounded(100000));
        AuditRecord record;
        record.action = QStringLiteral("rollback");
        record.context = context;
        record.namespaceName = m_ns;
        record.result = result;
        record.releaseId = releaseId;
        record.details = QJsonObject { { QStringLiteral("environment"), QStringLiteral("local") },
            { QStringLiteral("command"),
                trail.maskCommandLine({ QStringLiteral("shipyardctl"), QStringLiteral("rollback"),
                    QStringLiteral("--token=") + argToken }) },
            { QStringLiteral("reason"), QString(QStringLiteral("asked with ") + envSecret) } };
        const AuditTrail::Outcome outcome = trail.record(record);
        QVERIFY2(outcome.ok(), qPrintable(outcome.errorMessage()));
        QVERIFY(!outcome.eventName.isEmpty());

        // The Event, as anyone with kubectl sees it.
        QJsonObject event;
        for (const QJsonValue &item : events(QStringLiteral("ShipyardRollback"))) {
            if (item[QLatin1String("metadata")][QLatin1String("name")].toString() == outcome.eventName)
                event = item.toObject();
        }
        QVERIFY2(!event.isEmpty(), qPrintable(outcome.eventName));
        const QString message = event.value(QLatin1String("message")).toString();
        QVERIFY2(message.startsWith(username + QLatin1Char(' ')), qPrintable(message));
        QVERIFY2(message.contains(AuditJournal::currentOsUser()), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("release ") + releaseId), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("rollback in ") + m_ns), qPrintable(message));
        QCOMPARE(event.value(QLatin1String("type")).toString(), type);
        QCOMPARE(event[QLatin1String("involvedObject")][QLatin1String("name")].toString(),
            QStringLiteral("shipyard-delivery"));
        const QJsonObject annotations = event[QLatin1String("metadata")][QLatin1String("annotations")].toObject();
        QCOMPARE(annotations.value(QLatin1String("shipyard.dev/kubernetes-user")).toString(), username);
        QCOMPARE(annotations.value(QLatin1String("shipyard.dev/os-user")).toString(), AuditJournal::currentOsUser());
        QCOMPARE(annotations.value(QLatin1String("shipyard.dev/release")).toString(), releaseId);

        // The journal line.
        const AuditJournal::Contents contents = trail.journal().read();
        QCOMPARE(contents.records.size(), 1);
        QCOMPARE(contents.records.first().osUser, AuditJournal::currentOsUser());
        QCOMPARE(contents.records.first().kubernetesIdentity, username);
        QCOMPARE(contents.records.first().releaseId, releaseId);

        // No secret anywhere: the raw file and the raw Event.
        QFile file(journalPath);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QList<QByteArray> raw { QJsonDocument(event).toJson() };
        while (!file.atEnd()) // a line at a time, as every reader of the journal does
            raw.append(file.readLine());
        for (const QByteArray &text : std::as_const(raw)) {
            for (const QString &secret : { envSecret, argToken, bearer })
                QVERIFY2(!text.contains(secret.toUtf8()), qPrintable(secret + QStringLiteral(" leaked: ") + text));
        }
    }

    void identityIsCachedPerUser()
    {
        // The two users of one cluster are never mixed up by the cache.
        const AuditTrail admin(clusterClient(QStringLiteral("local")), m_dir.filePath(QStringLiteral("a.jsonl")));
        const AuditTrail developer(
            clusterClient(QStringLiteral("local-developer")), m_dir.filePath(QStringLiteral("d.jsonl")));
        QCOMPARE(admin.kubernetesIdentity(), QStringLiteral("admin"));
        QCOMPARE(developer.kubernetesIdentity(), QStringLiteral("developer"));
        QCOMPARE(admin.kubernetesIdentity(), QStringLiteral("admin"));
    }

    void refusedEventIsReportedJournalStillWritten()
    {
        // The developer may not write Events in production: the journal still has the line.
        const QString journalPath = m_dir.filePath(QStringLiteral("prod.jsonl"));
        const AuditTrail trail(clusterClient(QStringLiteral("production-developer")), journalPath);
        AuditRecord record;
        record.action = QStringLiteral("deliver");
        record.namespaceName = QStringLiteral("shipyard-production");
        record.result = QStringLiteral("failed: not allowed");
        const AuditTrail::Outcome outcome = trail.record(record);
        QVERIFY(outcome.journalError.isEmpty());
        QVERIFY2(outcome.eventError.contains(QStringLiteral("shipyard-production")), qPrintable(outcome.eventError));
        QCOMPARE(trail.journal().read().records.size(), 1);
        QCOMPARE(trail.journal().read().records.first().kubernetesIdentity, QStringLiteral("developer"));
    }
};

QTEST_GUILESS_MAIN(TestAuditTrail)
#include "tst_audittrail.moc"
