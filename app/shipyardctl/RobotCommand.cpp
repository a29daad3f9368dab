// SPDX-License-Identifier: GPL-2.0-or-later
#include "CtlCommand.h"
#include "Output.h"
#include "RobotEndpoint.h"
#include "RobotLog.h"
#include "StopSignals.h"

#include "kube/ClusterAccess.h"
#include "kube/Kubeconfig.h"
#include "model/EcosystemLoader.h"
#include "pipeline/DeliveryRobot.h"
#include "pipeline/RobotLeadership.h"
#include "pipeline/RobotMetrics.h"
#include "pipeline/RobotWakeup.h"
#include "webhooks/WebhookReceiver.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QFileInfo>
#include <QProcessEnvironment>

#include <memory>
#include <optional>

namespace Shipyard::Ctl {

class RobotCommand : public CtlCommand
{
    Q_DECLARE_TR_FUNCTIONS(Shipyard::Ctl::RobotCommand)
public:
    QString name() const override { return QStringLiteral("robot"); }
    QString summary() const override
    {
        return tr("the delivery robot: moves tracker tasks through autotests, showrooms and staging");
    }

    int run(const QStringList &arguments) override
    {
        QCommandLineParser parser;
        parser.addOption({ QStringLiteral("ecosystem"), tr("the ecosystem file"), QStringLiteral("PATH") });
        parser.addOption(
            { QStringLiteral("kubeconfig"), tr("read only this kubeconfig file"), QStringLiteral("FILE") });
        parser.addOption({ QStringLiteral("once"), tr("one pass, then exit: 1 when something failed") });
        parser.addOption({ QStringLiteral("interval"),
            tr("seconds between passes nothing woke (default: the ecosystem's robot.pollInterval, 60)"),
            QStringLiteral("SECONDS") });
        parser.addOption({ QStringLiteral("image"), tr("deliver this image instead of building one; repeatable"),
            QStringLiteral("S=REF") });
        parser.addOption({ QStringLiteral("output"), tr("a pass's actions as text or json"), QStringLiteral("FORMAT"),
            QStringLiteral("text") });
        parser.addOption({ QStringLiteral("log-format"),
            tr("text (lines on stderr) or json (everything on stdout, an object per line)"), QStringLiteral("FORMAT"),
            QStringLiteral("text") });
        parser.addOption({ QStringLiteral("leader-elect"),
            tr("act only while holding a Lease, so that several robots may run and one acts") });
        parser.addOption({ QStringLiteral("lease-context"), tr("the context of the Lease (default: the current one)"),
            QStringLiteral("CONTEXT") });
        parser.addOption({ QStringLiteral("lease-namespace"),
            tr("the namespace of the Lease (default: the context's; in a pod, the service account's)"),
            QStringLiteral("NAMESPACE") });
        parser.addOption({ QStringLiteral("lease-name"), tr("the Lease's name (default shipyard-robot)"),
            QStringLiteral("NAME"), QStringLiteral("shipyard-robot") });
        parser.addOption({ QStringLiteral("identity"), tr("this robot's name in the Lease (default: host and pid)"),
            QStringLiteral("NAME") });
        parser.addOption({ QStringLiteral("lease-duration"), tr("seconds others wait before taking over (default 15)"),
            QStringLiteral("SECONDS"), QStringLiteral("15") });
        parser.addOption({ QStringLiteral("renew-deadline"),
            tr("seconds without a renewal after which this robot stops acting (default 10)"), QStringLiteral("SECONDS"),
            QStringLiteral("10") });
        parser.addOption({ QStringLiteral("retry-period"), tr("seconds between tries and renewals (default 2)"),
            QStringLiteral("SECONDS"), QStringLiteral("2") });
        parser.addOption({ QStringLiteral("listen"),
            tr("serve /metrics, /healthz, /readyz and /webhooks/SOURCE on HOST:PORT or :PORT"),
            QStringLiteral("ADDRESS") });
        if (const auto exitCode = parse(parser, arguments))
            return *exitCode;
        const QString path = parser.value(QStringLiteral("ecosystem"));
        const QString output = parser.value(QStringLiteral("output"));
        if (path.isEmpty() || !parser.positionalArguments().isEmpty()) {
            err() << arguments[0] << ": "
                  << tr("usage: shipyardctl robot --ecosystem PATH [--once] [--interval SECONDS]") << '\n';
            return UsageError;
        }
        std::optional<std::chrono::seconds> interval;
        if (parser.isSet(QStringLiteral("interval"))) {
            bool ok = false;
            const int seconds = parser.value(QStringLiteral("interval")).toInt(&ok);
            if (!ok || seconds < 1) {
                err()
                    << arguments[0] << ": "
                    << tr("--interval wants a number of seconds, not %1").arg(parser.value(QStringLiteral("interval")))
                    << '\n';
                return UsageError;
            }
            interval = std::chrono::seconds(seconds);
        }
        if (output != QLatin1String("text") && output != QLatin1String("json")) {
            err() << arguments[0] << ": " << tr("--output is text or json, not %1").arg(output) << '\n';
            return UsageError;
        }
        const QString logFormat = parser.value(QStringLiteral("log-format"));
        if (logFormat != QLatin1String("text") && logFormat != QLatin1String("json")) {
            err() << arguments[0] << ": " << tr("--log-format is text or json, not %1").arg(logFormat) << '\n';
            return UsageError;
        }
        if (!QFileInfo::exists(path)) {
            err() << arguments[0] << ": " << tr("%1: no such file").arg(path) << '\n';
            return UsageError;
        }
        DeliveryRobot::Options options;
        options.cluster = ClusterAccess::load(parser.value(QStringLiteral("kubeconfig")));
        for (const QString &value : parser.values(QStringLiteral("image"))) {
            const qsizetype equals = value.indexOf(QLatin1Char('='));
            if (equals <= 0) {
                err() << arguments[0] << ": " << tr("--image wants SYSTEM=REFERENCE, not %1").arg(value) << '\n';
                return UsageError;
            }
            options.images.insert(value.left(equals), value.mid(equals + 1));
        }
        // The endpoint's thread speaks too, of the webhooks it answers.
        RobotLog log(logFormat == QLatin1String("json") ? RobotLog::Format::Json : RobotLog::Format::Text,
            output == QLatin1String("json"), arguments[0]);
        const auto progress = [&log](const QString &line) { log.info(line); };

        std::unique_ptr<RobotLeadership> leadership;
        if (parser.isSet(QStringLiteral("leader-elect"))) {
            QString error;
            leadership = makeLeadership(parser, options.cluster, &error);
            if (!leadership) {
                err() << arguments[0] << ": " << error << '\n';
                return UsageError;
            }
            options.mayAct = [&leadership] { return leadership->leading(); };
        }
        StopSignals::install();

        // Declared before the endpoint, whose thread uses them until it is gone.
        RobotMetrics metrics;
        RobotWakeup wakeup;
        WebhookReceiver webhooks;
        RobotEndpoint endpoint(metrics);
        QStringList webhookProblems;
        const bool listening = parser.isSet(QStringLiteral("listen"));
        const auto configureWebhooks = [&](const Ecosystem &ecosystem) {
            QStringList problems =
                webhooks.configure(ecosystem.robot.webhooks, QProcessEnvironment::systemEnvironment());
            if (!listening && !ecosystem.robot.webhooks.secretVariables.isEmpty())
                problems.prepend(tr("robot.webhooks is set, but without --listen no webhook is received"));
            if (problems != webhookProblems) {
                for (const QString &problem : problems)
                    log.warning(problem);
            }
            webhookProblems = problems;
        };
        if (leadership) {
            leadership->setWakeListener([&](const QString &why) { wakeup.wake(tr("passed on: %1").arg(why)); });
        }
        if (listening) {
            // Webhooks are accepted from the start, not only once the first pass is over.
            if (const EcosystemLoadResult loaded = EcosystemLoader().loadFile(path); loaded.ecosystem)
                configureWebhooks(*loaded.ecosystem);
            endpoint.setWebhooks(&webhooks, [&](const QString &source, const WebhookResult &result) {
                if (result.verdict != WebhookResult::Verdict::Accepted) {
                    log.warning(tr("webhook %1: %2 (%3)").arg(source).arg(result.httpStatus()).arg(result.reason));
                    return;
                }
                progress(tr("webhook %1").arg(result.reason));
                wakeup.wake(result.event.summary());
                // A replica standing by leaves word for the leader, who acts at its next renewal.
                if (leadership && !leadership->leading())
                    leadership->requestWake(result.event.summary(), progress);
            });
            QString error;
            if (!endpoint.listen(parser.value(QStringLiteral("listen")), &error)) {
                err() << arguments[0] << ": " << error << '\n';
                return UsageError;
            }
            progress(tr("serving /metrics, /healthz, /readyz and /webhooks/ on %1").arg(endpoint.address()));
        }

        // --interval, else the ecosystem's as last read.
        std::chrono::seconds pollInterval = interval.value_or(RobotSettings().pollInterval);
        while (!StopSignals::requested()) {
            if (leadership && !leadership->leading()) {
                if (!leadership->lostReason().isEmpty())
                    log.warning(tr("stopped leading: %1").arg(leadership->lostReason()));
                metrics.setLeading(false);
                if (!leadership->acquire(StopSignals::flag(), progress))
                    break;
                metrics.setLeading(true);
            }
            // What woke it before this pass began is this pass's; what comes during it makes the next.
            // Taken whether the pass runs or not, or a wake would end every wait at once.
            const std::optional<RobotWakeup::Pending> woken = wakeup.take();
            // Re-read every pass: the ecosystem file may have been edited meanwhile.
            const EcosystemLoadResult loaded = EcosystemLoader().loadFile(path);
            if (!loaded.ecosystem) {
                for (const Diagnostic &diagnostic : loaded.diagnostics)
                    log.write(RobotLog::Level::Error, diagnostic.toString());
                metrics.observeUnloadable(tr("%1 does not load: %2").arg(path, loaded.diagnostics.value(0).toString()));
                if (parser.isSet(QStringLiteral("once")))
                    return UsageError;
            } else {
                configureWebhooks(*loaded.ecosystem);
                pollInterval = interval.value_or(loaded.ecosystem->robot.pollInterval);
                if (woken) {
                    const auto waited = std::chrono::duration_cast<std::chrono::milliseconds>(
                        std::chrono::steady_clock::now() - woken->since);
                    progress(tr("pass woken by %n webhook(s), the first %1 ms ago: %2", nullptr, woken->count)
                            .arg(waited.count())
                            .arg(woken->reasons.join(QStringLiteral("; "))));
                }
                const DeliveryRobot robot(*loaded.ecosystem, options);
                const DeliveryRobot::PassResult pass = robot.runOnce(progress);
                metrics.observePass(pass, QDateTime::currentDateTimeUtc());
                log.pass(pass);
                if (parser.isSet(QStringLiteral("once")))
                    return pass.succeeded() ? Success : Failure;
            }
            // Woken early by a webhook, by SIGTERM, and by a lost lease, so that the next try comes soon.
            wakeup.wait(QDeadlineTimer(pollInterval),
                [&] { return StopSignals::requested() || (leadership && !leadership->leading()); });
        }
        // The Lease is given up as the leadership goes, for the next robot to take at once.
        return Success;
    }

private:
    static std::unique_ptr<RobotLeadership> makeLeadership(
        const QCommandLineParser &parser, const ClusterAccess &cluster, QString *error)
    {
        RobotLeadership::Timing timing;
        const auto seconds = [&](const char *option, int *value) {
            bool ok = false;
            *value = parser.value(QLatin1String(option)).toInt(&ok);
            if (!ok || *value < 1)
                *error = tr("--%1 wants a number of seconds, not %2")
                             .arg(QLatin1String(option), parser.value(QLatin1String(option)));
            return ok && *value >= 1;
        };
        int duration = 0, deadline = 0, retry = 0;
        if (!seconds("lease-duration", &duration) || !seconds("renew-deadline", &deadline) ||
            !seconds("retry-period", &retry))
            return nullptr;
        // client-go's rules: a leader gives up before others may take over,
        // and tries more than once before it gives up.
        if (deadline >= duration || retry >= deadline) {
            *error = tr("the lease wants retry-period < renew-deadline < lease-duration, not %1 < %2 < %3")
                         .arg(retry)
                         .arg(deadline)
                         .arg(duration);
            return nullptr;
        }
        timing.leaseDuration = std::chrono::seconds(duration);
        timing.renewDeadline = std::chrono::seconds(deadline);
        timing.retryPeriod = std::chrono::seconds(retry);

        const QString context = parser.isSet(QStringLiteral("lease-context"))
            ? parser.value(QStringLiteral("lease-context"))
            : cluster.kubeconfig().currentContext();
        QString clientError;
        const KubeClient client = cluster.client(context, &clientError);
        if (!client.isValid()) {
            *error = tr("the Lease's context %1: %2").arg(context, clientError);
            return nullptr;
        }
        // The in-cluster context's namespace is the service account's.
        QString ns = parser.value(QStringLiteral("lease-namespace"));
        if (ns.isEmpty())
            ns = client.defaultNamespace().isEmpty() ? QStringLiteral("default") : client.defaultNamespace();
        const QString identity = parser.isSet(QStringLiteral("identity")) ? parser.value(QStringLiteral("identity"))
                                                                          : RobotLeadership::defaultIdentity();
        return std::make_unique<RobotLeadership>(
            client, ns, parser.value(QStringLiteral("lease-name")), identity, timing);
    }
};

SHIPYARDCTL_REGISTER_COMMAND(RobotCommand)

} // namespace Shipyard::Ctl
