// SPDX-License-Identifier: GPL-2.0-or-later
#include "CtlCommand.h"
#include "EnvironmentArguments.h"
#include "Output.h"

#include "pipeline/ShowroomManager.h"
#include "support/Duration.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

#include <unistd.h>

namespace Shipyard::Ctl {

class ShowroomCommand : public CtlCommand
{
    Q_DECLARE_TR_FUNCTIONS(Shipyard::Ctl::ShowroomCommand)
public:
    QString name() const override { return QStringLiteral("showroom"); }
    QString summary() const override
    {
        return tr("showrooms, one namespace per task for QA: up | down | pin | unpin | sleep | wake TASK, list, "
                  "sweep [--dry-run]");
    }

    int run(const QStringList &arguments) override
    {
        QCommandLineParser parser;
        EnvironmentArguments::addOptions(parser, tr("the showroom environment (default: the only one)"));
        parser.addPositionalArgument(QStringLiteral("action"), tr("up, down, pin, unpin, sleep, wake, list or sweep"));
        parser.addPositionalArgument(
            QStringLiteral("task"), tr("the task key (up, down, pin, unpin, sleep, wake)"), QStringLiteral("[TASK]"));
        parser.addOption(
            { QStringLiteral("reason"), tr("pin: why the showroom must outlive its expiry (required)"), tr("WHY") });
        parser.addOption({ QStringLiteral("image"), tr("up: deliver this image instead of building one; repeatable"),
            QStringLiteral("S=REF") });
        parser.addOption(
            { QStringLiteral("ttl"), tr("up: the showroom lives this long from now (default: the environment's ttl)"),
                QStringLiteral("DURATION") });
        parser.addOption({ QStringLiteral("skip-tests"), tr("up: do not run the systems' test commands") });
        parser.addOption({ QStringLiteral("dry-run"), tr("sweep: say what would be removed, remove nothing") });
        if (const auto exitCode = parse(parser, arguments))
            return *exitCode;
        const QStringList positional = parser.positionalArguments();
        const QString action = positional.value(0);
        static const QStringList taskActions { QStringLiteral("up"), QStringLiteral("down"), QStringLiteral("pin"),
            QStringLiteral("unpin"), QStringLiteral("sleep"), QStringLiteral("wake") };
        const bool wantsTask = taskActions.contains(action);
        const bool known = wantsTask || action == QLatin1String("list") || action == QLatin1String("sweep");
        QString task = positional.value(1, parser.value(QStringLiteral("task")));
        if (!known || (wantsTask && task.isEmpty()) || positional.size() > (wantsTask ? 2 : 1)) {
            err() << arguments[0] << ": "
                  << tr("usage: shipyardctl showroom up|down|pin|unpin|sleep|wake TASK | list | sweep [--dry-run] "
                        "--ecosystem PATH")
                  << '\n';
            return UsageError;
        }
        EnvironmentArguments place;
        if (const auto exitCode = place.load(parser, arguments[0], {}, EnvironmentKind::Showroom))
            return *exitCode;
        if (place.environment().kind != EnvironmentKind::Showroom) {
            err() << arguments[0] << ": "
                  << tr("environment %1 is of kind %2, not showroom")
                         .arg(place.environmentName(), keyword(place.environment().kind))
                  << '\n';
            return UsageError;
        }
        m_json = place.wantsJson();
        m_command = arguments[0];
        // Progress is for someone watching; scripts get the answer alone.
        m_progress = isatty(STDERR_FILENO) == 1;
        ShowroomManager showrooms(place.ecosystem(), place.environmentName(), place.cluster());
        if (!showrooms.error().isEmpty()) {
            err() << arguments[0] << ": " << showrooms.error() << '\n';
            return Failure;
        }
        if (action == QLatin1String("up"))
            return up(showrooms, parser, task);
        if (action == QLatin1String("down"))
            return down(showrooms, task);
        if (action == QLatin1String("pin")) {
            const QString why = parser.value(QStringLiteral("reason")).trimmed();
            if (why.isEmpty()) {
                err() << arguments[0] << ": " << tr("pin wants --reason WHY: it is shown and audited") << '\n';
                return UsageError;
            }
            return changed(task, showrooms.pin(task, why));
        }
        if (action == QLatin1String("unpin"))
            return changed(task, showrooms.unpin(task));
        if (action == QLatin1String("sleep"))
            return changed(task, showrooms.sleep(task, QDateTime::currentDateTimeUtc(), progress()));
        if (action == QLatin1String("wake"))
            return changed(task, showrooms.wake(task, progress()));
        if (action == QLatin1String("list"))
            return list(showrooms);
        return sweep(showrooms, parser.isSet(QStringLiteral("dry-run")));
    }

private:
    ShowroomManager::Progress progress() const
    {
        if (!m_progress)
            return {};
        return [](const QString &line) {
            err() << line << '\n';
            err().flush();
        };
    }

    static QString iso(const QDateTime &time)
    {
        return time.isValid() ? time.toUTC().toString(Qt::ISODate) : QString();
    }

    int up(const ShowroomManager &showrooms, const QCommandLineParser &parser, const QString &task)
    {
        ShowroomManager::UpOptions options;
        options.runTests = !parser.isSet(QStringLiteral("skip-tests"));
        for (const QString &value : parser.values(QStringLiteral("image"))) {
            const qsizetype equals = value.indexOf(QLatin1Char('='));
            if (equals <= 0) {
                err() << m_command << ": " << tr("--image wants SYSTEM=REFERENCE, not %1").arg(value) << '\n';
                return UsageError;
            }
            options.images.insert(value.left(equals), value.mid(equals + 1));
        }
        if (parser.isSet(QStringLiteral("ttl"))) {
            const auto ttl = parseDuration(parser.value(QStringLiteral("ttl")));
            if (!ttl || ttl->count() <= 0) {
                err() << m_command << ": "
                      << tr("--ttl wants a duration like 90s, 15m, 72h, 7d, not %1")
                             .arg(parser.value(QStringLiteral("ttl")))
                      << '\n';
                return UsageError;
            }
            options.ttl = *ttl;
        }
        const ShowroomManager::UpResult result = showrooms.up(task, options, progress());
        QJsonArray systems;
        for (const Delivery::Target &target : result.targets)
            systems.append(QJsonObject { { QStringLiteral("system"), target.system },
                { QStringLiteral("branch"), target.usesUpstream() ? QString() : target.branch },
                { QStringLiteral("image"), target.image } });
        const QString outcome = !result.error.isEmpty() ? QStringLiteral("failed")
            : result.delivery                           ? Delivery::keyword(result.delivery->outcome)
                                                        : QStringLiteral("failed");
        const QString reason = !result.error.isEmpty() ? result.error
            : result.delivery                          ? result.delivery->reason
                                                       : QString();
        if (m_json) {
            printJson(QJsonDocument(QJsonObject { { QStringLiteral("task"), task },
                { QStringLiteral("namespace"), result.namespaceName }, { QStringLiteral("created"), result.created },
                { QStringLiteral("expiresAt"), iso(result.expiresAt) }, { QStringLiteral("outcome"), outcome },
                { QStringLiteral("reason"), reason },
                { QStringLiteral("release"), result.delivery ? result.delivery->releaseId : QString() },
                { QStringLiteral("systems"), systems } }));
        } else if (result.succeeded()) {
            out() << (result.created ? tr("showroom %1 is up in %2, expires at %3")
                                     : tr("showroom %1 updated in %2, expires at %3"))
                         .arg(task, result.namespaceName, iso(result.expiresAt))
                  << '\n';
            for (const Delivery::Target &target : result.targets)
                out() << "  " << target.system << ": " << (target.usesUpstream() ? tr("upstream") : target.branch)
                      << '\n';
        } else {
            err() << m_command << ": " << tr("showroom %1 %2: %3").arg(task, outcome, reason) << '\n';
        }
        out().flush();
        return result.succeeded() ? Success : Failure;
    }

    int changed(const QString &task, const ShowroomManager::ChangeResult &result)
    {
        if (m_json)
            printJson(QJsonDocument(
                QJsonObject { { QStringLiteral("task"), task }, { QStringLiteral("namespace"), result.namespaceName },
                    { QStringLiteral("changes"), QJsonArray::fromStringList(result.changes) },
                    { QStringLiteral("error"), result.error } }));
        if (!result.succeeded()) {
            err() << m_command << ": " << result.error << '\n';
            return Failure;
        }
        if (!m_json) {
            out() << tr("showroom %1 (%2):").arg(task, result.namespaceName) << '\n';
            for (const QString &change : result.changes)
                out() << "  " << change << '\n';
        }
        out().flush();
        return Success;
    }

    int down(const ShowroomManager &showrooms, const QString &task)
    {
        const ShowroomManager::DownResult result = showrooms.down(task, progress());
        if (m_json)
            printJson(QJsonDocument(
                QJsonObject { { QStringLiteral("task"), task }, { QStringLiteral("namespace"), result.namespaceName },
                    { QStringLiteral("deleted"), result.succeeded() }, { QStringLiteral("error"), result.error } }));
        if (!result.succeeded()) {
            err() << m_command << ": " << result.error << '\n';
            return Failure;
        }
        if (!m_json)
            out() << tr("showroom %1 is down (%2 deleted)").arg(task, result.namespaceName) << '\n';
        out().flush();
        return Success;
    }

    static QString age(const QDateTime &from, const QDateTime &now)
    {
        if (!from.isValid())
            return QStringLiteral("-");
        return formatDuration(std::chrono::seconds(std::max<qint64>(0, from.secsTo(now))));
    }

    static QJsonObject toJson(const ShowroomInfo &showroom, const QDateTime &now)
    {
        return QJsonObject { { QStringLiteral("namespace"), showroom.namespaceName },
            { QStringLiteral("task"), showroom.task }, { QStringLiteral("creator"), showroom.creator },
            { QStringLiteral("created"), iso(showroom.created) },
            { QStringLiteral("ageSeconds"), showroom.created.isValid() ? showroom.created.secsTo(now) : 0 },
            { QStringLiteral("expiresAt"), iso(showroom.expiresAt) },
            { QStringLiteral("expired"), showroom.isExpired(now) },
            { QStringLiteral("terminating"), showroom.terminating }, { QStringLiteral("pinnedBy"), showroom.pinnedBy },
            { QStringLiteral("pinReason"), showroom.pinReason },
            { QStringLiteral("sleepingSince"), iso(showroom.sleepingSince) },
            { QStringLiteral("deliveredAt"), iso(showroom.deliveredAt) },
            { QStringLiteral("deployments"), showroom.deployments },
            { QStringLiteral("podsReady"), showroom.podsReady }, { QStringLiteral("podsTotal"), showroom.podsTotal } };
    }

    int list(const ShowroomManager &showrooms)
    {
        QString error;
        const QList<ShowroomInfo> found = showrooms.list(&error);
        if (!error.isEmpty()) {
            err() << m_command << ": " << error << '\n';
            return Failure;
        }
        const QDateTime now = QDateTime::currentDateTimeUtc();
        if (m_json) {
            QJsonArray items;
            for (const ShowroomInfo &showroom : found)
                items.append(toJson(showroom, now));
            printJson(QJsonDocument(items));
            return Success;
        }
        QList<QStringList> rows;
        for (const ShowroomInfo &showroom : found) {
            QString expiry = iso(showroom.expiresAt);
            if (showroom.terminating)
                expiry += tr(" (terminating)");
            else if (showroom.isExpired(now) && showroom.isPinned())
                expiry += tr(" (expired, pinned by %1: %2)").arg(showroom.pinnedBy, showroom.pinReason);
            else if (showroom.isExpired(now))
                expiry += tr(" (expired)");
            else if (showroom.isPinned())
                expiry += tr(" (pinned by %1: %2)").arg(showroom.pinnedBy, showroom.pinReason);
            if (showroom.isAsleep())
                expiry += tr(" (asleep since %1)").arg(iso(showroom.sleepingSince));
            rows.append({ showroom.task, showroom.namespaceName, showroom.creator, age(showroom.created, now),
                expiry.isEmpty() ? QStringLiteral("-") : expiry, QString::number(showroom.deployments),
                QStringLiteral("%1/%2").arg(showroom.podsReady).arg(showroom.podsTotal) });
        }
        printTable({ tr("TASK"), tr("NAMESPACE"), tr("CREATOR"), tr("AGE"), tr("EXPIRES"), tr("DEPLOYMENTS"),
                       tr("PODS READY") },
            rows);
        return Success;
    }

    int sweep(const ShowroomManager &showrooms, bool dryRun)
    {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const ShowroomManager::SweepResult result = showrooms.sweep(now, dryRun, progress());
        if (!result.error.isEmpty()) {
            err() << m_command << ": " << result.error << '\n';
            return Failure;
        }
        for (const QString &warning : result.warnings)
            err() << m_command << ": " << tr("warning: %1").arg(warning) << '\n';
        if (m_json) {
            QJsonArray removed;
            for (const ShowroomManager::SweepEntry &entry : result.removed) {
                QJsonObject item = toJson(entry.showroom, now);
                item.insert(QStringLiteral("reasons"), QJsonArray::fromStringList(entry.reasons));
                item.insert(QStringLiteral("removed"), entry.removed);
                item.insert(QStringLiteral("error"), entry.error);
                removed.append(item);
            }
            QJsonArray kept;
            for (const ShowroomInfo &showroom : result.kept)
                kept.append(toJson(showroom, now));
            QJsonArray slept;
            for (const ShowroomManager::SweepEntry &entry : result.slept) {
                QJsonObject item = toJson(entry.showroom, now);
                item.insert(QStringLiteral("reasons"), QJsonArray::fromStringList(entry.reasons));
                item.insert(QStringLiteral("slept"), entry.removed);
                item.insert(QStringLiteral("error"), entry.error);
                slept.append(item);
            }
            printJson(QJsonDocument(
                QJsonObject { { QStringLiteral("dryRun"), dryRun }, { QStringLiteral("removed"), removed },
                    { QStringLiteral("kept"), kept }, { QStringLiteral("slept"), slept },
                    { QStringLiteral("warnings"), QJsonArray::fromStringList(result.warnings) } }));
        } else {
            for (const ShowroomManager::SweepEntry &entry : result.removed) {
                const QString why = entry.reasons.join(QStringLiteral("; "));
                if (!entry.error.isEmpty())
                    err() << m_command << ": "
                          << tr("%1 not removed: %2").arg(entry.showroom.namespaceName, entry.error) << '\n';
                else
                    out() << (dryRun ? tr("would remove %1 (%2): %3") : tr("removed %1 (%2): %3"))
                                 .arg(entry.showroom.namespaceName, entry.showroom.task, why)
                          << '\n';
            }
            for (const ShowroomManager::SweepEntry &entry : result.slept) {
                if (!entry.error.isEmpty())
                    err() << m_command << ": "
                          << tr("%1 not put to sleep: %2").arg(entry.showroom.namespaceName, entry.error) << '\n';
                else
                    out() << (dryRun ? tr("would put %1 (%2) to sleep: %3") : tr("put %1 (%2) to sleep: %3"))
                                 .arg(entry.showroom.namespaceName, entry.showroom.task,
                                     entry.reasons.join(QStringLiteral("; ")))
                          << '\n';
            }
            out() << tr("%n showroom(s) kept", nullptr, int(result.kept.size())) << '\n';
        }
        out().flush();
        err().flush();
        return result.succeeded() ? Success : Failure;
    }

    QString m_command;
    bool m_json = false;
    bool m_progress = false;
};

SHIPYARDCTL_REGISTER_COMMAND(ShowroomCommand)

} // namespace Shipyard::Ctl
