// SPDX-License-Identifier: GPL-2.0-or-later
#include "CtlCommand.h"
#include "DeploymentActionArguments.h"
#include "KubeCommandSupport.h"
#include "Output.h"

#include "kube/DeploymentRollout.h"

#include <QJsonArray>
#include <QJsonObject>

namespace Shipyard::Ctl {

class RolloutCommand : public CtlCommand
{
    Q_DECLARE_TR_FUNCTIONS(Shipyard::Ctl::RolloutCommand)
public:
    QString name() const override { return QStringLiteral("rollout"); }
    QString summary() const override { return tr("status, history, undo or restart of a deployment, like kubectl"); }

    int run(const QStringList &arguments) override
    {
        QCommandLineParser parser;
        DeploymentActionArguments::addOptions(parser);
        parser.addOption({ QStringLiteral("to-revision"), tr("undo: the revision to go back to (0: the previous)"),
            tr("N"), QStringLiteral("0") });
        parser.addOption({ QStringLiteral("timeout"), tr("status: give up after this many seconds (0: never)"),
            tr("SECONDS"), QStringLiteral("0") });
        parser.addOption({ QStringLiteral("dry-run"), tr("undo: validate on the server, change nothing") });
        parser.addOption({ { QStringLiteral("o"), QStringLiteral("output") },
            tr("text or json (status: progress goes to stderr)"), tr("FORMAT"), QStringLiteral("text") });
        parser.addPositionalArgument(QStringLiteral("ACTION"), tr("status, history, undo or restart"));
        parser.addPositionalArgument(QStringLiteral("deployment/NAME"), tr("the deployment"));
        if (const auto exitCode = parse(parser, arguments))
            return *exitCode;
        const QStringList positional = parser.positionalArguments();
        static const QStringList actions { QStringLiteral("status"), QStringLiteral("history"), QStringLiteral("undo"),
            QStringLiteral("restart") };
        if (positional.size() != 2 || !actions.contains(positional[0])) {
            err() << arguments[0] << ": " << tr("usage: rollout status|history|undo|restart deployment/NAME") << '\n';
            return UsageError;
        }
        QString target = positional[1];
        for (const QString &prefix : QStringList { QStringLiteral("deployment/"), QStringLiteral("deployments/"),
                 QStringLiteral("deploy/"), QStringLiteral("deployment.apps/"), QStringLiteral("deployments.apps/") }) {
            if (target.startsWith(prefix)) {
                target = target.mid(prefix.size());
                break;
            }
        }
        const QString format = parser.value(QStringLiteral("output"));
        if (format != QLatin1String("text") && format != QLatin1String("json")) {
            err() << arguments[0] << ": " << tr("unknown output format '%1' (text or json)").arg(format) << '\n';
            return UsageError;
        }
        const bool json = format == QLatin1String("json");
        if (target.contains(QLatin1Char('/')) || target.isEmpty()) {
            err() << arguments[0] << ": " << tr("only deployments are supported: deployment/NAME") << '\n';
            return UsageError;
        }
        const QString action = positional[0];
        // A change, as deliveries make them: under the environment's lock,
        // audited, and confirmed for a protected environment.
        const bool dryRun = parser.isSet(QStringLiteral("dry-run"));
        if (action == QLatin1String("restart") || (action == QLatin1String("undo") && !dryRun)) {
            const bool undo = action == QLatin1String("undo");
            DeploymentActionArguments change;
            if (const auto exitCode = change.load(parser, arguments[0],
                    tr("%1 deployment/%2").arg(undo ? tr("undo the rollout of") : tr("restart"), target)))
                return *exitCode;
            DeploymentAction::Options options;
            options.toRevision = parser.value(QStringLiteral("to-revision")).toLongLong();
            const DeploymentAction::Outcome outcome = change.run(
                parser, target, undo ? DeploymentAction::Kind::Undo : DeploymentAction::Kind::Restart, options);
            return DeploymentActionArguments::report(arguments[0], target, action, json, outcome);
        }
        const KubeClient client = kubeClientFor(parser, arguments[0]);
        if (!client.isValid())
            return UsageError;
        const DeploymentRollout rollout(client, namespaceFor(parser, client), target);

        if (action == QLatin1String("history")) {
            const RolloutHistory history = await(rollout.history());
            if (history.error.isError())
                return reportError(arguments[0], history.error);
            if (json) {
                QJsonArray revisions;
                for (const RolloutRevision &revision : history.revisions)
                    revisions.append(QJsonObject { { QStringLiteral("revision"), qint64(revision.revision) },
                        { QStringLiteral("changeCause"), revision.changeCause } });
                printJson(QJsonDocument(QJsonObject {
                    { QStringLiteral("deployment"), target }, { QStringLiteral("revisions"), revisions } }));
                return Success;
            }
            out() << "deployment.apps/" << target << '\n';
            QList<QStringList> rows;
            for (const RolloutRevision &revision : history.revisions)
                rows.append({ QString::number(revision.revision),
                    revision.changeCause.isEmpty() ? QStringLiteral("<none>") : revision.changeCause });
            printTable({ QStringLiteral("REVISION"), QStringLiteral("CHANGE-CAUSE") }, rows);
            out() << '\n';
            return Success;
        }

        RolloutResult result;
        if (action == QLatin1String("status")) {
            result = await(rollout.status(
                std::chrono::seconds(parser.value(QStringLiteral("timeout")).toInt()), [json](const QString &line) {
                    // With json, stdout holds exactly one document: progress goes aside.
                    QTextStream &stream = json ? err() : out();
                    stream << line << '\n';
                    stream.flush();
                }));
        } else {
            result = await(rollout.undo(parser.value(QStringLiteral("to-revision")).toLongLong(), dryRun));
        }
        if (json) {
            printJson(QJsonDocument(QJsonObject { { QStringLiteral("deployment"), target },
                { QStringLiteral("action"), action }, { QStringLiteral("ok"), result.ok() },
                { QStringLiteral("message"), result.message }, { QStringLiteral("error"), result.error.message } }));
            return result.ok() ? Success : Failure;
        }
        if (!result.ok()) {
            err() << "error: " << result.error.message << '\n';
            return Failure;
        }
        out() << result.message << '\n';
        return Success;
    }
};

SHIPYARDCTL_REGISTER_COMMAND(RolloutCommand)

} // namespace Shipyard::Ctl
