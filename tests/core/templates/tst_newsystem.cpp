// SPDX-License-Identifier: GPL-2.0-or-later
// A new system from a template: its repository with one commit, its entry
// in the ecosystem file, and nothing left behind when it is refused.
#include "GitTestHelpers.h"

#include "model/EcosystemLoader.h"
#include "templates/NewSystem.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Shipyard;

namespace {

const QByteArray shop = "# A shop.\napiVersion: shipyard/v1\nname: Test Shop\n\n"
                        "systems:\n"
                        "  - name: catalog      # the API\n    template: backend\n    repository: systems/catalog\n"
                        "    upstream: develop\n    image: shop/catalog\n    manifests: [deploy/]\n\n"
                        "  - name: mailer\n    template: worker\n    repository: systems/mailer\n"
                        "    upstream: develop\n    image: shop/mailer\n    manifests: [deploy/]\n\n"
                        "environments:\n  - name: local\n    kind: local\n    context: local\n    namespace: shop\n";

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestNewSystem : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_count = 0;

    // A fresh copy of the shop with its systems' folders; its path.
    QString world(const QByteArray &ecosystem = shop)
    {
        const QString root = m_dir.filePath(QString::number(++m_count));
        QDir().mkpath(root + QStringLiteral("/systems/catalog"));
        QDir().mkpath(root + QStringLiteral("/systems/mailer"));
        QFile file(root + QStringLiteral("/ecosystem.yaml"));
        if (!file.open(QIODevice::WriteOnly))
            qFatal("cannot write the ecosystem");
        file.write(ecosystem);
        return file.fileName();
    }

    static NewSystem::Request request(const QString &ecosystem, const QString &templateName = QStringLiteral("backend"))
    {
        NewSystem::Request request;
        request.name = QStringLiteral("orders");
        request.templateName = templateName;
        request.ecosystemPath = ecosystem;
        return request;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    // Beside the other systems, on their branch, with their image prefix.
    void createsRepositoryAndEntry()
    {
        const QString ecosystem = world();
        NewSystem::Request asked = request(ecosystem);
        asked.description = QStringLiteral("Orders: placed, paid, shipped.");
        const NewSystem::Result result = NewSystem::create(asked);
        QVERIFY2(result.succeeded, qPrintable(result.error));
        const QString root = QFileInfo(ecosystem).absolutePath();
        QCOMPARE(result.repository, root + QStringLiteral("/systems/orders"));
        QCOMPARE(result.repositoryEntry, QStringLiteral("systems/orders"));
        QCOMPARE(result.upstream, QStringLiteral("develop"));

        // One commit on develop, every file in it, nothing left out.
        QCOMPARE(GitTest::git(result.repository, { QStringLiteral("rev-parse"), QStringLiteral("develop") }).trimmed(),
            result.commit.toUtf8());
        QCOMPARE(GitTest::git(result.repository, { QStringLiteral("symbolic-ref"), QStringLiteral("HEAD") }).trimmed(),
            QByteArray("refs/heads/develop"));
        QCOMPARE(GitTest::git(result.repository,
                     { QStringLiteral("rev-list"), QStringLiteral("--count"), QStringLiteral("HEAD") })
                     .trimmed(),
            QByteArray("1"));
        QCOMPARE(QString::fromUtf8(GitTest::git(result.repository, { QStringLiteral("ls-files") }))
                     .split(QLatin1Char('\n'), Qt::SkipEmptyParts),
            result.files);
        QVERIFY(result.files.contains(QStringLiteral("deploy/service.yaml")));
        QCOMPARE(
            GitTest::git(result.repository, { QStringLiteral("status"), QStringLiteral("--porcelain") }), QByteArray());

        // The entry, in the file's layout, after the last system.
        const QByteArray entry = "  - name: orders\n    template: backend\n"
                                 "    description: \"Orders: placed, paid, shipped.\"\n"
                                 "    repository: systems/orders\n    upstream: develop\n    image: shop/orders\n"
                                 "    manifests: [deploy/]\n    build: make\n    test: make test\n"
                                 "    smoke: [make smoke]\n";
        QCOMPARE(result.entry, entry);
        QByteArray expected = shop;
        expected.insert(expected.indexOf("environments:"), entry + '\n');
        QCOMPARE(readAll(ecosystem), expected);
        const EcosystemLoadResult loaded = EcosystemLoader().loadFile(ecosystem);
        QVERIFY(loaded.ecosystem);
        const System *orders = loaded.ecosystem->system(QStringLiteral("orders"));
        QVERIFY(orders);
        QCOMPARE(orders->kind, SystemTemplate::Backend);
        QCOMPARE(loaded.ecosystem->resolvePath(orders->repository), result.repository);
        QCOMPARE(orders->smokeCommands, QStringList { QStringLiteral("make smoke") });
    }

    void dryRunWritesNothing()
    {
        const QString ecosystem = world();
        NewSystem::Request asked = request(ecosystem, QStringLiteral("worker"));
        asked.dryRun = true;
        const NewSystem::Result result = NewSystem::create(asked);
        QVERIFY2(result.succeeded, qPrintable(result.error));
        QVERIFY(result.entry.startsWith("  - name: orders\n    template: worker\n"));
        QVERIFY(!result.files.contains(QStringLiteral("deploy/service.yaml")));
        QVERIFY(!QFileInfo::exists(result.repository));
        QCOMPARE(readAll(ecosystem), shop);
    }

    // Outside the ecosystem's folder the path is absolute.
    void repositoryElsewhere()
    {
        const QString ecosystem = world();
        QTemporaryDir elsewhere;
        NewSystem::Request asked = request(ecosystem, QStringLiteral("frontend"));
        asked.repository = elsewhere.filePath(QStringLiteral("web"));
        const NewSystem::Result result = NewSystem::create(asked);
        QVERIFY2(result.succeeded, qPrintable(result.error));
        QCOMPARE(result.repositoryEntry, QDir::cleanPath(elsewhere.filePath(QStringLiteral("web"))));
        QVERIFY(readAll(ecosystem).contains(QByteArray("    repository: " + result.repositoryEntry.toUtf8() + '\n')));
    }

    void refusals_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("templateName");
        QTest::addColumn<QString>("occupied"); // a file in the target folder
        QTest::addColumn<QString>("error");
        QTest::newRow("existing system") << QStringLiteral("mailer") << QStringLiteral("worker") << QString()
                                         << QStringLiteral("ecosystem.yaml:13: there is a system named mailer already");
        QTest::newRow("not empty") << QStringLiteral("orders") << QStringLiteral("backend")
                                   << QStringLiteral("notes.txt") << QStringLiteral("exists and is not empty");
        QTest::newRow("hidden file") << QStringLiteral("orders") << QStringLiteral("backend") << QStringLiteral(".git")
                                     << QStringLiteral("exists and is not empty");
        QTest::newRow("unknown template")
            << QStringLiteral("orders") << QStringLiteral("cron") << QString()
            << QStringLiteral("no template named 'cron'; the templates are: backend, frontend, worker");
        QTest::newRow("bad name") << QStringLiteral("Orders_2") << QStringLiteral("backend") << QString()
                                  << QStringLiteral("'Orders_2' is no system name");
    }

    // Refused before anything is written: the file and the folder as they were.
    void refusals()
    {
        QFETCH(QString, name);
        QFETCH(QString, templateName);
        QFETCH(QString, occupied);
        QFETCH(QString, error);
        const QString ecosystem = world();
        const QString target = QFileInfo(ecosystem).absolutePath() + QStringLiteral("/systems/") + name;
        if (!occupied.isEmpty()) {
            QDir().mkpath(target);
            QFile file(target + QLatin1Char('/') + occupied);
            QVERIFY(file.open(QIODevice::WriteOnly));
        }
        NewSystem::Request asked = request(ecosystem, templateName);
        asked.name = name;
        const NewSystem::Result result = NewSystem::create(asked);
        QVERIFY(!result.succeeded);
        QVERIFY2(result.error.contains(error), qPrintable(result.error));
        QCOMPARE(readAll(ecosystem), shop);
        if (!occupied.isEmpty())
            QCOMPARE(QDir(target).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
                QStringList { occupied });
    }

    // An empty folder is fine; it is used as it is.
    void emptyFolderIsUsed()
    {
        const QString ecosystem = world();
        const QString target = QFileInfo(ecosystem).absolutePath() + QStringLiteral("/systems/orders");
        QVERIFY(QDir().mkpath(target));
        const NewSystem::Result result = NewSystem::create(request(ecosystem));
        QVERIFY2(result.succeeded, qPrintable(result.error));
        QVERIFY(QFileInfo::exists(target + QStringLiteral("/.git")));
    }

    // The team's folder (`templates:`, relative to the file) wins; a
    // template whose entry would not load is refused with the loader's
    // words, and nothing is made.
    void teamTemplates()
    {
        QByteArray withTeam = shop;
        withTeam.replace("name: Test Shop\n", "name: Test Shop\ntemplates: team-templates   # ours first\n");
        const QString ecosystem = world(withTeam);
        const QString team = QFileInfo(ecosystem).absolutePath() + QStringLiteral("/team-templates");
        QDir().mkpath(team + QStringLiteral("/backend/deploy"));
        QFile description(team + QStringLiteral("/backend/template.yaml"));
        QVERIFY(description.open(QIODevice::WriteOnly));
        description.write("port: 7000\nsystem:\n  manifests: [deploy/]\n  test: ./run-tests --port ${port}\n");
        description.close();
        QFile manifest(team + QStringLiteral("/backend/deploy/${name}.yaml"));
        QVERIFY(manifest.open(QIODevice::WriteOnly));
        manifest.write("# ${name} on ${port}\n");
        manifest.close();
        const NewSystem::Result result = NewSystem::create(request(ecosystem));
        QVERIFY2(result.succeeded, qPrintable(result.error));
        QCOMPARE(result.templateDirectory, team + QStringLiteral("/backend"));
        QCOMPARE(result.files, QStringList { QStringLiteral("deploy/orders.yaml") });
        QCOMPARE(readAll(result.repository + QStringLiteral("/deploy/orders.yaml")), QByteArray("# orders on 7000\n"));
        QVERIFY(result.entry.endsWith("    test: ./run-tests --port 7000\n"));
        QVERIFY(readAll(ecosystem).startsWith("# A shop.\napiVersion: shipyard/v1\nname: Test Shop\n"
                                              "templates: team-templates   # ours first\n"));

        // Two sources of objects: the loader refuses the entry.
        QFile broken(team + QStringLiteral("/worker/template.yaml"));
        QVERIFY(QDir().mkpath(team + QStringLiteral("/worker")) && broken.open(QIODevice::WriteOnly));
        broken.write("system:\n  manifests: [deploy/]\n  kustomize: deploy/overlays/{environment}\n");
        broken.close();
        const QByteArray before = readAll(ecosystem);
        NewSystem::Request asked = request(ecosystem, QStringLiteral("worker"));
        asked.name = QStringLiteral("jobs");
        const NewSystem::Result refused = NewSystem::create(asked);
        QVERIFY(!refused.succeeded);
        QVERIFY2(refused.error.startsWith(QStringLiteral("with jobs added, %1 would not load:\n").arg(ecosystem)),
            qPrintable(refused.error));
        QVERIFY2(refused.error.contains(QStringLiteral("ecosystem.yaml:")), qPrintable(refused.error));
        QCOMPARE(readAll(ecosystem), before);
        QVERIFY(!QFileInfo::exists(QFileInfo(ecosystem).absolutePath() + QStringLiteral("/systems/jobs")));
    }

    void missingTeamFolder()
    {
        QByteArray withTeam = shop;
        withTeam.replace("name: Test Shop\n", "name: Test Shop\ntemplates: nowhere\n");
        const QString ecosystem = world(withTeam);
        const NewSystem::Result result = NewSystem::create(request(ecosystem));
        QVERIFY(!result.succeeded);
        QVERIFY2(result.error.endsWith(QStringLiteral("templates: %1 is no folder")
                         .arg(QFileInfo(ecosystem).absolutePath() + QStringLiteral("/nowhere"))),
            qPrintable(result.error));
    }
};

QTEST_GUILESS_MAIN(TestNewSystem)
#include "tst_newsystem.moc"
