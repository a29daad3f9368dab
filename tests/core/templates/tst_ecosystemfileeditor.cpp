// SPDX-License-Identifier: GPL-2.0-or-later
// A system added to an ecosystem file as text: the new item in the file's
// own style, every other byte as it was.
#include "model/EcosystemLoader.h"
#include "templates/EcosystemFileEditor.h"

#include <QTest>

#include <yaml-cpp/yaml.h>

using namespace Shipyard;

namespace {

const EcosystemFileEditor::Entry orders { { QStringLiteral("name"), QStringLiteral("orders") },
    { QStringLiteral("template"), QStringLiteral("backend") },
    { QStringLiteral("repository"), QStringLiteral("systems/orders") },
    { QStringLiteral("image"), QStringLiteral("demo/orders") },
    { QStringLiteral("manifests"), QStringLiteral("[deploy/]") },
    { QStringLiteral("smoke"), QStringLiteral("[make smoke]") } };

const QByteArray environments = "environments:\n  - {name: local, kind: local, context: local, namespace: shop}\n";

QByteArray edited(const QByteArray &data, int *line = nullptr, QByteArray *inserted = nullptr)
{
    QString error;
    const std::optional<EcosystemFileEditor::Result> result = EcosystemFileEditor::appendSystem(data, orders, &error);
    if (!result) {
        qWarning("%s", qPrintable(error));
        return {};
    }
    if (line)
        *line = result->line;
    if (inserted)
        *inserted = result->inserted;
    return result->data;
}

// The result is an ecosystem whose last system is the new one.
void verifyLoads(const QByteArray &data, int systems)
{
    const EcosystemLoadResult loaded = EcosystemLoader().loadData(data, QStringLiteral("ecosystem.yaml"));
    for (const Diagnostic &diagnostic : loaded.diagnostics)
        qWarning("%s", qPrintable(diagnostic.toString()));
    QVERIFY(loaded.ecosystem);
    QCOMPARE(loaded.ecosystem->systems.size(), systems);
    const System &added = loaded.ecosystem->systems.last();
    QCOMPARE(added.name, QStringLiteral("orders"));
    QCOMPARE(added.repository, QStringLiteral("systems/orders"));
    QCOMPARE(added.image, QStringLiteral("demo/orders"));
    QCOMPARE(added.smokeCommands, QStringList { QStringLiteral("make smoke") });
}

} // namespace

class TestEcosystemFileEditor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // The demo's layout: two spaces, a blank line between items, comments
    // at the end of lines and before the next key.
    void blockIndentedByTwo()
    {
        const QByteArray before = "# The shop.\napiVersion: shipyard/v1\nname: Shop   # shown in the title\n\n"
                                  "systems:\n"
                                  "  - name: storefront\n    template: frontend\n    repository: systems/storefront\n"
                                  "    image: demo/storefront     # the registry's repository\n"
                                  "    manifests: [deploy/]\n\n"
                                  "  - name: mailer\n    template: worker\n    repository: systems/mailer\n"
                                  "    image: demo/mailer\n    manifests: [deploy/]\n"
                                  "    smoke:\n      - make smoke   # the last line of the last item\n\n"
                                  "# Where it runs.\n" +
            environments;
        int line = 0;
        const QByteArray after = edited(before, &line);
        const QByteArray expected = "# The shop.\napiVersion: shipyard/v1\nname: Shop   # shown in the title\n\n"
                                    "systems:\n"
                                    "  - name: storefront\n    template: frontend\n    repository: systems/storefront\n"
                                    "    image: demo/storefront     # the registry's repository\n"
                                    "    manifests: [deploy/]\n\n"
                                    "  - name: mailer\n    template: worker\n    repository: systems/mailer\n"
                                    "    image: demo/mailer\n    manifests: [deploy/]\n"
                                    "    smoke:\n      - make smoke   # the last line of the last item\n\n"
                                    "  - name: orders\n    template: backend\n    repository: systems/orders\n"
                                    "    image: demo/orders\n    manifests: [deploy/]\n    smoke: [make smoke]\n\n"
                                    "# Where it runs.\n" +
            environments;
        QCOMPARE(after, expected);
        QCOMPARE(line, 20);
        verifyLoads(after, 3);
    }

    // Four spaces, keys four after the dash, no blank lines between items,
    // and a comment inside the list after its last item (it stays there).
    void blockIndentedByFour()
    {
        const QByteArray before = "apiVersion: shipyard/v1\nname: Shop\nsystems:\n"
                                  "    -   name: storefront\n        template: frontend\n"
                                  "        repository: systems/storefront\n        image: demo/storefront\n"
                                  "        manifests: [deploy/]\n"
                                  "    -   name: mailer\n        template: worker\n        repository: systems/mailer\n"
                                  "        image: demo/mailer\n        manifests: [deploy/]\n"
                                  "    # more to come\n" +
            environments;
        const QByteArray expected =
            "apiVersion: shipyard/v1\nname: Shop\nsystems:\n"
            "    -   name: storefront\n        template: frontend\n"
            "        repository: systems/storefront\n        image: demo/storefront\n"
            "        manifests: [deploy/]\n"
            "    -   name: mailer\n        template: worker\n        repository: systems/mailer\n"
            "        image: demo/mailer\n        manifests: [deploy/]\n"
            "    # more to come\n"
            "    -   name: orders\n        template: backend\n"
            "        repository: systems/orders\n        image: demo/orders\n"
            "        manifests: [deploy/]\n        smoke: [make smoke]\n" +
            environments;
        const QByteArray after = edited(before);
        QCOMPARE(after, expected);
        verifyLoads(after, 3);
    }

    // A list not indented under its key, as some editors write it.
    void blockNotIndented()
    {
        const QByteArray before = "apiVersion: shipyard/v1\nname: Shop\n" + environments +
            "systems:\n- name: mailer\n  template: worker\n  repository: systems/mailer\n  image: demo/mailer\n"
            "  manifests: [deploy/]\n";
        const QByteArray after = edited(before);
        QCOMPARE(after,
            before +
                "- name: orders\n  template: backend\n  repository: systems/orders\n  image: demo/orders\n"
                "  manifests: [deploy/]\n  smoke: [make smoke]\n");
        verifyLoads(after, 2);
    }

    // The last key's list, at the end of a file without a final newline: still without one.
    void withoutTrailingNewline()
    {
        const QByteArray before = "apiVersion: shipyard/v1\nname: Shop\n" + environments +
            "systems:\n  - name: mailer\n    template: worker\n    repository: systems/mailer\n"
            "    image: demo/mailer\n    manifests: [deploy/]  # last";
        const QByteArray after = edited(before);
        QCOMPARE(after,
            before +
                "\n  - name: orders\n    template: backend\n    repository: systems/orders\n    image: demo/orders\n"
                "    manifests: [deploy/]\n    smoke: [make smoke]");
        verifyLoads(after, 2);
    }

    void flowOnOneLine()
    {
        const QByteArray before = "name: Shop\nsystems: [{name: mailer, template: worker, repository: systems/mailer, "
                                  "image: demo/mailer, manifests: [deploy/]}]   # all of them\n" +
            environments;
        const QByteArray after = edited(before);
        QCOMPARE(after,
            "name: Shop\nsystems: [{name: mailer, template: worker, repository: systems/mailer, image: demo/mailer, "
            "manifests: [deploy/]}, {name: orders, template: backend, repository: systems/orders, image: demo/orders, "
            "manifests: [deploy/], smoke: [make smoke]}]   # all of them\n" +
                environments);
        verifyLoads(after, 2);
    }

    // One item a line: the comma goes after the last item, before its
    // comment; the new item gets a line of its own.
    void flowOneItemALine()
    {
        const QByteArray before = "name: Shop\nsystems: [\n"
                                  "    {name: storefront, template: frontend, repository: systems/storefront, image: "
                                  "demo/storefront, manifests: [deploy/]},\n"
                                  "    {name: \"mailer\", template: worker, repository: 'systems/mailer', image: "
                                  "demo/mailer, manifests: [deploy/]}  # the worker ]\n"
                                  "]\n" +
            environments;
        const QByteArray after = edited(before);
        QCOMPARE(after,
            "name: Shop\nsystems: [\n"
            "    {name: storefront, template: frontend, repository: systems/storefront, image: demo/storefront, "
            "manifests: [deploy/]},\n"
            "    {name: \"mailer\", template: worker, repository: 'systems/mailer', image: demo/mailer, manifests: "
            "[deploy/]},  # the worker ]\n"
            "    {name: orders, template: backend, repository: systems/orders, image: demo/orders, manifests: "
            "[deploy/], "
            "smoke: [make smoke]}\n"
            "]\n" +
                environments);
        verifyLoads(after, 3);
    }

    void flowWithTrailingComma()
    {
        const QByteArray before = "name: Shop\nsystems: [\n  {name: mailer, template: worker, repository: "
                                  "systems/mailer, image: demo/mailer, manifests: [deploy/]},\n]\n" +
            environments;
        const QByteArray after = edited(before);
        QCOMPARE(after,
            "name: Shop\nsystems: [\n  {name: mailer, template: worker, repository: systems/mailer, image: "
            "demo/mailer, manifests: [deploy/]},\n  {name: orders, template: backend, repository: systems/orders, "
            "image: demo/orders, manifests: [deploy/], smoke: [make smoke]},\n]\n" +
                environments);
        verifyLoads(after, 2);
    }

    void flowEmpty()
    {
        const QByteArray before = "name: Shop\nsystems: []\n" + environments;
        const QByteArray after = edited(before);
        QCOMPARE(after,
            "name: Shop\nsystems: [{name: orders, template: backend, repository: systems/orders, image: demo/orders, "
            "manifests: [deploy/], smoke: [make smoke]}]\n" +
                environments);
        verifyLoads(after, 1);
    }

    // Items written as flow mappings in a block list: the new one too.
    void flowItemsInABlockList()
    {
        const QByteArray before = "name: Shop\nsystems:\n  - {name: mailer, template: worker, repository: "
                                  "systems/mailer, image: demo/mailer, manifests: [deploy/]}\n" +
            environments;
        const QByteArray after = edited(before);
        QCOMPARE(after,
            "name: Shop\nsystems:\n  - {name: mailer, template: worker, repository: systems/mailer, image: "
            "demo/mailer, manifests: [deploy/]}\n  - {name: orders, template: backend, repository: systems/orders, "
            "image: demo/orders, manifests: [deploy/], smoke: [make smoke]}\n" +
                environments);
        verifyLoads(after, 2);
    }

    void windowsLineEndings()
    {
        QByteArray before = "name: Shop\r\nsystems:\r\n  - name: mailer\r\n    template: worker\r\n"
                            "    repository: systems/mailer\r\n    image: demo/mailer\r\n    manifests: [deploy/]\r\n"
                            "environments:\r\n  - {name: local, kind: local, context: local, namespace: shop}\r\n";
        const QByteArray after = edited(before);
        QVERIFY(after.startsWith(before.left(before.indexOf("environments:"))));
        QVERIFY(after.contains("    manifests: [deploy/]\r\n  - name: orders\r\n    template: backend\r\n"));
        QCOMPARE(after.count('\n'), after.count("\r\n"));
        verifyLoads(after, 2);
    }

    void refusals_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QString>("error");
        QTest::newRow("no systems") << QByteArray("name: Shop\n") << QStringLiteral("no 'systems:' list");
        QTest::newRow("a mapping") << QByteArray("name: Shop\nsystems:\n  mailer: {}\n")
                                   << QStringLiteral("line 2: 'systems' is no list");
        QTest::newRow("flow top") << QByteArray("{name: Shop, systems: []}\n") << QStringLiteral("no block mapping");
        QTest::newRow("not yaml") << QByteArray("name: [Shop\n") << QStringLiteral("error");
    }

    void refusals()
    {
        QFETCH(QByteArray, data);
        QFETCH(QString, error);
        QString message;
        QVERIFY(!EcosystemFileEditor::appendSystem(data, orders, &message));
        QVERIFY2(message.contains(error), qPrintable(message));
    }

    void flowScalars_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("yaml");
        QTest::newRow("plain") << QStringLiteral("make test") << QStringLiteral("make test");
        QTest::newRow("path") << QStringLiteral("systems/orders") << QStringLiteral("systems/orders");
        QTest::newRow("boolean") << QStringLiteral("true") << QStringLiteral("\"true\"");
        QTest::newRow("number") << QStringLiteral("8080") << QStringLiteral("\"8080\"");
        QTest::newRow("comma") << QStringLiteral("a, b") << QStringLiteral("\"a, b\"");
        QTest::newRow("colon") << QStringLiteral("a: b") << QStringLiteral("\"a: b\"");
        QTest::newRow("placeholder") << QStringLiteral("${HOST}") << QStringLiteral("\"${HOST}\"");
        QTest::newRow("quotes") << QStringLiteral("say \"hi\"") << QStringLiteral("\"say \\\"hi\\\"\"");
        QTest::newRow("empty") << QString() << QStringLiteral("\"\"");
        QTest::newRow("dash") << QStringLiteral("-x") << QStringLiteral("\"-x\"");
    }

    void flowScalars()
    {
        QFETCH(QString, text);
        QFETCH(QString, yaml);
        QCOMPARE(EcosystemFileEditor::flowScalar(text), yaml);
        // And read back as the same string, in a flow list too.
        const YAML::Node node = YAML::Load(QString(QLatin1Char('[') + yaml + QLatin1Char(']')).toStdString());
        QCOMPARE(QString::fromStdString(node[0].as<std::string>()), text);
    }
};

QTEST_GUILESS_MAIN(TestEcosystemFileEditor)
#include "tst_ecosystemfileeditor.moc"
