// SPDX-License-Identifier: GPL-2.0-or-later
#include "CtlCommand.h"
#include "Output.h"

#include "gating/BranchGateScan.h"
#include "model/EcosystemLoader.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

namespace Shipyard::Ctl {

class TasksCommand : public CtlCommand
{
    Q_DECLARE_TR_FUNCTIONS(Shipyard::Ctl::TasksCommand)
public:
    QString name() const override { return QStringLiteral("tasks"); }
    QString summary() const override
    {
        return tr("list every branch of every system with its task, status and delivery gates");
    }

    int run(const QStringList &arguments) override
    {
        QCommandLineParser parser;
        parser.addOption({ QStringLiteral("ecosystem"), tr("the ecosystem file"), tr("PATH") });
        parser.addOption({ QStringLiteral("output"), tr("output format: text (a table, the default) or json"),
            tr("FORMAT"), QStringLiteral("table") });
        if (const auto exitCode = parse(parser, arguments))
            return *exitCode;
        const QString path = parser.value(QStringLiteral("ecosystem"));
        const QString format = parser.value(QStringLiteral("output"));
        if (path.isEmpty() || !parser.positionalArguments().isEmpty()) {
            err() << arguments[0] << ": " << tr("usage: shipyardctl tasks --ecosystem PATH [--output json]") << '\n';
            return UsageError;
        }
        if (format != QLatin1String("table") && format != QLatin1String("text") && format != QLatin1String("json")) {
            err() << arguments[0] << ": " << tr("unknown output format '%1' (text or json)").arg(format) << '\n';
            return UsageError;
        }
        if (!QFileInfo::exists(path)) {
            err() << arguments[0] << ": " << tr("%1: no such file").arg(path) << '\n';
            return UsageError;
        }
        const EcosystemLoadResult loaded = EcosystemLoader().loadFile(path);
        for (const Diagnostic &diagnostic : loaded.diagnostics)
            if (diagnostic.isError())
                err() << diagnostic.toString() << '\n';
        if (!loaded.ecosystem)
            return Failure;
        const Ecosystem &ecosystem = *loaded.ecosystem;

        // The scan is shared with the GUI's Tasks board.
        const BranchGateScan::Result scan = BranchGateScan::run(ecosystem);
        if (!scan.error.isEmpty()) {
            err() << arguments[0] << ": " << scan.error << '\n';
            return Failure;
        }
        bool problems = false;
        if (!scan.trackerError.isEmpty()) {
            err() << arguments[0] << ": " << scan.trackerError << '\n';
            problems = true;
        }

        QJsonArray jsonSystems;
        QList<QStringList> rows;
        for (const BranchGateScan::System &system : scan.systems) {
            QJsonObject jsonSystem { { QStringLiteral("name"), system.name } };
            if (!system.reviewError.isEmpty()) {
                problems = true;
                err() << arguments[0] << ": " << system.name << ": " << system.reviewError << '\n';
                jsonSystem.insert(QStringLiteral("reviewError"), system.reviewError);
            }
            if (!system.error.isEmpty()) {
                problems = true;
                jsonSystem.insert(QStringLiteral("error"), system.error);
                // No upstream: the repository itself could not be opened.
                if (system.upstream.isEmpty()) {
                    jsonSystems.append(jsonSystem);
                    rows.append(
                        { system.name, QStringLiteral("-"), QStringLiteral("-"), QStringLiteral("-"), system.error });
                    continue;
                }
            }
            QJsonArray jsonBranches;
            for (const BranchGateScan::Branch &branch : system.branches) {
                const QString status = branch.task && branch.task->task ? branch.task->task->status : QString();
                QJsonArray jsonGates;
                QStringList gateSummary;
                for (const GateVerdict &verdict : branch.verdicts) {
                    jsonGates.append(QJsonObject { { QStringLiteral("gate"), GateVerdict::gateName(verdict.gate) },
                        { QStringLiteral("state"), GateVerdict::stateName(verdict.state) },
                        { QStringLiteral("reason"), verdict.reason } });
                    gateSummary.append(
                        GateVerdict::gateName(verdict.gate) % QLatin1Char('=') % GateVerdict::stateName(verdict.state));
                }
                QJsonObject jsonBranch { { QStringLiteral("name"), branch.name },
                    { QStringLiteral("commit"), branch.commit },
                    { QStringLiteral("task"), branch.taskKey.isEmpty() ? QJsonValue() : QJsonValue(branch.taskKey) },
                    { QStringLiteral("approvals"), branch.reviews.approvals() }, { QStringLiteral("gates"), jsonGates },
                    { QStringLiteral("readyToUpdate"), branch.readyToUpdate },
                    { QStringLiteral("readyForShowroom"), branch.readyForShowroom },
                    { QStringLiteral("readyToMerge"), branch.readyToMerge } };
                if (branch.task && branch.task->task) {
                    jsonBranch.insert(QStringLiteral("status"), status);
                    jsonBranch.insert(QStringLiteral("title"), branch.task->task->title);
                    jsonBranch.insert(QStringLiteral("assignee"), branch.task->task->assignee);
                    jsonBranch.insert(QStringLiteral("url"), branch.task->task->url.toString());
                } else if (branch.task && branch.task->error) {
                    jsonBranch.insert(QStringLiteral("trackerError"), branch.task->error.message());
                }
                jsonBranches.append(jsonBranch);
                rows.append({ system.name, branch.name, branch.taskKey.isEmpty() ? tr("(no task key)") : branch.taskKey,
                    status.isEmpty() ? QStringLiteral("-") : status, gateSummary.join(QLatin1Char(' ')) });
            }
            jsonSystem.insert(QStringLiteral("upstream"), system.upstream);
            jsonSystem.insert(QStringLiteral("branches"), jsonBranches);
            jsonSystems.append(jsonSystem);
        }
        const QStringList &withoutKey = scan.withoutKey;

        if (format == QLatin1String("json")) {
            QJsonObject root { { QStringLiteral("ecosystem"), ecosystem.name },
                { QStringLiteral("systems"), jsonSystems } };
            if (!scan.trackerError.isEmpty())
                root.insert(QStringLiteral("trackerError"), scan.trackerError);
            printJson(QJsonDocument(root));
        } else {
            printTable({ tr("SYSTEM"), tr("BRANCH"), tr("TASK"), tr("STATUS"), tr("GATES") }, rows);
            if (!withoutKey.isEmpty())
                err() << tr("%n branch(es) without a task key: ", nullptr, int(withoutKey.size()))
                      << withoutKey.join(QStringLiteral(", ")) << '\n';
        }
        return problems ? Failure : Success;
    }
};

SHIPYARDCTL_REGISTER_COMMAND(TasksCommand)

} // namespace Shipyard::Ctl
