// SPDX-License-Identifier: GPL-2.0-or-later
#include "CtlCommand.h"
#include "EnvironmentArguments.h"
#include "Output.h"

#include "model/EcosystemLoader.h"
#include "pipeline/Delivery.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

namespace Shipyard::Ctl {

class DeliverCommand : public CtlCommand
{
    Q_DECLARE_TR_FUNCTIONS(Shipyard::Ctl::DeliverCommand)
public:
    QString name() const override { return QStringLiteral("deliver"); }
    QString summary() const override { return tr("deliver systems into an environment, rolling back on failure"); }

    int run(const QStringList &arguments) override
    {
        QCommandLineParser parser;
        EnvironmentArguments::addOptions(parser, tr("the environment to deliver into"));
        EnvironmentArguments::addConfirmOption(parser);
        parser.addOption({ QStringLiteral("system"),
            tr("a system to deliver, with its feature branch (default: its upstream); repeatable"),
            QStringLiteral("S[=BRANCH]") });
        parser.addOption({ QStringLiteral("image"), tr("deliver this image instead of building one; repeatable"),
            QStringLiteral("S=REF") });
        parser.addOption({ QStringLiteral("wait-for-lock"), tr("wait while another delivery holds the environment") });
        parser.addOption({ QStringLiteral("skip-tests"), tr("do not run the systems' test commands") });
        parser.addOption({ QStringLiteral("skip-monitoring"),
            tr("do not watch the ecosystem's monitoring query or the environment's alerts after the release") });
        parser.addOption({ QStringLiteral("skip-gates"),
            tr("deliver even when a branch fails the ecosystem's gates (reviews, task status); audited") });
        parser.addOption({ QStringLiteral("override-freeze"),
            tr("deliver into a frozen environment anyway, saying why; audited and recorded"), tr("WHY") });
        parser.addOption({ QStringLiteral("ignore-alerts"),
            tr("deliver although alerts of the environment fire, saying why; audited and recorded"), tr("WHY") });
        if (const auto exitCode = parse(parser, arguments))
            return *exitCode;
        if (parser.values(QStringLiteral("system")).isEmpty()) {
            err() << arguments[0] << ": " << tr("--ecosystem, --environment and at least one --system are needed")
                  << '\n';
            return UsageError;
        }
        EnvironmentArguments place;
        if (const auto exitCode = place.load(parser, arguments[0]))
            return *exitCode;
        if (const auto exitCode = place.requireConfirmation(parser, arguments[0], tr("deliver into it")))
            return *exitCode;
        QMap<QString, QString> images;
        for (const QString &value : parser.values(QStringLiteral("image"))) {
            const qsizetype equals = value.indexOf(QLatin1Char('='));
            if (equals <= 0) {
                err() << arguments[0] << ": " << tr("--image wants SYSTEM=REFERENCE, not %1").arg(value) << '\n';
                return UsageError;
            }
            images.insert(value.left(equals), value.mid(equals + 1));
        }
        QList<Delivery::Target> targets;
        for (const QString &value : parser.values(QStringLiteral("system"))) {
            const qsizetype equals = value.indexOf(QLatin1Char('='));
            Delivery::Target target;
            target.system = equals < 0 ? value : value.left(equals);
            target.branch = equals < 0 ? QString() : value.mid(equals + 1);
            target.image = images.take(target.system);
            if (!place.ecosystem().system(target.system)) {
                err() << arguments[0] << ": " << tr("no system named %1").arg(target.system) << '\n';
                return UsageError;
            }
            targets.append(target);
        }
        if (!images.isEmpty()) {
            err() << arguments[0] << ": " << tr("--image for a system not delivered: %1").arg(images.firstKey())
                  << '\n';
            return UsageError;
        }

        Delivery::Options options;
        options.waitForLock = parser.isSet(QStringLiteral("wait-for-lock"));
        options.cluster = place.cluster();
        options.taskKey = place.taskKey();
        options.runTests = !parser.isSet(QStringLiteral("skip-tests"));
        options.watchMonitoring = !parser.isSet(QStringLiteral("skip-monitoring"));
        options.skipGates = parser.isSet(QStringLiteral("skip-gates"));
        options.freezeOverride = parser.value(QStringLiteral("override-freeze")).trimmed();
        options.alertOverride = parser.value(QStringLiteral("ignore-alerts")).trimmed();
        Delivery delivery(place.ecosystem(), place.environmentName(), targets, options);
        const bool text = !place.wantsJson();
        // Progress goes to stderr so that stdout stays the answer.
        QObject::connect(
            &delivery, &Delivery::logLine, &delivery,
            [](const QString &line) {
                err() << line << '\n';
                err().flush();
            },
            Qt::DirectConnection);
        QObject::connect(
            &delivery, &Delivery::stepStateChanged, &delivery,
            [](Delivery::Step step, const QString &system, Delivery::State state, const QString &message) {
                err() << "[" << Delivery::keyword(step) << (system.isEmpty() ? QString() : QLatin1Char(' ') + system)
                      << "] " << Delivery::keyword(state)
                      << (message.isEmpty() ? QString() : QStringLiteral(": ") + message) << '\n';
                err().flush();
            },
            Qt::DirectConnection);
        delivery.start();
        delivery.wait();
        const Delivery::Result result = delivery.result();
        if (text) {
            out() << tr("delivery %1").arg(Delivery::keyword(result.outcome));
            if (!result.releaseId.isEmpty())
                out() << tr(", release %1").arg(result.releaseId);
            out() << tr(" in %1 s").arg(double(result.duration.count()) / 1000.0, 0, 'f', 1) << '\n';
            if (!result.reason.isEmpty())
                out() << tr("%1: %2").arg(result.failedStep, result.reason) << '\n';
            const QMap<QString, QList<CanaryStepResult>> canary = delivery.canary();
            for (auto it = canary.begin(); it != canary.end(); ++it) {
                out() << tr("canary of %1:").arg(it.key()) << '\n';
                for (const CanaryStepResult &step : it.value())
                    out() << "  " << step.describe() << ": " << CanaryStepResult::keyword(step.verdict)
                          << (step.message.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(step.message)) << '\n';
            }
        } else {
            QJsonObject canary;
            const QMap<QString, QList<CanaryStepResult>> systems = delivery.canary();
            for (auto it = systems.begin(); it != systems.end(); ++it)
                canary.insert(it.key(), CanaryStepResult::toJson(it.value()));
            printJson(QJsonDocument(QJsonObject { { QStringLiteral("outcome"), Delivery::keyword(result.outcome) },
                { QStringLiteral("failedStep"), result.failedStep }, { QStringLiteral("reason"), result.reason },
                { QStringLiteral("release"), result.releaseId },
                { QStringLiteral("previousRelease"), result.previousReleaseId },
                { QStringLiteral("returnedTasks"), QJsonArray::fromStringList(result.returnedTasks) },
                { QStringLiteral("durationMs"), qint64(result.duration.count()) },
                { QStringLiteral("rollbackMs"), qint64(result.rollbackDuration.count()) },
                { QStringLiteral("steps"), Delivery::stepsToJson(delivery.steps()) },
                { QStringLiteral("canary"), canary } }));
        }
        out().flush();
        return result.succeeded() ? Success : Failure;
    }
};

SHIPYARDCTL_REGISTER_COMMAND(DeliverCommand)

} // namespace Shipyard::Ctl
