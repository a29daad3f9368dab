// SPDX-License-Identifier: GPL-2.0-or-later
#include "CtlCommand.h"
#include "Output.h"

#include "kube/ClusterAccess.h"
#include "model/EcosystemLoader.h"
#include "pipeline/DeliveryRobot.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QThread>

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
        parser.addOption({ QStringLiteral("interval"), tr("seconds between passes (default 60)"),
            QStringLiteral("SECONDS"), QStringLiteral("60") });
        parser.addOption({ QStringLiteral("image"), tr("deliver this image instead of building one; repeatable"),
            QStringLiteral("S=REF") });
        parser.addOption(
            { QStringLiteral("output"), tr("text or json"), QStringLiteral("FORMAT"), QStringLiteral("text") });
        if (const auto exitCode = parse(parser, arguments))
            return *exitCode;
        const QString path = parser.value(QStringLiteral("ecosystem"));
        const QString output = parser.value(QStringLiteral("output"));
        bool intervalOk = false;
        const int interval = parser.value(QStringLiteral("interval")).toInt(&intervalOk);
        if (path.isEmpty() || !parser.positionalArguments().isEmpty()) {
            err() << arguments[0] << ": "
                  << tr("usage: shipyardctl robot --ecosystem PATH [--once] [--interval SECONDS]") << '\n';
            return UsageError;
        }
        if (!intervalOk || interval < 1) {
            err() << arguments[0] << ": "
                  << tr("--interval wants a number of seconds, not %1").arg(parser.value(QStringLiteral("interval")))
                  << '\n';
            return UsageError;
        }
        if (output != QLatin1String("text") && output != QLatin1String("json")) {
            err() << arguments[0] << ": " << tr("--output is text or json, not %1").arg(output) << '\n';
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
        const bool json = output == QLatin1String("json");
        const auto progress = [](const QString &line) {
            err() << line << '\n';
            err().flush();
        };

        while (true) {
            // Re-read every pass: the ecosystem file may have been edited meanwhile.
            const EcosystemLoadResult loaded = EcosystemLoader().loadFile(path);
            if (!loaded.ecosystem) {
                for (const Diagnostic &diagnostic : loaded.diagnostics)
                    err() << diagnostic.toString() << '\n';
                err().flush();
                if (parser.isSet(QStringLiteral("once")))
                    return UsageError;
            } else {
                const DeliveryRobot robot(*loaded.ecosystem, options);
                const DeliveryRobot::PassResult pass = robot.runOnce(progress);
                report(pass, json, arguments[0]);
                if (parser.isSet(QStringLiteral("once")))
                    return pass.succeeded() ? Success : Failure;
            }
            QThread::sleep(static_cast<unsigned long>(interval));
        }
    }

private:
    static void report(const DeliveryRobot::PassResult &pass, bool json, const QString &command)
    {
        for (const QString &warning : pass.warnings)
            err() << command << ": " << tr("warning: %1").arg(warning) << '\n';
        if (!pass.error.isEmpty())
            err() << command << ": " << pass.error << '\n';
        err().flush();
        if (json) {
            QJsonArray actions;
            for (const DeliveryRobot::Action &action : pass.actions)
                actions.append(QJsonObject { { QStringLiteral("task"), action.task },
                    { QStringLiteral("stage"), action.stage }, { QStringLiteral("succeeded"), action.succeeded },
                    { QStringLiteral("detail"), action.detail } });
            printJson(QJsonDocument(
                QJsonObject { { QStringLiteral("time"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate) },
                    { QStringLiteral("actions"), actions }, { QStringLiteral("error"), pass.error },
                    { QStringLiteral("warnings"), QJsonArray::fromStringList(pass.warnings) } }));
            return;
        }
        for (const DeliveryRobot::Action &action : pass.actions)
            out() << action.task << ' ' << action.stage << ": "
                  << (action.succeeded ? action.detail : tr("failed: %1").arg(action.detail)) << '\n';
        out().flush();
    }
};

SHIPYARDCTL_REGISTER_COMMAND(RobotCommand)

} // namespace Shipyard::Ctl
