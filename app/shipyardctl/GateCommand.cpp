// SPDX-License-Identifier: GPL-2.0-or-later
#include "CtlCommand.h"
#include "Output.h"

#include "gating/PushGate.h"
#include "model/EcosystemLoader.h"
#include "tracker/TrackerFactory.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcessEnvironment>

#include <cstdio>

namespace Shipyard::Ctl {

namespace {

// Who pushes, as the git servers tell their hooks: GitLab's server hooks
// (GL_USERNAME), gitolite (GL_USER), git-http-backend behind a web server
// (REMOTE_USER), else the account the hook runs as (a push over ssh).
QString pusherFromEnvironment()
{
    const QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const char *name : { "GL_USERNAME", "GL_USER", "REMOTE_USER", "USER", "LOGNAME" }) {
        const QString value = environment.value(QLatin1String(name)).trimmed();
        if (!value.isEmpty())
            return value;
    }
    return {};
}

QString repositoryName(const QString &path)
{
    QString name = QFileInfo(QDir::cleanPath(path)).fileName();
    if (name.endsWith(QLatin1String(".git")))
        name.chop(4);
    return name;
}

// The system whose repository is the one the hook runs in: named, or found
// by the repository's directory name ("catalog.git" is catalog's).
const System *systemOf(const Ecosystem &ecosystem, const QString &named, const QString &repository, QString *error)
{
    if (!named.isEmpty()) {
        const System *system = ecosystem.system(named);
        if (!system)
            *error = QStringLiteral("the ecosystem has no system named %1").arg(named);
        return system;
    }
    const QString name = repositoryName(repository);
    const System *found = nullptr;
    for (const System &system : ecosystem.systems) {
        if (repositoryName(system.repository) == name) {
            if (found) {
                *error = QStringLiteral("both %1 and %2 live in a repository named %3: say which with --system")
                             .arg(found->name, system.name, name);
                return nullptr;
            }
            found = &system;
        }
    }
    if (!found)
        *error = QStringLiteral("no system of the ecosystem lives in a repository named %1: say which with --system")
                     .arg(name);
    return found;
}

} // namespace

// The ecosystem's gates at push time: run by a git server as its
// pre-receive hook, or installed as one by `gate install`.
class GateCommand : public CtlCommand
{
    Q_DECLARE_TR_FUNCTIONS(Shipyard::Ctl::GateCommand)
public:
    QString name() const override { return QStringLiteral("gate"); }
    QString summary() const override
    {
        return tr("refuse pushes the delivery would refuse, as a git server's pre-receive hook");
    }

    int run(const QStringList &arguments) override
    {
        QCommandLineParser parser;
        parser.setApplicationDescription(
            tr("shipyardctl gate pre-receive --ecosystem PATH [--system NAME] [--pusher NAME]\n"
               "  reads \"OLD NEW REF\" lines on standard input, as git gives a pre-receive hook, and refuses\n"
               "  the push (exit 1, the reasons on standard error) when a branch names no task, when its\n"
               "  task's status does not allow updates, or when someone not in gating.upstreamPushers\n"
               "  pushes to the system's upstream branch.\n"
               "shipyardctl gate install REPOSITORY --ecosystem PATH [--system NAME]\n"
               "  writes REPOSITORY's hooks/pre-receive to run the above."));
        parser.addPositionalArgument(QStringLiteral("action"), tr("pre-receive or install"));
        parser.addOption({ QStringLiteral("ecosystem"), tr("the ecosystem file"), tr("PATH") });
        parser.addOption({ QStringLiteral("system"),
            tr("the system whose repository this is (default: found by the repository's name)"), tr("NAME") });
        parser.addOption({ QStringLiteral("pusher"),
            tr("who pushes (default: GL_USERNAME, GL_USER, REMOTE_USER or USER, as the server sets them)"),
            tr("NAME") });
        if (const auto exitCode = parse(parser, arguments))
            return *exitCode;
        const QStringList positional = parser.positionalArguments();
        const QString path = parser.value(QStringLiteral("ecosystem"));
        const QString action = positional.value(0);
        if (path.isEmpty() || (action == QLatin1String("pre-receive") && positional.size() != 1) ||
            (action == QLatin1String("install") && positional.size() != 2) ||
            (action != QLatin1String("pre-receive") && action != QLatin1String("install"))) {
            err() << arguments[0] << ": "
                  << tr("usage: shipyardctl gate pre-receive --ecosystem PATH [--system NAME] [--pusher NAME]\n"
                        "       shipyardctl gate install REPOSITORY --ecosystem PATH [--system NAME]")
                  << '\n';
            return UsageError;
        }
        if (!QFileInfo::exists(path)) {
            err() << arguments[0] << ": " << tr("%1: no such file").arg(path) << '\n';
            return UsageError;
        }
        if (action == QLatin1String("install"))
            return install(arguments[0], positional.at(1), path, parser.value(QStringLiteral("system")));

        const EcosystemLoadResult loaded = EcosystemLoader().loadFile(path);
        for (const Diagnostic &diagnostic : loaded.diagnostics)
            if (diagnostic.isError())
                err() << diagnostic.toString() << '\n';
        // A hook that cannot read its rules refuses: a broken ecosystem
        // file must not open every branch to every push.
        if (!loaded.ecosystem) {
            err() << arguments[0] << ": " << tr("push refused: the ecosystem %1 does not load").arg(path) << '\n';
            return Failure;
        }
        const Ecosystem &ecosystem = *loaded.ecosystem;
        // git runs the hook in the repository with GIT_DIR set, often to ".".
        const QString repository =
            QDir::current().absoluteFilePath(qEnvironmentVariable("GIT_DIR", QStringLiteral(".")));
        QString error;
        const System *system = systemOf(ecosystem, parser.value(QStringLiteral("system")), repository, &error);
        if (!system) {
            err() << arguments[0] << ": " << tr("push refused: %1").arg(error) << '\n';
            return Failure;
        }

        QFile input;
        if (!input.open(stdin, QIODevice::ReadOnly)) {
            err() << arguments[0] << ": " << tr("push refused: cannot read the hook's input") << '\n';
            return Failure;
        }
        const QList<RefUpdate> updates = RefUpdate::parse(input.readAll(), &error);
        if (!error.isEmpty()) {
            err() << arguments[0] << ": " << tr("push refused: %1").arg(error) << '\n';
            return Failure;
        }
        TrackerFactory::Result tracker = TrackerFactory::create(ecosystem);
        const PushGate gate(ecosystem, *system, tracker.tracker.get(), tracker.error.message());
        const QString pusher =
            parser.isSet(QStringLiteral("pusher")) ? parser.value(QStringLiteral("pusher")) : pusherFromEnvironment();
        const QList<PushGate::Refusal> refusals = gate.check(updates, pusher);
        for (const PushGate::Refusal &refusal : refusals)
            err() << tr("Shipyard refuses %1: %2").arg(refusal.ref, refusal.reason) << '\n';
        return refusals.isEmpty() ? Success : Failure;
    }

private:
    // The hook runs this very program with absolute paths, so that it works
    // whatever the server's working directory and PATH.
    static int install(
        const QString &command, const QString &repository, const QString &ecosystem, const QString &system)
    {
        QDir dir(repository);
        if (!dir.exists(QStringLiteral("hooks")) && dir.exists(QStringLiteral(".git/hooks")))
            dir.cd(QStringLiteral(".git"));
        if (!dir.exists(QStringLiteral("hooks"))) {
            err() << command << ": " << tr("%1 is not a git repository (no hooks folder)").arg(repository) << '\n';
            return UsageError;
        }
        const auto quoted = [](const QString &text) -> QString {
            QString escaped = text;
            escaped.replace(QLatin1Char('\''), QLatin1String("'\\''"));
            return QLatin1Char('\'') + escaped + QLatin1Char('\'');
        };
        QString script =
            QStringLiteral("#!/bin/sh\n# Installed by shipyardctl gate install: the ecosystem's gates at push time.\n"
                           "exec %1 gate pre-receive --ecosystem %2")
                .arg(quoted(QCoreApplication::applicationFilePath()), quoted(QFileInfo(ecosystem).absoluteFilePath()));
        if (!system.isEmpty())
            script += QStringLiteral(" --system ") + quoted(system);
        script += QLatin1Char('\n');
        QFile hook(dir.filePath(QStringLiteral("hooks/pre-receive")));
        // Another hook is the server's own business: say how to chain ours
        // rather than replace it.
        if (hook.exists()) {
            QFile existing(hook.fileName());
            const bool ours = !QFileInfo(hook).isSymLink() && existing.open(QIODevice::ReadOnly) &&
                existing.readAll().contains("shipyardctl gate install");
            if (!ours) {
                err() << command << ": "
                      << tr("%1 already exists and is not Shipyard's: have it run \"%2\" with the same input")
                             .arg(hook.fileName(), script.section(QLatin1Char('\n'), 2, 2).mid(5))
                      << '\n';
                return Failure;
            }
        }
        if (!hook.open(QIODevice::WriteOnly | QIODevice::Truncate) || hook.write(script.toUtf8()) < 0) {
            err() << command << ": " << tr("cannot write %1: %2").arg(hook.fileName(), hook.errorString()) << '\n';
            return Failure;
        }
        hook.close();
        hook.setPermissions(hook.permissions() | QFileDevice::ExeOwner | QFileDevice::ExeGroup | QFileDevice::ExeOther);
        out() << tr("installed %1").arg(QFileInfo(hook).absoluteFilePath()) << '\n';
        return Success;
    }
};

SHIPYARDCTL_REGISTER_COMMAND(GateCommand)

} // namespace Shipyard::Ctl
