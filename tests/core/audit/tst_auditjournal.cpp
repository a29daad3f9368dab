// SPDX-License-Identifier: GPL-2.0-or-later
#include "audit/AuditJournal.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

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

// The body of the processes of appendsFromTwoProcesses: NAME's records, in
// a journal rotated at MAXBYTES when given.
int runWriter(const QString &path, const QString &name, qint64 maxBytes = 0, int keptFiles = 0)
{
    AuditJournal journal(path);
    if (maxBytes > 0)
        journal.setRotation(maxBytes, keptFiles);
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

AuditRecord numbered(int sequence)
{
    AuditRecord record = sampleRecord(QStringLiteral("deliver"));
    record.details.insert(QStringLiteral("sequence"), sequence);
    return record;
}

QList<int> sequences(const QList<AuditRecord> &records)
{
    QList<int> numbers;
    for (const AuditRecord &record : records)
        numbers.append(record.details.value(QLatin1String("sequence")).toInt());
    return numbers;
}

QList<int> range(int from, int to)
{
    QList<int> numbers;
    for (int i = from; i <= to; ++i)
        numbers.append(i);
    return numbers;
}

unsigned modeOf(const QString &path)
{
    struct stat info = {};
    return ::stat(QFile::encodeName(path).constData(), &info) == 0 ? info.st_mode & 0777 : 01000;
}

// The most memory this process has held so far, in MiB.
long peakMemoryMiB()
{
    struct rusage usage = {};
    ::getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024;
}

// A hole of SIZE bytes (a sparse file: no disk, and no newline) at the end of PATH.
bool appendHole(const QString &path, qint64 size)
{
    QFile file(path);
    return file.open(QIODevice::ReadWrite) && file.resize(file.size() + size);
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
        QList<QByteArray> lines;
        while (!file.atEnd())
            lines.append(file.readLine());
        QCOMPARE(lines.size(), 2); // two records,
        QVERIFY(lines.at(1).endsWith('\n')); // each ending its line
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

    // Fixed, not refused: the file is this user's, and narrowing its rights
    // ends the exposure at once (a refusal would stop every delivery).
    void makesAWiderJournalPrivate_data()
    {
        QTest::addColumn<int>("mode");
        QTest::newRow("0644") << 0644;
        QTest::newRow("0666") << 0666;
        QTest::newRow("0640") << 0640;
        QTest::newRow("0604") << 0604;
    }

    void makesAWiderJournalPrivate()
    {
        QFETCH(int, mode);
        QTemporaryDir directory;
        const QString path = directory.filePath(QStringLiteral("shipyard/audit.jsonl"));
        AuditJournal journal(path);
        QVERIFY(journal.append(sampleRecord(QStringLiteral("lock"))));
        QCOMPARE(::chmod(QFile::encodeName(path).constData(), mode_t(mode)), 0);
        QCOMPARE(::chmod(QFile::encodeName(directory.filePath(QStringLiteral("shipyard"))).constData(), 0755), 0);
        QCOMPARE(modeOf(path), unsigned(mode));
        QString error;
        QVERIFY2(journal.append(sampleRecord(QStringLiteral("unlock")), &error), qPrintable(error));
        QCOMPARE(modeOf(path), 0600u);
        QCOMPARE(modeOf(directory.filePath(QStringLiteral("shipyard"))), 0700u);
        QCOMPARE(journal.read().records.size(), 2);
    }

    // A journal made by something else before Shipyard ever wrote to it.
    void makesAForeignJournalPrivate()
    {
        QTemporaryDir directory;
        const QString path = directory.filePath(QStringLiteral("audit.jsonl"));
        QFile made(path);
        QVERIFY(made.open(QIODevice::WriteOnly));
        made.close();
        QCOMPARE(::chmod(QFile::encodeName(path).constData(), 0666), 0);
        QVERIFY(AuditJournal(path).append(sampleRecord(QStringLiteral("lock"))));
        QCOMPARE(modeOf(path), 0600u);
    }

    // audit.jsonl → .1 → .2 at the size limit; the oldest goes, every file
    // stays private and under the limit, and nothing between is lost.
    void rotatesBySize()
    {
        QTemporaryDir directory;
        const QString path = directory.filePath(QStringLiteral("audit.jsonl"));
        AuditJournal journal(path);
        journal.setRotation(2048, 2);
        const qsizetype recordSize = journal.serialize(numbered(10)).size() + 1;
        for (int i = 0; i < 40; ++i)
            QVERIFY(journal.append(numbered(i)));
        QCOMPARE(journal.files(), (QStringList { path + QStringLiteral(".2"), path + QStringLiteral(".1"), path }));
        QVERIFY(!QFile::exists(path + QStringLiteral(".3")));
        for (const QString &file : journal.files()) {
            QVERIFY2(QFileInfo(file).size() <= 2048, qPrintable(file));
            QVERIFY2(QFileInfo(file).size() > 2048 - 2 * recordSize || file == path, qPrintable(file));
            QCOMPARE(modeOf(file), 0600u);
        }
        const AuditJournal::Contents contents = journal.read();
        QCOMPARE(contents.skippedLines, 0);
        const QList<int> kept = sequences(contents.records);
        QVERIFY(kept.size() < 40);
        QCOMPARE(kept, range(40 - int(kept.size()), 39));

        // Fewer files kept later: the extra ones go at the next rotation.
        journal.setRotation(2048, 1);
        for (int i = 40; i < 60; ++i)
            QVERIFY(journal.append(numbered(i)));
        QCOMPARE(journal.files(), (QStringList { path + QStringLiteral(".1"), path }));
        const QList<int> fewer = sequences(journal.read().records);
        QCOMPARE(fewer, range(60 - int(fewer.size()), 59));
    }

    // The newest records come from the end of the newest files, across
    // rotations, oldest first.
    void lastRecords()
    {
        QTemporaryDir directory;
        const QString path = directory.filePath(QStringLiteral("audit.jsonl"));
        AuditJournal journal(path);
        QCOMPARE(journal.last(5).records.size(), 0); // no journal yet
        journal.setRotation(2048, 3);
        for (int i = 0; i < 30; ++i)
            QVERIFY(journal.append(numbered(i)));
        QVERIFY(journal.files().size() > 2);
        QCOMPARE(sequences(journal.last(1).records), QList<int> { 29 });
        QCOMPARE(sequences(journal.last(12).records), range(18, 29));
        const AuditJournal::Contents all = journal.read();
        QCOMPARE(journal.last(1000).records.size(), all.records.size());
        QCOMPARE(sequences(journal.last(1000).records), sequences(all.records));
        QCOMPARE(journal.last(0).records.size(), 0);

        // Damaged lines are skipped and counted, wherever the blocks split.
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::Append));
            file.write("{\"what\": \"deliver\", \"ti\n");
        }
        QVERIFY(journal.append(numbered(30)));
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::Append));
            file.write("{\"cut short"); // no newline: the disk filled up
        }
        const AuditJournal::Contents tail = journal.last(2);
        QCOMPARE(sequences(tail.records), (QList<int> { 29, 30 }));
        QCOMPARE(tail.skippedLines, 2);
    }

    // Neither reader holds the file: last() reads only from the end, and
    // forEach() one line at a time, so a journal with a quarter of a
    // gigabyte of garbage (a sparse hole without a newline) costs neither
    // time nor memory unless read through, and then only a line's worth.
    void readsWithoutLoadingTheFile()
    {
        QTemporaryDir directory;
        const QString path = directory.filePath(QStringLiteral("audit.jsonl"));
        AuditJournal journal(path);
        journal.setRotation(0, 0);
        constexpr qint64 hole = 256 * 1024 * 1024;
        const long before = peakMemoryMiB();

        QVERIFY(journal.append(numbered(0)));
        QVERIFY(appendHole(path, hole));
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::Append));
            file.write("\n");
        }
        for (int i = 1; i <= 4; ++i)
            QVERIFY(journal.append(numbered(i)));
        QElapsedTimer clock;
        clock.start();
        const AuditJournal::Contents newest = journal.last(3);
        QCOMPARE(sequences(newest.records), range(2, 4));
        QCOMPARE(newest.skippedLines, 0);
        QVERIFY2(clock.elapsed() < 2000, "last() read more than the end of the file");

        int seen = 0;
        const AuditJournal::Contents first = journal.forEach([&seen](const AuditRecord &record) {
            ++seen;
            return record.details.value(QLatin1String("sequence")).toInt() < 0; // stop at the first
        });
        QCOMPARE(seen, 1);
        QVERIFY(first.error.isEmpty());

        // Reading through everything skips the hole as one damaged line.
        const AuditJournal::Contents all = journal.last(100);
        QCOMPARE(sequences(all.records), range(0, 4));
        QCOMPARE(all.skippedLines, 1);
        const AuditJournal::Contents streamed = journal.read();
        QCOMPARE(sequences(streamed.records), range(0, 4));
        QCOMPARE(streamed.skippedLines, 1);
        const long grown = peakMemoryMiB() - before;
        QVERIFY2(grown < 64, qPrintable(QStringLiteral("reading grew the process by %1 MiB").arg(grown)));
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

    // Two processes appending at once, without rotation and with a rotation
    // every 30 or so records (and enough files kept to lose none): no line
    // torn, lost or doubled, each writer's records in its order.
    void appendsFromTwoProcesses_data()
    {
        QTest::addColumn<QStringList>("rotation");
        QTest::newRow("one file") << QStringList {};
        QTest::newRow("rotating") << QStringList { QStringLiteral("65536"), QStringLiteral("100") };
    }

    void appendsFromTwoProcesses()
    {
        QFETCH(QStringList, rotation);
        QTemporaryDir directory;
        const QString path = directory.filePath(QStringLiteral("audit.jsonl"));
        QProcess first;
        QProcess second;
        first.setProcessChannelMode(QProcess::ForwardedChannels);
        second.setProcessChannelMode(QProcess::ForwardedChannels);
        const QString program = QCoreApplication::applicationFilePath();
        first.start(
            program, QStringList { QStringLiteral("--audit-writer"), path, QStringLiteral("first") } + rotation);
        second.start(
            program, QStringList { QStringLiteral("--audit-writer"), path, QStringLiteral("second") } + rotation);
        QVERIFY(first.waitForFinished(60000));
        QVERIFY(second.waitForFinished(60000));
        QCOMPARE(first.exitCode(), 0);
        QCOMPARE(second.exitCode(), 0);

        const AuditJournal::Contents contents = AuditJournal(path).read();
        QCOMPARE(contents.skippedLines, 0);
        QCOMPARE(contents.records.size(), 2 * recordsPerWriter);
        if (!rotation.isEmpty())
            QVERIFY(AuditJournal(path).files().size() > 10);
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
    if ((argc == 4 || argc == 6) && qstrcmp(argv[1], "--audit-writer") == 0)
        return runWriter(QString::fromLocal8Bit(argv[2]), QString::fromLocal8Bit(argv[3]),
            argc == 6 ? QByteArray(argv[4]).toLongLong() : 0, argc == 6 ? QByteArray(argv[5]).toInt() : 0);
    QCoreApplication app(argc, argv);
    TestAuditJournal test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_auditjournal.moc"
