// SPDX-License-Identifier: GPL-2.0-or-later
#include "CtlCommand.h"
#include "DeploymentActionArguments.h"
#include "Output.h"

#include <QCommandLineParser>

namespace Shipyard::Ctl {

class ScaleCommand : public CtlCommand
{
    Q_DECLARE_TR_FUNCTIONS(Shipyard::Ctl::ScaleCommand)
public:
    QString name() const override { return QStringLiteral("scale"); }
    QString summary() const override
    {
        return tr("set a deployment's replicas, like kubectl, under its environment's lock");
    }

    int run(const QStringList &arguments) override
    {
        QCommandLineParser parser;
        DeploymentActionArguments::addOptions(parser);
        parser.addOption({ QStringLiteral("replicas"), tr("the number of replicas"), tr("N") });
        parser.addOption({ { QStringLiteral("o"), QStringLiteral("output") }, tr("text or json"), tr("FORMAT"),
            QStringLiteral("text") });
        parser.addPositionalArgument(QStringLiteral("deployment/NAME"), tr("the deployment"));
        if (const auto exitCode = parse(parser, arguments))
            return *exitCode;
        const QStringList positional = parser.positionalArguments();
        QString target = positional.value(0);
        for (const QString &prefix : QStringList { QStringLiteral("deployment/"), QStringLiteral("deployments/"),
                 QStringLiteral("deploy/"), QStringLiteral("deployment.apps/"), QStringLiteral("deployments.apps/") }) {
            if (target.startsWith(prefix)) {
                target = target.mid(prefix.size());
                break;
            }
        }
        bool number = false;
        const int replicas = parser.value(QStringLiteral("replicas")).toInt(&number);
        if (positional.size() != 1 || target.isEmpty() || target.contains(QLatin1Char('/')) || !number ||
            replicas < 0) {
            err() << arguments[0] << ": "
                  << tr("usage: scale deployment/NAME --replicas N (N a whole number, 0 or more)") << '\n';
            return UsageError;
        }
        const QString format = parser.value(QStringLiteral("output"));
        if (format != QLatin1String("text") && format != QLatin1String("json")) {
            err() << arguments[0] << ": " << tr("unknown output format '%1' (text or json)").arg(format) << '\n';
            return UsageError;
        }
        DeploymentActionArguments change;
        if (const auto exitCode =
                change.load(parser, arguments[0], tr("scale deployment/%1 to %2 replicas").arg(target).arg(replicas)))
            return *exitCode;
        DeploymentAction::Options options;
        options.replicas = replicas;
        const DeploymentAction::Outcome outcome = change.run(parser, target, DeploymentAction::Kind::Scale, options);
        return DeploymentActionArguments::report(
            arguments[0], target, QStringLiteral("scale"), format == QLatin1String("json"), outcome);
    }
};

SHIPYARDCTL_REGISTER_COMMAND(ScaleCommand)

} // namespace Shipyard::Ctl
