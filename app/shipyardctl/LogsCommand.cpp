// SPDX-License-Identifier: GPL-2.0-or-later
#include "CtlCommand.h"
#include "KubeCommandSupport.h"
#include "Output.h"

#include "kube/PodLogs.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QPromise>

#include <memory>
#include <mutex>

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
        parser.addOption({ { QStringLiteral("o"), QStringLiteral("output") },
            tr("text, or json: one object with the lines (with --follow, one object per line)"), tr("FORMAT"),
            QStringLiteral("text") });
        parser.addPositionalArgument(QStringLiteral("POD"), tr("the pod"));
        if (const auto exitCode = parse(parser, arguments))
            return *exitCode;
        const QStringList positional = parser.positionalArguments();
        if (positional.size() != 1) {
            err() << arguments[0] << ": " << tr("usage: logs POD [-c CONTAINER] [-f] [--previous] [--tail N]") << '\n';
            return UsageError;
        }
        const QString format = parser.value(QStringLiteral("output"));
        if (format != QLatin1String("text") && format != QLatin1String("json")) {
            err() << arguments[0] << ": " << tr("unknown output format '%1' (text or json)").arg(format) << '\n';
            return UsageError;
        }
        const bool json = format == QLatin1String("json");
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

        // Shared with the worker thread that ends it: the command may return
        // (and its stack go) while that thread is still inside finish().
        const auto ended = std::make_shared<QPromise<KubeResponse>>();
        QFuture<KubeResponse> end = ended->future();
        ended->start();
        // JSON needs whole lines; chunks may end mid-line.
        std::mutex pendingMutex;
        QByteArray pending;
        QJsonArray lines;
        const auto takeLines = [&](bool all) {
            qsizetype newline;
            while ((newline = pending.indexOf('\n')) >= 0 || (all && !pending.isEmpty())) {
                const qsizetype length = newline >= 0 ? newline : pending.size();
                const QString line = QString::fromUtf8(pending.left(length));
                pending.remove(0, newline >= 0 ? length + 1 : length);
                if (options.follow) {
                    // A followed log never ends: JSON Lines, one object per log line.
                    const QByteArray object =
                        QJsonDocument(QJsonObject { { QStringLiteral("pod"), pod }, { QStringLiteral("line"), line } })
                            .toJson(QJsonDocument::Compact) +
                        '\n';
                    std::fwrite(object.constData(), 1, size_t(object.size()), stdout);
                    std::fflush(stdout);
                } else {
                    lines.append(line);
                }
            }
        };
        // Text goes straight to stdout from the worker thread: a followed log is never held in memory.
        PodLogs::stream(
            client, namespaceFor(parser, client), pod, options,
            [&](QByteArrayView text) {
                if (json) {
                    std::lock_guard lock(pendingMutex);
                    pending.append(text.data(), text.size());
                    takeLines(false);
                    return true;
                }
                std::fwrite(text.data(), 1, size_t(text.size()), stdout);
                std::fflush(stdout);
                return true;
            },
            [ended](KubeResponse response) {
                ended->addResult(std::move(response));
                ended->finish();
            });
        const KubeResponse response = await(end);
        if (!response.ok())
            return reportError(arguments[0], response.error);
        if (json) {
            std::lock_guard lock(pendingMutex);
            takeLines(true);
            if (!options.follow)
                printJson(QJsonDocument(QJsonObject { { QStringLiteral("pod"), pod },
                    { QStringLiteral("container"), options.container }, { QStringLiteral("lines"), lines } }));
        }
        return Success;
    }
};

SHIPYARDCTL_REGISTER_COMMAND(LogsCommand)

} // namespace Shipyard::Ctl
