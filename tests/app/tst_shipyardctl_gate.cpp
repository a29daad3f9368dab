// SPDX-License-Identifier: GPL-2.0-or-later
// `shipyardctl gate` as the pre-receive hook of a real bare repository,
// with real `git push`es: each refusal's reason reaches the pusher's
// terminal, allowed pushes land, a refused push lands nothing.
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Run
{
    int exitCode = -1;
    QString output; // standard output and error, as a terminal shows them
};

Run run(const QString &program, const QStringList &arguments, const QString &dir, const QString &pusher = {})
{
    QProcess process;
    process.setWorkingDirectory(dir);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name : { "GL_USERNAME", "GL_USER", "REMOTE_USER", "GIT_DIR" })
        env.remove(QLatin1String(name));
    if (!pusher.isEmpty())
        env.insert(QStringLiteral("REMOTE_USER"), pusher); // as git-http-backend's web server sets it
    env.insert(QStringLiteral("GIT_AUTHOR_NAME"), QStringLiteral("Alice"));
    env.insert(QStringLiteral("GIT_AUTHOR_EMAIL"), QStringLiteral("alice@example.org"));
    env.insert(QStringLiteral("GIT_COMMITTER_NAME"), QStringLiteral("Alice"));
    env.insert(QStringLiteral("GIT_COMMITTER_EMAIL"), QStringLiteral("alice@example.org"));
    process.setProcessEnvironment(env);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    Run result;
    if (process.waitForFinished(60000) && process.exitStatus() == QProcess::NormalExit)
        result.exitCode = process.exitCode();
    result.output = QString::fromUtf8(process.readAll());
    return result;
}

Run git(const QString &dir, const QStringList &arguments, const QString &pusher = {})
{
    return run(QStringLiteral("git"), arguments, dir, pusher);
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

QString shipyardctl()
{
    return QStringLiteral(SHIPYARD_BINARY_DIR "/bin/shipyardctl");
}

} // namespace

class tst_ShipyardctlGate : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_bare;
    QString m_work;
    QString m_ecosystem;

    // The commit REF names in the bare repository; empty when it has none.
    QString landed(const QString &ref) const
    {
        const Run rev =
            git(m_bare, { QStringLiteral("rev-parse"), QStringLiteral("--verify"), QStringLiteral("-q"), ref });
        return rev.exitCode == 0 ? rev.output.trimmed() : QString();
    }

    QString head(const QString &branch) const
    {
        return git(m_work, { QStringLiteral("rev-parse"), branch }).output.trimmed();
    }

    void commitOn(const QString &branch, const QString &file)
    {
        QVERIFY(git(m_work,
                    { QStringLiteral("checkout"), QStringLiteral("-q"), QStringLiteral("-B"), branch,
                        QStringLiteral("main") })
                    .exitCode == 0);
        QVERIFY(writeFile(m_work + QLatin1Char('/') + file, file.toUtf8() + '\n'));
        QVERIFY(git(m_work, { QStringLiteral("add"), QStringLiteral(".") }).exitCode == 0);
        QVERIFY(git(m_work, { QStringLiteral("commit"), QStringLiteral("-qm"), file }).exitCode == 0);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_bare = m_dir.filePath(QStringLiteral("api.git"));
        m_work = m_dir.filePath(QStringLiteral("work"));
        QVERIFY(git(m_dir.path(),
                    { QStringLiteral("init"), QStringLiteral("-q"), QStringLiteral("--bare"), QStringLiteral("-b"),
                        QStringLiteral("main"), m_bare })
                    .exitCode == 0);
        QVERIFY(
            git(m_dir.path(),
                { QStringLiteral("init"), QStringLiteral("-q"), QStringLiteral("-b"), QStringLiteral("main"), m_work })
                .exitCode == 0);
        QVERIFY(writeFile(m_work + QStringLiteral("/README"), "api\n"));
        QVERIFY(git(m_work, { QStringLiteral("add"), QStringLiteral(".") }).exitCode == 0);
        QVERIFY(
            git(m_work, { QStringLiteral("commit"), QStringLiteral("-qm"), QStringLiteral("Start") }).exitCode == 0);
        QVERIFY(git(m_work, { QStringLiteral("remote"), QStringLiteral("add"), QStringLiteral("origin"), m_bare })
                    .exitCode == 0);

        // The file tracker, next to the ecosystem.
        QVERIFY(writeFile(m_dir.filePath(QStringLiteral("tasks.yaml")),
            "tasks:\n  - {key: SHOP-1, title: Prices, status: In Progress, assignee: alice}\n"
            "  - {key: SHOP-2, title: Cart, status: For Delivery, assignee: alice}\n"));
        m_ecosystem = m_dir.filePath(QStringLiteral("eco.yaml"));
        QVERIFY(writeFile(m_ecosystem,
            "name: Shop\n"
            "gating: {taskKey: 'SHOP-[0-9]+', upstreamPushers: [robot, carol]}\n"
            "systems:\n  - {name: api, template: backend, repository: api.git, image: shop/api, manifests: [deploy/]}\n"
            "environments:\n  - {name: staging, kind: staging, context: staging, namespace: shop}\n"));

        const Run install = run(shipyardctl(),
            { QStringLiteral("gate"), QStringLiteral("install"), m_bare, QStringLiteral("--ecosystem"), m_ecosystem },
            m_dir.path());
        QVERIFY2(install.exitCode == 0, qPrintable(install.output));
        QVERIFY(QFileInfo(m_bare + QStringLiteral("/hooks/pre-receive")).isExecutable());
    }

    void upstreamTakesPushesOnlyFromTheListed()
    {
        const Run alice = git(m_work, { QStringLiteral("push"), QStringLiteral("origin"), QStringLiteral("main") },
            QStringLiteral("alice"));
        QVERIFY(alice.exitCode != 0);
        // git shows the hook's standard error to the pusher, line by line.
        QVERIFY2(alice.output.contains(QStringLiteral("remote: Shipyard refuses refs/heads/main: only robot, carol may "
                                                      "push to main (you are alice)")),
            qPrintable(alice.output));
        QVERIFY(landed(QStringLiteral("refs/heads/main")).isEmpty());

        const Run robot = git(m_work, { QStringLiteral("push"), QStringLiteral("origin"), QStringLiteral("main") },
            QStringLiteral("robot"));
        QVERIFY2(robot.exitCode == 0, qPrintable(robot.output));
        QCOMPARE(landed(QStringLiteral("refs/heads/main")), head(QStringLiteral("main")));
    }

    void branchesNameTheirTaskAndFollowItsStatus()
    {
        commitOn(QStringLiteral("experiment"), QStringLiteral("experiment.txt"));
        const Run nameless =
            git(m_work, { QStringLiteral("push"), QStringLiteral("origin"), QStringLiteral("experiment") },
                QStringLiteral("alice"));
        QVERIFY(nameless.exitCode != 0);
        QVERIFY2(nameless.output.contains(QStringLiteral("remote: Shipyard refuses refs/heads/experiment: "
                                                         "'experiment' names no task")),
            qPrintable(nameless.output));
        QVERIFY(landed(QStringLiteral("refs/heads/experiment")).isEmpty());

        commitOn(QStringLiteral("feature/SHOP-1-prices"), QStringLiteral("prices.txt"));
        const Run inProgress =
            git(m_work, { QStringLiteral("push"), QStringLiteral("origin"), QStringLiteral("feature/SHOP-1-prices") },
                QStringLiteral("alice"));
        QVERIFY2(inProgress.exitCode == 0, qPrintable(inProgress.output));
        QCOMPARE(
            landed(QStringLiteral("refs/heads/feature/SHOP-1-prices")), head(QStringLiteral("feature/SHOP-1-prices")));

        commitOn(QStringLiteral("feature/SHOP-2-cart"), QStringLiteral("cart.txt"));
        const Run forDelivery =
            git(m_work, { QStringLiteral("push"), QStringLiteral("origin"), QStringLiteral("feature/SHOP-2-cart") },
                QStringLiteral("alice"));
        QVERIFY(forDelivery.exitCode != 0);
        QVERIFY2(forDelivery.output.contains(QStringLiteral("remote: Shipyard refuses refs/heads/feature/SHOP-2-cart: "
                                                            "SHOP-2 is 'For Delivery'; updating the branch needs "
                                                            "'In Progress'")),
            qPrintable(forDelivery.output));
        QVERIFY(landed(QStringLiteral("refs/heads/feature/SHOP-2-cart")).isEmpty());

        commitOn(QStringLiteral("feature/SHOP-99-ghost"), QStringLiteral("ghost.txt"));
        const Run unknown =
            git(m_work, { QStringLiteral("push"), QStringLiteral("origin"), QStringLiteral("feature/SHOP-99-ghost") },
                QStringLiteral("alice"));
        QVERIFY(unknown.exitCode != 0);
        QVERIFY2(
            unknown.output.contains(QStringLiteral("remote: Shipyard refuses refs/heads/feature/SHOP-99-ghost: ")) &&
                unknown.output.contains(QStringLiteral("SHOP-99")),
            qPrintable(unknown.output));

        // The robot brings a task's branch onto upstream during its delivery.
        const Run robot =
            git(m_work, { QStringLiteral("push"), QStringLiteral("origin"), QStringLiteral("feature/SHOP-2-cart") },
                QStringLiteral("robot"));
        QVERIFY2(robot.exitCode == 0, qPrintable(robot.output));
        QCOMPARE(landed(QStringLiteral("refs/heads/feature/SHOP-2-cart")), head(QStringLiteral("feature/SHOP-2-cart")));

        // A task's branch may be deleted, whatever its status.
        const Run deletion =
            git(m_work, { QStringLiteral("push"), QStringLiteral("origin"), QStringLiteral(":feature/SHOP-2-cart") },
                QStringLiteral("alice"));
        QVERIFY2(deletion.exitCode == 0, qPrintable(deletion.output));
        QVERIFY(landed(QStringLiteral("refs/heads/feature/SHOP-2-cart")).isEmpty());
    }

    // A push is all or nothing: one refused branch keeps the others out too.
    void oneRefusalRefusesThePush()
    {
        commitOn(QStringLiteral("feature/SHOP-1-prices"), QStringLiteral("prices-2.txt"));
        const QString before = landed(QStringLiteral("refs/heads/feature/SHOP-1-prices"));
        const Run both = git(m_work,
            { QStringLiteral("push"), QStringLiteral("origin"), QStringLiteral("feature/SHOP-1-prices"),
                QStringLiteral("experiment") },
            QStringLiteral("alice"));
        QVERIFY(both.exitCode != 0);
        QVERIFY2(both.output.contains(QStringLiteral("refs/heads/experiment")), qPrintable(both.output));
        QVERIFY(!both.output.contains(QStringLiteral("refuses refs/heads/feature/SHOP-1-prices")));
        QCOMPARE(landed(QStringLiteral("refs/heads/feature/SHOP-1-prices")), before);
    }

    void brokenRulesRefuseEverything()
    {
        // A hook that cannot read its rules must not open every branch.
        QVERIFY(writeFile(m_ecosystem + QStringLiteral(".broken"), "name: [\n"));
        const Run hook = run(shipyardctl(),
            { QStringLiteral("gate"), QStringLiteral("pre-receive"), QStringLiteral("--ecosystem"),
                m_ecosystem + QStringLiteral(".broken"), QStringLiteral("--system"), QStringLiteral("api") },
            m_bare, QStringLiteral("robot"));
        QCOMPARE(hook.exitCode, 1);
        QVERIFY2(hook.output.contains(QStringLiteral("push refused")), qPrintable(hook.output));

        // Nor does the installer replace a hook that is not Shipyard's.
        const QString other = m_dir.filePath(QStringLiteral("other.git"));
        QVERIFY(git(m_dir.path(), { QStringLiteral("init"), QStringLiteral("-q"), QStringLiteral("--bare"), other })
                    .exitCode == 0);
        QVERIFY(writeFile(other + QStringLiteral("/hooks/pre-receive"), "#!/bin/sh\nexit 0\n"));
        const Run install = run(shipyardctl(),
            { QStringLiteral("gate"), QStringLiteral("install"), other, QStringLiteral("--ecosystem"), m_ecosystem,
                QStringLiteral("--system"), QStringLiteral("api") },
            m_dir.path());
        QCOMPARE(install.exitCode, 1);
        QVERIFY2(install.output.contains(QStringLiteral("is not Shipyard's")), qPrintable(install.output));
    }
};

QTEST_GUILESS_MAIN(tst_ShipyardctlGate)
#include "tst_shipyardctl_gate.moc"
