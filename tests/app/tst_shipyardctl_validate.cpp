// SPDX-License-Identifier: GPL-2.0-or-later
// `shipyardctl validate` as scripts and editors use it: exit codes and the
// FILE:LINE:COL message format.
#include <QDir>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run shipyardctl(const QStringList &arguments, const QString &language = QStringLiteral("en"))
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LANGUAGE"), language);
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(SHIPYARD_BINARY_DIR "/bin/shipyardctl"), arguments);
    if (!process.waitForFinished(60000))
        return {};
    return { process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
        QString::fromUtf8(process.readAllStandardError()) };
}

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &content)
{
    QFile file(dir.filePath(name));
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(content);
    return file.fileName();
}

} // namespace

class tst_ShipyardctlValidate : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void validDemo()
    {
        const Run run = shipyardctl(
            { QStringLiteral("validate"), QStringLiteral(SHIPYARD_SOURCE_DIR "/resources/demo/ecosystem.yaml") });
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(QStringLiteral("valid ecosystem 'Demo Shop': 3 systems, 4 environments, 12 "
                                                 "renderings checked")),
            qPrintable(run.out));
        QVERIFY2(run.err.isEmpty(), qPrintable(run.err));
    }

    // Every chart, overlay and placeholder rendered for every environment it
    // goes to, with the real helm and kubectl; a failure at the source's line.
    void sourceThatDoesNotRenderFailsAtItsLine()
    {
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("web/chart/templates")));
        QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("jobs/deploy")));
        writeFile(dir, QStringLiteral("web/chart/Chart.yaml"), "apiVersion: v2\nname: web\nversion: 1.0.0\n");
        writeFile(dir, QStringLiteral("web/chart/templates/d.yaml"),
            "{{- if eq .Release.Namespace \"shop-production\" }}{{ fail \"production needs a database\" }}{{ end }}\n"
            "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: web}\n");
        writeFile(dir, QStringLiteral("jobs/deploy/cm.yaml"),
            "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: jobs}\ndata: {host: \"${HOST}\"}\n");
        const QString path = writeFile(dir, QStringLiteral("shop.yaml"),
            "name: Shop\nsystems:\n"
            "  - {name: web, template: frontend, repository: web, image: shop/web, helm: {chart: chart}}\n"
            "  - {name: jobs, template: worker, repository: jobs, image: shop/jobs, manifests: [deploy/]}\n"
            "environments:\n"
            "  - {name: staging, kind: local, context: c, namespace: shop-staging, variables: {HOST: s.example}}\n"
            "  - {name: production, kind: local, context: c, namespace: shop-production}\n");
        const Run run = shipyardctl({ QStringLiteral("validate"), path });
        QCOMPARE(run.exitCode, 1);
        const QStringList lines = run.err.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        QVERIFY2(lines[0].startsWith(path +
                     QStringLiteral(":3:77: error: system 'web' does not render for environment 'production': helm "
                                    "template of chart for environment 'production' failed: exit code 1: ")),
            qPrintable(run.err));
        QVERIFY2(lines[0].contains(QStringLiteral("production needs a database")), qPrintable(run.err));
        QVERIFY2(lines[1].startsWith(path +
                     QStringLiteral(":4:83: error: system 'jobs' does not render for environment 'production': "
                                    "deploy/cm.yaml:4:15: unknown variable ${HOST}")),
            qPrintable(run.err));
        const Run quick = shipyardctl({ QStringLiteral("validate"), QStringLiteral("--no-render"), path });
        QCOMPARE(quick.exitCode, 0);
    }

    void invalidFileListsEveryProblem()
    {
        QTemporaryDir dir;
        const QString path = writeFile(dir, QStringLiteral("bad.yaml"),
            "name: Shop\nname: Again\nsystems:\n  - name: api\n    templat: backend\n"
            "environments: []\n");
        const Run run = shipyardctl({ QStringLiteral("validate"), path });
        QCOMPARE(run.exitCode, 1);
        const QStringList lines = run.err.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QVERIFY2(lines.contains(path + QStringLiteral(":2:1: error: duplicate key 'name' (first defined at line 1)")),
            qPrintable(run.err));
        QVERIFY2(lines.contains(path +
                     QStringLiteral(":5:5: warning: system 'api': unknown key 'templat' (did you mean 'template'?)")),
            qPrintable(run.err));
        QVERIFY2(lines.contains(path + QStringLiteral(":4:5: error: system 'api': missing required field 'template'")),
            qPrintable(run.err));
        for (const QString &line : lines)
            QVERIFY2(line.startsWith(path + QLatin1Char(':')), qPrintable(line));
        QVERIFY(run.out.isEmpty());
    }

    // The team's `templates:` folder is checked too: a folder that is not
    // there at the key, a broken template.yaml at its own place.
    void teamTemplatesAreChecked()
    {
        QTemporaryDir dir;
        const QByteArray ecosystem = "name: Shop\ntemplates: service-templates\nsystems:\n"
                                     "  - {name: a, template: worker, repository: r, image: i, manifests: [m]}\n"
                                     "environments:\n  - {name: l, kind: local, context: c, namespace: n}\n";
        const QString path = writeFile(dir, QStringLiteral("eco.yaml"), ecosystem);
        Run run = shipyardctl({ QStringLiteral("validate"), QStringLiteral("--no-render"), path });
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(path + QStringLiteral(":2:12: error: templates: ") +
                     QDir::toNativeSeparators(dir.filePath(QStringLiteral("service-templates"))) +
                     QStringLiteral(" is no folder")),
            qPrintable(run.err));

        QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("service-templates/grpc")));
        QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("service-templates/cron")));
        writeFile(dir, QStringLiteral("service-templates/grpc/template.yaml"), "kind: database\nsystem: {}\n");
        writeFile(dir, QStringLiteral("service-templates/cron/template.yaml"), "kind: worker\nsystem: {}\n");
        run = shipyardctl({ QStringLiteral("validate"), QStringLiteral("--no-render"), path });
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(dir.filePath(QStringLiteral("service-templates/grpc/template.yaml:1:7: error:"))),
            qPrintable(run.err));
        QVERIFY2(!run.err.contains(QStringLiteral("cron")), qPrintable(run.err));

        writeFile(dir, QStringLiteral("service-templates/grpc/template.yaml"), "kind: backend\nsystem: {}\n");
        run = shipyardctl({ QStringLiteral("validate"), QStringLiteral("--no-render"), path });
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.err.isEmpty(), qPrintable(run.err));
    }

    void warningsAloneStillValid()
    {
        QTemporaryDir dir;
        const QString path = writeFile(dir, QStringLiteral("warn.yaml"),
            "name: Shop\ncolour: blue\nsystems:\n"
            "  - {name: a, template: worker, repository: r, image: i, manifests: [m]}\n"
            "environments:\n  - {name: l, kind: local, context: c, namespace: n}\n");
        const Run run = shipyardctl({ QStringLiteral("validate"), path });
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.err.contains(QStringLiteral(":2:1: warning: ecosystem: unknown key 'colour'")));
        QVERIFY(run.out.contains(QStringLiteral("1 warning")));
    }

    // Under the C locale (a server, a container) and in a language without a
    // translation, plurals read as English, not "1 warning(s)".
    void pluralsReadAsEnglishWithoutATranslation_data()
    {
        QTest::addColumn<QString>("locale");
        QTest::addColumn<QString>("language");
        QTest::newRow("C") << QStringLiteral("C") << QString();
        QTest::newRow("French") << QStringLiteral("fr_FR.UTF-8") << QStringLiteral("fr");
    }

    void pluralsReadAsEnglishWithoutATranslation()
    {
        QFETCH(QString, locale);
        QFETCH(QString, language);
        QTemporaryDir dir;
        const QString path = writeFile(dir, QStringLiteral("warn.yaml"),
            "name: Shop\ncolour: blue\nsystems:\n"
            "  - {name: a, template: worker, repository: r, image: i, manifests: [m]}\n"
            "environments:\n  - {name: l, kind: local, context: c, namespace: n}\n");
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("LANGUAGE"));
        if (!language.isEmpty())
            env.insert(QStringLiteral("LANGUAGE"), language);
        env.insert(QStringLiteral("LC_ALL"), locale);
        env.insert(QStringLiteral("LANG"), locale);
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(SHIPYARD_BINARY_DIR "/bin/shipyardctl"), { QStringLiteral("validate"), path });
        QVERIFY(process.waitForFinished(60000));
        const QString out = QString::fromUtf8(process.readAllStandardOutput());
        QCOMPARE(process.exitCode(), 0);
        QVERIFY2(out.contains(QStringLiteral(", 1 warning\n")), qPrintable(out));
    }

    // Approvals read from commit trailers guard production: valid, with a
    // warning at the line that chose them.
    void selfAssertedReviewsWarn()
    {
        QTemporaryDir dir;
        const QString path = writeFile(dir, QStringLiteral("trailers.yaml"),
            "name: Shop\ngating:\n  reviews:\n    kind: trailers\nsystems:\n"
            "  - {name: a, template: worker, repository: r, image: i, manifests: [m]}\n"
            "environments:\n  - {name: prod, kind: production, context: c, namespace: n, approvals: 2}\n");
        const Run run = shipyardctl({ QStringLiteral("validate"), path });
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.err.contains(path +
                     QStringLiteral(":4:11: warning: gating reviews: deliveries into 'prod' need approvals, and "
                                    "commit trailers ('Reviewed-by:') are self-asserted")),
            qPrintable(run.err));
        QVERIFY(run.out.contains(QStringLiteral("1 warning")));
    }

    // A token or a password that would cross the network unencrypted.
    void warnsAboutSecretsOverPlainHttp()
    {
        QTemporaryDir dir;
        const QString path = writeFile(dir, QStringLiteral("http.yaml"),
            "name: Shop\nsystems:\n"
            "  - {name: a, template: worker, repository: r, image: i, manifests: [m]}\n"
            "environments:\n  - {name: l, kind: local, context: c, namespace: n}\n"
            "tracker:\n  kind: jira\n  url: http://jira.example.org\n  tokenEnv: JIRA_TOKEN\n"
            "gating:\n  reviews: {kind: gitlab, url: 'http://gitlab.example.org', project: a/b, tokenEnv: GL}\n"
            "registry:\n  url: registry.example.org:5000\n  insecure: true\n  usernameEnv: U\n  passwordEnv: P\n");
        const Run run = shipyardctl({ QStringLiteral("validate"), path });
        QCOMPARE(run.exitCode, 0);
        const QStringList lines = run.err.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3);
        QVERIFY2(lines.contains(path +
                     QStringLiteral(":8:8: warning: tracker: the token in JIRA_TOKEN would be sent unencrypted to "
                                    "http://jira.example.org, readable by anyone on the way; use https")),
            qPrintable(run.err));
        QVERIFY2(lines.contains(path +
                     QStringLiteral(":11:32: warning: gating reviews: the token in GL would be sent unencrypted to "
                                    "http://gitlab.example.org, readable by anyone on the way; use https")),
            qPrintable(run.err));
        QVERIFY2(lines.contains(path +
                     QStringLiteral(":14:13: warning: registry: its credentials (usernameEnv, passwordEnv) are not "
                                    "sent over plain http (insecure: true), so pushes that need them fail; use "
                                    "https, or set 'sendCredentialsOverHttp: true' to send them unencrypted anyway")),
            qPrintable(run.err));
        QVERIFY2(run.out.contains(QStringLiteral("3 warning")), qPrintable(run.out));
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("missing file") << QStringList { QStringLiteral("validate"), QStringLiteral("/no/such/eco.yaml") }
                                      << QStringLiteral("/no/such/eco.yaml: no such file");
        QTest::newRow("no file") << QStringList { QStringLiteral("validate") }
                                 << QStringLiteral("expected exactly one ecosystem file");
        QTest::newRow("two files") << QStringList { QStringLiteral("validate"), QStringLiteral("a"),
            QStringLiteral("b") } << QStringLiteral("expected exactly one ecosystem file");
        QTest::newRow("unknown option") << QStringList { QStringLiteral("validate"), QStringLiteral("--frobnicate") }
                                        << QStringLiteral("frobnicate");
        QTest::newRow("unknown command") << QStringList { QStringLiteral("frobnicate") }
                                         << QStringLiteral("unknown command 'frobnicate'");
        QTest::newRow("no command") << QStringList {} << QStringLiteral("usage: shipyardctl");
    }
    void usageErrors()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const Run run = shipyardctl(arguments);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(message), qPrintable(run.err));
    }

    void translated_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("message");
        QTest::newRow("German") << QStringLiteral("de") << QStringLiteral("/no/such.yaml: Datei nicht gefunden");
        QTest::newRow("Russian") << QStringLiteral("ru") << QStringLiteral("/no/such.yaml: файл не найден");
        QTest::newRow("English") << QStringLiteral("en") << QStringLiteral("/no/such.yaml: no such file");
    }
    void translated()
    {
        QFETCH(QString, language);
        QFETCH(QString, message);
        const Run run = shipyardctl({ QStringLiteral("validate"), QStringLiteral("/no/such.yaml") }, language);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(message), qPrintable(run.err));
    }

    void directoryIsAnError()
    {
        QTemporaryDir dir;
        const Run run = shipyardctl({ QStringLiteral("validate"), dir.path() });
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("is a directory")), qPrintable(run.err));
    }
};

QTEST_GUILESS_MAIN(tst_ShipyardctlValidate)
#include "tst_shipyardctl_validate.moc"
