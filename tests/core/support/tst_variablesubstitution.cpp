// SPDX-License-Identifier: GPL-2.0-or-later
#include "support/VariableSubstitution.h"

#include <QTest>

using namespace Shipyard;

class TestVariableSubstitution : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void apply_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("placeholder") << QStringLiteral("host: ${HOST}") << QStringLiteral("host: shop.example");
        QTest::newRow("twice, in a word")
            << QStringLiteral("${HOST}/${HOST}x") << QStringLiteral("shop.example/shop.examplex");
        QTest::newRow("escaped") << QStringLiteral("echo $${HOST}") << QStringLiteral("echo ${HOST}");
        QTest::newRow("shell variable") << QStringLiteral("echo $HOME $1 $") << QStringLiteral("echo $HOME $1 $");
        QTest::newRow("not a name") << QStringLiteral("${1X} ${} ${A-B}") << QStringLiteral("${1X} ${} ${A-B}");
        QTest::newRow("unclosed") << QStringLiteral("${HOST") << QStringLiteral("${HOST");
        QTest::newRow("empty value") << QStringLiteral("[${EMPTY}]") << QStringLiteral("[]");
        QTest::newRow("values are not read again") << QStringLiteral("${LOOP}") << QStringLiteral("${HOST}");
    }

    void apply()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        const QMap<QString, QString> variables { { QStringLiteral("HOST"), QStringLiteral("shop.example") },
            { QStringLiteral("EMPTY"), QString() }, { QStringLiteral("LOOP"), QStringLiteral("${HOST}") } };
        QList<VariableSubstitution::Unknown> unknown;
        QCOMPARE(VariableSubstitution::apply(text, variables, &unknown), expected);
        QVERIFY(unknown.isEmpty());
    }

    void unknownNamesAreLocatedAndKept()
    {
        const QMap<QString, QString> variables { { QStringLiteral("HOST"), QStringLiteral("h") } };
        QList<VariableSubstitution::Unknown> unknown;
        const QString text = QStringLiteral("a: ${HOST}\nb:\n  c: x${HSOT} ${PORT}\n");
        QCOMPARE(VariableSubstitution::apply(text, variables, &unknown),
            QStringLiteral("a: h\nb:\n  c: x${HSOT} ${PORT}\n"));
        QCOMPARE(unknown.size(), 2);
        QCOMPARE(unknown[0].name, QStringLiteral("HSOT"));
        QCOMPARE(unknown[0].location.line, 3);
        QCOMPARE(unknown[0].location.column, 7);
        QCOMPARE(unknown[1].location.column, 15);
        QVERIFY(VariableSubstitution::describe(unknown[0], variables)
                .startsWith(QStringLiteral("unknown variable ${HSOT} (did you mean ${HOST}?)")));
        QCOMPARE(VariableSubstitution::namesIn(text),
            QStringList({ QStringLiteral("HOST"), QStringLiteral("HSOT"), QStringLiteral("PORT") }));
    }
};

QTEST_GUILESS_MAIN(TestVariableSubstitution)
#include "tst_variablesubstitution.moc"
