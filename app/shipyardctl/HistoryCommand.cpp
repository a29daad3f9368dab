// SPDX-License-Identifier: GPL-2.0-or-later
#include "CtlCommand.h"
#include "Output.h"

#include "kube/KubeClient.h"
#include "kube/Kubeconfig.h"
#include "model/EcosystemLoader.h"
#include "pipeline/ReleaseStore.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

namespace Shipyard::Ctl {

class HistoryCommand : public CtlCommand
{
    Q_DECLARE_TR_FUNCTIONS(Shipyard::Ctl::HistoryCommand)
public:
    QString name() const override { return QStringLiteral("history"); }
    QString summary() const override { return tr("list an environment's releases, newest first"); }

    int run(const QStringList &arguments) override
    {
        QCommandLineParser parser;
        parser.addOption({ QStringLiteral("ecosystem"), tr("the ecosystem file"), QStringLiteral("PATH") });
        parser.addOption({ QStringLiteral("environment"), tr("the environment"), QStringLiteral("ENV") });
        parser.addOption(
            { QStringLiteral("kubeconfig"), tr("read only this kubeconfig file"), QStringLiteral("FILE") });
        parser.addOption({ QStringLiteral("task"), tr("the task of a showroom"), QStringLiteral("KEY") });
        parser.addOption(
            { QStringLiteral("output"), tr("text or json"), QStringLiteral("FORMAT"), QStringLiteral("text") });
        if (const auto exitCode = parse(parser, arguments))
            return *exitCode;
        const QString path = parser.value(QStringLiteral("ecosystem"));
        const QString environmentName = parser.value(QStringLiteral("environment"));
        const QString output = parser.value(QStringLiteral("output"));
        if (path.isEmpty() || environmentName.isEmpty() ||
            (output != QLatin1String("text") && output != QLatin1String("json"))) {
            err() << arguments[0] << ": " << tr("--ecosystem and --environment are needed") << '\n';
            return UsageError;
        }
        if (!QFileInfo::exists(path)) {
            err() << arguments[0] << ": " << tr("%1: no such file").arg(path) << '\n';
            return UsageError;
        }
        const EcosystemLoadResult loaded = EcosystemLoader().loadFile(path);
        if (!loaded.ecosystem) {
            for (const Diagnostic &diagnostic : loaded.diagnostics)
                err() << diagnostic.toString() << '\n';
            return UsageError;
        }
        const Environment *environment = loaded.ecosystem->environment(environmentName);
        if (!environment) {
            err() << arguments[0] << ": " << tr("no environment named %1").arg(environmentName) << '\n';
            return UsageError;
        }
        QString clientError;
        const KubeClient client = KubeClient::fromKubeconfig(
            Kubeconfig::load(parser.value(QStringLiteral("kubeconfig"))), environment->context, &clientError);
        if (!client.isValid()) {
            err() << arguments[0] << ": " << clientError << '\n';
            return Failure;
        }
        KubeError error;
        const QList<ReleaseRecord> records =
            ReleaseStore(client, environment->namespaceFor(parser.value(QStringLiteral("task")))).list(&error);
        if (error.isError()) {
            err() << arguments[0] << ": " << error.message << '\n';
            return Failure;
        }
        if (output == QLatin1String("json")) {
            QJsonArray array;
            for (const ReleaseRecord &record : records) {
                QJsonObject object = record.toJson();
                // The applied objects are for restoring, not for reading.
                QJsonArray systems = object.value(QLatin1String("systems")).toArray();
                for (qsizetype i = 0; i < systems.size(); ++i) {
                    QJsonObject system = systems[i].toObject();
                    system.remove(QStringLiteral("objects"));
                    systems[i] = system;
                }
                object.insert(QStringLiteral("systems"), systems);
                array.append(object);
            }
            printJson(QJsonDocument(array));
            return Success;
        }
        QList<QStringList> rows;
        for (const ReleaseRecord &record : records) {
            QStringList images;
            for (const ReleaseRecord::SystemRelease &system : record.systems)
                images.append(
                    system.system + QLatin1Char('=') + (system.image.isEmpty() ? QStringLiteral("-") : system.image));
            rows.append(
                { record.id, record.time.toLocalTime().toString(Qt::ISODate), ReleaseRecord::keyword(record.result),
                    record.who, record.tasks.join(QLatin1Char(',')), images.join(QLatin1Char(' ')) });
        }
        printTable({ tr("RELEASE"), tr("TIME"), tr("RESULT"), tr("WHO"), tr("TASKS"), tr("IMAGES") }, rows);
        return Success;
    }
};

SHIPYARDCTL_REGISTER_COMMAND(HistoryCommand)

} // namespace Shipyard::Ctl
