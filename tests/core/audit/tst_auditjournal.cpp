// SPDX-License-Identifier: GPL-2.0-or-later
#include "audit/AuditJournal.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace Shipyard;

namespace {

constexpr int recordsPerWriter = 300;

AuditRecord sampleRecord(const QString &action)
{
    AuditRecord record;
    record.kubernetesIdentity = QStringLiteral("system:serviceaccount:ci:robot");
    record.action = action;
    record.context = QStringLiteral("kind-staging");
    record.namespaceName = QStringLiteral("shop-staging");
    record.result = QStringLiteral("succeeded");
    record.releaseId = QStringLiteral("r-20240102-0001");
    record.details = QJsonObject { { QStringLiteral("systems"), QJsonArray { QStringLiteral("catalog") } },
        { QStringLiteral("taskKey"), QStringLiteral("SHOP-12") } };
    return record;
}

// The body of the second process in appendsFromTwoProcesses.
int runWriter(const QString &path, const QString &name)
{
    AuditJournal journal(path);
    // Records large enough that a torn write would show.
    const QString padding(2000, QLatin1Char('p'));
    for (int i = 0; i < recordsPerWriter; ++i) {
        AuditRecord record = sampleRecord(QStringLiteral("deliver"));
        record.details.insert(QStringLiteral("writer"), name);
        record.details.insert(QStringLiteral("sequence"), i);
        record.details.insert(QStringLiteral("padding"), padding);
        QString error;
        if (!journal.append(record, &error)) {
            qCritical("%s", qPrintable(error));
            return 1;
        }
    }
    return 0;
}

} // namespace

class TestAuditJournal : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrips()
    {
        QTemporaryDir directory;
        const QString path = directory.filePath(QStringLiteral("state/shipyard/audit.jsonl"));
        AuditJournal journal(path);
        AuditRecord first = sampleRecord(QStringLiteral("deliver"));
        first.time = QDateTime(QDate(2024, 1, 2), QTime(3, 4, 5, 678), QTimeZone::fromSecondsAheadOfUtc(3600));
        QString error;
        QVERIFY2(journal.append(first, &error), qPrintable(error));
        QVERIFY(journal.append(sampleRecord(QStringLiteral("rollback")), &error));

        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().split('\n');
        QCOMPARE(lines.size(), 3); // two records and the final newline
        QVERIFY(lines.at(2).isEmpty());
        const QJsonObject object = QJsonDocument::fromJson(lines.at(0)).object();
        QCOMPARE(object.value("time").toString(), QStringLiteral("2024-01-02T02:04:05.678Z"));
        QCOMPARE(object.value("what").toString(), QStringLiteral("deliver"));
        QCOMPARE(object.value("who").toObject().value("kubernetes").toString(),
            QStringLiteral("system:serviceaccount:ci:robot"));
        QCOMPARE(object.value("who").toObject().value("user").toString(), AuditJournal::currentOsUser());
        QCOMPARE(object.value("where").toObject().value("namespace").toString(), QStringLiteral("shop-staging"));
        QCOMPARE(object.value("release").toString(), QStringLiteral("r-20240102-0001"));

        const AuditJournal::Contents contents = journal.read();
        QVERIFY(contents.error.isEmpty());
        QCOMPARE(contents.skippedLines, 0);
        QCOMPARE(contents.records.size(), 2);
        const AuditRecord &read = contents.records.at(0);
        QCOMPARE(read.time, first.time);
        QCOMPARE(read.time.timeSpec(), Qt::UTC);
        QCOMPARE(read.action, first.action);
        QCOMPARE(read.context, first.context);
        QCOMPARE(read.namespaceName, first.namespaceName);
        QCOMPARE(read.result, first.result);
        QCOMPARE(read.releaseId, first.releaseId);
        QCOMPARE(read.details, first.details);
        QCOMPARE(read.kubernetesIdentity, first.kubernetesIdentity);
        QCOMPARE(contents.records.at(1).action, QStringLiteral("rollback"));
        QVERIFY(contents.records.at(1).time.isValid());
    }

    void onlyTheOwnerCanRead()
    {
        QTemporaryDir directory;
        const QString path = directory.filePath(QStringLiteral("shipyard/audit.jsonl"));
        QVERIFY(AuditJournal(path).append(sampleRecord(QStringLiteral("lock"))));
        struct stat info = {};
        QCOMPARE(::stat(QFile::encodeName(path).constData(), &info), 0);
        QCOMPARE(info.st_mode & 0777, 0600u);
    }

    void masksSecrets()
    {
        QTemporaryDir directory;
        const QString path = directory.filePath(QStringLiteral("audit.jsonl"));
        AuditJournal journal(path);
        QProcessEnvironment environment;
        environment.insert(QStringLiteral("REGISTRY_PASSWORD"), QStringLiteral("pa55-word"));
        journal.setMasker(SecretMasker(environment));
        AuditRecord record = sampleRecord(QStringLiteral("deliver"));
        record.result = QStringLiteral("failed: login with pa55-word refused");
        record.details = QJsonObject {
            { QStringLiteral("token"), QStringLiteral("abc.def.ghi") },
            { QStringLiteral("DB_PASSWORD"), QStringLiteral("plain") },
            { QStringLiteral("clientSecret"), QStringLiteral("s") },
            { QStringLiteral("taskKey"), QStringLiteral("SHOP-7") },
            { QStringLiteral("command"), QStringLiteral("curl -u admin:pa55-word") },
            { QStringLiteral("nested"),
                QJsonObject { { QStringLiteral("api_key"), QStringLiteral("xyz") },
                    { QStringLiteral("list"), QJsonArray { QStringLiteral("pa55-word") } } } },
        };
        QVERIFY(journal.append(record));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        for (const char *secret : { "pa55-word", "abc.def.ghi", "plain", "xyz", "\"s\"" })
            QVERIFY2(!text.contains(secret), secret);
        const AuditRecord read = journal.read().records.constFirst();
        QCOMPARE(read.result, QStringLiteral("failed: login with *** refused"));
        QCOMPARE(read.details.value("token").toString(), QStringLiteral("***"));
        QCOMPARE(read.details.value("taskKey").toString(), QStringLiteral("SHOP-7"));
        QCOMPARE(read.details.value("command").toString(), QStringLiteral("curl -u admin:***"));
        QCOMPARE(read.details.value("nested").toObject().value("api_key").toString(), QStringLiteral("***"));
    }

    void skipsDamagedLines()
    {
        QTemporaryDir directory;
        const QString path = directory.filePath(QStringLiteral("audit.jsonl"));
        AuditJournal journal(path);
        QVERIFY(journal.append(sampleRecord(QStringLiteral("deliver"))));
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::Append));
            file.write("{\"what\": \"deliver\", \"time\": \"2024-01-0\n"); // cut short by a full disk
            file.write("[1, 2]\n\n");
        }
        QVERIFY(journal.append(sampleRecord(QStringLiteral("rollback"))));
        const AuditJournal::Contents contents = journal.read();
        QCOMPARE(contents.records.size(), 2);
        QCOMPARE(contents.skippedLines, 2);
    }

    void missingJournalIsEmpty()
    {
        QTemporaryDir directory;
        const AuditJournal::Contents contents = AuditJournal(directory.filePath(QStringLiteral("none.jsonl"))).read();
        QVERIFY(contents.error.isEmpty());
        QVERIFY(contents.records.isEmpty());
    }

    void reportsAnUnwritableJournal()
    {
        QTemporaryDir directory;
        QFile blocker(directory.filePath(QStringLiteral("file")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        QString error;
        QVERIFY(!AuditJournal(directory.filePath(QStringLiteral("file/audit.jsonl")))
                .append(sampleRecord(QStringLiteral("deliver")), &error));
        QVERIFY(!error.isEmpty());
    }

    void defaultPathFollowsXdg()
    {
        const QByteArray saved = qgetenv("XDG_STATE_HOME");
        qputenv("XDG_STATE_HOME", "/tmp/xdg-state");
        QCOMPARE(AuditJournal::defaultPath(), QStringLiteral("/tmp/xdg-state/shipyard/audit.jsonl"));
        qunsetenv("XDG_STATE_HOME");
        QCOMPARE(AuditJournal::defaultPath(), QDir::homePath() + QStringLiteral("/.local/state/shipyard/audit.jsonl"));
        if (!saved.isNull())
            qputenv("XDG_STATE_HOME", saved);
    }

    void appendsFromTwoProcesses()
    {
        QTemporaryDir directory;
        const QString path = directory.filePath(QStringLiteral("audit.jsonl"));
        QProcess first;
        QProcess second;
        first.setProcessChannelMode(QProcess::ForwardedChannels);
        second.setProcessChannelMode(QProcess::ForwardedChannels);
        const QString program = QCoreApplication::applicationFilePath();
        first.start(program, { QStringLiteral("--audit-writer"), path, QStringLiteral("first") });
        second.start(program, { QStringLiteral("--audit-writer"), path, QStringLiteral("second") });
        QVERIFY(first.waitForFinished(60000));
        QVERIFY(second.waitForFinished(60000));
        QCOMPARE(first.exitCode(), 0);
        QCOMPARE(second.exitCode(), 0);

        const AuditJournal::Contents contents = AuditJournal(path).read();
        QCOMPARE(contents.skippedLines, 0);
        QCOMPARE(contents.records.size(), 2 * recordsPerWriter);
        QMap<QString, QList<int>> sequences;
        for (const AuditRecord &record : contents.records)
            sequences[record.details.value("writer").toString()].append(record.details.value("sequence").toInt());
        QCOMPARE(sequences.keys(), (QStringList { "first", "second" }));
        for (const QList<int> &sequence : std::as_const(sequences)) {
            QCOMPARE(sequence.size(), recordsPerWriter);
            for (int i = 0; i < recordsPerWriter; ++i)
                QCOMPARE(sequence.at(i), i); // each writer's records in its order
        }
    }
};

int main(int argc, char **argv)
{
    if (argc == 4 && qstrcmp(argv[1], "--audit-writer") == 0)
        return runWriter(QString::fromLocal8Bit(argv[2]), QString::fromLocal8Bit(argv[3]));
    QCoreApplication app(argc, argv);
    TestAuditJournal test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_auditjournal.moc"
