// SPDX-License-Identifier: GPL-2.0-or-later
#include "support/KeySuggestion.h"

#include <QTest>

using namespace Shipyard;

class tst_KeySuggestion : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void closest_data()
    {
        QTest::addColumn<QString>("word");
        QTest::addColumn<QString>("expected");
        QTest::newRow("one letter swapped") << "namespcae" << "namespace";
        QTest::newRow("one letter missing") << "contxt" << "context";
        QTest::newRow("case differs") << "Manifests" << "manifests";
        QTest::newRow("nothing close") << "zebra" << "";
        QTest::newRow("empty word") << "" << "";
        QTest::newRow("very long word") << QString(500, QLatin1Char('x')) << "";
    }
    void closest()
    {
        QFETCH(QString, word);
        QFETCH(QString, expected);
        const QStringList keys { QStringLiteral("namespace"), QStringLiteral("context"), QStringLiteral("manifests"),
            QStringLiteral("name") };
        QCOMPARE(closestMatch(word, keys), expected);
    }
};

QTEST_GUILESS_MAIN(tst_KeySuggestion)
#include "tst_keysuggestion.moc"
