// SPDX-License-Identifier: GPL-2.0-or-later
#include "CtlCommand.h"
#include "KubeCommandSupport.h"
#include "Output.h"

#include "kube/AccessReview.h"

#include <QJsonArray>
#include <QJsonObject>

namespace Shipyard::Ctl {

class AuthCommand : public CtlCommand
{
    Q_DECLARE_TR_FUNCTIONS(Shipyard::Ctl::AuthCommand)
public:
    QString name() const override { return QStringLiteral("auth"); }
    QString summary() const override { return tr("can-i VERB RESOURCE, or whoami, like kubectl auth"); }

    int run(const QStringList &arguments) override
    {
        QCommandLineParser parser;
        addKubeOptions(parser);
        parser.addOption({ { QStringLiteral("o"), QStringLiteral("output") }, tr("text or json"), tr("FORMAT") });
        parser.addOption(
            { { QStringLiteral("A"), QStringLiteral("all-namespaces") }, tr("can-i: in every namespace") });
        parser.addOption({ { QStringLiteral("q"), QStringLiteral("quiet") }, tr("can-i: only the exit code") });
        parser.addPositionalArgument(QStringLiteral("can-i|whoami"), tr("what to ask"));
        if (const auto exitCode = parse(parser, arguments))
            return *exitCode;
        const QStringList positional = parser.positionalArguments();
        const bool canI =
            positional.value(0) == QLatin1String("can-i") && (positional.size() == 3 || positional.size() == 2);
        const bool whoAmI = positional.value(0) == QLatin1String("whoami") && positional.size() == 1;
        if (!canI && !whoAmI) {
            err() << arguments[0] << ": " << tr("usage: auth can-i VERB RESOURCE[/NAME] [-n NS] | auth whoami") << '\n';
            return UsageError;
        }
        const QString format = parser.value(QStringLiteral("output"));
        if (!format.isEmpty() && format != QLatin1String("text") && format != QLatin1String("json")) {
            err() << arguments[0] << ": " << tr("unknown output format '%1' (text or json)").arg(format) << '\n';
            return UsageError;
        }
        const bool json = format == QLatin1String("json");
        const KubeClient client = kubeClientFor(parser, arguments[0]);
        if (!client.isValid())
            return UsageError;

        if (whoAmI) {
            const AccessReview::Identity identity = await(AccessReview::whoAmI(client));
            if (identity.error.isError())
                return reportError(arguments[0], identity.error);
            if (json) {
                printJson(QJsonDocument(QJsonObject { { QStringLiteral("username"), identity.username },
                    { QStringLiteral("uid"), identity.uid },
                    { QStringLiteral("groups"), QJsonArray::fromStringList(identity.groups) } }));
                return Success;
            }
            QList<QStringList> rows { { tr("Username"), identity.username } };
            if (!identity.uid.isEmpty())
                rows.append({ tr("UID"), identity.uid });
            rows.append({ tr("Groups"), QLatin1Char('[') + identity.groups.join(QLatin1Char(' ')) + QLatin1Char(']') });
            printTable({ tr("ATTRIBUTE"), tr("VALUE") }, rows);
            return Success;
        }

        // "pods/NAME" or "pods" plus an optional name; subresources as "pods/log" need a name-free form.
        QString resource = positional.value(2);
        QString objectName;
        if (positional.size() == 2) {
            err() << arguments[0] << ": " << tr("can-i needs VERB and RESOURCE") << '\n';
            return UsageError;
        }
        if (const QStringList parts = resource.split(QLatin1Char('/')); parts.size() == 2 && !parts[1].isEmpty() &&
            parts[1] != QLatin1String("log") && parts[1] != QLatin1String("status") &&
            parts[1] != QLatin1String("scale") && parts[1] != QLatin1String("exec")) {
            resource = parts[0];
            objectName = parts[1];
        }
        const QString ns = parser.isSet(QStringLiteral("all-namespaces")) ? QString() : namespaceFor(parser, client);
        const AccessReview::Answer answer = await(AccessReview::canI(client, positional[1], resource, ns, objectName));
        if (answer.error.isError())
            return reportError(arguments[0], answer.error);
        if (json && !parser.isSet(QStringLiteral("quiet"))) {
            printJson(QJsonDocument(QJsonObject { { QStringLiteral("allowed"), answer.allowed },
                { QStringLiteral("denied"), answer.denied }, { QStringLiteral("reason"), answer.reason },
                { QStringLiteral("verb"), positional[1] }, { QStringLiteral("resource"), resource },
                { QStringLiteral("name"), objectName }, { QStringLiteral("namespace"), ns } }));
        } else if (!parser.isSet(QStringLiteral("quiet"))) {
            out() << (answer.allowed ? "yes" : "no");
            if (!answer.allowed && !answer.reason.isEmpty())
                out() << " - " << answer.reason;
            out() << '\n';
        }
        return answer.allowed ? Success : Failure;
    }
};

SHIPYARDCTL_REGISTER_COMMAND(AuthCommand)

} // namespace Shipyard::Ctl
