// SPDX-License-Identifier: GPL-2.0-or-later
#include "GitTestHelpers.h"

#include "git/Repository.h"

#include <QTemporaryDir>
#include <QTest>

#include <atomic>

using namespace Shipyard;
using namespace GitTest;

class tst_Repository : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_remotes; // bare repositories, served by both servers
    std::unique_ptr<Server> m_daemon;
    std::unique_ptr<Server> m_http;

    QString bareRemote(const QString &name)
    {
        const QString seed = m_dir.filePath(QStringLiteral("seed-") + name);
        initRepository(seed);
        commit(seed, QStringLiteral("src/app.txt"), "app\n", QStringLiteral("Add app"));
        const QString bare = m_remotes + QLatin1Char('/') + name + QStringLiteral(".git");
        git(m_dir.path(), { QStringLiteral("clone"), QStringLiteral("-q"), QStringLiteral("--bare"), seed, bare });
        return bare;
    }

    QString url(const QString &transport, const QString &name) const
    {
        if (transport == QLatin1String("file"))
            return QStringLiteral("file://") + m_remotes + QLatin1Char('/') + name + QStringLiteral(".git");
        if (transport == QLatin1String("git"))
            return QStringLiteral("git://127.0.0.1:%1/%2.git").arg(m_daemon->port).arg(name);
        return QStringLiteral("http://127.0.0.1:%1/%2.git").arg(m_http->port).arg(name);
    }

    // Someone else's clone, made with the git program.
    QString otherClone(const QString &bare, const QString &name)
    {
        const QString dir = m_dir.filePath(QStringLiteral("other-") + name);
        git(m_dir.path(), { QStringLiteral("clone"), QStringLiteral("-q"), bare, dir });
        return dir;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // libgit2 reads the user's configuration from HOME once, at its first
        // use: point it at a home with a credential helper before anything else.
        const QString home = m_dir.filePath(QStringLiteral("home"));
        QDir().mkpath(home);
        writeFile(home + QStringLiteral("/.gitconfig"),
            "[credential]\n"
            "\thelper = \"!f() { test \\\"$1\\\" = get && echo username=alice && echo password=s3cret; }; f\"\n");
        qputenv("HOME", home.toUtf8());
        qputenv("GIT_CONFIG_NOSYSTEM", "1");
        m_remotes = m_dir.filePath(QStringLiteral("remotes"));
        QDir().mkpath(m_remotes);
        m_daemon = startGitDaemon(m_remotes);
        QVERIFY2(m_daemon, "git daemon did not start");
        m_http = startHttpServer(m_remotes, QStringLiteral("alice"), QStringLiteral("s3cret"));
        QVERIFY2(m_http, "the git http-backend server did not start");
    }

    void cleanupTestCase()
    {
        m_daemon.reset();
        m_http.reset();
    }

    void openMissing()
    {
        GitError error;
        const Repository repository = Repository::open(m_dir.filePath(QStringLiteral("nothing-here")), &error);
        QVERIFY(!repository.isValid());
        QCOMPARE(error.kind(), GitError::Kind::NotFound);
        QVERIFY2(error.message().contains(QLatin1String("nothing-here")), qPrintable(error.message()));
    }

    void openDoesNotClimbToParent()
    {
        // A system path inside some other checkout must not open that checkout.
        const QString outer = m_dir.filePath(QStringLiteral("outer"));
        initRepository(outer);
        QDir().mkpath(outer + QStringLiteral("/sub"));
        GitError error;
        QVERIFY(!Repository::open(outer + QStringLiteral("/sub"), &error).isValid());
        QVERIFY(error.isError());
    }

    void cloneFetchPush_data()
    {
        QTest::addColumn<QString>("transport");
        QTest::newRow("file://") << QStringLiteral("file");
        QTest::newRow("git:// (git daemon)") << QStringLiteral("git");
        QTest::newRow("http:// (http-backend, credential helper)") << QStringLiteral("http");
    }

    void cloneFetchPush()
    {
        QFETCH(QString, transport);
        const QString name = QStringLiteral("project-") + transport;
        const QString bare = bareRemote(name);

        QList<GitProgress> progress;
        GitControl control;
        control.progress = [&](const GitProgress &value) { progress.append(value); };
        GitError error;
        const QString path = m_dir.filePath(QStringLiteral("clone-") + transport);
        Repository repository = Repository::clone(url(transport, name), path, control, &error);
        QVERIFY2(!error, qPrintable(error.message()));
        QVERIFY(repository.isValid());
        QCOMPARE(repository.currentBranch(), QStringLiteral("main"));
        QCOMPARE(readFile(path + QStringLiteral("/src/app.txt")), QByteArray("app\n"));
        QVERIFY(!progress.isEmpty());

        // Someone pushes; we fetch and are one behind.
        const QString other = otherClone(bare, name);
        const QString theirs = commit(other, QStringLiteral("theirs.txt"), "theirs\n", QStringLiteral("Theirs"));
        git(other, { QStringLiteral("push"), QStringLiteral("-q"), QStringLiteral("origin"), QStringLiteral("main") });
        error = repository.fetch(QStringLiteral("origin"));
        QVERIFY2(!error, qPrintable(error.message()));
        QCOMPARE(repository.resolve(QStringLiteral("origin/main")), theirs);
        const QList<BranchInfo> branches = repository.branches();
        QCOMPARE(branches.size(), 1);
        QCOMPARE(branches.first().name, QStringLiteral("main"));
        QCOMPARE(branches.first().upstream, QStringLiteral("origin/main"));
        QCOMPARE(branches.first().behind, 1);
        QCOMPARE(branches.first().ahead, 0);
        QVERIFY(branches.first().isHead);

        // Catch up, commit and push: the remote has our commit.
        git(path,
            { QStringLiteral("merge"), QStringLiteral("-q"), QStringLiteral("--ff-only"),
                QStringLiteral("origin/main") });
        const QString ours = commit(path, QStringLiteral("ours.txt"), "ours\n", QStringLiteral("Ours"));
        error = repository.push(QStringLiteral("origin"), { QStringLiteral("main") });
        QVERIFY2(!error, qPrintable(error.message()));
        QCOMPARE(QString::fromLatin1(git(bare, { QStringLiteral("rev-parse"), QStringLiteral("main") })), ours);
        QCOMPARE(repository.resolve(QStringLiteral("origin/main")), ours);

        // The concurrent push: someone pushes between our fetch and our push.
        git(other, { QStringLiteral("pull"), QStringLiteral("-q"), QStringLiteral("--ff-only") });
        const QString meanwhile = commit(other, QStringLiteral("meanwhile.txt"), "x\n", QStringLiteral("Meanwhile"));
        git(other, { QStringLiteral("push"), QStringLiteral("-q"), QStringLiteral("origin"), QStringLiteral("main") });
        const QString mine = commit(path, QStringLiteral("mine.txt"), "mine\n", QStringLiteral("Mine"));
        error = repository.push(QStringLiteral("origin"), { QStringLiteral("refs/heads/main:refs/heads/main") });
        QCOMPARE(error.kind(), GitError::Kind::NonFastForward);
        QVERIFY2(error.message().contains(QLatin1String("someone pushed meanwhile")), qPrintable(error.message()));
        // Nothing lost on either side.
        QCOMPARE(QString::fromLatin1(git(bare, { QStringLiteral("rev-parse"), QStringLiteral("main") })), meanwhile);
        QCOMPARE(repository.resolve(QStringLiteral("main")), mine);

        // After fetching, the remote's commit is known locally: still refused, for the other reason.
        QVERIFY(!repository.fetch(QStringLiteral("origin")));
        error = repository.push(QStringLiteral("origin"), { QStringLiteral("main") });
        QCOMPARE(error.kind(), GitError::Kind::NonFastForward);
        QCOMPARE(QString::fromLatin1(git(bare, { QStringLiteral("rev-parse"), QStringLiteral("main") })), meanwhile);
    }

    void forcedPushRefused()
    {
        const QString bare = bareRemote(QStringLiteral("force"));
        GitError error;
        Repository repository = Repository::clone(
            QStringLiteral("file://") + bare, m_dir.filePath(QStringLiteral("clone-force")), {}, &error);
        QVERIFY(!error);
        error = repository.push(QStringLiteral("origin"), { QStringLiteral("+refs/heads/main:refs/heads/main") });
        QCOMPARE(error.kind(), GitError::Kind::InvalidArgument);
    }

    void httpCredentials_data()
    {
        QTest::addColumn<QString>("helper");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("wrong password from the helper")
            << QStringLiteral("!f() { echo username=alice; echo password=wrong; }; f")
            << int(GitError::Kind::Authentication) << QStringLiteral("refused the credentials");
        QTest::newRow("helper answers nothing")
            << QStringLiteral("!true") << int(GitError::Kind::Authentication) << QStringLiteral("credential.helper");
        QTest::newRow("helper fails") << QStringLiteral("!false") << int(GitError::Kind::Authentication)
                                      << QStringLiteral("credential.helper");
        QTest::newRow("helper script by absolute path")
            << m_dir.filePath(QStringLiteral("helper.sh")) << int(GitError::Kind::None) << QString();
    }

    void httpCredentials()
    {
        QFETCH(QString, helper);
        QFETCH(int, kind);
        QFETCH(QString, messagePart);
        writeFile(m_dir.filePath(QStringLiteral("helper.sh")),
            "#!/bin/sh\ntest \"$1\" = get || exit 0\necho username=alice\necho password=s3cret\n");
        QFile::setPermissions(m_dir.filePath(QStringLiteral("helper.sh")),
            QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);

        static int counter = 0;
        const QString name = QStringLiteral("credentials-%1").arg(++counter);
        bareRemote(name);
        GitError error;
        // Clone with the good global helper, then give the repository its own.
        Repository repository = Repository::clone(
            url(QStringLiteral("http"), name), m_dir.filePath(QStringLiteral("clone-") + name), {}, &error);
        QVERIFY2(!error, qPrintable(error.message()));
        const QString path = repository.path();
        git(path,
            { QStringLiteral("config"), QStringLiteral("--add"), QStringLiteral("credential.helper"), QString() });
        git(path, { QStringLiteral("config"), QStringLiteral("--add"), QStringLiteral("credential.helper"), helper });
        repository = Repository::open(path);
        error = repository.fetch(QStringLiteral("origin"));
        QCOMPARE(int(error.kind()), kind);
        QVERIFY2(error.message().contains(messagePart), qPrintable(error.message()));

        // Listing the remote's branches asks the same helpers as a fetch.
        GitError listError;
        const QList<RemoteHead> heads = repository.remoteHeads(QStringLiteral("origin"), {}, &listError);
        QCOMPARE(int(listError.kind()), kind);
        QVERIFY2(listError.message().contains(messagePart), qPrintable(listError.message()));
        if (!listError) {
            QCOMPARE(heads.size(), 1);
            QCOMPARE(heads.first().name, QStringLiteral("main"));
            QCOMPARE(heads.first().commitId, repository.resolve(QStringLiteral("origin/main")));
        }
    }

    void networkErrors()
    {
        GitError error;
        const int port = freePort();
        const Repository repository = Repository::clone(QStringLiteral("git://127.0.0.1:%1/none.git").arg(port),
            m_dir.filePath(QStringLiteral("clone-refused")), {}, &error);
        QVERIFY(!repository.isValid());
        QVERIFY2(error.kind() == GitError::Kind::Network, qPrintable(error.message()));
        QVERIFY(!QFileInfo::exists(m_dir.filePath(QStringLiteral("clone-refused/.git"))));
    }

    void cancellation()
    {
        const QString seed = m_dir.filePath(QStringLiteral("seed-big"));
        initRepository(seed);
        for (int i = 0; i < 30; ++i)
            commit(seed, QStringLiteral("file%1.txt").arg(i), QByteArray(4096, char('a' + i % 26)),
                QStringLiteral("Commit %1").arg(i));
        git(m_dir.path(),
            { QStringLiteral("clone"), QStringLiteral("-q"), QStringLiteral("--bare"), seed,
                m_remotes + QStringLiteral("/big.git") });

        std::atomic_bool cancelled = false;
        GitControl control;
        control.cancelled = &cancelled;
        control.progress = [&](const GitProgress &) { cancelled = true; };
        GitError error;
        const Repository repository = Repository::clone(url(QStringLiteral("git"), QStringLiteral("big")),
            m_dir.filePath(QStringLiteral("clone-cancelled")), control, &error);
        QVERIFY(!repository.isValid());
        QCOMPARE(error.kind(), GitError::Kind::Cancelled);
    }

    void hostileBranchNames_data()
    {
        QTest::addColumn<QString>("branch");
        QTest::newRow("slashes") << QStringLiteral("feature/TASK-12/login/v2");
        QTest::newRow("unicode") << QStringLiteral("feature/TASK-7-ünïcödé-снег-雪");
        QTest::newRow("looks like a commit id") << QStringLiteral("deadbeef");
        QTest::newRow("dots and dashes") << QStringLiteral("fix/TASK-1-a.b-c_d");
    }

    void hostileBranchNames()
    {
        QFETCH(QString, branch);
        const QString path = m_dir.filePath(QStringLiteral("branches"));
        if (!QFileInfo::exists(path))
            initRepository(path);
        git(path, { QStringLiteral("checkout"), QStringLiteral("-q"), QStringLiteral("main") });
        git(path, { QStringLiteral("checkout"), QStringLiteral("-q"), QStringLiteral("-b"), branch });
        const QString tip = commit(path, QStringLiteral("f.txt"), branch.toUtf8(), QStringLiteral("On ") + branch);
        git(path, { QStringLiteral("checkout"), QStringLiteral("-q"), QStringLiteral("main") });

        Repository repository = Repository::open(path);
        QVERIFY(repository.isValid());
        QStringList names;
        for (const BranchInfo &info : repository.branches())
            names.append(info.name);
        QVERIFY2(names.contains(branch), qPrintable(names.join(QLatin1Char(','))));
        QCOMPARE(repository.resolve(branch), tip);
        QCOMPARE(repository.referenceName(branch), QStringLiteral("refs/heads/") + branch);
        const auto counts = repository.aheadBehind(branch, QStringLiteral("main"));
        QVERIFY(counts);
        QCOMPARE(counts->ahead, 1);
        QCOMPARE(counts->behind, 0);
        const QList<CommitInfo> commits = repository.commitsBetween(QStringLiteral("main"), branch);
        QCOMPARE(commits.size(), 1);
        QCOMPARE(commits.first().summary, QStringLiteral("On ") + branch);
    }

    void unknownRevision()
    {
        Repository repository = Repository::open(m_dir.filePath(QStringLiteral("branches")));
        GitError error;
        QVERIFY(repository.resolve(QStringLiteral("no/such/branch"), &error).isEmpty());
        QCOMPARE(error.kind(), GitError::Kind::NotFound);
        QVERIFY(!repository.aheadBehind(QStringLiteral("main"), QStringLiteral("nope"), &error));
        QVERIFY(error.message().contains(QLatin1String("nope")));
    }

    // The names `git describe --tags` gives, checked against git itself:
    // none before a tag, the tag on its commit, tag-N-gSHORT after it, an
    // annotated tag as a lightweight one.
    void describe()
    {
        const QString dir = m_dir.filePath(QStringLiteral("described"));
        initRepository(dir);
        const QString first = commit(dir, QStringLiteral("a.txt"), "a\n", QStringLiteral("First"));
        Repository repository = Repository::open(dir);
        GitError error;
        QCOMPARE(repository.describe(first, &error), QString());
        QVERIFY(!error);
        git(dir, { QStringLiteral("tag"), QStringLiteral("v1.0.0") });
        QCOMPARE(repository.describe(first), QStringLiteral("v1.0.0"));
        commit(dir, QStringLiteral("b.txt"), "b\n", QStringLiteral("Second"));
        const QString third = commit(dir, QStringLiteral("c.txt"), "c\n", QStringLiteral("Third"));
        const QString expected = QString::fromUtf8(
            git(dir, { QStringLiteral("describe"), QStringLiteral("--tags"), QStringLiteral("--abbrev=7"), third })
                .trimmed());
        QCOMPARE(repository.describe(third), expected);
        QCOMPARE(expected, QStringLiteral("v1.0.0-2-g") + third.left(7));
        git(dir,
            { QStringLiteral("tag"), QStringLiteral("-a"), QStringLiteral("v1.1.0"), QStringLiteral("-m"),
                QStringLiteral("1.1.0") });
        QCOMPARE(repository.describe(third), QStringLiteral("v1.1.0"));
        QVERIFY(repository.describe(QStringLiteral("no-such-commit"), &error).isEmpty());
        QCOMPARE(error.kind(), GitError::Kind::NotFound);
    }

    void trailersAndHugeMessages()
    {
        const QString path = m_dir.filePath(QStringLiteral("trailers"));
        initRepository(path);
        git(path, { QStringLiteral("checkout"), QStringLiteral("-q"), QStringLiteral("-b"), QStringLiteral("f") });
        const QByteArray huge(2 * 1024 * 1024, 'x');
        commit(path, QStringLiteral("a"), "a", QStringLiteral("Huge\n\n") + QString::fromLatin1(huge));
        commit(path, QStringLiteral("b"), "b",
            QStringLiteral(
                "Change\n\nBody.\n\nReviewed-by: Bob <bob@example.org>\nApproved-by: Carol <carol@example.org>"));
        Repository repository = Repository::open(path);
        const QList<CommitInfo> commits = repository.commitsBetween(QStringLiteral("main"), QStringLiteral("f"));
        QCOMPARE(commits.size(), 2);
        QCOMPARE(commits.at(0).trailers.size(), 2);
        QCOMPARE(commits.at(0).trailers.at(0).first, QStringLiteral("Reviewed-by"));
        QCOMPARE(commits.at(0).trailers.at(0).second, QStringLiteral("Bob <bob@example.org>"));
        QCOMPARE(commits.at(1).summary, QStringLiteral("Huge"));
        QVERIFY(commits.at(1).message.size() > huge.size());
        QCOMPARE(commits.at(0).authorEmail, QStringLiteral("alice@example.org"));
    }
};

QTEST_GUILESS_MAIN(tst_Repository)
#include "tst_repository.moc"
