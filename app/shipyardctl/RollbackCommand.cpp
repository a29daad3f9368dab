// SPDX-License-Identifier: GPL-2.0-or-later
#include "CtlCommand.h"
#include "EnvironmentArguments.h"
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
        EnvironmentArguments::addOptions(parser, tr("the environment"));
        EnvironmentArguments::addConfirmOption(parser);
        parser.addOption({ QStringLiteral("release"),
            tr("the release to restore (default: the good one before the current)"), QStringLiteral("ID") });
        parser.addOption({ QStringLiteral("wait-for-lock"), tr("wait while a delivery holds the environment") });
        if (const auto exitCode = parse(parser, arguments))
            return *exitCode;
        EnvironmentArguments target;
        if (const auto exitCode = target.load(parser, arguments[0]))
            return *exitCode;
        if (const auto exitCode = target.requireConfirmation(parser, arguments[0], tr("roll it back")))
            return *exitCode;
        ReleaseRollback::Options options;
        options.cluster = target.cluster();
        options.taskKey = target.taskKey();
        options.waitForLock = parser.isSet(QStringLiteral("wait-for-lock"));
        ReleaseRollback rollback(target.ecosystem(), target.environmentName(), options);
        rollback.setLog([](const QString &line) {
            err() << line << '\n';
            err().flush();
        });
        const ReleaseRollback::Result result = rollback.run(parser.value(QStringLiteral("release")));
        if (target.wantsJson()) {
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
