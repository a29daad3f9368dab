// SPDX-License-Identifier: GPL-2.0-or-later
// Branch code never sees Shipyard's credentials, and no secret leaves
// Shipyard in any text: a branch whose script prints everything it can reach
// (its environment, a PEM key, a 100 KiB line with a password across the
// 64 KiB mark, credentials read from a file) is delivered into a namespace of
// the local control plane (fixture `localcluster`) and run through the
// robot's autotests. Its own view of the environment lacks every withheld
// credential and holds those the system passes with `env:`; the live log, the
// release record, the audit journal, the Events and the tracker's comment
// hold none of the values.
#include "DeliveryTestWorld.h"

#include "pipeline/Delivery.h"
#include "pipeline/DeliveryRobot.h"
#include "support/SecretMasker.h"

#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QTest>

#include <algorithm>

using namespace Shipyard;
using namespace Shipyard::TestSupport;

namespace {

QString randomText(int length)
{
    static const QString alphabet = QStringLiteral("abcdefghijkmnopqrstuvwxyz23456789");
    QString text;
    for (int i = 0; i < length; ++i)
        text.append(alphabet.at(QRandomGenerator::global()->bounded(int(alphabet.size()))));
    return text;
}

// A private key in PEM, made of random bytes: nobody's key.
QString randomPem()
{
    QStringList lines { QStringLiteral("-----BEGIN PRIVATE KEY-----") };
    for (int line = 0; line < 25; ++line) {
        QByteArray bytes(48, Qt::Uninitialized);
        for (char &byte : bytes)
            byte = char(QRandomGenerator::global()->bounded(256));
        lines.append(QString::fromLatin1(bytes.toBase64()));
    }
    lines += { QStringLiteral("-----END PRIVATE KEY-----"), QString() };
    return lines.join(QLatin1Char('\n'));
}

// Prints whatever a branch's code can reach; $1 says where it runs. Only
// the test step succeeds.
const char *const leakScript = R"(#!/bin/sh
env > "$LEAK_DIR/env-$1.txt"
echo "leak.sh $1: the environment"
env | sort
if [ "$1" != smoke ]; then
    echo "leak.sh $1: a 100 KiB line"
    head -c 65528 /dev/zero | tr '\0' x; printf '%s' "${PGPASSWORD:-}"; head -c 40000 /dev/zero | tr '\0' y; echo
    echo "leak.sh $1: the key"
fi
printf '%s\n' "${DEPLOY_PRIVATE_KEY:-}"
echo ${DEPLOY_PRIVATE_KEY:-}
echo "leak.sh $1: read elsewhere"
cat "$LEAK_DIR/credentials.txt"
echo "apikey=${REDMINE_APIKEY:-} pg=${PGPASSWORD:-} arguments: $*"
[ "$1" = test ]
)";

} // namespace

class TestDeliverySecrets : public QObject
{
    Q_OBJECT

private:
    DeliveryTestWorld m_world;
    QString m_leakDirectory;
    // Withheld from the branch's commands: the ecosystem's credential
    // variables (names that look like nothing) and well-known secrets.
    QMap<QString, QString> m_withheld;
    // Passed with `env:`: the commands get them, no text shows them.
    QMap<QString, QString> m_passed;

    QStringList secretValues() const
    {
        QStringList values;
        for (const QMap<QString, QString> *secrets : { &m_withheld, &m_passed }) {
            for (auto it = secrets->cbegin(); it != secrets->cend(); ++it) {
                // The registry's username is withheld, but no secret to mask.
                if (it.key() == QLatin1String("SHOP_REGISTRY_USER"))
                    continue;
                values.append(it.value().trimmed());
                for (const QString &line : it.value().split(QLatin1Char('\n'), Qt::SkipEmptyParts))
                    values.append(line);
            }
        }
        return values;
    }

    // What of the secrets TEXT shows: whole values, lines of the key, and
    // pieces of 8 characters or more at the ends of its lines (where a cut
    // would leave them).
    QStringList leaks(const QString &text) const
    {
        QStringList found;
        const QStringList values = secretValues();
        for (const QString &value : values) {
            if (text.contains(value))
                found.append(value.left(12) + QStringLiteral("…"));
        }
        for (const QStringView line : QStringView(text).split(QLatin1Char('\n'))) {
            for (const QString &value : values) {
                for (qsizetype length = 8; length < value.size(); ++length) {
                    if (line.endsWith(QStringView(value).left(length)) ||
                        line.startsWith(QStringView(value).right(length)))
                        found.append(QStringLiteral("a piece of ") + value.left(12) + QStringLiteral("…"));
                }
            }
        }
        found.removeDuplicates();
        return found;
    }

    // The environment a command of the branch wrote for itself.
    QMap<QString, QString> environmentWritten(const QString &where) const
    {
        QFile file(m_leakDirectory + QStringLiteral("/env-") + where + QStringLiteral(".txt"));
        if (!file.open(QIODevice::ReadOnly))
            return {};
        QMap<QString, QString> variables;
        QString last;
        for (const QString &line : QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'))) {
            const qsizetype equals = line.indexOf(QLatin1Char('='));
            const QString name = line.left(equals);
            if (equals > 0 && !name.contains(QLatin1Char(' ')) && name == name.toUpper()) {
                last = name;
                variables.insert(name, line.mid(equals + 1));
            } else if (!last.isEmpty()) {
                variables[last] += QLatin1Char('\n') + line; // the lines of a multi-line value
            }
        }
        return variables;
    }

    void checkEnvironmentWritten(const QString &where)
    {
        const QMap<QString, QString> seen = environmentWritten(where);
        QVERIFY2(seen.contains(QStringLiteral("PATH")), qPrintable(where));
        const QString everything = QStringList(seen.values()).join(QLatin1Char('\n'));
        for (auto it = m_withheld.cbegin(); it != m_withheld.cend(); ++it) {
            QVERIFY2(!seen.contains(it.key()), qPrintable(where + QStringLiteral(": ") + it.key()));
            QVERIFY2(!everything.contains(it.value().trimmed()), qPrintable(where + QStringLiteral(": ") + it.key()));
        }
        for (auto it = m_passed.cbegin(); it != m_passed.cend(); ++it)
            QVERIFY2(seen.value(it.key()).trimmed() == it.value().trimmed(),
                qPrintable(where + QStringLiteral(": ") + it.key() + QStringLiteral(" not passed")));
    }

    // A repository with a bare upstream and a clone holding a branch
    // feature/TASK-leak that adds leak.sh; the clone's path.
    QString repositoryWithLeakyBranch(const QString &root, const QString &task)
    {
        QDir().mkpath(root + QStringLiteral("/seed"));
        const QString git = QStringLiteral("git -c user.name=Test -c user.email=test@example.org ");
        DeliveryTestWorld::run(
            (copyTestSystemCommand(QStringLiteral("catalog"), QStringLiteral("seed")) +
                QStringLiteral(" && cd seed && git init -q -b main && %1 add -A && %1 commit -qm initial").arg(git)),
            root);
        DeliveryTestWorld::run(
            QStringLiteral("git clone -q --bare seed upstream.git && git clone -q upstream.git clone"), root);
        QFile script(root + QStringLiteral("/clone/leak.sh"));
        if (!script.open(QIODevice::WriteOnly))
            qFatal("cannot write leak.sh");
        script.write(leakScript);
        script.close();
        DeliveryTestWorld::run(QStringLiteral("git checkout -q -b feature/%1-leak && %2 add -A && %2 commit -qm '%1 "
                                              "leak' && git checkout -q main")
                                   .arg(task, git),
            root + QStringLiteral("/clone"));
        return root + QStringLiteral("/clone");
    }

    // The ecosystem's credentials, named as no secret is, and how its one system runs.
    static QString ecosystemYaml(const QString &clone, const QString &systemCommands, const QString &environments)
    {
        return QStringLiteral("apiVersion: shipyard/v1\nname: Secret Shop\n"
                              "gating:\n  taskKey: \"SHOP-[0-9]+\"\n  reviewsRequired: 0\n  returnStatus: In Progress\n"
                              "  reviews:\n    kind: trailers\n    tokenEnv: SHOP_REVIEW_AUTH\n"
                              "tracker:\n  kind: file\n  file: tasks.yaml\n  tokenEnv: SHOP_TRACKER_AUTH\n"
                              "registry:\n  url: 127.0.0.1:9\n  insecure: true\n  usernameEnv: SHOP_REGISTRY_USER\n"
                              "  passwordEnv: SHOP_REGISTRY_PASS\n"
                              "rollback:\n  rolloutTimeout: 60s\n"
                              "systems:\n  - name: catalog\n    template: backend\n    repository: %1\n"
                              "    image: demo/catalog\n    manifests: [deploy/]\n%2"
                              "    env: [REDMINE_APIKEY, PGPASSWORD, DEPLOY_PRIVATE_KEY]\n"
                              "environments:\n%3")
            .arg(clone, systemCommands, environments);
    }

    static Ecosystem load(const QString &path, const QString &yaml, const QString &task, const QString &status)
    {
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            qFatal("cannot write the ecosystem");
        file.write(yaml.toUtf8());
        file.close();
        QFile tasks(QFileInfo(path).absoluteDir().filePath(QStringLiteral("tasks.yaml")));
        if (!tasks.open(QIODevice::WriteOnly))
            qFatal("cannot write tasks.yaml");
        tasks.write(QStringLiteral("tasks:\n  - key: %1\n    title: A leaky change\n    status: %2\n")
                .arg(task, status)
                .toUtf8());
        tasks.close();
        const EcosystemLoadResult loaded = EcosystemLoader().loadFile(path);
        for (const Diagnostic &diagnostic : loaded.diagnostics)
            qWarning("%s", qPrintable(diagnostic.toString()));
        if (!loaded.ecosystem)
            qFatal("the test ecosystem does not load");
        return *loaded.ecosystem;
    }

    static QString readFile(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
    }

    // The lines between two of leak.sh's headings, joined: pieces of one line.
    static QString between(const QStringList &lines, const QString &first, const QString &next)
    {
        const qsizetype from = lines.indexOf(first);
        const qsizetype to = lines.indexOf(next, from + 1);
        if (from < 0 || to < 0)
            return {};
        return lines.mid(from + 1, to - from - 1).join(QString());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_world.isValid());
        m_leakDirectory = m_world.filePath(QStringLiteral("leak"));
        QVERIFY(QDir().mkpath(m_leakDirectory));
        m_withheld = {
            { QStringLiteral("SHOP_TRACKER_AUTH"), QStringLiteral("trk-") + randomText(24) },
            { QStringLiteral("SHOP_REVIEW_AUTH"), QStringLiteral("rev-") + randomText(24) },
            { QStringLiteral("SHOP_REGISTRY_PASS"), QStringLiteral("reg-") + randomText(24) },
            { QStringLiteral("SHOP_REGISTRY_USER"), QStringLiteral("registry-user-") + randomText(8) },
            { QStringLiteral("GITHUB_TOKEN"), QStringLiteral("ghp_") + randomText(36) },
            { QStringLiteral("AWS_SECRET_ACCESS_KEY"), randomText(40) },
        };
        m_passed = {
            { QStringLiteral("REDMINE_APIKEY"), randomText(40) },
            { QStringLiteral("PGPASSWORD"), QStringLiteral("pg-") + randomText(20) },
            { QStringLiteral("DEPLOY_PRIVATE_KEY"), randomPem() },
        };
        for (const QMap<QString, QString> *secrets : { &m_withheld, &m_passed }) {
            for (auto it = secrets->cbegin(); it != secrets->cend(); ++it)
                qputenv(it.key().toUtf8().constData(), it.value().toUtf8());
        }
        qputenv("LEAK_DIR", QFile::encodeName(m_leakDirectory));
        // What the branch finds elsewhere (a file it was not meant to read):
        // the ecosystem's credentials, whose names mean nothing to a pattern.
        QFile credentials(m_leakDirectory + QStringLiteral("/credentials.txt"));
        QVERIFY(credentials.open(QIODevice::WriteOnly));
        for (const char *name : { "SHOP_TRACKER_AUTH", "SHOP_REVIEW_AUTH", "SHOP_REGISTRY_PASS", "GITHUB_TOKEN" })
            credentials.write(name + QByteArray("=") + m_withheld.value(QLatin1String(name)).toUtf8() + '\n');
    }

    void deliveryKeepsSecretsFromTheBranchAndItsText()
    {
        SHIPYARD_REQUIRE_CLUSTER();
        const QString ns = m_world.newNamespace();
        const QString root = m_world.filePath(ns);
        const QString clone = repositoryWithLeakyBranch(root, QStringLiteral("SHOP-7"));
        // A smoke command that names two credentials on its command line
        // (written into the file by mistake): the reason, the audit line and
        // the Event quote it.
        const QString trackerToken = m_withheld.value(QStringLiteral("SHOP_TRACKER_AUTH"));
        const QString apiKey = m_passed.value(QStringLiteral("REDMINE_APIKEY"));
        const Ecosystem ecosystem = load(root + QStringLiteral("/eco/ecosystem.yaml"),
            ecosystemYaml(clone,
                QStringLiteral("    test: sh leak.sh test\n    smoke: [\"sh leak.sh smoke '%1' '%2'\"]\n")
                    .arg(trackerToken, apiKey),
                QStringLiteral("  - name: test\n    kind: local\n    context: local\n    namespace: %1\n").arg(ns)),
            QStringLiteral("SHOP-7"), QStringLiteral("In Progress"));

        Delivery::Options options = m_world.options();
        options.verifyImages = false; // the registry is named for its credentials only
        Delivery delivery(ecosystem, QStringLiteral("test"),
            { { QStringLiteral("catalog"), QStringLiteral("feature/SHOP-7-leak"), QStringLiteral("demo/catalog:v1") } },
            options);
        QStringList live;
        connect(
            &delivery, &Delivery::logLine, this, [&live](const QString &line) { live.append(line); },
            Qt::DirectConnection);
        QElapsedTimer clock;
        clock.start();
        delivery.start();
        QVERIFY(delivery.wait(std::chrono::minutes(5)));
        qInfo("the leaky delivery, its smoke failure and rollback: %lld ms", qint64(clock.elapsed()));
        const Delivery::Result result = delivery.result();
        QCOMPARE(result.outcome, Delivery::Outcome::RolledBack);
        QCOMPARE(result.failedStep, QStringLiteral("smoke"));
        QCOMPARE(result.returnedTasks, QStringList { QStringLiteral("SHOP-7") });

        // What the branch's commands saw.
        checkEnvironmentWritten(QStringLiteral("test"));
        checkEnvironmentWritten(QStringLiteral("smoke"));

        // The live log: every line masked, the long line cut outside the password.
        QCOMPARE(live.join(QLatin1Char('\n')), delivery.log());
        QVERIFY2(leaks(delivery.log()).isEmpty(), qPrintable(leaks(delivery.log()).join(QLatin1Char('\n'))));
        QVERIFY(live.contains(QStringLiteral("apikey=*** pg=*** arguments: smoke *** ***")));
        QVERIFY(live.contains(QStringLiteral("SHOP_TRACKER_AUTH=***")));
        QCOMPARE(between(live, QStringLiteral("leak.sh test: a 100 KiB line"), QStringLiteral("leak.sh test: the key")),
            QString(65528, QLatin1Char('x')) + SecretMasker::replacement() + QString(40000, QLatin1Char('y')));
        const auto withheldLine = std::find_if(live.cbegin(), live.cend(),
            [](const QString &line) { return line.startsWith(QLatin1String("catalog: its commands run without")); });
        QVERIFY(withheldLine != live.cend());
        for (const QString &name : m_withheld.keys())
            QVERIFY2(withheldLine->contains(name), qPrintable(*withheldLine));
        QVERIFY2(!withheldLine->contains(QLatin1String("PGPASSWORD")), qPrintable(*withheldLine));
        QVERIFY(!result.reason.contains(trackerToken));
        QVERIFY2(result.reason.contains(QLatin1String("sh leak.sh smoke '***' '***'")), qPrintable(result.reason));

        // The stored record, as kubectl shows it.
        const QString records = QString::fromUtf8(kubectl(QStringLiteral("local"),
            { QStringLiteral("-n"), ns, QStringLiteral("get"), QStringLiteral("configmap"), QStringLiteral("-o"),
                QStringLiteral("json") }));
        QVERIFY(records.contains(QLatin1String("shipyard-release-")));
        QVERIFY2(records.contains(QLatin1String("apikey=*** pg=***")), "the record keeps the smoke output");
        QVERIFY2(leaks(records).isEmpty(), qPrintable(leaks(records).join(QLatin1Char('\n'))));
        const QList<ReleaseRecord> stored = DeliveryTestWorld::storeFor(ns).list();
        QVERIFY(!stored.isEmpty());
        const QStringList recordLog = stored.first().log;
        QCOMPARE(
            between(recordLog, QStringLiteral("leak.sh test: a 100 KiB line"), QStringLiteral("leak.sh test: the key")),
            QString(65528, QLatin1Char('x')) + SecretMasker::replacement() + QString(40000, QLatin1Char('y')));

        // The audit journal and the Events.
        const QString journal = readFile(options.auditJournal);
        QVERIFY2(journal.contains(QLatin1String("sh leak.sh smoke '***' '***'")), qPrintable(journal));
        QVERIFY2(leaks(journal).isEmpty(), qPrintable(leaks(journal).join(QLatin1Char('\n'))));
        const QString events = QString::fromUtf8(kubectl(QStringLiteral("local"),
            { QStringLiteral("-n"), ns, QStringLiteral("get"), QStringLiteral("events"), QStringLiteral("-o"),
                QStringLiteral("json") }));
        QVERIFY2(events.contains(QLatin1String("ShipyardDeliver")), qPrintable(events));
        QVERIFY2(leaks(events).isEmpty(), qPrintable(leaks(events).join(QLatin1Char('\n'))));

        // The tracker's comment.
        const QString tasks = readFile(root + QStringLiteral("/eco/tasks.yaml"));
        QVERIFY2(tasks.contains(QLatin1String("the step \\\"smoke\\\" failed")), qPrintable(tasks));
        QVERIFY2(tasks.contains(QLatin1String("apikey=*** pg=***")), qPrintable(tasks));
        QVERIFY2(leaks(tasks).isEmpty(), qPrintable(leaks(tasks).join(QLatin1Char('\n'))));
    }

    void robotAutotestsKeepSecretsFromTheBranchAndItsText()
    {
        const QString root = m_world.filePath(QStringLiteral("robot"));
        const QString clone = repositoryWithLeakyBranch(root, QStringLiteral("SHOP-8"));
        const Ecosystem ecosystem = load(root + QStringLiteral("/eco/ecosystem.yaml"),
            ecosystemYaml(clone, QStringLiteral("    test: sh leak.sh autotest\n"),
                QStringLiteral("  - name: dev\n    kind: local\n    context: local\n    namespace: unused\n")),
            QStringLiteral("SHOP-8"), QStringLiteral("Awaiting Autotests"));

        DeliveryRobot::Options options;
        options.auditJournal = m_world.filePath(QStringLiteral("robot-audit.jsonl"));
        options.autotestResults = m_world.filePath(QStringLiteral("autotests.json"));
        QStringList live;
        const DeliveryRobot::PassResult pass =
            DeliveryRobot(ecosystem, options).runOnce([&live](const QString &line) { live.append(line); });
        QVERIFY2(pass.error.isEmpty(), qPrintable(pass.error));
        QCOMPARE(pass.actions.size(), 1);
        QCOMPARE(pass.actions.first().stage, QStringLiteral("autotests"));
        QVERIFY(!pass.actions.first().succeeded);

        checkEnvironmentWritten(QStringLiteral("autotest"));

        const QString log = live.join(QLatin1Char('\n'));
        QVERIFY2(leaks(log).isEmpty(), qPrintable(leaks(log).join(QLatin1Char('\n'))));
        QVERIFY(live.contains(QStringLiteral("apikey=*** pg=*** arguments: autotest")));
        QCOMPARE(between(live, QStringLiteral("leak.sh autotest: a 100 KiB line"),
                     QStringLiteral("leak.sh autotest: the key")),
            QString(65528, QLatin1Char('x')) + SecretMasker::replacement() + QString(40000, QLatin1Char('y')));
        QVERIFY(std::any_of(live.cbegin(), live.cend(), [](const QString &line) {
            return line.startsWith(QLatin1String("catalog: its commands run without")) &&
                line.contains(QLatin1String("SHOP_TRACKER_AUTH"));
        }));
        QVERIFY2(leaks(pass.actions.first().detail).isEmpty(), qPrintable(pass.actions.first().detail));

        const QString tasks = readFile(root + QStringLiteral("/eco/tasks.yaml"));
        QVERIFY2(tasks.contains(QLatin1String("the step \\\"test\\\" failed")), qPrintable(tasks));
        QVERIFY2(tasks.contains(QLatin1String("apikey=*** pg=***")), qPrintable(tasks));
        QVERIFY2(leaks(tasks).isEmpty(), qPrintable(leaks(tasks).join(QLatin1Char('\n'))));
    }
};

QTEST_GUILESS_MAIN(TestDeliverySecrets)
#include "tst_delivery_secrets.moc"
