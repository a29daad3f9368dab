// SPDX-License-Identifier: GPL-2.0-or-later
// The pieces of a system's log that need no cluster: the kubelet's
// timestamps read and shown in local time, lines of several streams put in time order within the
// reorder window (late ones still given out), and the filter.
#include "live/LogFilter.h"
#include "live/LogLine.h"
#include "live/LogMerger.h"

#include <QElapsedTimer>
#include <QTest>

#include <deque>

using namespace Shipyard;

namespace {

constexpr qint64 ms = 1000000;

LogLine lineAt(qint64 time, const QString &pod, const QString &text)
{
    return LogLine { time, pod, QStringLiteral("app"), text, false };
}

QStringList texts(const QList<LogLine> &lines)
{
    QStringList out;
    for (const LogLine &line : lines)
        out.append(line.text);
    return out;
}

} // namespace

class tst_LogMerger : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void timestamps_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<QString>("expected"); // ISO with ms, empty: none
        QTest::addColumn<qint64>("nanoseconds"); // within the second
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("kubelet") << QByteArray("2025-06-02T09:14:03.137000000Z starting") << "2025-06-02T09:14:03.137Z"
                                 << qint64(137000000) << QByteArray("starting");
        QTest::newRow("trimmed fraction") << QByteArray("2025-06-02T09:14:03.1234Z x") << "2025-06-02T09:14:03.123Z"
                                          << qint64(123400000) << QByteArray("x");
        QTest::newRow("no fraction") << QByteArray("2025-06-02T09:14:03Z hello world") << "2025-06-02T09:14:03.000Z"
                                     << qint64(0) << QByteArray("hello world");
        QTest::newRow("offset") << QByteArray("2025-06-02T11:14:03.5+02:00 x") << "2025-06-02T09:14:03.500Z"
                                << qint64(500000000) << QByteArray("x");
        QTest::newRow("empty text") << QByteArray("2025-06-02T09:14:03.000000001Z") << "2025-06-02T09:14:03.000Z"
                                    << qint64(1) << QByteArray();
        QTest::newRow("no timestamp") << QByteArray("panic: nil map") << QString() << qint64(0) << QByteArray();
        QTest::newRow("bad month") << QByteArray("2025-13-02T09:14:03Z x") << QString() << qint64(0) << QByteArray();
        QTest::newRow("short") << QByteArray("2025-06-02T09:14") << QString() << qint64(0) << QByteArray();
        QTest::newRow("no zone") << QByteArray("2025-06-02T09:14:03.1 x") << QString() << qint64(0) << QByteArray();
    }

    void timestamps()
    {
        QFETCH(QByteArray, line);
        QFETCH(QString, expected);
        QFETCH(qint64, nanoseconds);
        QFETCH(QByteArray, text);
        QByteArrayView rest;
        const std::optional<qint64> time = LogLine::parseTimestamp(line, &rest);
        QCOMPARE(time.has_value(), !expected.isEmpty());
        if (!time)
            return;
        QCOMPARE(LogLine::toDateTime(*time).toString(Qt::ISODateWithMs), expected);
        QCOMPARE(*time % 1000000000, nanoseconds);
        QCOMPARE(rest.toByteArray(), text);
    }

    void localTimeOfDay()
    {
        // Berlin's rules as a POSIX TZ (no time zone data needed): CET, CEST
        // from the last Sunday of March 01:00 UTC to the last of October.
        const QByteArray before = qgetenv("TZ");
        const bool wasSet = qEnvironmentVariableIsSet("TZ");
        qputenv("TZ", "CET-1CEST,M3.5.0,M10.5.0/3");
        const auto at = [](const char *iso) {
            LogLine line;
            line.time = *LogLine::parseTimestamp(QByteArrayView(iso));
            return line.localTimeOfDay();
        };
        QCOMPARE(at("2025-06-02T09:14:03.137Z"), QStringLiteral("11:14:03.137"));
        QCOMPARE(at("2025-03-30T00:59:59.999Z"), QStringLiteral("01:59:59.999"));
        QCOMPARE(at("2025-03-30T01:00:00.000Z"), QStringLiteral("03:00:00.000"));
        QCOMPARE(at("2025-10-26T00:59:59.999Z"), QStringLiteral("02:59:59.999"));
        QCOMPARE(at("2025-10-26T01:00:00.000Z"), QStringLiteral("02:00:00.000"));
        QCOMPARE(at("1969-12-31T23:59:59.999Z"), QStringLiteral("00:59:59.999"));
        QCOMPARE(at("2025-06-02T22:00:00.005Z"), QStringLiteral("00:00:00.005"));
        // As QDateTime says, line after line across a year and both changes.
        LogLine line;
        for (qint64 msecs = 1735689600000; msecs < 1767225600000; msecs += 7777777) {
            line.time = msecs * ms;
            QCOMPARE(line.localTimeOfDay(), line.dateTime().toLocalTime().toString(QStringLiteral("HH:mm:ss.zzz")));
        }
        if (wasSet)
            qputenv("TZ", before);
        else
            qunsetenv("TZ");
    }

    void ordersWithinTheWindow()
    {
        LogMerger merger(1000 * ms);
        // Pod b's stream lags 400 ms behind a's: its older lines still go first.
        merger.add(lineAt(100, QStringLiteral("a"), QStringLiteral("a1")), 0);
        merger.add(lineAt(300, QStringLiteral("a"), QStringLiteral("a3")), 10 * ms);
        QVERIFY(merger.take(500 * ms).isEmpty()); // nothing has waited the window yet
        merger.add(lineAt(200, QStringLiteral("b"), QStringLiteral("b2")), 400 * ms);
        merger.add(lineAt(400, QStringLiteral("b"), QStringLiteral("b4")), 410 * ms);
        // At 1.01 s a1 and a3 have waited: everything up to a3's time goes, b2 in its place.
        QCOMPARE(texts(merger.take(1010 * ms)),
            (QStringList { QStringLiteral("a1"), QStringLiteral("b2"), QStringLiteral("a3") }));
        QCOMPARE(merger.heldCount(), 1);
        // A line older than what went out, arriving after its window: still given out, counted late.
        merger.add(lineAt(150, QStringLiteral("c"), QStringLiteral("c1")), 1500 * ms);
        QCOMPARE(texts(merger.take(2600 * ms)), (QStringList { QStringLiteral("c1"), QStringLiteral("b4") }));
        QCOMPARE(merger.lateCount(), 1);
        QCOMPARE(merger.heldCount(), 0);
    }

    void equalTimesKeepArrivalOrder()
    {
        LogMerger merger(10 * ms);
        for (int i = 0; i < 5; ++i)
            merger.add(lineAt(42, QStringLiteral("p%1").arg(i), QString::number(i)), i);
        QCOMPARE(texts(merger.takeAll()),
            (QStringList { QStringLiteral("0"), QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3"),
                QStringLiteral("4") }));
    }

    void floodIsBounded()
    {
        // More lines than may wait arrive within one window: the oldest go out at once.
        LogMerger merger(60000 * ms, 100);
        for (int i = 0; i < 1000; ++i)
            merger.add(lineAt(i, QStringLiteral("a"), QString::number(i)), i);
        const QList<LogLine> out = merger.take(1000);
        QCOMPARE(out.size(), 900);
        QCOMPARE(out.first().text, QStringLiteral("0"));
        QCOMPARE(out.last().text, QStringLiteral("899"));
        QCOMPARE(merger.heldCount(), 100);
    }

    // Throughput and memory of the merge and a bounded store as SystemLogStream keeps it: printed, not asserted on
    // time.
    void throughput()
    {
        constexpr int streams = 10;
        constexpr int perStream = 20000;
        constexpr int kept = 20000;
        LogMerger merger(1500 * ms);
        std::deque<LogLine> store;
        qint64 dropped = 0;
        const QString text =
            QStringLiteral(R"({"level":"info","msg":"request","method":"GET","path":"/api/v1/orders","status":200})");
        QStringList pods;
        for (int s = 0; s < streams; ++s)
            pods.append(QStringLiteral("api-7d9f8c6b5-%1").arg(s));
        QElapsedTimer timer;
        timer.start();
        qint64 now = 0;
        qint64 last = std::numeric_limits<qint64>::min();
        bool ordered = true;
        for (int i = 0; i < perStream; ++i) {
            for (int s = 0; s < streams; ++s)
                merger.add(lineAt(qint64(i) * ms + s * 7, pods[s], text), now);
            now += 2 * ms; // 5,000 lines per 1 ms of arrivals: a chatty system
            if (i % 50 == 0) {
                for (LogLine &line : merger.take(now)) {
                    ordered = ordered && line.time >= last;
                    last = line.time;
                    store.push_back(std::move(line));
                }
                while (store.size() > kept) {
                    store.pop_front();
                    ++dropped;
                }
            }
        }
        for (LogLine &line : merger.takeAll())
            store.push_back(std::move(line));
        while (store.size() > kept) {
            store.pop_front();
            ++dropped;
        }
        const qint64 elapsed = timer.elapsed();
        QVERIFY(ordered);
        QCOMPARE(qint64(store.size()), qint64(kept));
        QCOMPARE(dropped, qint64(streams) * perStream - kept);
        QCOMPARE(store.back().time, qint64(perStream - 1) * ms + (streams - 1) * 7);
        qInfo("%d lines merged from %d streams in %lld ms (%.0f lines/s); %d kept of about %lld bytes each",
            streams * perStream, streams, elapsed, streams * perStream * 1000.0 / qMax<qint64>(1, elapsed), kept,
            qint64(sizeof(LogLine) + text.size() * 2 + 24));
    }

    void filter()
    {
        const LogLine a { 1, QStringLiteral("api-1"), QStringLiteral("backend"),
            QStringLiteral("Connected to DATABASE"), false };
        const LogLine b { 2, QStringLiteral("api-2"), QStringLiteral("sidecar"), QStringLiteral("GET /healthz 200"),
            false };
        LogFilter filter;
        QVERIFY(filter.isEmpty());
        QVERIFY(filter.matches(a) && filter.matches(b));
        filter.setText(QStringLiteral("database"));
        QVERIFY(filter.matches(a) && !filter.matches(b));
        filter.setText(QStringLiteral("^get /\\w+ 2\\d\\d$"), true);
        QVERIFY(!filter.matches(a) && filter.matches(b));
        filter.setText(QString());
        filter.setPod(QStringLiteral("api-2"));
        QVERIFY(!filter.matches(a) && filter.matches(b));
        filter.setPod(QString());
        filter.setContainer(QStringLiteral("backend"));
        QVERIFY(filter.matches(a) && !filter.matches(b));
        filter.setText(QStringLiteral("(unclosed"), true);
        QVERIFY(!filter.isValid());
        QVERIFY2(
            filter.errorString().contains(QLatin1String("not a regular expression")), qPrintable(filter.errorString()));
        QVERIFY(!filter.matches(a));
    }
};

QTEST_GUILESS_MAIN(tst_LogMerger)
#include "tst_logmerger.moc"
