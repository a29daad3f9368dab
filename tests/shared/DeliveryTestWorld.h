// SPDX-License-Identifier: GPL-2.0-or-later
// The world the delivery tests share: a namespace of their own in the local
// control plane (fixture `localcluster`), the demo systems copied into a
// temporary directory, and an ecosystem whose one environment, "test",
// delivers into that namespace.
#pragma once

#include "ClusterTestSupport.h"
#include "TestSystems.h"

#include "kube/ClusterAccess.h"
#include "model/EcosystemLoader.h"
#include "pipeline/Delivery.h"
#include "releases/ReleaseStore.h"

#include <QMap>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

namespace Shipyard::TestSupport {

class DeliveryTestWorld
{
public:
    // CONTEXT: the kubeconfig context of the environment and its namespaces.
    explicit DeliveryTestWorld(const QString &context = QStringLiteral("local")) : m_context(context) { }
    DeliveryTestWorld(const DeliveryTestWorld &) = delete;
    DeliveryTestWorld &operator=(const DeliveryTestWorld &) = delete;
    ~DeliveryTestWorld()
    {
        for (const QString &ns : std::as_const(m_namespaces))
            kubectl(m_context,
                { QStringLiteral("delete"), QStringLiteral("namespace"), ns, QStringLiteral("--wait=false") });
    }

    bool isValid() const { return m_dir.isValid(); }
    QString filePath(const QString &name) const { return m_dir.filePath(name); }

    static QStringList systemNames()
    {
        return { QStringLiteral("storefront"), QStringLiteral("catalog"), QStringLiteral("mailer") };
    }

    QString newNamespace()
    {
        const QString ns = QStringLiteral("t-delivery-%1-%2")
                               .arg(QCoreApplication::applicationPid())
                               .arg(QRandomGenerator::global()->bounded(100000));
        kubectl(m_context, { QStringLiteral("create"), QStringLiteral("namespace"), ns });
        m_namespaces.append(ns);
        // Pods are refused until the namespace's default service account exists.
        for (int i = 0; i < 100; ++i) {
            int code = 0;
            kubectl(m_context,
                { QStringLiteral("-n"), ns, QStringLiteral("get"), QStringLiteral("serviceaccount"),
                    QStringLiteral("default") },
                &code);
            if (code == 0)
                break;
            QTest::qWait(200);
        }
        return ns;
    }

    // Runs a shell command, failing the test on a non-zero exit.
    static void run(const QString &command, const QString &directory)
    {
        QProcess process;
        process.setWorkingDirectory(directory);
        process.start(QStringLiteral("/bin/sh"), { QStringLiteral("-c"), command });
        QVERIFY(process.waitForFinished(120000));
        QVERIFY2(process.exitCode() == 0,
            qPrintable(command + QStringLiteral(": ") + QString::fromLocal8Bit(process.readAllStandardError())));
    }

    // A shell command's standard output, trimmed.
    static QString output(const QString &command, const QString &directory)
    {
        QProcess process;
        process.setWorkingDirectory(directory);
        process.start(QStringLiteral("/bin/sh"), { QStringLiteral("-c"), command });
        process.waitForFinished(60000);
        return QString::fromUtf8(process.readAllStandardOutput()).trimmed();
    }

    // The demo systems, with short progress deadlines, in an ecosystem whose
    // one environment of KIND delivers into NS. REPOSITORIES: system → path
    // (the others are plain copies); EXTRA: more top-level YAML;
    // ENVIRONMENTEXTRA: more keys of the environment, indented by four.
    Ecosystem ecosystemFor(const QString &ns, const QString &kind = QStringLiteral("local"),
        const QMap<QString, QString> &repositories = {}, const QString &extra = {},
        const QString &environmentExtra = {})
    {
        const QString root = m_dir.filePath(ns);
        QDir().mkpath(root);
        QString systems;
        for (const QString &name : systemNames()) {
            QString repository = repositories.value(name);
            if (repository.isEmpty()) {
                repository = root + QStringLiteral("/systems/") + name;
                copyDemoSystem(name, repository);
            }
            systems += QStringLiteral("  - name: %1\n    template: backend\n    repository: %2\n    image: demo/%1\n   "
                                      " manifests: [deploy/]\n"
                                      "    test: \"true\"\n    smoke: [\"test -n \\\"$SHIPYARD_IMAGE\\\"\"]\n")
                           .arg(name, repository);
        }
        QFile tasks(root + QStringLiteral("/tasks.yaml"));
        if (!tasks.exists()) {
            if (!tasks.open(QIODevice::WriteOnly))
                qFatal("cannot write tasks.yaml");
            tasks.write("tasks:\n  - key: SHOP-7\n    title: A change\n    status: Awaiting Delivery\n");
            tasks.close();
        }
        QString rollback = QStringLiteral("rollback:\n  rolloutTimeout: 60s\n  keepReleases: 5\n");
        QString rest = extra;
        if (rest.contains(QLatin1String("rollback:\n"))) {
            rollback.clear();
        }
        const QString yaml =
            QStringLiteral("apiVersion: shipyard/v1\nname: Test Shop\n"
                           "gating:\n  taskKey: \"SHOP-[0-9]+\"\n  reviewsRequired: 0\n  returnStatus: In Progress\n"
                           "tracker:\n  kind: file\n  file: tasks.yaml\n%4%5"
                           "systems:\n%1"
                           "environments:\n  - name: test\n    kind: %2\n    context: %6\n"
                           "    namespace: %3\n%7")
                .arg(systems, kind, ns, rollback, rest, m_context, environmentExtra);
        QFile file(root + QStringLiteral("/ecosystem.yaml"));
        if (!file.open(QIODevice::WriteOnly))
            qFatal("cannot write the ecosystem");
        file.write(yaml.toUtf8());
        file.close();
        const EcosystemLoadResult loaded = EcosystemLoader().loadFile(file.fileName());
        if (!loaded.ecosystem) {
            for (const Diagnostic &diagnostic : loaded.diagnostics)
                qWarning("%s", qPrintable(diagnostic.toString()));
            qFatal("the test ecosystem does not load");
        }
        return *loaded.ecosystem;
    }

    // A demo system's files with an 8 s progress deadline, so that a broken
    // rollout is seen quickly.
    static void copyDemoSystem(const QString &name, const QString &directory)
    {
        QDir().mkpath(directory);
        run(copyTestSystemCommand(name, directory), directory);
        run(QStringLiteral("sed -i 's/progressDeadlineSeconds: 60/progressDeadlineSeconds: 8/' deploy/deployment.yaml"),
            directory);
    }

    Delivery::Options options() const
    {
        Delivery::Options options;
        options.cluster = ClusterAccess::load(clusterKubeconfigPath());
        options.auditJournal = m_dir.filePath(QStringLiteral("audit.jsonl"));
        return options;
    }

    // A dated freeze from yesterday to the day after tomorrow: in force now, whatever the time zone.
    static FreezeWindow freezeAroundNow(const QString &reason)
    {
        FreezeWindow freeze;
        freeze.kind = FreezeWindow::Kind::Dated;
        const QDate today = QDateTime::currentDateTimeUtc().date();
        freeze.fromDate = today.addDays(-1);
        freeze.fromTime = QTime(0, 0);
        freeze.toDate = today.addDays(2);
        freeze.toTime = QTime(0, 0);
        freeze.reason = reason;
        return freeze;
    }

    static QList<Delivery::Target> images(const QString &tag)
    {
        QList<Delivery::Target> targets;
        for (const QString &name : systemNames())
            targets.append({ name, {}, QStringLiteral("demo/%1:%2").arg(name, tag) });
        return targets;
    }

    static Delivery::Result deliver(const Ecosystem &ecosystem, const QList<Delivery::Target> &targets,
        const Delivery::Options &options, QString *log = nullptr)
    {
        Delivery delivery(ecosystem, QStringLiteral("test"), targets, options);
        delivery.start();
        if (!delivery.wait(std::chrono::minutes(5)))
            qFatal("the delivery did not end");
        if (log)
            *log = delivery.log();
        if (!delivery.result().succeeded())
            qInfo("%s", qPrintable(delivery.log()));
        return delivery.result();
    }

    static QString imageOf(
        const QString &ns, const QString &deployment, const QString &context = QStringLiteral("local"))
    {
        return QString::fromUtf8(kubectl(context,
            { QStringLiteral("-n"), ns, QStringLiteral("get"), QStringLiteral("deployment"), deployment,
                QStringLiteral("-o"), QStringLiteral("jsonpath={.spec.template.spec.containers[0].image}") }));
    }

    static ReleaseStore storeFor(const QString &ns, const QString &context = QStringLiteral("local"))
    {
        return ReleaseStore(clusterClient(context), ns);
    }

private:
    QString m_context;
    QTemporaryDir m_dir;
    QStringList m_namespaces;
};

} // namespace Shipyard::TestSupport
