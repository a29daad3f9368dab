// SPDX-License-Identifier: GPL-2.0-or-later
#include "GitTestHelpers.h"

#include "git/Integrator.h"
#include "git/Repository.h"

#include <QCryptographicHash>
#include <QDirIterator>
#include <QTemporaryDir>
#include <QTest>

using namespace Shipyard;
using namespace GitTest;

namespace {

// Everything a user could notice in a repository: refs, HEAD, index, status,
// the working tree's files and git's state files (rebase-merge, MERGE_HEAD…).
QByteArray snapshot(const QString &path)
{
    QByteArray state;
    state += git(path, { QStringLiteral("for-each-ref"), QStringLiteral("--format=%(refname) %(objectname)") });
    state += '\n' + git(path, { QStringLiteral("symbolic-ref"), QStringLiteral("-q"), QStringLiteral("HEAD") }, false);
    state += '\n' + git(path, { QStringLiteral("status"), QStringLiteral("--porcelain=v1"), QStringLiteral("-uall") });
    state += '\n' +
        QCryptographicHash::hash(readFile(path + QStringLiteral("/.git/index")), QCryptographicHash::Sha1).toHex();
    QStringList gitEntries = QDir(path + QStringLiteral("/.git")).entryList(QDir::AllEntries | QDir::NoDotAndDotDot);
    state += '\n' + gitEntries.join(QLatin1Char(' ')).toUtf8();
    QDirIterator files(path, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    QStringList tree;
    while (files.hasNext()) {
        const QString file = files.next();
        if (!file.contains(QLatin1String("/.git/")))
            tree.append(file + QLatin1Char('=') +
                QString::fromLatin1(QCryptographicHash::hash(readFile(file), QCryptographicHash::Sha1).toHex()));
    }
    tree.sort();
    state += '\n' + tree.join(QLatin1Char('\n')).toUtf8();
    return state;
}

QStringList parents(const QString &path, const QString &revision)
{
    return QString::fromLatin1(
        git(path, { QStringLiteral("log"), QStringLiteral("-1"), QStringLiteral("--format=%P"), revision }))
        .split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

} // namespace

class tst_Integrator : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_counter = 0;

    // main: README; feature (checked out or not): its own commits; main moves on.
    QString makeRepository(bool featureConflicts, bool checkoutFeature)
    {
        const QString path = m_dir.filePath(QStringLiteral("repo%1").arg(++m_counter));
        initRepository(path);
        git(path,
            { QStringLiteral("checkout"), QStringLiteral("-q"), QStringLiteral("-b"),
                QStringLiteral("feature/TASK-1") });
        commit(path, QStringLiteral("feature.txt"), "feature\n", QStringLiteral("Feature part 1"));
        commit(path, QStringLiteral("README"),
            featureConflicts ? QByteArray("line 1\nfeature's line 2\nline 3\n")
                             : QByteArray("line 1\nline 2\nline 3\nfeature\n"),
            QStringLiteral("Feature part 2"));
        git(path, { QStringLiteral("checkout"), QStringLiteral("-q"), QStringLiteral("main") });
        commit(path, QStringLiteral("README"), "line 1\nmain's line 2\nline 3\n", QStringLiteral("Main moves on"));
        commit(path, QStringLiteral("main.txt"), "main\n", QStringLiteral("Main again"));
        if (checkoutFeature)
            git(path, { QStringLiteral("checkout"), QStringLiteral("-q"), QStringLiteral("feature/TASK-1") });
        return path;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        qputenv("HOME", m_dir.path().toUtf8());
        qputenv("GIT_CONFIG_NOSYSTEM", "1");
    }

    void updateBranchClean_data()
    {
        QTest::addColumn<int>("mode");
        QTest::addColumn<bool>("checkedOut");
        QTest::newRow("rebase, branch not checked out") << int(IntegrationMode::Rebase) << false;
        QTest::newRow("rebase, branch checked out") << int(IntegrationMode::Rebase) << true;
        QTest::newRow("merge, branch not checked out") << int(IntegrationMode::Merge) << false;
        QTest::newRow("merge, branch checked out") << int(IntegrationMode::Merge) << true;
    }

    void updateBranchClean()
    {
        QFETCH(int, mode);
        QFETCH(bool, checkedOut);
        const QString path = makeRepository(false, checkedOut);
        const QString main = QString::fromLatin1(git(path, { QStringLiteral("rev-parse"), QStringLiteral("main") }));
        Repository repository = Repository::open(path);
        Integrator integrator(repository);
        integrator.setIdentity(QStringLiteral("Shipyard Robot"), QStringLiteral("robot@example.org"));
        QList<GitProgress> progress;
        integrator.setControl({ [&](const GitProgress &p) { progress.append(p); }, nullptr });

        const IntegrationResult result =
            integrator.updateBranch(QStringLiteral("feature/TASK-1"), QStringLiteral("main"), IntegrationMode(mode));
        QVERIFY2(result.isClean(), qPrintable(result.error.message()));
        QVERIFY(result.changed());
        QVERIFY(!progress.isEmpty());
        const QString head =
            QString::fromLatin1(git(path, { QStringLiteral("rev-parse"), QStringLiteral("feature/TASK-1") }));
        QCOMPARE(result.newHead, head);
        // main is now part of the feature.
        QVERIFY(
            !git(path, { QStringLiteral("merge-base"), QStringLiteral("--is-ancestor"), main, head }, false).size());
        QCOMPARE(QString::fromLatin1(git(path, { QStringLiteral("merge-base"), main, head })), main);
        if (IntegrationMode(mode) == IntegrationMode::Rebase) {
            QCOMPARE(result.commitsApplied, 2);
            QCOMPARE(parents(path, head).size(), 1);
            // The author stays; the robot commits.
            QCOMPARE(
                git(path, { QStringLiteral("log"), QStringLiteral("-1"), QStringLiteral("--format=%an|%cn"), head }),
                QByteArray("Alice Author|Shipyard Robot"));
            QCOMPARE(
                git(path, { QStringLiteral("rev-list"), QStringLiteral("--count"), QStringLiteral("main..") + head }),
                QByteArray("2"));
        } else {
            QCOMPARE(parents(path, head).size(), 2);
            QCOMPARE(parents(path, head).at(0), result.oldHead);
        }
        const QByteArray readme = git(path, { QStringLiteral("show"), head + QStringLiteral(":README") });
        QCOMPARE(readme, QByteArray("line 1\nmain's line 2\nline 3\nfeature"));
        if (checkedOut) {
            // The working tree moved with the branch, and is clean.
            QCOMPARE(readFile(path + QStringLiteral("/main.txt")), QByteArray("main\n"));
            QCOMPARE(git(path, { QStringLiteral("status"), QStringLiteral("--porcelain") }), QByteArray());
        } else {
            QCOMPARE(
                git(path, { QStringLiteral("symbolic-ref"), QStringLiteral("HEAD") }), QByteArray("refs/heads/main"));
            QCOMPARE(git(path, { QStringLiteral("status"), QStringLiteral("--porcelain") }), QByteArray());
        }
        // The reflog says who moved it.
        QVERIFY(git(path, { QStringLiteral("reflog"), QStringLiteral("-1"), QStringLiteral("feature/TASK-1") })
                .contains("shipyard"));
    }

    void conflictLeavesRepositoryUntouched_data()
    {
        QTest::addColumn<int>("mode");
        QTest::addColumn<bool>("checkedOut");
        QTest::addColumn<bool>("dirty");
        QTest::newRow("rebase") << int(IntegrationMode::Rebase) << false << false;
        QTest::newRow("rebase, checked out") << int(IntegrationMode::Rebase) << true << false;
        QTest::newRow("rebase, checked out with local changes") << int(IntegrationMode::Rebase) << true << true;
        QTest::newRow("merge") << int(IntegrationMode::Merge) << false << false;
        QTest::newRow("merge, checked out") << int(IntegrationMode::Merge) << true << false;
    }

    void conflictLeavesRepositoryUntouched()
    {
        QFETCH(int, mode);
        QFETCH(bool, checkedOut);
        QFETCH(bool, dirty);
        const QString path = makeRepository(true, checkedOut);
        if (dirty)
            writeFile(path + QStringLiteral("/feature.txt"), "edited, not committed\n");
        const QByteArray before = snapshot(path);

        Repository repository = Repository::open(path);
        Integrator integrator(repository);
        const IntegrationResult result =
            integrator.updateBranch(QStringLiteral("feature/TASK-1"), QStringLiteral("main"), IntegrationMode(mode));
        QCOMPARE(result.error.kind(), GitError::Kind::Conflict);
        QCOMPARE(result.conflicts, QStringList { QStringLiteral("README") });
        QVERIFY2(result.error.message().contains(QLatin1String("README")), qPrintable(result.error.message()));
        QCOMPARE(result.newHead, result.oldHead);
        QCOMPARE(snapshot(path), before);
    }

    void dirtyWorkingTreeRefused()
    {
        const QString path = makeRepository(false, true);
        writeFile(path + QStringLiteral("/feature.txt"), "edited, not committed\n");
        const QByteArray before = snapshot(path);
        Repository repository = Repository::open(path);
        Integrator integrator(repository);
        const IntegrationResult result =
            integrator.updateBranch(QStringLiteral("feature/TASK-1"), QStringLiteral("main"), IntegrationMode::Rebase);
        QCOMPARE(result.error.kind(), GitError::Kind::DirtyWorkingTree);
        QCOMPARE(snapshot(path), before);
    }

    void dryRun()
    {
        const QString path = makeRepository(false, false);
        const QByteArray before = snapshot(path);
        Repository repository = Repository::open(path);
        Integrator integrator(repository);
        integrator.setDryRun(true);
        for (IntegrationMode mode : { IntegrationMode::Rebase, IntegrationMode::Merge }) {
            const IntegrationResult result =
                integrator.updateBranch(QStringLiteral("feature/TASK-1"), QStringLiteral("main"), mode);
            QVERIFY2(result.isClean(), qPrintable(result.error.message()));
        }
        QCOMPARE(snapshot(path), before);
    }

    void upToDateAndCatchUp()
    {
        const QString path = m_dir.filePath(QStringLiteral("uptodate"));
        initRepository(path);
        git(path, { QStringLiteral("branch"), QStringLiteral("behind") });
        const QString tip = commit(path, QStringLiteral("x"), "x", QStringLiteral("Main moves"));
        Repository repository = Repository::open(path);
        Integrator integrator(repository);
        // A branch without commits of its own just catches up.
        IntegrationResult result =
            integrator.updateBranch(QStringLiteral("behind"), QStringLiteral("main"), IntegrationMode::Rebase);
        QVERIFY(result.isClean());
        QCOMPARE(result.newHead, tip);
        result = integrator.updateBranch(QStringLiteral("behind"), QStringLiteral("main"), IntegrationMode::Rebase);
        QVERIFY(result.upToDate);
        QVERIFY(!result.changed());
    }

    void alreadyAppliedCommitsDisappear()
    {
        const QString path = m_dir.filePath(QStringLiteral("applied"));
        initRepository(path);
        git(path, { QStringLiteral("checkout"), QStringLiteral("-q"), QStringLiteral("-b"), QStringLiteral("f") });
        const QString picked = commit(path, QStringLiteral("same.txt"), "same\n", QStringLiteral("Same change"));
        commit(path, QStringLiteral("own.txt"), "own\n", QStringLiteral("Own change"));
        git(path, { QStringLiteral("checkout"), QStringLiteral("-q"), QStringLiteral("main") });
        commit(path, QStringLiteral("main.txt"), "main\n", QStringLiteral("Main moves on"));
        git(path, { QStringLiteral("cherry-pick"), picked });
        Repository repository = Repository::open(path);
        Integrator integrator(repository);
        const IntegrationResult result =
            integrator.updateBranch(QStringLiteral("f"), QStringLiteral("main"), IntegrationMode::Rebase);
        QVERIFY2(result.isClean(), qPrintable(result.error.message()));
        QCOMPARE(result.commitsApplied, 1);
        QCOMPARE(git(path, { QStringLiteral("rev-list"), QStringLiteral("--count"), QStringLiteral("main..f") }),
            QByteArray("1"));
    }

    void mergeInto_data()
    {
        QTest::addColumn<int>("mode");
        QTest::addColumn<bool>("rebaseFirst");
        QTest::addColumn<int>("expectedError");
        QTest::addColumn<int>("expectedParents");
        QTest::newRow("fast-forward after rebase")
            << int(MergeMode::FastForward) << true << int(GitError::Kind::None) << 1;
        QTest::newRow("fast-forward refused when diverged")
            << int(MergeMode::FastForward) << false << int(GitError::Kind::NonFastForward) << 0;
        QTest::newRow("merge commit when diverged")
            << int(MergeMode::MergeCommit) << false << int(GitError::Kind::None) << 2;
        QTest::newRow("merge commit even when fast-forward is possible")
            << int(MergeMode::MergeCommit) << true << int(GitError::Kind::None) << 2;
    }

    void mergeInto()
    {
        QFETCH(int, mode);
        QFETCH(bool, rebaseFirst);
        QFETCH(int, expectedError);
        QFETCH(int, expectedParents);
        const QString path = makeRepository(false, false);
        Repository repository = Repository::open(path);
        Integrator integrator(repository);
        if (rebaseFirst)
            QVERIFY(integrator
                    .updateBranch(QStringLiteral("feature/TASK-1"), QStringLiteral("main"), IntegrationMode::Rebase)
                    .isClean());
        const QByteArray before = snapshot(path);
        const IntegrationResult result =
            integrator.mergeInto(QStringLiteral("feature/TASK-1"), QStringLiteral("main"), MergeMode(mode));
        QCOMPARE(int(result.error.kind()), expectedError);
        if (result.error) {
            QCOMPARE(snapshot(path), before);
            return;
        }
        const QString main = QString::fromLatin1(git(path, { QStringLiteral("rev-parse"), QStringLiteral("main") }));
        QCOMPARE(result.newHead, main);
        QCOMPARE(parents(path, main).size(), expectedParents);
        // main is checked out: its working tree follows, clean.
        QCOMPARE(readFile(path + QStringLiteral("/feature.txt")), QByteArray("feature\n"));
        QCOMPARE(git(path, { QStringLiteral("status"), QStringLiteral("--porcelain") }), QByteArray());
        QVERIFY(
            integrator.mergeInto(QStringLiteral("feature/TASK-1"), QStringLiteral("main"), MergeMode(mode)).upToDate);
    }

    // A delivery integrates in memory: the clone's refs, index and files stay as they were.
    void keepReferences()
    {
        const QString path = makeRepository(false, true);
        const QByteArray before = snapshot(path);
        Repository repository = Repository::open(path);
        Integrator integrator(repository);
        integrator.setKeepReferences(true);
        for (IntegrationMode mode : { IntegrationMode::Rebase, IntegrationMode::Merge }) {
            const IntegrationResult result =
                integrator.updateBranch(QStringLiteral("feature/TASK-1"), QStringLiteral("main"), mode);
            QVERIFY2(result.isClean(), qPrintable(result.error.message()));
            QVERIFY(result.changed());
            // The new commit exists and contains both sides.
            QCOMPARE(git(path, { QStringLiteral("show"), result.newHead + QStringLiteral(":feature.txt") }),
                QByteArray("feature"));
            QCOMPARE(git(path, { QStringLiteral("show"), result.newHead + QStringLiteral(":main.txt") }),
                QByteArray("main"));
        }
        QCOMPARE(snapshot(path), before);
    }

    void revert_data()
    {
        QTest::addColumn<bool>("othersOnTop");
        QTest::addColumn<bool>("othersConflict");
        QTest::newRow("the pushed commit is still the head") << false << false;
        QTest::newRow("another change came on top: it stays") << true << false;
        QTest::newRow("another change on top touches the same lines") << true << true;
    }

    void revert()
    {
        QFETCH(bool, othersOnTop);
        QFETCH(bool, othersConflict);
        const QString path = m_dir.filePath(QStringLiteral("revert%1").arg(++m_counter));
        initRepository(path);
        const QString from = QString::fromLatin1(git(path, { QStringLiteral("rev-parse"), QStringLiteral("HEAD") }));
        commit(path, QStringLiteral("delivered.txt"), "one\n", QStringLiteral("Delivered 1"));
        const QString to =
            commit(path, QStringLiteral("README"), "line 1\ndelivered\nline 3\n", QStringLiteral("Delivered 2"));
        QString onto = to;
        if (othersOnTop)
            onto = othersConflict
                ? commit(path, QStringLiteral("README"), "line 1\nsomeone else's\nline 3\n",
                      QStringLiteral("Someone else"))
                : commit(path, QStringLiteral("other.txt"), "other\n", QStringLiteral("Someone else"));
        const QByteArray before = snapshot(path);
        Repository repository = Repository::open(path);
        Integrator integrator(repository);
        const IntegrationResult result =
            integrator.revert(from, to, onto, QStringLiteral("Revert the delivery: its other half failed"));
        // Never anything moved, whatever the outcome.
        QCOMPARE(snapshot(path), before);
        if (othersConflict) {
            QCOMPARE(int(result.error.kind()), int(GitError::Kind::Conflict));
            QCOMPARE(result.conflicts, QStringList { QStringLiteral("README") });
            return;
        }
        QVERIFY2(result.isClean(), qPrintable(result.error.message()));
        QCOMPARE(parents(path, result.newHead), QStringList { onto });
        // The delivered change is gone; what others added stays.
        QCOMPARE(git(path, { QStringLiteral("diff"), from, result.newHead, QStringLiteral("--stat") }).isEmpty(),
            !othersOnTop);
        QVERIFY(!git(path, { QStringLiteral("ls-tree"), QStringLiteral("--name-only"), result.newHead })
                .contains("delivered.txt"));
        QCOMPARE(git(path, { QStringLiteral("show"), result.newHead + QStringLiteral(":README") }),
            git(path, { QStringLiteral("show"), from + QStringLiteral(":README") }));
        if (othersOnTop)
            QCOMPARE(git(path, { QStringLiteral("show"), result.newHead + QStringLiteral(":other.txt") }),
                QByteArray("other"));
    }

    // A commit goes to the remote's branch without any local branch moving; history is never overwritten.
    void pushCommit()
    {
        const QString remote = m_dir.filePath(QStringLiteral("pushremote%1.git").arg(++m_counter));
        const QString path = m_dir.filePath(QStringLiteral("pushclone%1").arg(m_counter));
        initRepository(path);
        git(m_dir.path(), { QStringLiteral("clone"), QStringLiteral("-q"), QStringLiteral("--bare"), path, remote });
        git(path, { QStringLiteral("remote"), QStringLiteral("add"), QStringLiteral("origin"), remote });
        git(path, { QStringLiteral("fetch"), QStringLiteral("-q"), QStringLiteral("origin") });
        git(path,
            { QStringLiteral("checkout"), QStringLiteral("-q"), QStringLiteral("-b"), QStringLiteral("feature") });
        const QString ahead = commit(path, QStringLiteral("f.txt"), "f\n", QStringLiteral("Ahead"));
        git(path, { QStringLiteral("checkout"), QStringLiteral("-q"), QStringLiteral("main") });
        const QByteArray before = snapshot(path);

        Repository repository = Repository::open(path);
        QVERIFY(!repository.pushCommit(QStringLiteral("origin"), ahead, QStringLiteral("main")));
        QCOMPARE(QString::fromLatin1(git(remote, { QStringLiteral("rev-parse"), QStringLiteral("main") })), ahead);
        // Only origin/main moved (the push updates the remote-tracking ref): nothing of the clone's own.
        QByteArray after = snapshot(path);
        QVERIFY(!after.contains("refs/shipyard/"));
        const QString mainBefore =
            QString::fromLatin1(git(path, { QStringLiteral("rev-parse"), QStringLiteral("main") }));
        QVERIFY(mainBefore != ahead);

        // Someone pushes first: a commit that does not contain theirs is refused, nothing forced.
        const QString other = m_dir.filePath(QStringLiteral("pushother%1").arg(m_counter));
        git(m_dir.path(), { QStringLiteral("clone"), QStringLiteral("-q"), remote, other });
        const QString theirs = commit(other, QStringLiteral("o.txt"), "o\n", QStringLiteral("Theirs"));
        git(other, { QStringLiteral("push"), QStringLiteral("-q"), QStringLiteral("origin"), QStringLiteral("main") });
        git(path, { QStringLiteral("checkout"), QStringLiteral("-q"), QStringLiteral("feature") });
        const QString mine = commit(path, QStringLiteral("g.txt"), "g\n", QStringLiteral("Mine"));
        git(path, { QStringLiteral("checkout"), QStringLiteral("-q"), QStringLiteral("main") });
        const GitError refused = repository.pushCommit(QStringLiteral("origin"), mine, QStringLiteral("main"));
        QCOMPARE(int(refused.kind()), int(GitError::Kind::NonFastForward));
        QCOMPARE(QString::fromLatin1(git(remote, { QStringLiteral("rev-parse"), QStringLiteral("main") })), theirs);
        QVERIFY(!snapshot(path).contains("refs/shipyard/"));
        // The clone's own branches never moved.
        QCOMPARE(QString::fromLatin1(git(path, { QStringLiteral("rev-parse"), QStringLiteral("main") })), mainBefore);
        Q_UNUSED(before);
    }

    void mergeIntoConflict()
    {
        const QString path = makeRepository(true, false);
        const QByteArray before = snapshot(path);
        Repository repository = Repository::open(path);
        Integrator integrator(repository);
        const IntegrationResult result =
            integrator.mergeInto(QStringLiteral("feature/TASK-1"), QStringLiteral("main"), MergeMode::MergeCommit);
        QCOMPARE(result.error.kind(), GitError::Kind::Conflict);
        QCOMPARE(result.conflicts, QStringList { QStringLiteral("README") });
        QCOMPARE(snapshot(path), before);
    }

    void hostileInput_data()
    {
        QTest::addColumn<QString>("branch");
        QTest::addColumn<int>("messageSize");
        QTest::newRow("unicode and slashes") << QStringLiteral("feature/TASK-9-ünï/снег/雪") << 100;
        QTest::newRow("4 MB commit message") << QStringLiteral("feature/TASK-10") << 4 * 1024 * 1024;
    }

    void hostileInput()
    {
        QFETCH(QString, branch);
        QFETCH(int, messageSize);
        const QString path = m_dir.filePath(QStringLiteral("hostile%1").arg(++m_counter));
        initRepository(path);
        git(path, { QStringLiteral("checkout"), QStringLiteral("-q"), QStringLiteral("-b"), branch });
        commit(path, QStringLiteral("ünï/файл.txt"), "x\n",
            QStringLiteral("Subject\n\n") + QString(messageSize, QLatin1Char('m')));
        git(path, { QStringLiteral("checkout"), QStringLiteral("-q"), QStringLiteral("main") });
        commit(path, QStringLiteral("other"), "o\n", QStringLiteral("Main"));
        Repository repository = Repository::open(path);
        Integrator integrator(repository);
        const IntegrationResult result =
            integrator.updateBranch(branch, QStringLiteral("main"), IntegrationMode::Rebase);
        QVERIFY2(result.isClean(), qPrintable(result.error.message()));
        QCOMPARE(
            git(path, { QStringLiteral("log"), QStringLiteral("-1"), QStringLiteral("--format=%B"), branch }).size(),
            qsizetype(QByteArray("Subject\n\n").size() + messageSize));
    }

    void invalidArguments()
    {
        const QString path = makeRepository(false, false);
        Repository repository = Repository::open(path);
        Integrator integrator(repository);
        QCOMPARE(integrator.updateBranch(QStringLiteral("nope"), QStringLiteral("main"), IntegrationMode::Rebase)
                     .error.kind(),
            GitError::Kind::NotFound);
        QCOMPARE(integrator.mergeInto(QStringLiteral("feature/TASK-1"), QStringLiteral("nope"), MergeMode::FastForward)
                     .error.kind(),
            GitError::Kind::NotFound);
    }
};

QTEST_GUILESS_MAIN(tst_Integrator)
#include "tst_integrator.moc"
