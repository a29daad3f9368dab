// SPDX-License-Identifier: GPL-2.0-or-later
#include "CtlCommand.h"
#include "Output.h"

#include "kube/Kubeconfig.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

namespace Shipyard::Ctl {

class ContextsCommand : public CtlCommand
{
    Q_DECLARE_TR_FUNCTIONS(Shipyard::Ctl::ContextsCommand)
public:
    QString name() const override { return QStringLiteral("contexts"); }
    QString summary() const override { return tr("list the kubeconfig contexts, merged as kubectl does"); }

    int run(const QStringList &arguments) override
    {
        QCommandLineParser parser;
        parser.addOption({ QStringLiteral("kubeconfig"), tr("read only this kubeconfig file"), tr("FILE") });
        parser.addOption(
            { { QStringLiteral("o"), QStringLiteral("output") }, tr("output format: text or json"), tr("FORMAT") });
        if (const auto exitCode = parse(parser, arguments))
            return *exitCode;
        const QString format = parser.value(QStringLiteral("output"));
        if (!format.isEmpty() && format != QLatin1String("text") && format != QLatin1String("json")) {
            err() << arguments[0] << ": " << tr("unknown output format '%1'").arg(format) << '\n';
            return UsageError;
        }
        if (!parser.positionalArguments().isEmpty()) {
            err() << arguments[0] << ": " << tr("unexpected arguments") << '\n';
            return UsageError;
        }
        // Like `kubectl config view --kubeconfig FILE`, a missing file is an empty
        // configuration here (other commands refuse it), but say so.
        const QString explicitFile = parser.value(QStringLiteral("kubeconfig"));
        if (!explicitFile.isEmpty() && !QFileInfo::exists(explicitFile))
            err() << arguments[0] << ": " << tr("warning: %1 does not exist").arg(explicitFile) << '\n';
        Kubeconfig config = Kubeconfig::loadFiles(Kubeconfig::filesToLoad(explicitFile));
        config.addInClusterContext(); // in a pod, the context "in-cluster" is there for every command
        if (!config.isValid()) {
            err() << config.errorString() << '\n';
            return Failure;
        }
        const QList<KubeContext> contexts = config.contexts();
        if (format == QLatin1String("json")) {
            QJsonArray array;
            for (const KubeContext &context : contexts) {
                array.append(QJsonObject {
                    { QStringLiteral("name"), context.name },
                    { QStringLiteral("cluster"), context.cluster },
                    { QStringLiteral("server"), config.cluster(context.cluster).value_or(KubeCluster {}).server },
                    { QStringLiteral("user"), context.user },
                    { QStringLiteral("namespace"), context.ns },
                    { QStringLiteral("current"), context.name == config.currentContext() },
                });
            }
            printJson(QJsonDocument(array));
            return Success;
        }
        QList<QStringList> rows;
        for (const KubeContext &context : contexts) {
            rows.append({ context.name == config.currentContext() ? QStringLiteral("*") : QString(), context.name,
                context.cluster, config.cluster(context.cluster).value_or(KubeCluster {}).server, context.user,
                context.ns });
        }
        printTable({ tr("CURRENT"), tr("NAME"), tr("CLUSTER"), tr("SERVER"), tr("USER"), tr("NAMESPACE") }, rows);
        return Success;
    }
};

SHIPYARDCTL_REGISTER_COMMAND(ContextsCommand)

} // namespace Shipyard::Ctl
