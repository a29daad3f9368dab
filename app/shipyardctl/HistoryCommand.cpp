// SPDX-License-Identifier: GPL-2.0-or-later
#include "CtlCommand.h"
#include "EnvironmentArguments.h"
#include "Output.h"

#include "kube/KubeClient.h"
#include "model/EcosystemLoader.h"
#include "releases/ReleaseStore.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>

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
        EnvironmentArguments::addOptions(parser, tr("the environment"));
        if (const auto exitCode = parse(parser, arguments))
            return *exitCode;
        EnvironmentArguments target;
        if (const auto exitCode = target.load(parser, arguments[0]))
            return *exitCode;
        const Environment *environment = &target.environment();
        QString clientError;
        const KubeClient client = target.cluster().client(environment->context, &clientError);
        if (!client.isValid()) {
            err() << arguments[0] << ": " << clientError << '\n';
            return Failure;
        }
        KubeError error;
        const QList<ReleaseRecord> records =
            ReleaseStore(client, environment->namespaceFor(target.taskKey())).list(&error);
        if (error.isError()) {
            err() << arguments[0] << ": " << error.message << '\n';
            return Failure;
        }
        if (target.wantsJson()) {
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
            // "storefront:up=succeeded"; the Jobs and their logs are in --output json.
            QStringList migrations;
            for (const ReleaseRecord::Migration &migration : record.migrations)
                migrations.append(QStringLiteral("%1:%2=%3")
                        .arg(migration.system, migration.phase, ReleaseRecord::keyword(migration.result)));
            rows.append(
                { record.id, record.time.toLocalTime().toString(Qt::ISODate), ReleaseRecord::keyword(record.result),
                    record.who, record.tasks.join(QLatin1Char(',')), images.join(QLatin1Char(' ')),
                    migrations.isEmpty() ? QStringLiteral("-") : migrations.join(QLatin1Char(' ')) });
        }
        printTable(
            { tr("RELEASE"), tr("TIME"), tr("RESULT"), tr("WHO"), tr("TASKS"), tr("IMAGES"), tr("MIGRATIONS") }, rows);
        // A failed migration is what a person must act on: its Job and log.
        for (const ReleaseRecord &record : records) {
            for (const ReleaseRecord::Migration &migration : record.migrations) {
                if (migration.result != ReleaseRecord::Migration::Result::Failed)
                    continue;
                out() << '\n'
                      << tr("%1: %2 %3 failed (Job %4): %5")
                             .arg(record.id, migration.system, migration.phase, migration.job, migration.message)
                      << '\n';
                for (const QString &line : migration.log.mid(std::max<qsizetype>(migration.log.size() - 10, 0)))
                    out() << "  " << line << '\n';
            }
        }
        return Success;
    }
};

SHIPYARDCTL_REGISTER_COMMAND(HistoryCommand)

} // namespace Shipyard::Ctl
