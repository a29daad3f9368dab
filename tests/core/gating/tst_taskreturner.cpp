// SPDX-License-Identifier: GPL-2.0-or-later
#include "gating/TaskReturner.h"
#include "tracker/FileTracker.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <yaml-cpp/yaml.h>

using namespace Shipyard;

class tst_TaskReturner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void excerpt_data()
    {
        QTest::addColumn<QString>("log");
        QTest::addColumn<int>("lines");
        QTest::addColumn<bool>("truncatedInCharacters");
        QString many;
        for (int i = 1; i <= 500; ++i)
            many += QStringLiteral("line %1\n").arg(i);
        QTest::newRow("short log kept whole") << QStringLiteral("a\nb\nc") << 3 << false;
        QTest::newRow("long log: the last 40 lines") << many << 40 << false;
        QTest::newRow("one huge line") << QString(100000, QLatin1Char('x')) << 1 << true;
        QTest::newRow("empty") << QString() << 1 << false;
    }

    void excerpt()
    {
        QFETCH(QString, log);
        QFETCH(int, lines);
        QFETCH(bool, truncatedInCharacters);
        const QString text = TaskReturner::excerpt(log);
        QCOMPARE(text.split(QLatin1Char('\n')).size(), lines);
        QVERIFY(text.size() <= TaskReturner::excerptCharacters + 1);
        QCOMPARE(text.startsWith(QStringLiteral("…")), truncatedInCharacters);
        if (lines == 40)
            QVERIFY(text.endsWith(QLatin1String("line 500")));
    }

    void returnsTheTask()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("tasks.yaml"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("tasks:\n  TASK-3: {title: Search, status: Awaiting Autotests}\n");
        file.close();
        FileTracker tracker(path);
        TaskReturner returner(tracker, QStringLiteral("In Progress"), SecretMasker());
        const TrackerError error = returner.returnTask(QStringLiteral("TASK-3"), QStringLiteral("autotests"),
            QStringLiteral("3 tests failed"), QStringLiteral("PASS a\nFAIL b: expected 1, got 2\n"));
        QVERIFY2(!error, qPrintable(error.message()));
        QCOMPARE(tracker.task(QStringLiteral("TASK-3")).task->status, QStringLiteral("In Progress"));
        const YAML::Node root = YAML::LoadFile(path.toStdString());
        const QString comment =
            QString::fromStdString(root["tasks"]["TASK-3"]["comments"][0]["text"].as<std::string>());
        QVERIFY(comment.contains(QLatin1String("\"autotests\" failed")));
        QVERIFY(comment.contains(QLatin1String("3 tests failed")));
        QVERIFY(comment.contains(QLatin1String("FAIL b: expected 1, got 2")));
        // An unknown task: nothing written, a clear error.
        QCOMPARE(returner.returnTask(QStringLiteral("TASK-404"), QStringLiteral("x"), QString(), QString()).kind(),
            TrackerError::Kind::NotFound);
    }

    // The comment is cut to its last characters: masked before, so that the
    // cut cannot leave half a secret.
    void masksBeforeCutting()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("tasks.yaml"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("tasks:\n  TASK-4: {title: Login, status: Awaiting Autotests}\n");
        file.close();
        const QString secret = QStringLiteral("rm-apikey-0123456789abcdef");
        SecretMasker masker;
        masker.addSecret(secret);
        // The secret straddles the place where a 4000-character excerpt begins.
        const QString log =
            QString(100, QLatin1Char('a')) + secret + QString(TaskReturner::excerptCharacters - 10, QLatin1Char('b'));
        FileTracker tracker(path);
        TaskReturner returner(tracker, QStringLiteral("In Progress"), masker);
        const TrackerError error = returner.returnTask(
            QStringLiteral("TASK-4"), QStringLiteral("test"), QStringLiteral("used ") + secret, log);
        QVERIFY2(!error, qPrintable(error.message()));
        const QString text = QString::fromUtf8(
            YAML::LoadFile(path.toStdString())["tasks"]["TASK-4"]["comments"][0]["text"].as<std::string>().c_str());
        QVERIFY(text.contains(QLatin1String("used ***")));
        for (qsizetype length = 4; length <= secret.size(); ++length)
            QVERIFY2(!text.contains(secret.right(length)), qPrintable(text.left(200)));
    }
};

QTEST_GUILESS_MAIN(tst_TaskReturner)
#include "tst_taskreturner.moc"
