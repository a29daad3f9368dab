// SPDX-License-Identifier: GPL-2.0-or-later
#include "CtlCommand.h"
#include "KubeCommandSupport.h"
#include "Output.h"

#include "kube/KubeDiscovery.h"
#include "kube/KubePager.h"

#include <QJsonArray>
#include <QJsonObject>

namespace Shipyard::Ctl {

class GetCommand : public CtlCommand
{
    Q_DECLARE_TR_FUNCTIONS(Shipyard::Ctl::GetCommand)
public:
    QString name() const override { return QStringLiteral("get"); }
    QString summary() const override { return tr("list or show objects of any resource type, like kubectl get"); }

    int run(const QStringList &arguments) override
    {
        QCommandLineParser parser;
        addKubeOptions(parser);
        parser.addOption({ { QStringLiteral("A"), QStringLiteral("all-namespaces") }, tr("every namespace") });
        parser.addOption({ { QStringLiteral("o"), QStringLiteral("output") }, tr("text, wide or json"), tr("FORMAT") });
        parser.addOption({ { QStringLiteral("l"), QStringLiteral("selector") }, tr("label selector"), tr("SELECTOR") });
        parser.addOption({ QStringLiteral("show-managed-fields"), tr("keep metadata.managedFields in JSON output") });
        parser.addOption({ QStringLiteral("chunk-size"), tr("objects per page (0: all at once)"), tr("N"),
            QString::number(KubePager::defaultPageSize) });
        parser.addPositionalArgument(QStringLiteral("RESOURCE"), tr("pods, deployments.apps, deploy, ..."));
        parser.addPositionalArgument(QStringLiteral("NAME"), tr("one object"), QStringLiteral("[NAME]"));
        if (const auto exitCode = parse(parser, arguments))
            return *exitCode;
        const QStringList positional = parser.positionalArguments();
        const QString format = parser.value(QStringLiteral("output"));
        if (positional.isEmpty() || positional.size() > 2 ||
            (!format.isEmpty() && format != QLatin1String("text") && format != QLatin1String("json") &&
                format != QLatin1String("wide"))) {
            err() << arguments[0] << ": " << tr("usage: get RESOURCE [NAME] [-n NS | -A] [-o text|wide|json]") << '\n';
            return UsageError;
        }
        const KubeClient client = kubeClientFor(parser, arguments[0]);
        if (!client.isValid())
            return UsageError;

        const KubeDiscovery discovery = await(KubeDiscovery::fetch(client));
        if (!discovery.isValid())
            return reportError(arguments[0], discovery.error());
        const KubeResourceType type = discovery.find(positional[0]);
        if (!type.isValid()) {
            err() << arguments[0] << ": " << tr("the server doesn't have a resource type \"%1\"").arg(positional[0])
                  << '\n';
            return Failure;
        }
        const bool allNamespaces = parser.isSet(QStringLiteral("all-namespaces"));
        const QString ns = allNamespaces ? QString() : namespaceFor(parser, client);
        const QString name = positional.value(1);
        QUrlQuery query;
        if (parser.isSet(QStringLiteral("selector")))
            query.addQueryItem(QStringLiteral("labelSelector"), parser.value(QStringLiteral("selector")));

        if (format == QLatin1String("json")) {
            // Like kubectl since 1.21, managedFields only on request.
            const bool keepManagedFields = parser.isSet(QStringLiteral("show-managed-fields"));
            const auto trimmed = [keepManagedFields](QJsonObject item) {
                if (!keepManagedFields) {
                    QJsonObject metadata = item.value(QLatin1String("metadata")).toObject();
                    if (metadata.contains(QLatin1String("managedFields"))) {
                        metadata.remove(QLatin1String("managedFields"));
                        item.insert(QStringLiteral("metadata"), metadata);
                    }
                }
                return item;
            };
            if (!name.isEmpty()) {
                const KubeResponse response = await(client.get(type.path(ns, name)));
                if (!response.ok())
                    return reportError(arguments[0], response.error);
                printJson(QJsonDocument(trimmed(response.json())));
                return Success;
            }
            const KubeListResult list = await(
                KubePager::list(client, type.path(ns), query, parser.value(QStringLiteral("chunk-size")).toInt()));
            if (list.error.isError())
                return reportError(arguments[0], list.error);
            // kubectl prints a v1 List whose items carry their kind again.
            QJsonArray items;
            for (const QJsonValue &value : list.items) {
                QJsonObject item = trimmed(value.toObject());
                item.insert(QStringLiteral("apiVersion"), type.groupVersion());
                item.insert(QStringLiteral("kind"), type.kind);
                items.append(item);
            }
            printJson(QJsonDocument(QJsonObject {
                { QStringLiteral("apiVersion"), QStringLiteral("v1") },
                { QStringLiteral("kind"), QStringLiteral("List") },
                { QStringLiteral("items"), items },
                { QStringLiteral("metadata"), QJsonObject { { QStringLiteral("resourceVersion"), QString() } } },
            }));
            return Success;
        }

        // Tables come from the server, so every type prints the columns kubectl prints.
        KubeRequest request = KubeRequest::get(type.path(ns, name), query);
        request.accept = "application/json;as=Table;v=v1;g=meta.k8s.io,application/json";
        const KubeResponse response = await(client.send(request));
        if (!response.ok())
            return reportError(arguments[0], response.error);
        const QJsonObject table = response.json();
        const bool wide = format == QLatin1String("wide");
        QStringList header;
        QList<int> columns;
        const QJsonArray definitions = table.value(QLatin1String("columnDefinitions")).toArray();
        for (int c = 0; c < definitions.size(); ++c) {
            if (wide || definitions[c][QLatin1String("priority")].toInt() == 0) {
                header.append(definitions[c][QLatin1String("name")].toString().toUpper());
                columns.append(c);
            }
        }
        const bool showNamespace = allNamespaces && type.namespaced;
        if (showNamespace)
            header.prepend(tr("NAMESPACE"));
        QList<QStringList> rows;
        for (const QJsonValue &rowValue : table.value(QLatin1String("rows")).toArray()) {
            const QJsonArray cells = rowValue[QLatin1String("cells")].toArray();
            QStringList row;
            if (showNamespace)
                row.append(rowValue[QLatin1String("object")][QLatin1String("metadata")][QLatin1String("namespace")]
                        .toString());
            for (int c : std::as_const(columns)) {
                const QJsonValue cell = cells.at(c);
                row.append(cell.isString() ? cell.toString()
                        : cell.isDouble()  ? QString::number(cell.toInteger())
                        : cell.isBool()    ? (cell.toBool() ? QStringLiteral("true") : QStringLiteral("false"))
                        : cell.isNull()
                        ? QStringLiteral("<none>")
                        : QString::fromUtf8(QJsonDocument(cell.toObject()).toJson(QJsonDocument::Compact)));
            }
            rows.append(row);
        }
        if (rows.isEmpty()) {
            err() << (ns.isEmpty() ? tr("No resources found") : tr("No resources found in %1 namespace.").arg(ns))
                  << '\n';
            return Success;
        }
        printTable(header, rows);
        return Success;
    }
};

SHIPYARDCTL_REGISTER_COMMAND(GetCommand)

} // namespace Shipyard::Ctl
