// SPDX-License-Identifier: GPL-2.0-or-later
#include "CtlCommand.h"
#include "Output.h"

#include "templates/NewSystem.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

namespace Shipyard::Ctl {

class NewCommand : public CtlCommand
{
    Q_DECLARE_TR_FUNCTIONS(Shipyard::Ctl::NewCommand)
public:
    QString name() const override { return QStringLiteral("new"); }
    QString summary() const override
    {
        return tr("new system NAME --template T: a repository from a service template, added to the ecosystem");
    }

    int run(const QStringList &arguments) override
    {
        QCommandLineParser parser;
        parser.addPositionalArgument(QStringLiteral("system"), tr("what to make (only 'system' so far)"));
        parser.addPositionalArgument(QStringLiteral("NAME"), tr("the new system's name"));
        parser.addOption({ QStringLiteral("template"),
            tr("the service template: frontend, backend, worker or one of the ecosystem's `templates:` folder"),
            QStringLiteral("T") });
        parser.addOption(
            { QStringLiteral("ecosystem"), tr("the ecosystem file to add the system to"), QStringLiteral("PATH") });
        parser.addOption({ QStringLiteral("repository"),
            tr("the folder of the new repository (default: beside the other systems' repositories)"),
            QStringLiteral("DIR") });
        parser.addOption(
            { QStringLiteral("description"), tr("the system's description in the ecosystem"), QStringLiteral("TEXT") });
        parser.addOption({ QStringLiteral("port"), tr("the port the service listens on (default: the template's)"),
            QStringLiteral("PORT") });
        parser.addOption({ QStringLiteral("dry-run"), tr("say what would be made and added, write nothing") });
        parser.addOption({ { QStringLiteral("o"), QStringLiteral("output") },
            tr("text or json (what was made and added, or the error, as one object)"), tr("FORMAT"),
            QStringLiteral("text") });
        if (const auto exitCode = parse(parser, arguments))
            return *exitCode;
        const QStringList positional = parser.positionalArguments();
        const QString usage = tr("usage: shipyardctl new system NAME --template frontend|backend|worker "
                                 "--ecosystem PATH [--repository DIR] [--dry-run]");
        if (positional.size() != 2 || positional[0] != QLatin1String("system") ||
            !parser.isSet(QStringLiteral("template")) || !parser.isSet(QStringLiteral("ecosystem"))) {
            err() << arguments[0] << ": " << usage << '\n';
            return UsageError;
        }
        const QString format = parser.value(QStringLiteral("output"));
        if (format != QLatin1String("text") && format != QLatin1String("json")) {
            err() << arguments[0] << ": " << tr("unknown output format '%1' (text or json)").arg(format) << '\n';
            return UsageError;
        }
        NewSystem::Request request;
        request.name = positional[1];
        request.templateName = parser.value(QStringLiteral("template"));
        request.ecosystemPath = parser.value(QStringLiteral("ecosystem"));
        request.repository = parser.value(QStringLiteral("repository"));
        request.description = parser.value(QStringLiteral("description"));
        request.dryRun = parser.isSet(QStringLiteral("dry-run"));
        if (parser.isSet(QStringLiteral("port"))) {
            bool ok = false;
            request.port = parser.value(QStringLiteral("port")).toInt(&ok);
            if (!ok || request.port < 1 || request.port > 65535) {
                err() << arguments[0] << ": "
                      << tr("--port wants a number from 1 to 65535, not %1").arg(parser.value(QStringLiteral("port")))
                      << '\n';
                return UsageError;
            }
        }
        if (!QFileInfo::exists(request.ecosystemPath)) {
            err() << arguments[0] << ": " << tr("%1: no such file").arg(request.ecosystemPath) << '\n';
            return UsageError;
        }

        const NewSystem::Result result = NewSystem::create(request);
        if (format == QLatin1String("json")) {
            printJson(QJsonDocument(toJson(request, result)));
            return result.succeeded ? Success : Failure;
        }
        if (!result.succeeded) {
            err() << arguments[0] << ": " << result.error << '\n';
            return Failure;
        }
        const QString repository = QDir::toNativeSeparators(result.repository);
        if (request.dryRun)
            out() << tr("would make %1 from the %2 template in %3, committed on %4:")
                         .arg(request.name, request.templateName, repository, result.upstream)
                  << '\n';
        else
            out() << tr("made %1 from the %2 template in %3, commit %4 on %5:")
                         .arg(request.name, request.templateName, repository, result.commit.left(12), result.upstream)
                  << '\n';
        for (const QString &file : result.files)
            out() << "  " << file << '\n';
        out() << (request.dryRun ? tr("would add to %1 at line %2:") : tr("added to %1 at line %2:"))
                     .arg(request.ecosystemPath)
                     .arg(result.line)
              << '\n'
              << QString::fromUtf8(result.entry);
        if (!result.entry.endsWith('\n'))
            out() << '\n';
        if (!request.dryRun)
            out() << tr("next: shipyardctl validate %1, then shipyardctl deliver --ecosystem %1 --environment ENV "
                        "--system %2")
                         .arg(request.ecosystemPath, request.name)
                  << '\n';
        return Success;
    }

private:
    static QJsonObject toJson(const NewSystem::Request &request, const NewSystem::Result &result)
    {
        QJsonObject json { { QStringLiteral("system"), request.name },
            { QStringLiteral("template"), request.templateName },
            { QStringLiteral("ecosystem"), request.ecosystemPath }, { QStringLiteral("dryRun"), request.dryRun },
            { QStringLiteral("succeeded"), result.succeeded } };
        if (!result.succeeded) {
            json.insert(QStringLiteral("error"), result.error);
            return json;
        }
        json.insert(QStringLiteral("templateDirectory"), result.templateDirectory);
        json.insert(QStringLiteral("repository"), result.repository);
        json.insert(QStringLiteral("repositoryEntry"), result.repositoryEntry);
        json.insert(QStringLiteral("upstream"), result.upstream);
        json.insert(QStringLiteral("commit"), result.commit);
        json.insert(QStringLiteral("files"), QJsonArray::fromStringList(result.files));
        json.insert(QStringLiteral("line"), result.line);
        json.insert(QStringLiteral("entry"), QString::fromUtf8(result.entry));
        return json;
    }
};

SHIPYARDCTL_REGISTER_COMMAND(NewCommand)

} // namespace Shipyard::Ctl
