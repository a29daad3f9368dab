// SPDX-License-Identifier: GPL-2.0-or-later
// The service templates: Shipyard's own, compiled in, and a team's folder,
// whose templates win over them.
#include "templates/TemplateCatalog.h"

#include <QDir>
#include <QFile>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Shipyard;

namespace {

void writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
}

const QMap<QString, QString> values { { QStringLiteral("name"), QStringLiteral("orders") },
    { QStringLiteral("template"), QStringLiteral("backend") },
    { QStringLiteral("image"), QStringLiteral("demo/orders") },
    { QStringLiteral("partOf"), QStringLiteral("demo-shop") },
    { QStringLiteral("ecosystem"), QStringLiteral("Demo Shop") }, { QStringLiteral("port"), QStringLiteral("9000") } };

QStringList pathsOf(const QList<TemplateFile> &files)
{
    QStringList paths;
    for (const TemplateFile &file : files)
        paths.append(file.path);
    return paths;
}

QByteArray contentOf(const QList<TemplateFile> &files, const QString &path)
{
    for (const TemplateFile &file : files) {
        if (file.path == path)
            return file.content;
    }
    return {};
}

} // namespace

class TestTemplateCatalog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void builtInTemplates_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("port");
        QTest::addColumn<bool>("hasService");
        QTest::newRow("frontend") << QStringLiteral("frontend") << 8080 << true;
        QTest::newRow("backend") << QStringLiteral("backend") << 8080 << true;
        QTest::newRow("worker") << QStringLiteral("worker") << 0 << false;
    }

    void builtInTemplates()
    {
        QFETCH(QString, name);
        QFETCH(int, port);
        QFETCH(bool, hasService);
        const TemplateCatalog catalog;
        QCOMPARE(catalog.names(),
            (QStringList { QStringLiteral("backend"), QStringLiteral("frontend"), QStringLiteral("worker") }));
        QString error;
        const std::optional<ServiceTemplate> found = catalog.find(name, &error);
        QVERIFY2(found, qPrintable(error));
        QCOMPARE(keyword(found->kind()), name);
        QCOMPARE(found->port(), port);
        QVERIFY(found->directory().startsWith(TemplateCatalog::builtInDirectory()));
        QCOMPARE(found->systemKeys().value(0).first, QStringLiteral("manifests"));

        QStringList errors;
        const std::optional<QList<TemplateFile>> files = found->render(values, &errors);
        QVERIFY2(files, qPrintable(errors.join(QLatin1Char('\n'))));
        QStringList expected { QStringLiteral(".gitignore"), QStringLiteral("Dockerfile"), QStringLiteral("Makefile"),
            QStringLiteral("README.md"), QStringLiteral("deploy/deployment.yaml"), QStringLiteral("src/main.c"),
            QStringLiteral("src/test.c") };
        if (hasService)
            expected.insert(5, QStringLiteral("deploy/service.yaml"));
        QCOMPARE(pathsOf(*files), expected);
        // Every placeholder of the template filled in; the ecosystem's own stay.
        static const QRegularExpression left(QStringLiteral("(?<!\\$)\\$\\{[a-z]"));
        for (const TemplateFile &file : *files)
            QVERIFY2(!QString::fromUtf8(file.content).contains(left), qPrintable(file.path));
        const QByteArray deployment = contentOf(*files, QStringLiteral("deploy/deployment.yaml"));
        QVERIFY(deployment.contains("  name: orders\n"));
        QVERIFY(deployment.contains("app.kubernetes.io/part-of: demo-shop"));
        QVERIFY(deployment.contains("image: demo/orders\n"));
        QVERIFY(deployment.contains("value: \"${ENVIRONMENT}\""));
        QCOMPARE(deployment.contains("containerPort: 9000"), hasService);
        QVERIFY(contentOf(*files, QStringLiteral("Dockerfile")).contains("COPY bin/orders /orders\n"));
        QVERIFY(contentOf(*files, QStringLiteral("Makefile")).contains("\t$(CC) $(CFLAGS) -static -o $@ src/main.c\n"));
        QVERIFY(contentOf(*files, QStringLiteral("README.md")).startsWith("# orders\n"));
    }

    // A team's folder adds templates and replaces built-in ones of its names.
    void teamFolderWins()
    {
        QTemporaryDir team;
        writeFile(team.filePath(QStringLiteral("backend/template.yaml")),
            "description: Our APIs.\nport: 7000\nsystem:\n  kustomize: k8s/overlays/{environment}\n  build: "
            "./build.sh\n");
        writeFile(team.filePath(QStringLiteral("backend/k8s/base/${name}.yaml")), "name: ${name}\n");
        writeFile(team.filePath(QStringLiteral("grpc/template.yaml")),
            "kind: backend\nsystem:\n  manifests: [deploy/]\n  variables: {GRPC_PORT: \"9090\"}\n");
        writeFile(team.filePath(QStringLiteral("notes/README")), "not a template: no template.yaml\n");
        const TemplateCatalog catalog(team.path());
        QCOMPARE(catalog.names(),
            (QStringList { QStringLiteral("backend"), QStringLiteral("frontend"), QStringLiteral("grpc"),
                QStringLiteral("worker") }));
        QString error;
        const std::optional<ServiceTemplate> backend = catalog.find(QStringLiteral("backend"), &error);
        QVERIFY2(backend, qPrintable(error));
        QCOMPARE(backend->directory(), team.filePath(QStringLiteral("backend")));
        QCOMPARE(backend->kind(), SystemTemplate::Backend);
        QCOMPARE(backend->port(), 7000);
        QCOMPARE(backend->systemKeys().size(), 2);
        QCOMPARE(backend->systemKeys().value(1).second.toString(), QStringLiteral("./build.sh"));
        QStringList errors;
        const std::optional<QList<TemplateFile>> files = backend->render(values, &errors);
        QVERIFY2(files, qPrintable(errors.join(QLatin1Char('\n'))));
        QCOMPARE(pathsOf(*files), QStringList { QStringLiteral("k8s/base/orders.yaml") });
        QCOMPARE(files->value(0).content, QByteArray("name: orders\n"));
        // The built-in ones the team did not replace are still there.
        QVERIFY(catalog.find(QStringLiteral("worker"), &error)->directory().startsWith(QLatin1Char(':')));
        const std::optional<ServiceTemplate> grpc = catalog.find(QStringLiteral("grpc"), &error);
        QVERIFY2(grpc, qPrintable(error));
        QCOMPARE(grpc->systemKeys().value(1).second.toObject().value(QLatin1String("GRPC_PORT")).toString(),
            QStringLiteral("9090"));
    }

    void unknownTemplate()
    {
        QTemporaryDir team;
        writeFile(
            team.filePath(QStringLiteral("grpc/template.yaml")), "kind: backend\nsystem: {manifests: [deploy/]}\n");
        QString error;
        QVERIFY(!TemplateCatalog(team.path()).find(QStringLiteral("backedn"), &error));
        QCOMPARE(
            error, QStringLiteral("no template named 'backedn'; the templates are: backend, frontend, grpc, worker"));
        QVERIFY(!TemplateCatalog().find(QStringLiteral("grpc"), &error));
        QCOMPARE(error, QStringLiteral("no template named 'grpc'; the templates are: backend, frontend, worker"));
    }

    // A team's broken template is refused at the place of its mistake.
    void brokenTemplate_data()
    {
        QTest::addColumn<QByteArray>("description");
        QTest::addColumn<QString>("error");
        QTest::newRow("no kind") << QByteArray("system: {manifests: [deploy/]}\n")
                                 << QStringLiteral("template.yaml:1:1: error:");
        QTest::newRow("unknown kind") << QByteArray("kind: database\nsystem: {manifests: [deploy/]}\n")
                                      << QStringLiteral("template.yaml:1:7: error:");
        QTest::newRow("nested") << QByteArray(
                                       "kind: worker\nsystem:\n  manifests: [deploy/]\n  canary:\n    steps: [50]\n")
                                << QStringLiteral("template.yaml:5:5: error: template grpc: system: 'canary' must be");
        QTest::newRow("reserved") << QByteArray("kind: worker\nsystem:\n  image: x\n")
                                  << QStringLiteral("template.yaml:3:3: error: template grpc: system: 'image' is "
                                                    "written by Shipyard");
        QTest::newRow("no system") << QByteArray("kind: worker\n") << QStringLiteral("template.yaml:1:1: error:");
        QTest::newRow("bad port") << QByteArray("kind: worker\nport: 70000\nsystem: {}\n")
                                  << QStringLiteral("template.yaml:2:7: error:");
    }

    void brokenTemplate()
    {
        QFETCH(QByteArray, description);
        QFETCH(QString, error);
        QTemporaryDir team;
        writeFile(team.filePath(QStringLiteral("grpc/template.yaml")), description);
        QString message;
        QVERIFY(!TemplateCatalog(team.path()).find(QStringLiteral("grpc"), &message));
        QVERIFY2(message.contains(error), qPrintable(message));
    }

    // A placeholder the command does not know is a mistake, named with its place.
    void unknownPlaceholder()
    {
        QTemporaryDir team;
        writeFile(
            team.filePath(QStringLiteral("grpc/template.yaml")), "kind: backend\nsystem: {manifests: [deploy/]}\n");
        writeFile(team.filePath(QStringLiteral("grpc/deploy/service.yaml")),
            "name: ${name}\nport: ${prot}\nreplicas: ${REPLICAS}  # the ecosystem's, left alone\nliteral: $${name}\n");
        writeFile(team.filePath(QStringLiteral("grpc/${team}.txt")), "x\n");
        QString error;
        const std::optional<ServiceTemplate> grpc = TemplateCatalog(team.path()).find(QStringLiteral("grpc"), &error);
        QVERIFY2(grpc, qPrintable(error));
        QStringList errors;
        QVERIFY(!grpc->render(values, &errors));
        QCOMPARE(errors.size(), 2);
        QVERIFY2(errors.value(0).startsWith(QStringLiteral("grpc/${team}.txt: the file name's placeholder ${team}")),
            qPrintable(errors.value(0)));
        QVERIFY2(
            errors.value(1).startsWith(QStringLiteral("grpc/deploy/service.yaml:2:7: the placeholder ${prot} is "
                                                      "not one of ecosystem, image, name, partOf, port, template")),
            qPrintable(errors.value(1)));
        // Without the mistakes: ${REPLICAS} and $${ stay for the delivery.
        writeFile(team.filePath(QStringLiteral("grpc/deploy/service.yaml")),
            "name: ${name}\nreplicas: ${REPLICAS}\nliteral: $${name}\n");
        QFile::remove(team.filePath(QStringLiteral("grpc/${team}.txt")));
        errors.clear();
        const std::optional<QList<TemplateFile>> files = grpc->render(values, &errors);
        QVERIFY2(files, qPrintable(errors.join(QLatin1Char('\n'))));
        QCOMPARE(files->value(0).content, QByteArray("name: orders\nreplicas: ${REPLICAS}\nliteral: $${name}\n"));
    }
};

QTEST_GUILESS_MAIN(TestTemplateCatalog)
#include "tst_templatecatalog.moc"
