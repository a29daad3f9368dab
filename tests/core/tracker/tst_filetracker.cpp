// SPDX-License-Identifier: GPL-2.0-or-later
#include "tracker/FileTracker.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <yaml-cpp/yaml.h>

using namespace Shipyard;

class tst_FileTracker : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString write(const QByteArray &content)
    {
        static int counter = 0;
        const QString path = m_dir.filePath(QStringLiteral("tasks%1.yaml").arg(++counter));
        QFile file(path);
        if (file.open(QIODevice::WriteOnly))
            file.write(content);
        return path;
    }

    static constexpr const char *sample = "statuses: [New, In Progress, For Delivery, Closed]\n"
                                          "tasks:\n"
                                          "  TASK-12:\n"
                                          "    title: Login page — ünïcödé\n"
                                          "    status: In Progress\n"
                                          "    assignee: Alice\n"
                                          "  TASK-13:\n"
                                          "    title: Checkout\n"
                                          "    status: New\n";

private Q_SLOTS:
    void readTask()
    {
        FileTracker tracker(write(sample));
        const TaskLookup lookup = tracker.task(QStringLiteral("TASK-12"));
        QVERIFY2(!lookup.error, qPrintable(lookup.error.message()));
        QCOMPARE(lookup.task->title, QStringLiteral("Login page — ünïcödé"));
        QCOMPARE(lookup.task->status, QStringLiteral("In Progress"));
        QCOMPARE(lookup.task->assignee, QStringLiteral("Alice"));
        QVERIFY(lookup.task->url.isLocalFile());
        QCOMPARE(lookup.task->url.fragment(), QStringLiteral("TASK-12"));
        QCOMPARE(tracker.task(QStringLiteral("TASK-99")).error.kind(), TrackerError::Kind::NotFound);
    }

    void transitionAndComment()
    {
        const QString path = write(sample);
        FileTracker tracker(path);
        QVERIFY(!tracker.transition(QStringLiteral("TASK-12"), QStringLiteral("for delivery")));
        QCOMPARE(tracker.task(QStringLiteral("TASK-12")).task->status, QStringLiteral("For Delivery"));
        const TrackerError refused = tracker.transition(QStringLiteral("TASK-12"), QStringLiteral("Shipped"));
        QCOMPARE(refused.kind(), TrackerError::Kind::Rejected);
        QVERIFY(refused.message().contains(QLatin1String("In Progress")));
        const QString text =
            QStringLiteral("Rebase failed: conflicts in README\n---\nlog: ✓ ✗ \"quotes\" : colons: #hash");
        QVERIFY(!tracker.addComment(QStringLiteral("TASK-12"), text));
        QVERIFY(!tracker.addComment(QStringLiteral("TASK-12"), QStringLiteral("second")));
        // The file stays valid YAML, the rest intact, the comment verbatim.
        const YAML::Node root = YAML::LoadFile(path.toStdString());
        QCOMPARE(QString::fromStdString(root["tasks"]["TASK-12"]["comments"][0]["text"].as<std::string>()), text);
        QCOMPARE(root["tasks"]["TASK-12"]["comments"].size(), size_t(2));
        QCOMPARE(
            QString::fromStdString(root["tasks"]["TASK-13"]["title"].as<std::string>()), QStringLiteral("Checkout"));
    }

    void listLayout()
    {
        // The layout of the demo's tasks.yaml.
        const QString path =
            write("tasks:\n  - key: SHOP-1\n    title: Prices\n    status: For Delivery\n    assignee: alice\n"
                  "  - key: SHOP-2\n    title: Photos\n    status: In Progress\n");
        FileTracker tracker(path);
        QCOMPARE(tracker.task(QStringLiteral("SHOP-2")).task->title, QStringLiteral("Photos"));
        QVERIFY(!tracker.transition(QStringLiteral("SHOP-2"), QStringLiteral("In QA")));
        QVERIFY(!tracker.addComment(QStringLiteral("SHOP-2"), QStringLiteral("hello")));
        QCOMPARE(tracker.task(QStringLiteral("SHOP-2")).task->status, QStringLiteral("In QA"));
        QCOMPARE(tracker.task(QStringLiteral("SHOP-1")).task->status, QStringLiteral("For Delivery"));
        QCOMPARE(tracker.task(QStringLiteral("SHOP-3")).error.kind(), TrackerError::Kind::NotFound);
    }

    void tasksWithStatus()
    {
        FileTracker mapped(write(sample));
        const TaskListing inProgress = mapped.tasksWithStatus(QStringLiteral("in progress"));
        QVERIFY2(!inProgress.error, qPrintable(inProgress.error.message()));
        QCOMPARE(inProgress.tasks.size(), 1);
        QCOMPARE(inProgress.tasks[0].key, QStringLiteral("TASK-12"));
        QCOMPARE(inProgress.tasks[0].assignee, QStringLiteral("Alice"));
        QVERIFY(mapped.tasksWithStatus(QStringLiteral("Closed")).tasks.isEmpty());

        FileTracker listed(write("tasks:\n  - {key: SHOP-1, status: Awaiting Showroom}\n"
                                 "  - {key: SHOP-2, status: In QA}\n  - {key: SHOP-3, status: Awaiting Showroom}\n"));
        QVERIFY(!listed.transition(QStringLiteral("SHOP-3"), QStringLiteral("In QA")));
        const TaskListing awaiting = listed.tasksWithStatus(QStringLiteral("Awaiting Showroom"));
        QCOMPARE(awaiting.tasks.size(), 1);
        QCOMPARE(awaiting.tasks[0].key, QStringLiteral("SHOP-1"));
        QCOMPARE(listed.tasksWithStatus(QStringLiteral("In QA")).tasks.size(), 2);

        FileTracker missing(m_dir.filePath(QStringLiteral("none.yaml")));
        QCOMPARE(missing.tasksWithStatus(QStringLiteral("New")).error.kind(), TrackerError::Kind::NotFound);
    }

    void anyStatusWithoutList()
    {
        FileTracker tracker(write("tasks:\n  A-1: {title: a, status: New}\n"));
        QVERIFY(!tracker.transition(QStringLiteral("A-1"), QStringLiteral("Whatever")));
        QCOMPARE(tracker.task(QStringLiteral("A-1")).task->status, QStringLiteral("Whatever"));
    }

    void hostileFiles_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<int>("kind");
        QTest::newRow("not YAML") << QByteArray("tasks: [unclosed\n  - {") << int(TrackerError::Kind::BadResponse);
        QTest::newRow("tasks is a list of scalars")
            << QByteArray("tasks:\n  - TASK-1\n") << int(TrackerError::Kind::NotFound);
        QTest::newRow("tasks is a scalar") << QByteArray("tasks: 7\n") << int(TrackerError::Kind::BadResponse);
        QTest::newRow("a scalar") << QByteArray("hello") << int(TrackerError::Kind::BadResponse);
        QTest::newRow("empty file") << QByteArray() << int(TrackerError::Kind::NotFound);
        QTest::newRow("task is a scalar")
            << QByteArray("tasks:\n  TASK-1: done\n") << int(TrackerError::Kind::NotFound);
        QTest::newRow("binary") << QByteArray("\x00\x01\xff\xfe", 4) << int(TrackerError::Kind::BadResponse);
    }

    void hostileFiles()
    {
        QFETCH(QByteArray, content);
        QFETCH(int, kind);
        const QString path = write(content);
        FileTracker tracker(path);
        const TaskLookup lookup = tracker.task(QStringLiteral("TASK-1"));
        QCOMPARE(int(lookup.error.kind()), kind);
        QVERIFY(lookup.error.message().contains(path));
        // A failed change never rewrites the file.
        QVERIFY(tracker.transition(QStringLiteral("TASK-1"), QStringLiteral("x")));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), content);
    }

    void missingFile()
    {
        FileTracker tracker(m_dir.filePath(QStringLiteral("nope.yaml")));
        QCOMPARE(tracker.task(QStringLiteral("A-1")).error.kind(), TrackerError::Kind::NotFound);
    }
};

QTEST_GUILESS_MAIN(tst_FileTracker)
#include "tst_filetracker.moc"
