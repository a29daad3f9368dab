// SPDX-License-Identifier: GPL-2.0-or-later
// The Compare Environments dialog over a real git repository: the commits
// and tasks one environment runs and the other does not, as a tree, and the
// release notes it copies.
#include "environments/CompareDialog.h"
#include "environments/EnvironmentComparisonModel.h"

#include "model/EcosystemLoader.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QClipboard>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Shipyard;

class TestCompareDialog : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    Ecosystem m_ecosystem;
    QStringList m_commits;

    QString shell(const QString &command)
    {
        QProcess process;
        process.setWorkingDirectory(m_dir.path());
        process.start(QStringLiteral("/bin/sh"), { QStringLiteral("-c"), command });
        process.waitForFinished(60000);
        return QString::fromUtf8(process.readAllStandardOutput()).trimmed();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString git = QStringLiteral("git -c user.name=Alice -c user.email=alice@example.org ");
        shell(QStringLiteral("mkdir -p systems/catalog && cd systems/catalog && git init -q -b main && "
                             "echo 1.0 > VERSION && %1 add -A && %1 commit -qm 'catalog 1.0' && "
                             "echo eur > CURRENCY && %1 add -A && %1 commit -qm 'SHOP-3 Prices in euros' && "
                             "echo 5 > STOCK && %1 add -A && %1 commit -qm 'SHOP-4 Stock'")
                .arg(git));
        m_commits = shell(QStringLiteral("git -C systems/catalog log --reverse --format=%H")).split(QLatin1Char('\n'));
        QCOMPARE(m_commits.size(), 3);
        QFile file(m_dir.filePath(QStringLiteral("ecosystem.yaml")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("apiVersion: shipyard/v1\nname: Compare\ngating:\n  taskKey: \"SHOP-[0-9]+\"\nsystems:\n"
                   "  - {name: catalog, template: backend, repository: systems/catalog, image: demo/catalog, "
                   "manifests: [deploy/]}\n"
                   "environments:\n"
                   "  - {name: local, kind: local, context: local, namespace: l}\n"
                   "  - {name: staging, kind: staging, context: staging, namespace: s}\n"
                   "  - {name: production, kind: production, context: production, namespace: p}\n");
        file.close();
        const EcosystemLoadResult loaded = EcosystemLoader().loadFile(file.fileName());
        QVERIFY(loaded.ecosystem);
        m_ecosystem = *loaded.ecosystem;
    }

    void stagingAgainstProduction()
    {
        const QHash<QString, QString> running { { QStringLiteral("local"), m_commits[1] },
            { QStringLiteral("staging"), m_commits[2] }, { QStringLiteral("production"), m_commits[0] } };
        CompareDialog dialog(m_ecosystem, [&](const QString &environment) {
            return QHash<QString, QString> { { QStringLiteral("catalog"), running.value(environment) } };
        });
        QAbstractItemModelTester tester(dialog.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        // It opens on staging against production and reads them at once.
        QTRY_VERIFY(!dialog.isBusy());
        EnvironmentComparisonModel *model = dialog.model();
        QCOMPARE(model->rowCount(), 1);
        const QModelIndex catalog = model->index(0, 0);
        QCOMPARE(model->rowCount(catalog), 2);
        QCOMPARE(model->index(0, 1, catalog).data().toString(), QStringLiteral("SHOP-4 Stock"));
        QVERIFY(model->index(0, 0, catalog).data().toString().startsWith(QStringLiteral("+ ")));
        QCOMPARE(model->index(0, 2).data().toString(), QStringLiteral("SHOP-4, SHOP-3"));
        QCOMPARE(model->tasksOnlyInFrom(), (QStringList { QStringLiteral("SHOP-4"), QStringLiteral("SHOP-3") }));

        // Copied release notes name the tasks and the commits.
        QPushButton *copy = nullptr;
        for (QPushButton *button : dialog.findChildren<QPushButton *>()) {
            if (button->text().contains(QLatin1String("Release Notes")))
                copy = button;
        }
        QVERIFY(copy && copy->isEnabled());
        copy->click();
        const QString notes = QApplication::clipboard()->text();
        QVERIFY2(notes.contains(QLatin1String("Tasks: SHOP-4, SHOP-3")), qPrintable(notes));
        QVERIFY2(notes.contains(QLatin1String("SHOP-3 Prices in euros")), qPrintable(notes));

        // Production against local: the one commit local has is missing ("−").
        QSignalSpy compared(&dialog, &CompareDialog::compared);
        QVERIFY(dialog.setEnvironments(QStringLiteral("production"), QStringLiteral("local")));
        QVERIFY(compared.wait(10000));
        const QModelIndex reversed = model->index(0, 0);
        QCOMPARE(model->rowCount(reversed), 1);
        QVERIFY(model->index(0, 0, reversed).data().toString().startsWith(QStringLiteral("− ")));
        QVERIFY(model->tasksOnlyInFrom().isEmpty());
        QVERIFY(!dialog.setEnvironments(QStringLiteral("nowhere"), QStringLiteral("local")));
    }
};

QTEST_MAIN(TestCompareDialog)
#include "tst_comparedialog.moc"
