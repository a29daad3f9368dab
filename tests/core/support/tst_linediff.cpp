// SPDX-License-Identifier: GPL-2.0-or-later
// LineDiff: the script is the shortest (checked against a plain LCS table on
// random texts), it turns one text into the other, and the unified text
// reads as GNU diff -u writes it and applies with git apply.
#include "support/LineDiff.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <vector>

using namespace Shipyard;
using Op = LineDiff::Op;

namespace {

qsizetype lcsLength(const QStringList &a, const QStringList &b)
{
    std::vector<std::vector<qsizetype>> table(size_t(a.size()) + 1, std::vector<qsizetype>(size_t(b.size()) + 1));
    for (qsizetype i = a.size() - 1; i >= 0; --i) {
        for (qsizetype j = b.size() - 1; j >= 0; --j)
            table[size_t(i)][size_t(j)] = a[i] == b[j]
                ? table[size_t(i) + 1][size_t(j) + 1] + 1
                : std::max(table[size_t(i) + 1][size_t(j)], table[size_t(i)][size_t(j) + 1]);
    }
    return table[0][0];
}

QStringList randomText(QRandomGenerator &random, int length, int alphabet)
{
    QStringList lines;
    for (int i = 0; i < length; ++i)
        lines.append(QString(QChar(u'a' + random.bounded(alphabet))));
    return lines;
}

bool writeFile(const QString &path, const QStringList &lines)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    for (const QString &line : lines)
        file.write((line + QLatin1Char('\n')).toUtf8());
    return true;
}

} // namespace

class TestLineDiff : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void equalTextsHaveNoDiff()
    {
        const QStringList text { QStringLiteral("a"), QStringLiteral("b") };
        QCOMPARE(LineDiff::unified(text, text, QStringLiteral("x"), QStringLiteral("y")), QString());
        QCOMPARE(LineDiff::unified({}, {}, QStringLiteral("x"), QStringLiteral("y")), QString());
        for (const LineDiff::Edit &edit : LineDiff::edits(text, text))
            QCOMPARE(edit.op, Op::Equal);
    }

    void oneChangedLineInContext()
    {
        QStringList from;
        for (int i = 1; i <= 10; ++i)
            from.append(QStringLiteral("line %1").arg(i));
        QStringList to = from;
        to[4] = QStringLiteral("changed");
        const QString expected = QStringLiteral("--- live\n+++ wanted\n@@ -2,7 +2,7 @@\n line 2\n line 3\n line 4\n"
                                                "-line 5\n+changed\n line 6\n line 7\n line 8\n");
        QCOMPARE(LineDiff::unified(from, to, QStringLiteral("live"), QStringLiteral("wanted")), expected);
    }

    void creationAndDeletionRanges()
    {
        const QStringList lines { QStringLiteral("a"), QStringLiteral("b") };
        QCOMPARE(LineDiff::unified({}, lines, QStringLiteral("x"), QStringLiteral("y")),
            QStringLiteral("--- x\n+++ y\n@@ -0,0 +1,2 @@\n+a\n+b\n"));
        QCOMPARE(LineDiff::unified(lines, {}, QStringLiteral("x"), QStringLiteral("y")),
            QStringLiteral("--- x\n+++ y\n@@ -1,2 +0,0 @@\n-a\n-b\n"));
        QCOMPARE(LineDiff::unified(
                     { QStringLiteral("a") }, { QStringLiteral("b") }, QStringLiteral("x"), QStringLiteral("y")),
            QStringLiteral("--- x\n+++ y\n@@ -1 +1 @@\n-a\n+b\n"));
    }

    void distantChangesMakeTwoHunks()
    {
        QStringList from;
        for (int i = 1; i <= 20; ++i)
            from.append(QString::number(i));
        QStringList to = from;
        to[1] = QStringLiteral("two");
        to[17] = QStringLiteral("eighteen");
        const QString diff = LineDiff::unified(from, to, QStringLiteral("x"), QStringLiteral("y"));
        QCOMPARE(diff.count(QStringLiteral("\n@@ ")), 2);
        QVERIFY(diff.contains(QStringLiteral("@@ -1,5 +1,5 @@\n")));
        QVERIFY(diff.contains(QStringLiteral("@@ -15,6 +15,6 @@\n")));
        // Six equal lines between two changes are context to both: one hunk.
        to = from;
        to[1] = QStringLiteral("two");
        to[8] = QStringLiteral("nine");
        QCOMPARE(
            LineDiff::unified(from, to, QStringLiteral("x"), QStringLiteral("y")).count(QStringLiteral("\n@@ ")), 1);
    }

    void scriptIsShortestAndRebuildsTheTarget()
    {
        QRandomGenerator random(20261122);
        for (int round = 0; round < 400; ++round) {
            const QStringList a = randomText(random, random.bounded(30), 1 + random.bounded(5));
            const QStringList b = randomText(random, random.bounded(30), 1 + random.bounded(5));
            const QList<LineDiff::Edit> script = LineDiff::edits(a, b);
            QStringList fromScript;
            QStringList toScript;
            qsizetype equal = 0;
            for (const LineDiff::Edit &edit : script) {
                if (edit.op != Op::Insert)
                    fromScript.append(edit.line);
                if (edit.op != Op::Delete)
                    toScript.append(edit.line);
                equal += edit.op == Op::Equal;
            }
            QCOMPARE(fromScript, a);
            QCOMPARE(toScript, b);
            QCOMPARE(equal, lcsLength(a, b));
        }
    }

    void unifiedTextAppliesWithPatch()
    {
        // git apply is strict: no fuzz, no offsets, counts must add up.
        const QString git = QStandardPaths::findExecutable(QStringLiteral("git"));
        if (git.isEmpty())
            QFAIL("git is missing from the build root: git apply checks the unified text");
        QTemporaryDir dir;
        QRandomGenerator random(7);
        for (int round = 0; round < 30; ++round) {
            const QStringList a = randomText(random, 5 + random.bounded(60), 6);
            QStringList b = a;
            for (int edits = random.bounded(1, 6); edits > 0; --edits) {
                const int at = random.bounded(int(b.size()) + 1);
                if (random.bounded(2) && at < b.size())
                    b.removeAt(at);
                else
                    b.insert(at, QStringLiteral("new %1").arg(round));
            }
            const QString file = dir.filePath(QStringLiteral("text"));
            QVERIFY(writeFile(file, a));
            const QString diff = LineDiff::unified(a, b, QStringLiteral("a/text"), QStringLiteral("b/text"));
            if (a == b) {
                QVERIFY(diff.isEmpty());
                continue;
            }
            QProcess process;
            process.setWorkingDirectory(dir.path());
            process.start(git, { QStringLiteral("apply"), QStringLiteral("-p1"), QStringLiteral("-") });
            process.write(diff.toUtf8());
            process.closeWriteChannel();
            QVERIFY(process.waitForFinished());
            QVERIFY2(process.exitCode() == 0, qPrintable(diff + QString::fromUtf8(process.readAll())));
            QFile result(file);
            QVERIFY(result.open(QIODevice::ReadOnly));
            QStringList lines = QString::fromUtf8(result.readAll()).split(QLatin1Char('\n'));
            lines.removeLast();
            QCOMPARE(lines, b);
        }
    }

    void hugeUnrelatedTextsStayBounded()
    {
        QStringList a;
        QStringList b;
        for (int i = 0; i < 20000; ++i) {
            a.append(QStringLiteral("a%1").arg(i));
            b.append(QStringLiteral("b%1").arg(i));
        }
        QElapsedTimer clock;
        clock.start();
        const QList<LineDiff::Edit> script = LineDiff::edits(a, b);
        qInfo("20,000 against 20,000 unrelated lines: %lld ms", qint64(clock.elapsed()));
        QCOMPARE(script.size(), 40000);
        QVERIFY(clock.elapsed() < 20000);
    }
};

QTEST_GUILESS_MAIN(TestLineDiff)
#include "tst_linediff.moc"
