// SPDX-License-Identifier: GPL-2.0-or-later
#include "CtlCommand.h"
#include "Output.h"

#include "gating/GateEvaluator.h"
#include "gating/ReviewSourceFactory.h"
#include "gating/TaskKeyExtractor.h"
#include "git/Integrator.h"
#include "git/Repository.h"
#include "model/EcosystemLoader.h"
#include "tracker/TrackerFactory.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QHash>
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

        bool problems = false;
        const TaskKeyExtractor extractor(ecosystem.gating.taskKeyPattern);
        if (!extractor.isValid()) {
            err() << arguments[0] << ": " << extractor.errorString() << '\n';
            return Failure;
        }
        TrackerFactory::Result tracker = TrackerFactory::create(ecosystem);
        if (tracker.error) {
            err() << arguments[0] << ": " << tracker.error.message() << '\n';
            problems = true;
        }
        QHash<QString, TaskLookup> tasks; // a key may have branches in several systems
        const GateEvaluator evaluator(ecosystem.gating);

        QJsonArray jsonSystems;
        QList<QStringList> rows;
        QStringList withoutKey;
        for (const System &system : ecosystem.systems) {
            QJsonObject jsonSystem { { QStringLiteral("name"), system.name } };
            // Per system: the review project may name the system ("shop/{system}").
            const ReviewSourceFactory::Result reviews = ReviewSourceFactory::create(ecosystem, system.name);
            if (!reviews.error.isEmpty()) {
                problems = true;
                err() << arguments[0] << ": " << system.name << ": " << reviews.error << '\n';
                jsonSystem.insert(QStringLiteral("reviewError"), reviews.error);
            }
            const QString repositoryPath = ecosystem.resolvePath(system.repository);
            GitError error;
            Repository repository;
            if (system.repository.contains(QLatin1String("://")) || system.repository.startsWith(QLatin1String("git@")))
                error = GitError(GitError::Kind::InvalidArgument,
                    tr("%1 is a remote repository; Shipyard reads branches from a local clone").arg(system.repository));
            else
                repository = Repository::open(repositoryPath, &error);
            if (error) {
                problems = true;
                jsonSystem.insert(QStringLiteral("error"), error.message());
                jsonSystems.append(jsonSystem);
                rows.append(
                    { system.name, QStringLiteral("-"), QStringLiteral("-"), QStringLiteral("-"), error.message() });
                continue;
            }
            // The remote's upstream is the truth when there is one; a local one otherwise.
            const QString remoteUpstream = QStringLiteral("origin/") + system.upstream;
            const QString upstream = repository.resolve(remoteUpstream).isEmpty() ? system.upstream : remoteUpstream;

            QJsonArray jsonBranches;
            const QList<BranchInfo> branches = repository.branches(Repository::BranchScope::Local, &error);
            if (error) {
                problems = true;
                jsonSystem.insert(QStringLiteral("error"), error.message());
            }
            for (const BranchInfo &branch : branches) {
                if (branch.name == system.upstream)
                    continue;
                GateInput input;
                input.branch = branch.name;
                input.upstream = upstream;
                input.taskKey = extractor.extract(branch.name);
                if (input.taskKey.isEmpty()) {
                    withoutKey.append(system.name + QLatin1Char(':') + branch.name);
                } else if (tracker.tracker) {
                    if (!tasks.contains(input.taskKey))
                        tasks.insert(input.taskKey, tracker.tracker->task(input.taskKey));
                    input.task = tasks.value(input.taskKey);
                }
                if (reviews.source)
                    input.reviews = reviews.source->reviews({ &repository, branch.name, upstream });
                else
                    input.reviews = ReviewLookup { {}, reviews.error };
                Integrator integrator(repository);
                integrator.setDryRun(true);
                input.integration = integrator.updateBranch(branch.name, upstream, ecosystem.gating.integration);
                const QList<GateVerdict> verdicts = evaluator.evaluate(input);

                const QString status = input.task && input.task->task ? input.task->task->status : QString();
                QJsonArray jsonGates;
                QStringList gateSummary;
                for (const GateVerdict &verdict : verdicts) {
                    jsonGates.append(QJsonObject { { QStringLiteral("gate"), GateVerdict::gateName(verdict.gate) },
                        { QStringLiteral("state"), GateVerdict::stateName(verdict.state) },
                        { QStringLiteral("reason"), verdict.reason } });
                    gateSummary.append(
                        GateVerdict::gateName(verdict.gate) % QLatin1Char('=') % GateVerdict::stateName(verdict.state));
                }
                QJsonObject jsonBranch { { QStringLiteral("name"), branch.name },
                    { QStringLiteral("commit"), branch.commitId },
                    { QStringLiteral("task"), input.taskKey.isEmpty() ? QJsonValue() : QJsonValue(input.taskKey) },
                    { QStringLiteral("approvals"), input.reviews->approvals() }, { QStringLiteral("gates"), jsonGates },
                    { QStringLiteral("readyToUpdate"),
                        !GateEvaluator::firstFailure(verdicts, GateEvaluator::branchUpdateGates()) },
                    { QStringLiteral("readyToMerge"),
                        !GateEvaluator::firstFailure(verdicts, GateEvaluator::mergeGates()) } };
                if (input.task && input.task->task) {
                    jsonBranch.insert(QStringLiteral("status"), status);
                    jsonBranch.insert(QStringLiteral("title"), input.task->task->title);
                    jsonBranch.insert(QStringLiteral("assignee"), input.task->task->assignee);
                    jsonBranch.insert(QStringLiteral("url"), input.task->task->url.toString());
                } else if (input.task && input.task->error) {
                    jsonBranch.insert(QStringLiteral("trackerError"), input.task->error.message());
                }
                jsonBranches.append(jsonBranch);
                rows.append({ system.name, branch.name, input.taskKey.isEmpty() ? tr("(no task key)") : input.taskKey,
                    status.isEmpty() ? QStringLiteral("-") : status, gateSummary.join(QLatin1Char(' ')) });
            }
            jsonSystem.insert(QStringLiteral("upstream"), upstream);
            jsonSystem.insert(QStringLiteral("branches"), jsonBranches);
            jsonSystems.append(jsonSystem);
        }

        if (format == QLatin1String("json")) {
            QJsonObject root { { QStringLiteral("ecosystem"), ecosystem.name },
                { QStringLiteral("systems"), jsonSystems } };
            if (tracker.error)
                root.insert(QStringLiteral("trackerError"), tracker.error.message());
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
