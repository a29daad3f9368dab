// SPDX-License-Identifier: GPL-2.0-or-later
#include "CtlCommand.h"
#include "Output.h"

#include "model/EcosystemLoader.h"
#include "pipeline/ReleaseRollback.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QJsonObject>

namespace Shipyard::Ctl {

class RollbackCommand : public CtlCommand
{
    Q_DECLARE_TR_FUNCTIONS(Shipyard::Ctl::RollbackCommand)
public:
    QString name() const override { return QStringLiteral("rollback"); }
    QString summary() const override { return tr("restore an environment's previous (or a chosen) release exactly"); }

    int run(const QStringList &arguments) override
    {
        QCommandLineParser parser;
        parser.addOption({ QStringLiteral("ecosystem"), tr("the ecosystem file"), QStringLiteral("PATH") });
        parser.addOption({ QStringLiteral("environment"), tr("the environment"), QStringLiteral("ENV") });
        parser.addOption({ QStringLiteral("release"),
            tr("the release to restore (default: the good one before the current)"), QStringLiteral("ID") });
        parser.addOption({ QStringLiteral("wait-for-lock"), tr("wait while a delivery holds the environment") });
        parser.addOption(
            { QStringLiteral("kubeconfig"), tr("read only this kubeconfig file"), QStringLiteral("FILE") });
        parser.addOption({ QStringLiteral("task"), tr("the task of a showroom"), QStringLiteral("KEY") });
        parser.addOption(
            { QStringLiteral("output"), tr("text or json"), QStringLiteral("FORMAT"), QStringLiteral("text") });
        if (const auto exitCode = parse(parser, arguments))
            return *exitCode;
        const QString path = parser.value(QStringLiteral("ecosystem"));
        const QString environment = parser.value(QStringLiteral("environment"));
        const QString output = parser.value(QStringLiteral("output"));
        if (path.isEmpty() || environment.isEmpty() ||
            (output != QLatin1String("text") && output != QLatin1String("json"))) {
            err() << arguments[0] << ": " << tr("--ecosystem and --environment are needed") << '\n';
            return UsageError;
        }
        if (!QFileInfo::exists(path)) {
            err() << arguments[0] << ": " << tr("%1: no such file").arg(path) << '\n';
            return UsageError;
        }
        const EcosystemLoadResult loaded = EcosystemLoader().loadFile(path);
        if (!loaded.ecosystem) {
            for (const Diagnostic &diagnostic : loaded.diagnostics)
                err() << diagnostic.toString() << '\n';
            return UsageError;
        }
        if (!loaded.ecosystem->environment(environment)) {
            err() << arguments[0] << ": " << tr("no environment named %1").arg(environment) << '\n';
            return UsageError;
        }
        ReleaseRollback::Options options;
        options.kubeconfig = parser.value(QStringLiteral("kubeconfig"));
        options.taskKey = parser.value(QStringLiteral("task"));
        options.waitForLock = parser.isSet(QStringLiteral("wait-for-lock"));
        ReleaseRollback rollback(*loaded.ecosystem, environment, options);
        rollback.setLog([](const QString &line) {
            err() << line << '\n';
            err().flush();
        });
        const ReleaseRollback::Result result = rollback.run(parser.value(QStringLiteral("release")));
        if (output == QLatin1String("json")) {
            printJson(QJsonDocument(QJsonObject { { QStringLiteral("ok"), result.ok },
                { QStringLiteral("error"), result.error }, { QStringLiteral("restored"), result.restoredId },
                { QStringLiteral("replaced"), result.replacedId }, { QStringLiteral("release"), result.newReleaseId },
                { QStringLiteral("durationMs"), qint64(result.duration.count()) } }));
        } else if (result.ok) {
            out() << tr("restored release %1 as %2 in %3 s")
                         .arg(result.restoredId, result.newReleaseId)
                         .arg(double(result.duration.count()) / 1000.0, 0, 'f', 1)
                  << '\n';
        } else {
            err() << arguments[0] << ": " << result.error << '\n';
        }
        out().flush();
        err().flush();
        return result.ok ? Success : Failure;
    }
};

SHIPYARDCTL_REGISTER_COMMAND(RollbackCommand)

} // namespace Shipyard::Ctl
