// SPDX-License-Identifier: GPL-2.0-or-later
#include "CtlCommand.h"
#include "EnvironmentArguments.h"
#include "Output.h"

#include "audit/AuditTrail.h"
#include "pipeline/CanaryControl.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonObject>

namespace Shipyard::Ctl {

// The canaries running in an environment (status), and a person's word on
// one (promote, abort): written on the canary Deployment, where the delivery
// running it acts on it at its next check (see CanaryControl). Audited.
class CanaryCommand : public CtlCommand
{
    Q_DECLARE_TR_FUNCTIONS(Shipyard::Ctl::CanaryCommand)
public:
    QString name() const override { return QStringLiteral("canary"); }
    QString summary() const override
    {
        return tr("a running canary: canary status|promote|abort [SYSTEM] --environment ENV");
    }

    int run(const QStringList &arguments) override
    {
        QCommandLineParser parser;
        EnvironmentArguments::addOptions(parser, tr("the environment the canary runs in"));
        EnvironmentArguments::addConfirmOption(parser);
        parser.addPositionalArgument(QStringLiteral("action"), tr("status, promote or abort"));
        parser.addPositionalArgument(
            QStringLiteral("system"), tr("the system whose canary it is (status: all)"), QStringLiteral("[SYSTEM]"));
        if (const auto exitCode = parse(parser, arguments))
            return *exitCode;
        const QStringList positional = parser.positionalArguments();
        const QString action = positional.value(0);
        const std::optional<CanaryControl::Decision> decision = CanaryControl::decisionFromKeyword(action);
        if (positional.isEmpty() || positional.size() > 2 || (action != QLatin1String("status") && !decision)) {
            err() << arguments[0] << ": " << tr("status, promote or abort, then the system") << '\n';
            return UsageError;
        }
        const QString system = positional.value(1);
        if (decision && system.isEmpty()) {
            err() << arguments[0] << ": " << tr("%1 which system's canary?").arg(action) << '\n';
            return UsageError;
        }
        EnvironmentArguments place;
        if (const auto exitCode = place.load(parser, arguments[0]))
            return *exitCode;
        if (!system.isEmpty() && !place.ecosystem().system(system)) {
            err() << arguments[0] << ": " << tr("no system named %1").arg(system) << '\n';
            return UsageError;
        }
        // Promoting puts the new version in front of everyone: as careful as a delivery.
        if (decision == CanaryControl::Decision::Promote) {
            if (const auto exitCode = place.requireConfirmation(parser, arguments[0], tr("promote a canary there")))
                return *exitCode;
        }
        const Environment &environment = place.environment();
        const QString ns = environment.namespaceFor(place.taskKey());
        QString clientError;
        const KubeClient client = place.cluster().client(environment.context, &clientError);
        if (!client.isValid()) {
            err() << arguments[0] << ": " << clientError << '\n';
            return Failure;
        }
        const CanaryControl control(client, ns);
        if (!decision)
            return status(arguments[0], place, control, system);
        return decide(arguments[0], place, client, control, system, *decision);
    }

private:
    static int status(
        const QString &command, const EnvironmentArguments &place, const CanaryControl &control, const QString &system)
    {
        KubeError error;
        const QList<CanaryState> canaries = control.list(system, &error);
        if (error.isError()) {
            err() << command << ": " << error.message << '\n';
            return Failure;
        }
        if (place.wantsJson()) {
            QJsonArray array;
            for (const CanaryState &canary : canaries)
                array.append(QJsonObject { { QStringLiteral("system"), canary.system },
                    { QStringLiteral("deployment"), canary.deployment }, { QStringLiteral("release"), canary.release },
                    { QStringLiteral("step"), canary.step }, { QStringLiteral("steps"), canary.stepCount },
                    { QStringLiteral("share"), canary.share }, { QStringLiteral("paused"), canary.paused },
                    { QStringLiteral("decision"), canary.decision },
                    { QStringLiteral("verdicts"), CanaryStepResult::toJson(canary.steps) } });
            printJson(QJsonDocument(QJsonObject {
                { QStringLiteral("environment"), place.environmentName() }, { QStringLiteral("canaries"), array } }));
            return Success;
        }
        if (canaries.isEmpty()) {
            out() << tr("no canary runs in %1").arg(place.environmentName()) << '\n';
            return Success;
        }
        QList<QStringList> rows;
        for (const CanaryState &canary : canaries) {
            QString state = canary.paused.isEmpty() ? tr("holding") : canary.paused;
            if (!canary.decision.isEmpty())
                state = tr("%1 by %2, not acted on yet").arg(canary.decision, canary.decidedBy);
            rows.append({ canary.system, canary.deployment,
                tr("%1/%2 (%3 %)").arg(canary.step).arg(canary.stepCount).arg(canary.share), state });
        }
        printTable({ tr("SYSTEM"), tr("DEPLOYMENT"), tr("STEP"), tr("STATE") }, rows);
        out().flush();
        return Success;
    }

    static int decide(const QString &command, const EnvironmentArguments &place, const KubeClient &client,
        const CanaryControl &control, const QString &system, CanaryControl::Decision decision)
    {
        AuditTrail trail(client);
        trail.addSecrets(place.ecosystem().secretMasker());
        CanaryControl::Request request;
        request.system = system;
        request.decision = decision;
        request.who = CanaryControl::currentPerson();
        request.environment = place.environmentName();
        request.context = place.environment().context;
        request.command = trail.maskCommandLine(QCoreApplication::arguments());
        const CanaryControl::Outcome outcome = control.decideAudited(request, trail);
        const std::optional<CanaryState> &before = outcome.before;
        const KubeError &error = outcome.error;
        if (!outcome.auditError.isEmpty())
            err() << command << ": " << tr("warning: audit: %1").arg(outcome.auditError) << '\n';

        if (place.wantsJson()) {
            printJson(QJsonDocument(QJsonObject { { QStringLiteral("ok"), before.has_value() },
                { QStringLiteral("system"), system }, { QStringLiteral("decision"), CanaryControl::keyword(decision) },
                { QStringLiteral("release"), before ? before->release : QString() },
                { QStringLiteral("error"), before ? QString() : error.message } }));
        } else if (before) {
            out() << tr("%1's canary (step %2 of %3, %4 %): %5 requested; the delivery acts on it at its next check")
                         .arg(system)
                         .arg(before->step)
                         .arg(before->stepCount)
                         .arg(before->share)
                         .arg(CanaryControl::keyword(decision))
                  << '\n';
        } else {
            err() << command << ": " << error.message << '\n';
        }
        out().flush();
        return before ? Success : Failure;
    }
};

SHIPYARDCTL_REGISTER_COMMAND(CanaryCommand)

} // namespace Shipyard::Ctl
