// SPDX-License-Identifier: GPL-2.0-or-later
#include "CtlCommand.h"
#include "KubeCommandSupport.h"
#include "Output.h"

#include "kube/PodLogs.h"

#include <QPromise>

#include <cstdio>

namespace Shipyard::Ctl {

class LogsCommand : public CtlCommand
{
    Q_DECLARE_TR_FUNCTIONS(Shipyard::Ctl::LogsCommand)
public:
    QString name() const override { return QStringLiteral("logs"); }
    QString summary() const override { return tr("print or follow the log of a pod's container"); }

    int run(const QStringList &arguments) override
    {
        QCommandLineParser parser;
        addKubeOptions(parser);
        parser.addOption({ { QStringLiteral("c"), QStringLiteral("container") }, tr("the container"), tr("NAME") });
        parser.addOption({ { QStringLiteral("f"), QStringLiteral("follow") }, tr("keep printing new lines") });
        parser.addOption(
            { { QStringLiteral("p"), QStringLiteral("previous") }, tr("the previous, terminated container") });
        parser.addOption({ QStringLiteral("tail"), tr("only the last N lines"), tr("N") });
        parser.addOption({ QStringLiteral("timestamps"), tr("prefix each line with its time") });
        parser.addPositionalArgument(QStringLiteral("POD"), tr("the pod"));
        if (const auto exitCode = parse(parser, arguments))
            return *exitCode;
        const QStringList positional = parser.positionalArguments();
        if (positional.size() != 1) {
            err() << arguments[0] << ": " << tr("usage: logs POD [-c CONTAINER] [-f] [--previous] [--tail N]") << '\n';
            return UsageError;
        }
        QString pod = positional[0];
        if (pod.startsWith(QLatin1String("pod/")) || pod.startsWith(QLatin1String("pods/")))
            pod = pod.mid(pod.indexOf(QLatin1Char('/')) + 1);
        const KubeClient client = kubeClientFor(parser, arguments[0]);
        if (!client.isValid())
            return UsageError;
        PodLogs::Options options;
        options.container = parser.value(QStringLiteral("container"));
        options.follow = parser.isSet(QStringLiteral("follow"));
        options.previous = parser.isSet(QStringLiteral("previous"));
        options.timestamps = parser.isSet(QStringLiteral("timestamps"));
        if (parser.isSet(QStringLiteral("tail")))
            options.tailLines = parser.value(QStringLiteral("tail")).toInt();

        QPromise<KubeResponse> ended;
        QFuture<KubeResponse> end = ended.future();
        ended.start();
        // Written straight to stdout from the worker thread: a followed log is never held in memory.
        PodLogs::stream(
            client, namespaceFor(parser, client), pod, options,
            [](QByteArrayView text) {
                std::fwrite(text.data(), 1, size_t(text.size()), stdout);
                std::fflush(stdout);
                return true;
            },
            [&ended](KubeResponse response) {
                ended.addResult(std::move(response));
                ended.finish();
            });
        const KubeResponse response = waitFor(end);
        if (!response.ok())
            return reportError(arguments[0], response.error);
        return Success;
    }
};

SHIPYARDCTL_REGISTER_COMMAND(LogsCommand)

} // namespace Shipyard::Ctl
