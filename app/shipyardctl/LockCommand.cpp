// SPDX-License-Identifier: GPL-2.0-or-later
#include "CtlCommand.h"
#include "EnvironmentArguments.h"
#include "Output.h"
#include "StopSignals.h"

#include "audit/AuditTrail.h"
#include "pipeline/EnvironmentLock.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonObject>

#include <atomic>
#include <thread>

namespace Shipyard::Ctl {

namespace {

QString localTime(const QDateTime &time)
{
    return time.isValid() ? time.toLocalTime().toString(Qt::ISODate) : QStringLiteral("-");
}

// user@host of an identity user@host/pid: the same person on the same machine.
QString personOf(const QString &identity)
{
    return identity.section(QLatin1Char('/'), 0, 0);
}

} // namespace

// An environment's delivery lock by hand: who holds it and who waits
// (status), holding it to freeze the environment (take), and letting it go
// (release; --force breaks another's lock, audited as a warning).
class LockCommand : public CtlCommand
{
    Q_DECLARE_TR_FUNCTIONS(Shipyard::Ctl::LockCommand)
public:
    QString name() const override { return QStringLiteral("lock"); }
    QString summary() const override
    {
        return tr("an environment's delivery lock: lock status|take|release ENVIRONMENT");
    }

    int run(const QStringList &arguments) override
    {
        QCommandLineParser parser;
        addOptions(parser);
        if (const auto exitCode = parse(parser, arguments))
            return *exitCode;
        const QStringList positional = parser.positionalArguments();
        if (positional.isEmpty() || positional.size() > 2) {
            err() << arguments[0] << ": " << tr("status, take or release, then the environment") << '\n';
            return UsageError;
        }
        if (positional.size() == 2 && parser.isSet(QStringLiteral("environment"))) {
            err() << arguments[0] << ": " << tr("the environment is given twice") << '\n';
            return UsageError;
        }
        const QString action = positional.first();
        if (action != QLatin1String("status") && action != QLatin1String("take") &&
            action != QLatin1String("release")) {
            err() << arguments[0] << ": " << tr("unknown action %1: status, take or release").arg(action) << '\n';
            return UsageError;
        }
        EnvironmentArguments place;
        if (const auto exitCode = place.load(parser, arguments[0], positional.value(1)))
            return *exitCode;
        bool durationOk = false;
        const int leaseSeconds = parser.value(QStringLiteral("lease-seconds")).toInt(&durationOk);
        if (!durationOk || leaseSeconds < 2) {
            err() << arguments[0] << ": " << tr("--lease-seconds must be a number of seconds, at least 2") << '\n';
            return UsageError;
        }

        const Environment &environment = place.environment();
        const QString ns = environment.namespaceFor(place.taskKey());
        QString clientError;
        const KubeClient client = place.cluster().client(environment.context, &clientError);
        if (!client.isValid()) {
            err() << arguments[0] << ": " << clientError << '\n';
            return Failure;
        }
        Context context { arguments[0], place, environment, ns, client, parser };
        if (action == QLatin1String("status"))
            return status(context);
        if (action == QLatin1String("take"))
            return take(context, std::chrono::seconds(leaseSeconds));
        return release(context);
    }

private:
    struct Context
    {
        QString command;
        const EnvironmentArguments &place;
        const Environment &environment;
        QString ns;
        KubeClient client;
        const QCommandLineParser &parser;
    };

    static void addOptions(QCommandLineParser &parser)
    {
        EnvironmentArguments::addOptions(parser, tr("the environment (or give it after the action)"));
        parser.addOption(
            { QStringLiteral("wait"), tr("take: queue until the lock is free (first come, first served)") });
        parser.addOption({ QStringLiteral("reason"), tr("take: why, shown to the others"), QStringLiteral("TEXT") });
        parser.addOption({ QStringLiteral("force"), tr("release: break another's lock (audited)") });
        parser.addOption(
            { QStringLiteral("lease-seconds"), tr("take: how long the lock outlives this process if it dies"),
                QStringLiteral("SECONDS"), QStringLiteral("15") });
        parser.addPositionalArgument(QStringLiteral("action"), tr("status, take or release"));
        parser.addPositionalArgument(QStringLiteral("environment"), tr("the environment"), QStringLiteral("[ENV]"));
    }

    static QJsonObject where(const Context &context)
    {
        return QJsonObject { { QStringLiteral("environment"), context.environment.name },
            { QStringLiteral("context"), context.environment.context }, { QStringLiteral("namespace"), context.ns } };
    }

    // The ecosystem's credentials are masked too, whatever their variables are called.
    static AuditTrail trailFor(const Context &context)
    {
        AuditTrail trail(context.client);
        trail.addSecrets(context.place.ecosystem().secretMasker());
        return trail;
    }

    static void audit(const Context &context, const QString &action, const QString &result, QJsonObject details)
    {
        const AuditTrail trail = trailFor(context);
        AuditRecord record;
        record.action = action;
        record.context = context.environment.context;
        record.namespaceName = context.ns;
        record.result = result;
        details.insert(QStringLiteral("environment"), context.environment.name);
        details.insert(QStringLiteral("command"), trail.maskCommandLine(QCoreApplication::arguments()));
        record.details = details;
        const AuditTrail::Outcome outcome = trail.record(record);
        if (!outcome.ok())
            err() << context.command << ": " << tr("warning: audit: %1").arg(outcome.errorMessage()) << '\n';
        err().flush();
    }

    static int status(const Context &context)
    {
        const EnvironmentLock::Status status = EnvironmentLock::read(context.client, context.ns);
        if (status.error.isError()) {
            err() << context.command << ": " << status.error.message << '\n';
            return Failure;
        }
        if (context.place.wantsJson()) {
            QJsonObject root = where(context);
            const QJsonObject lock = status.toJson();
            for (auto it = lock.begin(); it != lock.end(); ++it)
                root.insert(it.key(), it.value());
            printJson(QJsonDocument(root));
            return Success;
        }
        out() << tr("%1 (context %2, namespace %3)")
                     .arg(context.environment.name, context.environment.context, context.ns)
              << '\n';
        if (!status.isHeld()) {
            out() << (status.expired ? tr("lock: free (%1 stopped renewing it at %2)")
                                           .arg(status.holder, localTime(status.renewed))
                                     : tr("lock: free"))
                  << '\n';
        } else {
            out() << tr("lock: held by %1 since %2, renewed %3")
                         .arg(status.holder, localTime(status.acquired), localTime(status.renewed))
                  << '\n';
            if (!status.reason.isEmpty())
                out() << tr("reason: %1").arg(status.reason) << '\n';
        }
        if (status.queue.isEmpty()) {
            out() << tr("queue: empty") << '\n';
        } else {
            out() << '\n';
            QList<QStringList> rows;
            int position = 0;
            for (const EnvironmentLock::Waiter &waiter : status.queue)
                rows.append({ QString::number(++position), waiter.identity, localTime(waiter.since),
                    waiter.expired ? tr("expired") : tr("waiting"),
                    waiter.reason.isEmpty() ? QStringLiteral("-") : waiter.reason });
            printTable({ tr("#"), tr("WAITER"), tr("SINCE"), tr("STATE"), tr("REASON") }, rows);
        }
        out().flush();
        return Success;
    }

    static int take(const Context &context, std::chrono::seconds leaseDuration)
    {
        StopSignals::install();
        // Shown on the Lease to anyone who can read it: no secret goes there either.
        const QString reason = trailFor(context).mask(context.parser.value(QStringLiteral("reason")));
        EnvironmentLock lock(context.client, context.ns, EnvironmentLock::defaultIdentity(), leaseDuration);
        lock.setReason(reason);
        lock.setEnvironment(context.environment.name, context.environment.isProtected);
        QString error;
        const bool held = lock.acquire(
            context.parser.isSet(QStringLiteral("wait")), StopSignals::flag(), &error, [&](const QString &holder) {
                err() << tr("waiting: %1 is held by %2; queued as %3")
                             .arg(context.environment.name, holder, lock.queueLease())
                      << '\n';
                err().flush();
            });
        QJsonObject details { { QStringLiteral("reason"), reason } };
        if (!held) {
            audit(context, QStringLiteral("lock.take"), QStringLiteral("failed: ") + error, details);
            if (context.place.wantsJson()) {
                QJsonObject root = where(context);
                root.insert(QStringLiteral("held"), false);
                root.insert(QStringLiteral("error"), error);
                printJson(QJsonDocument(root));
            } else {
                err() << context.command << ": " << error << '\n';
            }
            return Failure;
        }
        audit(context, QStringLiteral("lock.take"), QStringLiteral("taken"), details);
        if (context.place.wantsJson()) {
            QJsonObject root = where(context);
            root.insert(QStringLiteral("held"), true);
            root.insert(QStringLiteral("holder"), lock.identity());
            root.insert(QStringLiteral("reason"), reason);
            printJson(QJsonDocument(root));
        } else {
            out() << tr("%1 is locked by %2; Ctrl-C releases it").arg(context.environment.name, lock.identity())
                  << '\n';
            out().flush();
        }
        while (!StopSignals::requested() && !lock.isLost())
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        if (lock.isLost()) {
            lock.release();
            audit(context, QStringLiteral("lock.take"), QStringLiteral("failed: the lock was lost"), details);
            err() << context.command << ": "
                  << tr("the lock of %1 was lost (broken or expired)").arg(context.environment.name) << '\n';
            return Failure;
        }
        lock.release();
        audit(context, QStringLiteral("lock.release"), QStringLiteral("released"), details);
        err() << tr("%1 released").arg(context.environment.name) << '\n';
        return Success;
    }

    static int release(const Context &context)
    {
        const EnvironmentLock::Status before = EnvironmentLock::read(context.client, context.ns);
        if (before.error.isError()) {
            err() << context.command << ": " << before.error.message << '\n';
            return Failure;
        }
        const bool forced = context.parser.isSet(QStringLiteral("force"));
        const bool mine = personOf(before.holder) == personOf(EnvironmentLock::defaultIdentity());
        QString previous;
        KubeError error;
        if (!before.holder.isEmpty() && !mine && !forced) {
            error.kind = KubeError::Kind::Http;
            error.message = tr("held by %1, not by you: --force breaks it").arg(before.holder);
        } else {
            // A 409 means the holder renewed between the read and the write: read again.
            for (int i = 0; i < 5; ++i) {
                error = EnvironmentLock::forceRelease(context.client, context.ns, &previous);
                if (!error.isConflict())
                    break;
            }
        }
        const bool released = !error.isError() && !previous.isEmpty();
        QString result;
        if (released)
            result = QStringLiteral("released");
        else if (!error.isError())
            result = QStringLiteral("failed: nobody holds the lock");
        else
            result = QStringLiteral("failed: ") + error.message;
        if (released || error.isError())
            audit(context, QStringLiteral("lock.release"), result,
                QJsonObject { { QStringLiteral("force"), released && !mine }, { QStringLiteral("holder"), previous } });
        if (context.place.wantsJson()) {
            QJsonObject root = where(context);
            root.insert(QStringLiteral("released"), released);
            root.insert(QStringLiteral("previousHolder"), previous);
            root.insert(QStringLiteral("forced"), released && !mine);
            if (!released)
                root.insert(QStringLiteral("error"), result.mid(QStringLiteral("failed: ").size()));
            printJson(QJsonDocument(root));
        } else if (released) {
            out() << tr("%1: released the lock %2 held").arg(context.environment.name, previous) << '\n';
        } else {
            err() << context.command << ": " << result.mid(QStringLiteral("failed: ").size()) << '\n';
        }
        out().flush();
        return released ? Success : Failure;
    }
};

SHIPYARDCTL_REGISTER_COMMAND(LockCommand)

} // namespace Shipyard::Ctl
