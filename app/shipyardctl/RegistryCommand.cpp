// SPDX-License-Identifier: GPL-2.0-or-later
#include "CtlCommand.h"
#include "EnvironmentArguments.h"
#include "Output.h"

#include "registry/RegistryPrune.h"
#include "support/Duration.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

#include <unistd.h>

namespace Shipyard::Ctl {

class RegistryCommand : public CtlCommand
{
    Q_DECLARE_TR_FUNCTIONS(Shipyard::Ctl::RegistryCommand)
public:
    QString name() const override { return QStringLiteral("registry"); }
    QString summary() const override
    {
        return tr("the image registry: prune [--system S] [--keep N] [--older-than D] [--dry-run] deletes the "
                  "tags nothing uses");
    }

    int run(const QStringList &arguments) override
    {
        QCommandLineParser parser;
        parser.addPositionalArgument(QStringLiteral("action"), tr("prune"));
        parser.addOption({ QStringLiteral("ecosystem"), tr("the ecosystem file"), QStringLiteral("PATH") });
        parser.addOption(
            { QStringLiteral("kubeconfig"), tr("read only this kubeconfig file"), QStringLiteral("FILE") });
        parser.addOption({ QStringLiteral("system"), tr("only this system's repository (default: every system's)"),
            QStringLiteral("NAME") });
        parser.addOption({ QStringLiteral("keep"), tr("keep the newest N tags of each repository (default 10)"),
            QStringLiteral("N"), QStringLiteral("10") });
        parser.addOption({ QStringLiteral("older-than"),
            tr("delete only tags older than this (90s, 15m, 72h, 7d); younger ones are kept"),
            QStringLiteral("DURATION") });
        parser.addOption({ QStringLiteral("dry-run"), tr("say what would be deleted, delete nothing") });
        parser.addOption(
            { QStringLiteral("output"), tr("text or json"), QStringLiteral("FORMAT"), QStringLiteral("text") });
        if (const auto exitCode = parse(parser, arguments))
            return *exitCode;
        const QString command = arguments[0];
        const QStringList positional = parser.positionalArguments();
        const QString output = parser.value(QStringLiteral("output"));
        if (positional != QStringList { QStringLiteral("prune") } ||
            parser.value(QStringLiteral("ecosystem")).isEmpty()) {
            err() << command << ": "
                  << tr("usage: shipyardctl registry prune --ecosystem PATH [--kubeconfig FILE] [--system NAME] "
                        "[--keep N] [--older-than DURATION] [--dry-run] [--output json]")
                  << '\n';
            return UsageError;
        }
        if (output != QLatin1String("text") && output != QLatin1String("json")) {
            err() << command << ": " << tr("--output is text or json, not %1").arg(output) << '\n';
            return UsageError;
        }
        RegistryPrune::Options options;
        bool numeric = false;
        options.keep = parser.value(QStringLiteral("keep")).toInt(&numeric);
        if (!numeric || options.keep < 0) {
            err() << command << ": "
                  << tr("--keep wants a number of tags, 0 or more, not %1").arg(parser.value(QStringLiteral("keep")))
                  << '\n';
            return UsageError;
        }
        if (parser.isSet(QStringLiteral("older-than"))) {
            const auto age = parseDuration(parser.value(QStringLiteral("older-than")));
            if (!age || age->count() <= 0) {
                err() << command << ": "
                      << tr("--older-than wants a duration like 90s, 15m, 72h, 7d, not %1")
                             .arg(parser.value(QStringLiteral("older-than")))
                      << '\n';
                return UsageError;
            }
            options.olderThan = *age;
        }
        options.system = parser.value(QStringLiteral("system"));
        options.dryRun = parser.isSet(QStringLiteral("dry-run"));

        const std::optional<Ecosystem> ecosystem =
            EnvironmentArguments::loadEcosystem(parser.value(QStringLiteral("ecosystem")), command);
        if (!ecosystem)
            return UsageError;
        const ClusterAccess cluster = ClusterAccess::load(parser.value(QStringLiteral("kubeconfig")));
        RegistryPrune::Progress progress;
        // Progress is for someone watching; scripts get the answer alone.
        if (isatty(STDERR_FILENO) == 1)
            progress = [](const QString &line) {
                err() << line << '\n';
                err().flush();
            };
        const RegistryPrune::Result result = RegistryPrune(*ecosystem, cluster).run(options, progress);
        if (output == QLatin1String("json"))
            printJson(QJsonDocument(toJson(result)));
        else
            printText(result);
        if (!result.error.isEmpty())
            err() << command << ": " << result.error << '\n';
        for (const RegistryPrune::Repository &repository : result.repositories) {
            if (!repository.error.isEmpty())
                err() << command << ": " << tr("%1: nothing deleted: %2").arg(repository.repository, repository.error)
                      << '\n';
            for (const RegistryPrune::Tag &tag : repository.deleted)
                if (!tag.error.isEmpty() && tag.error != result.error)
                    err() << command << ": "
                          << tr("%1:%2 not deleted: %3").arg(repository.repository, tag.tag, tag.error) << '\n';
        }
        out().flush();
        err().flush();
        return result.succeeded() ? Success : Failure;
    }

private:
    static QString shortDigest(const QString &digest) { return digest.left(19); }

    static QString iso(const QDateTime &time)
    {
        return time.isValid() ? time.toUTC().toString(Qt::ISODate) : QString();
    }

    static QJsonObject toJson(const RegistryPrune::Tag &tag, bool deleted)
    {
        QJsonObject object { { QStringLiteral("tag"), tag.tag }, { QStringLiteral("digest"), tag.digest },
            { QStringLiteral("created"), iso(tag.created) } };
        if (deleted) {
            object.insert(QStringLiteral("deleted"), tag.deleted);
            object.insert(QStringLiteral("error"), tag.error);
        } else {
            object.insert(QStringLiteral("reasons"), QJsonArray::fromStringList(tag.reasons));
        }
        return object;
    }

    static QJsonObject toJson(const RegistryPrune::Result &result)
    {
        QJsonArray repositories;
        for (const RegistryPrune::Repository &repository : result.repositories) {
            QJsonArray kept;
            for (const RegistryPrune::Tag &tag : repository.kept)
                kept.append(toJson(tag, false));
            QJsonArray deleted;
            for (const RegistryPrune::Tag &tag : repository.deleted)
                deleted.append(toJson(tag, true));
            repositories.append(QJsonObject { { QStringLiteral("repository"), repository.repository },
                { QStringLiteral("systems"), QJsonArray::fromStringList(repository.systems) },
                { QStringLiteral("kept"), kept }, { QStringLiteral("deleted"), deleted },
                { QStringLiteral("error"), repository.error } });
        }
        return QJsonObject { { QStringLiteral("registry"), result.registry },
            { QStringLiteral("dryRun"), result.dryRun }, { QStringLiteral("repositories"), repositories },
            { QStringLiteral("incomplete"), QJsonArray::fromStringList(result.incomplete) },
            { QStringLiteral("error"), result.error } };
    }

    static void printText(const RegistryPrune::Result &result)
    {
        int deletedCount = 0;
        int keptCount = 0;
        for (const RegistryPrune::Repository &repository : result.repositories) {
            if (repository.kept.isEmpty() && repository.deleted.isEmpty())
                continue;
            out() << tr("%1/%2 (%3):")
                         .arg(result.registry, repository.repository, repository.systems.join(QStringLiteral(", ")))
                  << '\n';
            QList<QStringList> rows;
            for (const RegistryPrune::Tag &tag : repository.kept)
                rows.append({ tr("keep"), tag.tag, shortDigest(tag.digest), tag.reasons.join(QStringLiteral("; ")) });
            for (const RegistryPrune::Tag &tag : repository.deleted) {
                const QString what = result.dryRun ? tr("would delete")
                    : tag.deleted                  ? tr("deleted")
                                                   : tr("not deleted");
                rows.append({ what, tag.tag, shortDigest(tag.digest), tag.error });
            }
            keptCount += int(repository.kept.size());
            for (const RegistryPrune::Tag &tag : repository.deleted)
                deletedCount += result.dryRun || tag.deleted ? 1 : 0;
            printTable({ tr("ACTION"), tr("TAG"), tr("DIGEST"), tr("WHY") }, rows);
        }
        if (result.error.isEmpty() || keptCount + deletedCount > 0)
            out() << (result.dryRun ? tr("%1 tag(s) kept, %2 would be deleted (dry run)")
                                    : tr("%1 tag(s) kept, %2 deleted"))
                         .arg(keptCount)
                         .arg(deletedCount)
                  << '\n';
    }
};

SHIPYARDCTL_REGISTER_COMMAND(RegistryCommand)

} // namespace Shipyard::Ctl
