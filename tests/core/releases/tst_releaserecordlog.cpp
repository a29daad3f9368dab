// SPDX-License-Identifier: GPL-2.0-or-later
// The end of a delivery's log kept with its release record: bounded, masked,
// stored beside the record in its ConfigMap in the local control plane
// (fixture `localcluster`), within the 1 MiB a ConfigMap may hold; records
// written before logs were kept still load.
#include "ClusterTestSupport.h"

#include "releases/ReleaseRecord.h"
#include "releases/ReleaseStore.h"
#include "support/SecretMasker.h"

#include <QJsonDocument>
#include <QTest>

using namespace Shipyard;
using namespace Shipyard::TestSupport;

namespace {

QStringList numberedLines(int count, const QString &padding = {})
{
    QStringList lines;
    for (int i = 1; i <= count; ++i)
        lines.append(QStringLiteral("line %1%2").arg(i).arg(padding));
    return lines;
}

qsizetype utf8Size(const QStringList &lines)
{
    return lines.join(QLatin1Char('\n')).toUtf8().size();
}

ReleaseRecord newRecord(const QString &environment)
{
    ReleaseRecord record;
    record.id = ReleaseRecord::newId();
    record.time = QDateTime::currentDateTimeUtc();
    record.who = QStringLiteral("tester@host");
    record.environment = environment;
    record.steps = QJsonArray { QJsonObject { { QStringLiteral("step"), QStringLiteral("lock") },
        { QStringLiteral("state"), QStringLiteral("succeeded") } } };
    return record;
}

} // namespace

class TestReleaseRecordLog : public QObject
{
    Q_OBJECT

private:
    QString m_ns;
    KubeClient m_client;

private Q_SLOTS:
    void tailKeepsTheEndWithinLines()
    {
        const QStringList tail = ReleaseRecord::logTail(numberedLines(3000), SecretMasker());
        QCOMPARE(tail.size(), ReleaseRecord::maxLogLines);
        QCOMPARE(tail.last(), QStringLiteral("line 3000"));
        QCOMPARE(tail.at(1), QStringLiteral("line 1002"));
        QVERIFY2(tail.first().contains(QStringLiteral("1001 earlier lines")), qPrintable(tail.first()));

        // A short log is kept whole, without a note.
        const QStringList shortLog = numberedLines(5);
        QCOMPARE(ReleaseRecord::logTail(shortLog, SecretMasker()), shortLog);
        QVERIFY(ReleaseRecord::logTail({}, SecretMasker()).isEmpty());
    }

    void tailKeepsTheEndWithinBytes()
    {
        // 1000 lines of about 1 KiB: the bytes bound before the lines do.
        const QStringList lines = numberedLines(1000, QString(1000, u'é'));
        const QStringList tail = ReleaseRecord::logTail(lines, SecretMasker());
        QVERIFY(utf8Size(tail) <= ReleaseRecord::maxLogBytes);
        QVERIFY(utf8Size(tail) > ReleaseRecord::maxLogBytes - 4096);
        QCOMPARE(tail.last(), lines.last());
        QVERIFY(tail.first().contains(QStringLiteral("earlier lines")));
        QCOMPARE(tail.at(1), lines.at(lines.size() - tail.size() + 1));
    }

    void tailIsMasked()
    {
        SecretMasker masker;
        masker.addSecret(QStringLiteral("hunter2-registry"));
        const QStringList tail = ReleaseRecord::logTail(
            { QStringLiteral("login with hunter2-registry"), QStringLiteral("pushed demo/app:1.0") }, masker);
        QCOMPARE(tail,
            (QStringList {
                QStringLiteral("login with ") + SecretMasker::replacement(), QStringLiteral("pushed demo/app:1.0") }));
    }

    void initTestCase()
    {
        SHIPYARD_REQUIRE_CLUSTER();
        m_client = clusterClient(QStringLiteral("local"));
        QVERIFY(m_client.isValid());
        m_ns = QStringLiteral("t-recordlog-%1").arg(QCoreApplication::applicationPid());
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

    void storedBesideTheRecord()
    {
        ReleaseRecord record = newRecord(QStringLiteral("test"));
        record.log = ReleaseRecord::logTail(numberedLines(2500), SecretMasker());
        const ReleaseStore store(m_client, m_ns);
        const KubeError saved = store.save(record);
        QVERIFY2(!saved.isError(), qPrintable(saved.message));

        KubeError error;
        const std::optional<ReleaseRecord> found = store.find(record.id, &error);
        QVERIFY2(found, qPrintable(error.message));
        QCOMPARE(found->log, record.log);
        const QList<ReleaseRecord> listed = store.list(&error);
        QVERIFY2(!error.isError(), qPrintable(error.message));
        QCOMPARE(listed.size(), 1);
        QCOMPARE(listed.first().log, record.log);
        // Plain text beside the JSON: readable with kubectl, and not in every reading of the history's JSON.
        const QString text = QString::fromUtf8(kubectl(QStringLiteral("local"),
            { QStringLiteral("-n"), m_ns, QStringLiteral("get"), QStringLiteral("configmap"),
                ReleaseStore::configMapName(record.id), QStringLiteral("-o"),
                QStringLiteral("jsonpath={.data.delivery\\.log}") }));
        QVERIFY(text.endsWith(QStringLiteral("line 2500")));
        QVERIFY(!record.toJson().contains(QStringLiteral("log")));
    }

    void oldRecordsWithoutLogLoad()
    {
        ReleaseRecord old = newRecord(QStringLiteral("test"));
        // Written as before: the record's JSON alone.
        const QJsonObject configMap {
            { QStringLiteral("apiVersion"), QStringLiteral("v1") },
            { QStringLiteral("kind"), QStringLiteral("ConfigMap") },
            { QStringLiteral("metadata"),
                QJsonObject { { QStringLiteral("name"), ReleaseStore::configMapName(old.id) },
                    { QStringLiteral("labels"),
                        QJsonObject { { QStringLiteral("app.kubernetes.io/managed-by"), QStringLiteral("shipyard") },
                            { QStringLiteral("shipyard.dev/release"), QStringLiteral("true") } } } } },
            { QStringLiteral("data"),
                QJsonObject { { QLatin1String(ReleaseStore::dataKey),
                    QString::fromUtf8(QJsonDocument(old.toJson()).toJson(QJsonDocument::Compact)) } } },
        };
        int code = 0;
        kubectl(QStringLiteral("local"),
            { QStringLiteral("-n"), m_ns, QStringLiteral("create"), QStringLiteral("-f"), QStringLiteral("-") }, &code,
            QJsonDocument(configMap).toJson());
        QCOMPARE(code, 0);
        KubeError error;
        const std::optional<ReleaseRecord> found = ReleaseStore(m_client, m_ns).find(old.id, &error);
        QVERIFY2(found, qPrintable(error.message));
        QCOMPARE(found->id, old.id);
        QCOMPARE(found->steps, old.steps);
        QVERIFY(found->log.isEmpty());
        bool listed = false;
        for (const ReleaseRecord &record : ReleaseStore(m_client, m_ns).list(&error))
            listed = listed || (record.id == old.id && record.log.isEmpty());
        QVERIFY(listed);
    }

    void logGivesWayToABigRecord()
    {
        // Manifests of about 900 KiB leave less than the log's 256 KiB.
        ReleaseRecord record = newRecord(QStringLiteral("test"));
        ReleaseRecord::SystemRelease system;
        system.system = QStringLiteral("big");
        system.image = QStringLiteral("demo/big:1");
        QJsonObject data;
        for (int i = 0; i < 900; ++i)
            data.insert(QStringLiteral("key%1").arg(i), QString(1000, u'x'));
        system.objects.append(
            QJsonObject { { QStringLiteral("kind"), QStringLiteral("ConfigMap") }, { QStringLiteral("data"), data } });
        record.systems.append(system);
        record.log = ReleaseRecord::logTail(numberedLines(2000, QString(200, u'y')), SecretMasker());
        QVERIFY(utf8Size(record.log) > 200 * 1024);

        const ReleaseStore store(m_client, m_ns);
        const KubeError saved = store.save(record);
        QVERIFY2(!saved.isError(), qPrintable(saved.message));
        KubeError error;
        const std::optional<ReleaseRecord> found = store.find(record.id, &error);
        QVERIFY2(found, qPrintable(error.message));
        QCOMPARE(found->systems.value(0).objects, system.objects);
        QVERIFY(!found->log.isEmpty());
        QVERIFY(found->log.size() < record.log.size());
        QCOMPARE(found->log.last(), record.log.last());
        QVERIFY2(found->log.first().contains(QStringLiteral("not kept")), qPrintable(found->log.first()));
        const qsizetype json = QJsonDocument(record.toJson()).toJson(QJsonDocument::Compact).size();
        QVERIFY(json + utf8Size(found->log) <= ReleaseStore::maxDataBytes);
    }
};

QTEST_GUILESS_MAIN(TestReleaseRecordLog)
#include "tst_releaserecordlog.moc"
