// SPDX-License-Identifier: GPL-2.0-or-later
#include "CtlCommand.h"
#include "KubeCommandSupport.h"
#include "Output.h"

#include "StopSignals.h"

#include "kube/PodLogs.h"
#include "live/LogFilter.h"
#include "live/SystemLogStream.h"
#include "support/Duration.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonObject>
#include <QPromise>
#include <QTimer>

#include <memory>
#include <mutex>

#include <cstdio>

namespace Shipyard::Ctl {

class LogsCommand : public CtlCommand
{
    Q_DECLARE_TR_FUNCTIONS(Shipyard::Ctl::LogsCommand)
public:
    QString name() const override { return QStringLiteral("logs"); }
    QString summary() const override
    {
        return tr("print or follow the log of a pod's container, or of every pod of a deployment");
    }

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
        parser.addOption({ { QStringLiteral("l"), QStringLiteral("selector") },
            tr("every pod of this label selector, merged by time"), tr("SELECTOR") });
        parser.addOption({ QStringLiteral("since"),
            tr("only lines of the last DURATION (90s, 15m, 2h; pods of a deployment or selector)"), tr("DURATION") });
        parser.addOption({ QStringLiteral("grep"),
            tr("only lines matching this regular expression, case-insensitive (pods of a deployment or selector)"),
            tr("PATTERN") });
        parser.addPositionalArgument(
            QStringLiteral("POD"), tr("the pod, or deployment/NAME for every pod of a deployment"));
        if (const auto exitCode = parse(parser, arguments))
            return *exitCode;
        const QStringList positional = parser.positionalArguments();
        const bool bySelector = parser.isSet(QStringLiteral("selector"));
        if (positional.size() != (bySelector ? 0 : 1)) {
            err() << arguments[0] << ": "
                  << tr("usage: logs POD [-c CONTAINER] [-f] [--previous] [--tail N], "
                        "or logs deployment/NAME|-l SELECTOR [-f] [--since D] [--tail N] [--grep RE]")
                  << '\n';
            return UsageError;
        }
        const QString format = parser.value(QStringLiteral("output"));
        if (format != QLatin1String("text") && format != QLatin1String("json")) {
            err() << arguments[0] << ": " << tr("unknown output format '%1' (text or json)").arg(format) << '\n';
            return UsageError;
        }
        const bool json = format == QLatin1String("json");
        if (bySelector || isDeployment(positional[0]))
            return runSystem(parser, arguments[0], bySelector ? QString() : positional[0].section(u'/', 1), json);
        if (parser.isSet(QStringLiteral("since")) || parser.isSet(QStringLiteral("grep"))) {
            err() << arguments[0] << ": " << tr("--since and --grep are for deployment/NAME or --selector") << '\n';
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

private:
    static bool isDeployment(const QString &argument)
    {
        const QString kind = argument.section(u'/', 0, 0);
        return argument.contains(u'/') &&
            (kind == QLatin1String("deployment") || kind == QLatin1String("deployments") ||
                kind == QLatin1String("deploy") || kind == QLatin1String("deployment.apps"));
    }

    // Every pod of a deployment or selector, each container, merged by
    // time (SystemLogStream), printed as "[pod/container] line".
    int runSystem(const QCommandLineParser &parser, const QString &command, const QString &deployment, bool json)
    {
        SystemLogStream::Options options;
        options.follow = parser.isSet(QStringLiteral("follow"));
        options.maximumLines = 0; // printed as it comes, never held
        if (parser.isSet(QStringLiteral("tail"))) {
            bool ok = false;
            options.tailLines = parser.value(QStringLiteral("tail")).toInt(&ok);
            if (!ok || *options.tailLines < 0) {
                err() << command << ": "
                      << tr("--tail wants a number of lines, not '%1'").arg(parser.value(QStringLiteral("tail")))
                      << '\n';
                return UsageError;
            }
        }
        if (parser.isSet(QStringLiteral("since"))) {
            const auto since = parseDuration(parser.value(QStringLiteral("since")));
            if (!since || since->count() <= 0) {
                err() << command << ": "
                      << tr("--since wants a duration such as 90s, 15m or 2h, not '%1'")
                             .arg(parser.value(QStringLiteral("since")))
                      << '\n';
                return UsageError;
            }
            options.sinceSeconds = int(since->count());
        }
        options.previousLogs = true;
        LogFilter filter;
        filter.setText(parser.value(QStringLiteral("grep")), true);
        filter.setContainer(parser.value(QStringLiteral("container")));
        if (!filter.isValid()) {
            err() << command << ": --grep: " << filter.errorString() << '\n';
            return UsageError;
        }
        const KubeClient client = kubeClientFor(parser, command);
        if (!client.isValid())
            return UsageError;
        SystemLogStream stream(client, namespaceFor(parser, client));
        if (deployment.isEmpty())
            stream.setLabelSelector(parser.value(QStringLiteral("selector")));
        else
            stream.setDeployment(deployment);
        stream.setOptions(options);
        const bool timestamps = parser.isSet(QStringLiteral("timestamps"));
        QJsonArray lines;
        const auto toJson = [](const LogLine &line) {
            return QJsonObject { { QStringLiteral("pod"), line.pod }, { QStringLiteral("container"), line.container },
                { QStringLiteral("time"), line.dateTime().toString(Qt::ISODateWithMs) },
                { QStringLiteral("previous"), line.previous }, { QStringLiteral("line"), line.text } };
        };
        QObject::connect(&stream, &SystemLogStream::linesAppended, &stream, [&](const QList<LogLine> &batch) {
            for (const LogLine &line : batch) {
                if (!filter.matches(line))
                    continue;
                if (json && !options.follow) {
                    lines.append(toJson(line));
                } else if (json) {
                    out() << QJsonDocument(toJson(line)).toJson(QJsonDocument::Compact) << '\n';
                } else {
                    if (timestamps)
                        out() << line.dateTime().toString(Qt::ISODateWithMs) << ' ';
                    out() << line.prefix() << (line.previous ? QStringLiteral(" (previous) ") : QStringLiteral(" "))
                          << line.text << '\n';
                }
            }
            out().flush();
        });
        bool sawPods = false;
        QString firstError;
        QObject::connect(&stream, &SystemLogStream::podsChanged, &stream, [&] { sawPods = true; });
        QObject::connect(&stream, &SystemLogStream::errorOccurred, &stream, [&](const QString &message) {
            if (firstError.isEmpty())
                firstError = message;
            err() << command << ": " << message << '\n';
            err().flush();
        });
        QEventLoop loop;
        QObject::connect(&stream, &SystemLogStream::finished, &loop, &QEventLoop::quit);
        // Followed until Ctrl-C (or SIGTERM): the streams end, the process leaves cleanly.
        StopSignals::install();
        QTimer stopCheck;
        QObject::connect(&stopCheck, &QTimer::timeout, &loop, [&] {
            if (StopSignals::requested())
                loop.quit();
        });
        stopCheck.start(200);
        stream.start();
        loop.exec();
        stream.stop();
        if (json && !options.follow) {
            QJsonObject result { { QStringLiteral("lines"), lines } };
            result.insert(deployment.isEmpty() ? QStringLiteral("selector") : QStringLiteral("deployment"),
                deployment.isEmpty() ? parser.value(QStringLiteral("selector")) : deployment);
            result.insert(QStringLiteral("pods"), QJsonArray::fromStringList(stream.pods()));
            printJson(QJsonDocument(result));
        }
        return !sawPods && !firstError.isEmpty() ? 1 : Success;
    }
};

SHIPYARDCTL_REGISTER_COMMAND(LogsCommand)

} // namespace Shipyard::Ctl
