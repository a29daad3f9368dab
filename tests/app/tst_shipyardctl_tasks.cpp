// SPDX-License-Identifier: GPL-2.0-or-later
// `shipyardctl tasks` on a real git repository and the file tracker: every
// branch with its task, status, approvals and gates.
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

bool git(const QString &dir, const QStringList &arguments)
{
    QProcess process;
    process.setWorkingDirectory(dir);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("GIT_AUTHOR_NAME"), QStringLiteral("Alice"));
    env.insert(QStringLiteral("GIT_AUTHOR_EMAIL"), QStringLiteral("alice@example.org"));
    env.insert(QStringLiteral("GIT_COMMITTER_NAME"), QStringLiteral("Alice"));
    env.insert(QStringLiteral("GIT_COMMITTER_EMAIL"), QStringLiteral("alice@example.org"));
    process.setProcessEnvironment(env);
    process.start(QStringLiteral("git"), arguments);
    return process.waitForFinished(30000) && process.exitCode() == 0;
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

QJsonObject branchNamed(const QJsonArray &branches, const QString &name)
{
    for (const QJsonValue &branch : branches) {
        if (branch.toObject().value(QLatin1String("name")).toString() == name)
            return branch.toObject();
    }
    return {};
}

QString gateState(const QJsonObject &branch, const QString &gate)
{
    const QJsonArray gates = branch.value(QLatin1String("gates")).toArray();
    for (const QJsonValue &verdict : gates) {
        if (verdict.toObject().value(QLatin1String("gate")).toString() == gate)
            return verdict.toObject().value(QLatin1String("state")).toString();
    }
    return {};
}

} // namespace

class tst_ShipyardctlTasks : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void branchesWithTheirGates()
    {
        QTemporaryDir dir;
        const QString repo = dir.filePath(QStringLiteral("api"));
        QVERIFY(QDir().mkpath(repo));
        QVERIFY(
            git(repo, { QStringLiteral("init"), QStringLiteral("-q"), QStringLiteral("-b"), QStringLiteral("main") }));
        QVERIFY(writeFile(repo + QStringLiteral("/README"), "api\n"));
        QVERIFY(git(repo, { QStringLiteral("add"), QStringLiteral(".") }));
        QVERIFY(git(repo, { QStringLiteral("commit"), QStringLiteral("-qm"), QStringLiteral("Start") }));
        QVERIFY(
            git(repo, { QStringLiteral("checkout"), QStringLiteral("-qb"), QStringLiteral("feature/SHOP-1-prices") }));
        QVERIFY(writeFile(repo + QStringLiteral("/prices"), "42\n"));
        QVERIFY(git(repo, { QStringLiteral("add"), QStringLiteral(".") }));
        QVERIFY(git(repo,
            { QStringLiteral("commit"), QStringLiteral("-qm"),
                QStringLiteral("Show prices\n\nReviewed-by: Bob <bob@example.org>") }));
        QVERIFY(git(repo,
            { QStringLiteral("checkout"), QStringLiteral("-qb"), QStringLiteral("experiment"),
                QStringLiteral("main") }));

        QVERIFY(writeFile(dir.filePath(QStringLiteral("tasks.yaml")),
            "tasks:\n  - {key: SHOP-1, title: Show prices, status: For Delivery, assignee: alice}\n"));
        const QString ecosystem = dir.filePath(QStringLiteral("eco.yaml"));
        QVERIFY(writeFile(ecosystem,
            "name: Shop\n"
            "gating: {taskKey: 'SHOP-[0-9]+', reviewsRequired: 1}\n"
            "systems:\n  - {name: api, template: backend, repository: api, image: shop/api, manifests: [deploy/]}\n"
            "environments:\n  - {name: staging, kind: staging, context: staging, namespace: shop}\n"));

        QProcess shipyardctl;
        shipyardctl.start(QStringLiteral(SHIPYARD_BINARY_DIR "/bin/shipyardctl"),
            { QStringLiteral("tasks"), QStringLiteral("--ecosystem"), ecosystem, QStringLiteral("--output"),
                QStringLiteral("json") });
        QVERIFY(shipyardctl.waitForFinished(60000));
        const QByteArray output = shipyardctl.readAllStandardOutput();
        QCOMPARE(shipyardctl.exitCode(), 0);
        const QJsonObject root = QJsonDocument::fromJson(output).object();
        const QJsonArray branches = root.value(QLatin1String("systems"))
                                        .toArray()
                                        .first()
                                        .toObject()
                                        .value(QLatin1String("branches"))
                                        .toArray();

        const QJsonObject feature = branchNamed(branches, QStringLiteral("feature/SHOP-1-prices"));
        QVERIFY2(!feature.isEmpty(), output.constData());
        QCOMPARE(feature.value(QLatin1String("task")).toString(), QStringLiteral("SHOP-1"));
        QCOMPARE(feature.value(QLatin1String("status")).toString(), QStringLiteral("For Delivery"));
        QCOMPARE(feature.value(QLatin1String("approvals")).toInt(), 1);
        QCOMPARE(gateState(feature, QStringLiteral("task-key")), QStringLiteral("passed"));
        QCOMPARE(gateState(feature, QStringLiteral("approvals")), QStringLiteral("passed"));
        QCOMPARE(gateState(feature, QStringLiteral("merge-status")), QStringLiteral("passed"));
        // "For Delivery" does not allow further branch updates.
        QCOMPARE(gateState(feature, QStringLiteral("branch-update-status")), QStringLiteral("failed"));
        QCOMPARE(gateState(feature, QStringLiteral("clean-integration")), QStringLiteral("passed"));

        const QJsonObject experiment = branchNamed(branches, QStringLiteral("experiment"));
        QVERIFY2(!experiment.isEmpty(), output.constData());
        QVERIFY(experiment.value(QLatin1String("task")).isNull());
        QCOMPARE(gateState(experiment, QStringLiteral("task-key")), QStringLiteral("failed"));
    }
};

QTEST_GUILESS_MAIN(tst_ShipyardctlTasks)
#include "tst_shipyardctl_tasks.moc"
