// SPDX-License-Identifier: GPL-2.0-or-later
#include "model/TaskKeyExtractor.h"

#include <QTest>

using namespace Shipyard;

class tst_TaskKeyExtractor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void extract_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QString>("branch");
        QTest::addColumn<QString>("key");
        const QString standard = QStringLiteral("[A-Z][A-Z0-9]+-[0-9]+");
        QTest::newRow("feature/TASK-12-login")
            << standard << QStringLiteral("feature/TASK-12-login") << QStringLiteral("TASK-12");
        QTest::newRow("key alone") << standard << QStringLiteral("TASK-12") << QStringLiteral("TASK-12");
        QTest::newRow("deep slashes") << standard << QStringLiteral("users/alice/fix/PAY2-7/retry")
                                      << QStringLiteral("PAY2-7");
        QTest::newRow("first key wins") << standard << QStringLiteral("TASK-1-and-TASK-2") << QStringLiteral("TASK-1");
        QTest::newRow("no key") << standard << QStringLiteral("main") << QString();
        QTest::newRow("lower case is no key") << standard << QStringLiteral("feature/task-12") << QString();
        QTest::newRow("glued to a word") << standard << QStringLiteral("feature/XTASK-12")
                                         << QStringLiteral("XTASK-12");
        QTest::newRow("glued to a letter before") << standard << QStringLiteral("featureTASK-12") << QString();
        QTest::newRow("no partial number") << QStringLiteral("TASK-1") << QStringLiteral("TASK-12") << QString();
        QTest::newRow("unicode around") << standard << QStringLiteral("фича/TASK-7-снег-雪")
                                        << QStringLiteral("TASK-7");
        QTest::newRow("unicode letter glued") << standard << QStringLiteral("жTASK-7") << QString();
        QTest::newRow("empty branch") << standard << QString() << QString();
        QTest::newRow("hash style") << QStringLiteral("#[0-9]+") << QStringLiteral("fix/#42-crash")
                                    << QStringLiteral("#42");
        QTest::newRow("10k characters") << standard << QString(10000, QLatin1Char('a')) + QStringLiteral("/TASK-9")
                                        << QStringLiteral("TASK-9");
    }

    void extract()
    {
        QFETCH(QString, pattern);
        QFETCH(QString, branch);
        QFETCH(QString, key);
        const TaskKeyExtractor extractor(pattern);
        QVERIFY(extractor.isValid());
        QCOMPARE(extractor.extract(branch), key);
    }

    void invalidPattern()
    {
        const TaskKeyExtractor extractor(QStringLiteral("[A-Z"));
        QVERIFY(!extractor.isValid());
        QVERIFY(extractor.errorString().contains(QLatin1String("[A-Z")));
        QCOMPARE(extractor.extract(QStringLiteral("TASK-1")), QString());
    }
};

QTEST_GUILESS_MAIN(tst_TaskKeyExtractor)
#include "tst_taskkeyextractor.moc"
