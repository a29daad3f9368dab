// SPDX-License-Identifier: GPL-2.0-or-later
#include "CtlCommand.h"
#include "Output.h"

#include "model/EcosystemLoader.h"
#include "pipeline/AutotestResults.h"
#include "pipeline/BranchAutotests.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QThread>

namespace Shipyard::Ctl {

// `shipyardctl autotest`: the robot's branch autotests alone (its pass
// runs them too when gating.autotests.branches is set), for a machine that
// only tests; `shipyardctl autotest results` lists what was judged.
class AutotestCommand : public CtlCommand
{
    Q_DECLARE_TR_FUNCTIONS(Shipyard::Ctl::AutotestCommand)
public:
    QString name() const override { return QStringLiteral("autotest"); }
    QString summary() const override
    {
        return tr("tests new heads of task branches and reports them; 'autotest results' lists the verdicts, "
                  "'autotest retry' has one tested again");
    }

    int run(const QStringList &arguments) override
    {
        const bool results = arguments.size() > 1 && arguments.at(1) == QLatin1String("results");
        const bool retry = arguments.size() > 1 && arguments.at(1) == QLatin1String("retry");
        QStringList rest = arguments;
        if (results || retry)
            rest.removeAt(1);
        QCommandLineParser parser;
        parser.addOption({ QStringLiteral("ecosystem"), tr("the ecosystem file"), QStringLiteral("PATH") });
        parser.addOption(
            { QStringLiteral("output"), tr("text or json"), QStringLiteral("FORMAT"), QStringLiteral("text") });
        if (results || retry) {
            parser.addOption({ QStringLiteral("system"), tr("only this system's commits"), QStringLiteral("S") });
        } else {
            parser.addOption(
                { QStringLiteral("once"), tr("one pass, then exit: 1 when a commit failed or could not be tested") });
            parser.addOption({ QStringLiteral("interval"), tr("seconds between passes (default 60)"),
                QStringLiteral("SECONDS"), QStringLiteral("60") });
        }
        if (const auto exitCode = parse(parser, rest))
            return *exitCode;
        const QString path = parser.value(QStringLiteral("ecosystem"));
        const QString output = parser.value(QStringLiteral("output"));
        const qsizetype positional = retry ? 1 : 0;
        if (path.isEmpty() || parser.positionalArguments().size() != positional ||
            (retry && !parser.isSet(QStringLiteral("system")))) {
            err() << arguments[0] << ": "
                  << tr("usage: shipyardctl autotest --ecosystem PATH [--once] [--interval SECONDS] [--output json]\n"
                        "       shipyardctl autotest results --ecosystem PATH [--system S] [--output json]\n"
                        "       shipyardctl autotest retry --ecosystem PATH --system S COMMIT")
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
        const bool json = output == QLatin1String("json");
        if (results)
            return listResults(path, parser.value(QStringLiteral("system")), json, arguments[0]);
        if (retry)
            return forget(
                path, parser.value(QStringLiteral("system")), parser.positionalArguments().first(), json, arguments[0]);

        bool intervalOk = false;
        const int interval = parser.value(QStringLiteral("interval")).toInt(&intervalOk);
        if (!intervalOk || interval < 1) {
            err() << arguments[0] << ": "
                  << tr("--interval wants a number of seconds, not %1").arg(parser.value(QStringLiteral("interval")))
                  << '\n';
            return UsageError;
        }
        const auto progress = [](const QString &line) {
            err() << line << '\n';
            err().flush();
        };
        while (true) {
            // Re-read every pass: the ecosystem file may have been edited meanwhile.
            const std::optional<Ecosystem> ecosystem = load(path);
            if (!ecosystem) {
                if (parser.isSet(QStringLiteral("once")))
                    return UsageError;
            } else {
                const BranchAutotests::PassResult pass = BranchAutotests(*ecosystem).runOnce(progress);
                report(pass, json, arguments[0]);
                if (parser.isSet(QStringLiteral("once")))
                    return pass.succeeded() ? Success : Failure;
            }
            QThread::sleep(static_cast<unsigned long>(interval));
        }
    }

private:
    static std::optional<Ecosystem> load(const QString &path)
    {
        const EcosystemLoadResult loaded = EcosystemLoader().loadFile(path);
        if (!loaded.ecosystem) {
            for (const Diagnostic &diagnostic : loaded.diagnostics)
                err() << diagnostic.toString() << '\n';
            err().flush();
            return std::nullopt;
        }
        return *loaded.ecosystem;
    }

    static int listResults(const QString &path, const QString &system, bool json, const QString &command)
    {
        const std::optional<Ecosystem> ecosystem = load(path);
        if (!ecosystem)
            return UsageError;
        if (!system.isEmpty() && !ecosystem->system(system)) {
            err() << command << ": " << tr("%1 has no system %2").arg(path, system) << '\n';
            return UsageError;
        }
        const AutotestResults store(AutotestResults::pathFor(*ecosystem));
        QString error;
        QList<AutotestResult> results = store.all(&error);
        if (!error.isEmpty()) {
            err() << command << ": " << error << '\n';
            return Failure;
        }
        results.removeIf([&](const AutotestResult &result) { return !system.isEmpty() && result.system != system; });
        if (json) {
            QJsonArray list;
            for (const AutotestResult &result : std::as_const(results))
                list.append(QJsonObject { { QStringLiteral("system"), result.system },
                    { QStringLiteral("commit"), result.commit },
                    { QStringLiteral("branches"), QJsonArray::fromStringList(result.branches) },
                    { QStringLiteral("verdict"), AutotestResult::verdictName(result.verdict) },
                    { QStringLiteral("step"), result.step }, { QStringLiteral("reason"), result.reason },
                    { QStringLiteral("tester"), result.tester },
                    { QStringLiteral("started"), result.started.toString(Qt::ISODate) },
                    { QStringLiteral("finished"), result.finished.toString(Qt::ISODate) } });
            printJson(QJsonDocument(
                QJsonObject { { QStringLiteral("file"), store.path() }, { QStringLiteral("results"), list } }));
            return Success;
        }
        QList<QStringList> rows;
        for (const AutotestResult &result : std::as_const(results))
            rows.append({ result.system, result.commit.left(12), AutotestResult::verdictName(result.verdict),
                result.branches.join(QLatin1Char(',')),
                result.finished.isValid() ? result.finished.toString(Qt::ISODate) : QStringLiteral("-"),
                result.step.isEmpty() ? result.reason : result.step + QStringLiteral(": ") + result.reason });
        if (rows.isEmpty())
            out() << tr("no commit tested yet (%1)").arg(store.path()) << '\n';
        else
            printTable({ tr("SYSTEM"), tr("COMMIT"), tr("VERDICT"), tr("BRANCHES"), tr("FINISHED"), tr("WHY") }, rows);
        out().flush();
        return Success;
    }

    // A verdict forgotten is tested again by the next pass: a flaky failure retried.
    static int forget(
        const QString &path, const QString &system, const QString &commit, bool json, const QString &command)
    {
        const std::optional<Ecosystem> ecosystem = load(path);
        if (!ecosystem)
            return UsageError;
        if (!ecosystem->system(system)) {
            err() << command << ": " << tr("%1 has no system %2").arg(path, system) << '\n';
            return UsageError;
        }
        AutotestResults store(AutotestResults::pathFor(*ecosystem));
        QString error;
        const std::optional<AutotestResult> forgotten = store.forget(system, commit, &error);
        if (!forgotten) {
            err() << command << ": " << error << '\n';
            return Failure;
        }
        if (json) {
            printJson(QJsonDocument(
                QJsonObject { { QStringLiteral("system"), system }, { QStringLiteral("commit"), forgotten->commit },
                    { QStringLiteral("was"), AutotestResult::verdictName(forgotten->verdict) } }));
        } else {
            out() << tr("%1 at %2 (%3) will be tested again by the next pass")
                         .arg(system, forgotten->commit.left(12), AutotestResult::verdictName(forgotten->verdict))
                  << '\n';
        }
        out().flush();
        return Success;
    }

    static void report(const BranchAutotests::PassResult &pass, bool json, const QString &command)
    {
        printPassProblems(command, pass.warnings, pass.error);
        if (json) {
            QJsonArray tested;
            for (const BranchAutotests::Tested &entry : pass.tested)
                tested.append(QJsonObject { { QStringLiteral("system"), entry.system },
                    { QStringLiteral("branch"), entry.branch }, { QStringLiteral("task"), entry.task },
                    { QStringLiteral("commit"), entry.commit },
                    { QStringLiteral("verdict"), AutotestResult::verdictName(entry.verdict) },
                    { QStringLiteral("reused"), entry.reused }, { QStringLiteral("detail"), entry.detail },
                    { QStringLiteral("reportErrors"), QJsonArray::fromStringList(entry.reportErrors) } });
            printJson(QJsonDocument(
                QJsonObject { { QStringLiteral("time"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate) },
                    { QStringLiteral("tested"), tested }, { QStringLiteral("error"), pass.error },
                    { QStringLiteral("warnings"), QJsonArray::fromStringList(pass.warnings) } }));
            return;
        }
        for (const BranchAutotests::Tested &entry : pass.tested) {
            const bool plain = entry.verdict == AutotestResult::Verdict::Passed && !entry.reused;
            out() << entry.system << ' ' << entry.branch << ' ' << entry.commit.left(12) << ": "
                  << AutotestResult::verdictName(entry.verdict)
                  << (plain || entry.detail.isEmpty() ? QString() : QStringLiteral(" — ") + entry.detail) << '\n';
        }
        if (pass.tested.isEmpty() && pass.error.isEmpty())
            out() << tr("no new head of a task branch") << '\n';
        out().flush();
    }
};

SHIPYARDCTL_REGISTER_COMMAND(AutotestCommand)

} // namespace Shipyard::Ctl
