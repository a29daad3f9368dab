// SPDX-License-Identifier: GPL-2.0-or-later
#include "CtlCommand.h"
#include "EnvironmentArguments.h"
#include "Output.h"

#include "notify/NotificationRouter.h"
#include "notify/Notifier.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace Shipyard::Ctl {

// A notification that says it is a test, to every channel an event in an
// environment goes to: the way to find a webhook URL that is not set, a mail
// server that refuses the login, before a real delivery needs them.
class NotifyCommand : public CtlCommand
{
    Q_DECLARE_TR_FUNCTIONS(Shipyard::Ctl::NotifyCommand)
public:
    QString name() const override { return QStringLiteral("notify"); }
    QString summary() const override
    {
        return tr("send a test notification to the channels an event in an environment goes to");
    }

    int run(const QStringList &arguments) override
    {
        QCommandLineParser parser;
        parser.setApplicationDescription(
            tr("shipyardctl notify --ecosystem PATH --environment ENV [--event EVENT] [--task KEY]\n"
               "  sends a notification marked as a test to every channel the ecosystem's notifications route\n"
               "  EVENT (default delivery.succeeded) in ENV to; KEY is the task a tracker channel comments on.\n"
               "  Exit 1 when a channel did not take it, or when the event goes nowhere."));
        EnvironmentArguments::addOptions(parser, tr("the environment whose channels are tried"));
        parser.addOption({ QStringLiteral("event"), tr("the event, e.g. delivery.failed"), tr("EVENT"),
            QStringLiteral("delivery.succeeded") });
        if (const auto exitCode = parse(parser, arguments))
            return *exitCode;
        const std::optional<NotificationEvent> event =
            notificationEventFromKeyword(parser.value(QStringLiteral("event")));
        if (!event) {
            QStringList events;
            for (NotificationEvent known : NotificationSettings::allEvents())
                events.append(keyword(known));
            err() << arguments[0] << ": "
                  << tr("'%1' is no event (%2)")
                         .arg(parser.value(QStringLiteral("event")), events.join(QStringLiteral(", ")))
                  << '\n';
            return UsageError;
        }
        EnvironmentArguments environment;
        if (const auto exitCode = environment.load(parser, arguments[0]))
            return *exitCode;
        const Ecosystem &ecosystem = environment.ecosystem();

        QStringList channels;
        for (const NotificationChannel *channel :
            NotificationRouter(ecosystem).channels(environment.environmentName(), *event))
            channels.append(channel->name);
        Notification notification;
        notification.event = *event;
        notification.environment = environment.environmentName();
        if (environment.environment().kind != EnvironmentKind::Showroom || !environment.taskKey().isEmpty())
            notification.namespaceName = environment.environment().namespaceFor(environment.taskKey());
        if (!environment.taskKey().isEmpty())
            notification.tasks = { environment.taskKey() };
        notification.systems = { QStringLiteral("(a test)") };
        notification.who = QStringLiteral("shipyardctl notify");
        notification.message = tr("A test of the ecosystem's notifications: nothing happened.");
        const QStringList warnings = channels.isEmpty() ? QStringList() : Notifier(ecosystem).send(notification);

        if (environment.wantsJson()) {
            printJson(QJsonDocument(QJsonObject { { QStringLiteral("environment"), environment.environmentName() },
                { QStringLiteral("event"), keyword(*event) },
                { QStringLiteral("channels"), QJsonArray::fromStringList(channels) },
                { QStringLiteral("warnings"), QJsonArray::fromStringList(warnings) } }));
        } else {
            if (channels.isEmpty())
                err() << arguments[0] << ": "
                      << tr("%1 in %2 goes to no channel").arg(keyword(*event), environment.environmentName()) << '\n';
            for (const QString &channel : std::as_const(channels)) {
                const bool failed = std::any_of(warnings.cbegin(), warnings.cend(), [&](const QString &warning) {
                    return warning.startsWith(QStringLiteral("%1 not sent to %2:").arg(keyword(*event), channel));
                });
                if (!failed)
                    out() << tr("sent to %1").arg(channel) << '\n';
            }
            for (const QString &warning : warnings)
                err() << arguments[0] << ": " << warning << '\n';
        }
        return channels.isEmpty() || !warnings.isEmpty() ? Failure : Success;
    }
};

SHIPYARDCTL_REGISTER_COMMAND(NotifyCommand)

} // namespace Shipyard::Ctl
