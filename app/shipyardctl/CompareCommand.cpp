// SPDX-License-Identifier: GPL-2.0-or-later
#include "CtlCommand.h"
#include "EnvironmentArguments.h"
#include "Output.h"

#include "kube/KubeClient.h"
#include "live/DeployedSystems.h"
#include "live/EnvironmentComparison.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Shipyard::Ctl {

namespace {

QJsonArray commitsJson(const QList<CommitInfo> &commits)
{
    QJsonArray array;
    for (const CommitInfo &commit : commits)
        array.append(QJsonObject { { QStringLiteral("id"), commit.id }, { QStringLiteral("summary"), commit.summary },
            { QStringLiteral("author"), commit.authorName },
            { QStringLiteral("time"), commit.authorTime.toUTC().toString(Qt::ISODate) } });
    return array;
}

void appendNew(QStringList &list, const QStringList &more)
{
    for (const QString &item : more) {
        if (!list.contains(item))
            list.append(item);
    }
}

} // namespace

// The release notes of promoting one environment into another: per system,
// the commits the first runs and the second does not, and their tasks.
class CompareCommand : public CtlCommand
{
    Q_DECLARE_TR_FUNCTIONS(Shipyard::Ctl::CompareCommand)
public:
    QString name() const override { return QStringLiteral("compare"); }
    QString summary() const override
    {
        return tr("what one environment runs that another does not: commits and tasks per system (exit 1 if they "
                  "differ)");
    }

    int run(const QStringList &arguments) override
    {
        QCommandLineParser parser;
        parser.addPositionalArgument(QStringLiteral("from"), tr("the environment whose changes are listed"));
        parser.addPositionalArgument(QStringLiteral("to"), tr("the environment it is compared with"));
        EnvironmentArguments::addOptions(parser, tr("the environment whose changes are listed (or FROM)"));
        if (const auto exitCode = parse(parser, arguments))
            return *exitCode;
        QStringList positional = parser.positionalArguments();
        if (parser.isSet(QStringLiteral("environment")))
            positional.prepend(parser.value(QStringLiteral("environment")));
        if (positional.size() != 2) {
            err() << arguments[0] << ": " << tr("two environments are needed: FROM TO") << '\n';
            return UsageError;
        }
        EnvironmentArguments place;
        if (const auto exitCode = place.load(parser, arguments[0], positional[0]))
            return *exitCode;
        const Environment *to = place.ecosystem().environment(positional[1]);
        if (!to) {
            err() << arguments[0] << ": " << tr("no environment named %1").arg(positional[1]) << '\n';
            return UsageError;
        }
        QHash<QString, QString> commits[2];
        const Environment *sides[2] = { &place.environment(), to };
        for (int side = 0; side < 2; ++side) {
            QString clientError;
            const KubeClient client = place.cluster().client(sides[side]->context, &clientError);
            KubeError error;
            const QHash<QString, SystemState> states = client.isValid()
                ? DeployedSystems::read(client, sides[side]->namespaceFor(place.taskKey()), &error)
                : QHash<QString, SystemState>();
            if (!client.isValid() || error.isError()) {
                err() << arguments[0] << ": " << sides[side]->name << ": "
                      << (client.isValid() ? error.message : clientError) << '\n';
                return Failure;
            }
            for (auto it = states.cbegin(); it != states.cend(); ++it) {
                if (!it.value().gitSha.isEmpty())
                    commits[side].insert(it.key(), it.value().gitSha);
            }
        }

        const QList<EnvironmentComparison::SystemDifference> differences =
            EnvironmentComparison::compare(place.ecosystem(), commits[0], commits[1]);
        const QString from = sides[0]->name;
        bool differ = false;
        QStringList tasksOnlyInFrom;
        QStringList tasksOnlyInTo;
        QJsonArray systems;
        for (const EnvironmentComparison::SystemDifference &difference : differences) {
            differ |= !difference.same();
            appendNew(tasksOnlyInFrom, difference.tasksOnlyInA);
            appendNew(tasksOnlyInTo, difference.tasksOnlyInB);
            systems.append(QJsonObject { { QStringLiteral("system"), difference.system },
                { QStringLiteral("fromCommit"), difference.commitA },
                { QStringLiteral("toCommit"), difference.commitB },
                { QStringLiteral("onlyInFrom"), commitsJson(difference.onlyInA) },
                { QStringLiteral("onlyInTo"), commitsJson(difference.onlyInB) },
                { QStringLiteral("tasksOnlyInFrom"), QJsonArray::fromStringList(difference.tasksOnlyInA) },
                { QStringLiteral("tasksOnlyInTo"), QJsonArray::fromStringList(difference.tasksOnlyInB) },
                { QStringLiteral("problem"), difference.problem } });
        }
        if (place.wantsJson()) {
            printJson(QJsonDocument(QJsonObject { { QStringLiteral("from"), from }, { QStringLiteral("to"), to->name },
                { QStringLiteral("systems"), systems },
                { QStringLiteral("tasksOnlyInFrom"), QJsonArray::fromStringList(tasksOnlyInFrom) },
                { QStringLiteral("tasksOnlyInTo"), QJsonArray::fromStringList(tasksOnlyInTo) } }));
            return differ ? Failure : Success;
        }
        out() << tr("%1 compared with %2").arg(from, to->name) << "\n\n";
        for (const EnvironmentComparison::SystemDifference &difference : differences) {
            if (!difference.problem.isEmpty()) {
                out() << difference.system << ": " << difference.problem << '\n';
                continue;
            }
            if (difference.same()) {
                out() << tr("%1: the same commit %2").arg(difference.system, difference.commitA.left(12)) << '\n';
                continue;
            }
            out() << tr("%1: %2 → %3").arg(difference.system, difference.commitB.left(12), difference.commitA.left(12))
                  << '\n';
            for (const CommitInfo &commit : difference.onlyInA)
                out() << "  + " << commit.id.left(12) << ' ' << commit.summary << " (" << commit.authorName << ")\n";
            for (const CommitInfo &commit : difference.onlyInB)
                out() << "  - " << commit.id.left(12) << ' ' << commit.summary << " (" << commit.authorName << ")\n";
        }
        out() << '\n'
              << tr("tasks in %1, not in %2: %3")
                     .arg(from, to->name,
                         tasksOnlyInFrom.isEmpty() ? tr("none") : tasksOnlyInFrom.join(QStringLiteral(", ")))
              << '\n';
        if (!tasksOnlyInTo.isEmpty())
            out() << tr("tasks in %1, not in %2: %3").arg(to->name, from, tasksOnlyInTo.join(QStringLiteral(", ")))
                  << '\n';
        return differ ? Failure : Success;
    }
};

SHIPYARDCTL_REGISTER_COMMAND(CompareCommand)

} // namespace Shipyard::Ctl
