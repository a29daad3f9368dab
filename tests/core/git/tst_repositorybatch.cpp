// SPDX-License-Identifier: GPL-2.0-or-later
#include "GitTestHelpers.h"

#include "git/Repository.h"
#include "git/RepositoryBatch.h"

#include <QTemporaryDir>
#include <QTest>

#include <atomic>

using namespace Shipyard;
using namespace GitTest;

class tst_RepositoryBatch : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QList<RepositoryBatch::Target> m_targets;

    static GitError countBranches(Repository &repository, const GitControl &, QString *summary)
    {
        *summary = QStringLiteral("%1 branches").arg(repository.branches().size());
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        qputenv("HOME", m_dir.path().toUtf8());
        for (const QString &name :
            { QStringLiteral("frontend"), QStringLiteral("missing"), QStringLiteral("backend") }) {
            if (name != QLatin1String("missing"))
                initRepository(m_dir.filePath(name));
            m_targets.append({ name, m_dir.filePath(name) });
        }
    }

    void reportsEveryRepository()
    {
        QStringList started;
        RepositoryBatch batch(m_targets);
        batch.setStartedCallback([&](int, int count, const QString &name) {
            QCOMPARE(count, 3);
            started.append(name);
        });
        const QList<RepositoryReport> reports = batch.run(&countBranches);
        QCOMPARE(reports.size(), 3);
        QCOMPARE(started,
            (QStringList { QStringLiteral("frontend"), QStringLiteral("missing"), QStringLiteral("backend") }));
        QCOMPARE(reports.at(0).state, RepositoryReport::State::Succeeded);
        QCOMPARE(reports.at(0).summary, QStringLiteral("1 branches"));
        QCOMPARE(reports.at(1).state, RepositoryReport::State::Failed);
        QCOMPARE(reports.at(1).error.kind(), GitError::Kind::NotFound);
        QCOMPARE(reports.at(2).state, RepositoryReport::State::Succeeded);
    }

    void stopOnFailure()
    {
        RepositoryBatch batch(m_targets);
        batch.setStopOnFailure(true);
        const QList<RepositoryReport> reports = batch.run(&countBranches);
        QCOMPARE(reports.at(1).state, RepositoryReport::State::Failed);
        QCOMPARE(reports.at(2).state, RepositoryReport::State::Skipped);
        QVERIFY(reports.at(2).error.message().contains(QLatin1String("missing failed")));
    }

    void cancellation()
    {
        std::atomic_bool cancelled = false;
        RepositoryBatch batch(m_targets);
        batch.setControl({ {}, &cancelled });
        const QList<RepositoryReport> reports = batch.run([&](Repository &, const GitControl &, QString *) {
            cancelled = true; // the user presses Cancel during the first repository
            return GitError();
        });
        QCOMPARE(reports.at(0).state, RepositoryReport::State::Succeeded);
        QCOMPARE(reports.at(1).state, RepositoryReport::State::Skipped);
        QCOMPARE(reports.at(2).state, RepositoryReport::State::Skipped);
        QCOMPARE(reports.at(2).error.kind(), GitError::Kind::Cancelled);
    }
};

QTEST_GUILESS_MAIN(tst_RepositoryBatch)
#include "tst_repositorybatch.moc"
