// SPDX-License-Identifier: GPL-2.0-or-later
// A small world for showroom tests: the demo's three systems as real git
// repositories in a temporary directory, a file tracker and an ecosystem
// whose showroom environment (named after the process, so concurrent runs
// never meet) puts showrooms in namespaces "sy-test-{task}". Images are
// given, not built, so nothing needs a registry.
#pragma once

#include "LocalCluster.h"
#include "TestSystems.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QMap>
#include <QProcess>
#include <QString>
#include <QStringList>

class ShowroomWorld
{
public:
    struct Settings
    {
        QString ttl = QStringLiteral("2h"); // the showroom environment's
        QString sleepAfter = QStringLiteral("1h");
        QString test = QStringLiteral("true"); // every system's test command
        QString stagingNamespace; // adds an environment "staging" of kind staging there
        int progressDeadline = 8; // seconds, the deployments' progressDeadlineSeconds
    };

    // `root` must exist and be empty. Each system is a clone of a bare
    // repository beside it, as a developer's checkout is.
    explicit ShowroomWorld(const QString &root) : ShowroomWorld(root, Settings()) { }
    ShowroomWorld(const QString &root, const Settings &settings) : m_root(root)
    {
        m_environment = QStringLiteral("qa%1").arg(QCoreApplication::applicationPid());
        for (const QString &name : systems()) {
            const QString seed = m_root + QStringLiteral("/seed/") + name;
            QDir().mkpath(seed);
            run(Shipyard::TestSupport::copyTestSystemCommand(name, seed), m_root);
            run(QStringLiteral(
                    "sed -i 's/progressDeadlineSeconds: 60/progressDeadlineSeconds: %2/' deploy/deployment.yaml && "
                    "git init -q -b main && %1 add -A && %1 commit -qm initial")
                    .arg(git())
                    .arg(settings.progressDeadline),
                seed);
            run(QStringLiteral("git clone -q --bare seed/%1 upstream/%1.git && git clone -q upstream/%1.git systems/%1")
                    .arg(name),
                m_root);
        }
        QString yaml = QStringLiteral("apiVersion: shipyard/v1\nname: Showroom Test\n"
                                      "gating:\n  taskKey: \"SHOP-[0-9]+\"\n  returnStatus: In Progress\n"
                                      "tracker:\n  kind: file\n  file: tasks.yaml\n"
                                      "rollback:\n  rolloutTimeout: 60s\n"
                                      "systems:\n");
        for (const QString &name : systems())
            yaml += QStringLiteral("  - name: %1\n    template: backend\n    repository: systems/%1\n"
                                   "    image: demo/%1\n    manifests: [deploy/]\n    test: \"%2\"\n")
                        .arg(name, settings.test);
        yaml += QStringLiteral("environments:\n  - name: %1\n    kind: showroom\n    context: showroom\n"
                               "    namespacePattern: sy-test-{task}\n    ttl: %2\n    sleepAfter: %3\n")
                    .arg(m_environment, settings.ttl, settings.sleepAfter);
        if (!settings.stagingNamespace.isEmpty())
            yaml += QStringLiteral("  - name: staging\n    kind: staging\n    context: staging\n    namespace: %1\n")
                        .arg(settings.stagingNamespace);
        write(QStringLiteral("ecosystem.yaml"), yaml.toUtf8());
        setTasks({});
    }

    static QStringList systems()
    {
        return { QStringLiteral("storefront"), QStringLiteral("catalog"), QStringLiteral("mailer") };
    }

    // A task key of this process: SHOP-<pid><n>.
    static QString task(int n) { return QStringLiteral("SHOP-%1%2").arg(QCoreApplication::applicationPid()).arg(n); }
    static QString namespaceOf(const QString &task) { return QStringLiteral("sy-test-") + task.toLower(); }

    QString ecosystemPath() const { return m_root + QStringLiteral("/ecosystem.yaml"); }
    QString environment() const { return m_environment; }
    QString repositoryOf(const QString &system) const { return m_root + QStringLiteral("/systems/") + system; }

    // task → status, written as the file tracker reads it.
    void setTasks(const QMap<QString, QString> &statuses)
    {
        QByteArray text = "tasks:\n";
        for (auto it = statuses.cbegin(); it != statuses.cend(); ++it)
            text += QStringLiteral("  - key: %1\n    title: Test task\n    status: %2\n")
                        .arg(it.key(), it.value())
                        .toUtf8();
        write(QStringLiteral("tasks.yaml"), text);
    }

    // A branch naming `task` in `system`, one commit ahead of main (adding
    // src/FILE, default TASK.txt), reviewed by one reviewer unless REVIEWED
    // is false; its commit id.
    QString addBranch(const QString &system, const QString &task, const QString &file = {}, bool reviewed = true)
    {
        const QString branch = QStringLiteral("feature/%1-work").arg(task);
        run(QStringLiteral("git checkout -q -b %1 main && echo %2 > src/%4 && %3 add -A && %3 commit -qm '%2' %5 && "
                           "git checkout -q main")
                .arg(branch, task, git(), file.isEmpty() ? task + QStringLiteral(".txt") : file,
                    reviewed ? QStringLiteral("-m 'Reviewed-by: Carol <carol@example.org>'") : QString()),
            repositoryOf(system));
        return head(system, branch);
    }

    // The commit `revision` names in the bare repository the clone pushes to.
    QString upstreamHead(const QString &system, const QString &revision = QStringLiteral("main")) const
    {
        QProcess process;
        process.start(QStringLiteral("git"),
            { QStringLiteral("--git-dir"), m_root + QStringLiteral("/upstream/") + system + QStringLiteral(".git"),
                QStringLiteral("rev-parse"), revision });
        process.waitForFinished(30000);
        return QString::fromLatin1(process.readAllStandardOutput()).trimmed();
    }

    // The task's status and its comments, as the file tracker wrote them.
    QString tasksFile() const
    {
        QFile file(m_root + QStringLiteral("/tasks.yaml"));
        return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
    }

    // Lands a branch in main (fast-forward), as a finished delivery does.
    void mergeIntoMain(const QString &system, const QString &task)
    {
        run(QStringLiteral("git merge -q --ff-only feature/%1-work").arg(task), repositoryOf(system));
    }

    QString head(const QString &system, const QString &revision = QStringLiteral("main")) const
    {
        QProcess process;
        process.setWorkingDirectory(repositoryOf(system));
        process.start(QStringLiteral("git"), { QStringLiteral("rev-parse"), revision });
        process.waitForFinished(30000);
        return QString::fromLatin1(process.readAllStandardOutput()).trimmed();
    }

    // Whatever this process's showrooms left behind.
    void deleteShowrooms() const
    {
        LocalCluster::kubectl(QStringLiteral("showroom"),
            { QStringLiteral("delete"), QStringLiteral("namespace"), QStringLiteral("-l"),
                QStringLiteral("shipyard.dev/environment=") + m_environment, QStringLiteral("--wait=false") });
    }

    static bool run(const QString &command, const QString &directory)
    {
        QProcess process;
        process.setWorkingDirectory(directory);
        process.start(QStringLiteral("/bin/sh"), { QStringLiteral("-c"), command });
        if (!process.waitForFinished(60000) || process.exitCode() != 0) {
            qWarning("%s: %s", qPrintable(command), process.readAllStandardError().constData());
            return false;
        }
        return true;
    }

private:
    static QString git() { return QStringLiteral("git -c user.name=Test -c user.email=test@example.org"); }

    void write(const QString &name, const QByteArray &text) const
    {
        QFile file(m_root + QLatin1Char('/') + name);
        if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size())
            qFatal("cannot write %s", qPrintable(file.fileName()));
    }

    QString m_root;
    QString m_environment;
};
