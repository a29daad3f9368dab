// SPDX-License-Identifier: GPL-2.0-or-later
#include "CtlCommand.h"
#include "EnvironmentArguments.h"
#include "Output.h"

#include "doctor/DoctorPlan.h"
#include "doctor/DoctorRunner.h"
#include "kube/ClusterAccess.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>

namespace Shipyard::Ctl {

// `shipyardctl doctor --ecosystem F`: every cluster, server, repository and
// tool the ecosystem's deliveries need, checked at once (docs/doctor.md).
class DoctorCommand : public CtlCommand
{
    Q_DECLARE_TR_FUNCTIONS(Shipyard::Ctl::DoctorCommand)
public:
    QString name() const override { return QStringLiteral("doctor"); }
    QString summary() const override
    {
        return tr("check everything deliveries need: clusters, registry, tracker, monitoring, git, tools");
    }

    int run(const QStringList &arguments) override
    {
        QCommandLineParser parser;
        parser.setApplicationDescription(
            tr("Checks each component the ecosystem names, all at once, each within --timeout. Exit status: 0 when "
               "everything a delivery needs is ok (warnings allowed), 1 when something it needs is broken, 2 for "
               "usage errors."));
        parser.addOption({ QStringLiteral("ecosystem"), tr("the ecosystem file"), QStringLiteral("PATH") });
        parser.addOption(
            { QStringLiteral("kubeconfig"), tr("read only this kubeconfig file"), QStringLiteral("FILE") });
        parser.addOption({ { QStringLiteral("o"), QStringLiteral("output") }, tr("output format: text or json"),
            QStringLiteral("FORMAT"), QStringLiteral("text") });
        parser.addOption({ QStringLiteral("timeout"), tr("the time each check may take, in seconds (default 5)"),
            QStringLiteral("SECONDS"), QStringLiteral("5") });
        if (const auto exitCode = parse(parser, arguments))
            return *exitCode;
        const QString command = arguments[0];
        const QString format = parser.value(QStringLiteral("output"));
        if (format != QLatin1String("text") && format != QLatin1String("json")) {
            err() << command << ": " << tr("--output is text or json, not %1").arg(format) << '\n';
            return UsageError;
        }
        bool number = false;
        const double seconds = parser.value(QStringLiteral("timeout")).toDouble(&number);
        if (!number || seconds <= 0 || seconds > 600) {
            err() << command << ": "
                  << tr("--timeout is a number of seconds above 0 and at most 600, not %1")
                         .arg(parser.value(QStringLiteral("timeout")))
                  << '\n';
            return UsageError;
        }
        if (!parser.positionalArguments().isEmpty()) {
            err() << command << ": " << tr("unexpected arguments") << '\n';
            return UsageError;
        }
        const QString path = parser.value(QStringLiteral("ecosystem"));
        if (path.isEmpty()) {
            err() << command << ": " << tr("--ecosystem is needed") << '\n';
            return UsageError;
        }
        const QString kubeconfig = parser.value(QStringLiteral("kubeconfig"));
        if (!kubeconfig.isEmpty() && !QFileInfo::exists(kubeconfig)) {
            err() << command << ": " << tr("%1: no such file").arg(kubeconfig) << '\n';
            return UsageError;
        }
        const std::optional<Ecosystem> ecosystem = EnvironmentArguments::loadEcosystem(path, command);
        if (!ecosystem)
            return UsageError;
        // An unreadable kubeconfig is a finding, not a usage error: each
        // environment's context check says so.
        const ClusterAccess cluster = ClusterAccess::load(kubeconfig);

        DoctorRunner runner;
        runner.setMasker(ecosystem->secretMasker());
        QEventLoop loop;
        QObject::connect(&runner, &DoctorRunner::finished, &loop, &QEventLoop::quit);
        runner.start(DoctorPlan::checksFor(*ecosystem, cluster), std::chrono::milliseconds(qint64(seconds * 1000)));
        if (runner.isRunning())
            loop.exec();
        // Threads that waited on a silent server end at their own timeout,
        // moments later; a process exiting under them could crash in libcurl.
        runner.waitForThreads(2000);

        QList<DoctorResult> results;
        for (const std::optional<DoctorResult> &result : runner.results())
            results.append(*result);
        const bool blocked =
            std::any_of(results.cbegin(), results.cend(), [](const DoctorResult &r) { return r.blocksDelivery(); });
        if (format == QLatin1String("json"))
            printJsonReport(*ecosystem, results, runner.elapsedMs(), blocked);
        else
            printTextReport(*ecosystem, results, runner.elapsedMs(), blocked);
        return blocked ? Failure : Success;
    }

private:
    static void printJsonReport(
        const Ecosystem &ecosystem, const QList<DoctorResult> &results, qint64 elapsedMs, bool blocked)
    {
        QJsonArray checks;
        for (const DoctorResult &result : results) {
            checks.append(QJsonObject {
                { QStringLiteral("component"), result.component },
                { QStringLiteral("check"), result.check },
                { QStringLiteral("verdict"), DoctorResult::verdictName(result.verdict) },
                { QStringLiteral("latencyMs"), result.latencyMs },
                { QStringLiteral("detail"), result.detail },
                { QStringLiteral("remedy"), result.remedy },
                { QStringLiteral("neededForDelivery"), result.neededForDelivery },
            });
        }
        printJson(QJsonDocument(QJsonObject {
            { QStringLiteral("ecosystem"), ecosystem.name },
            { QStringLiteral("deliverable"), !blocked },
            { QStringLiteral("elapsedMs"), elapsedMs },
            { QStringLiteral("checks"), checks },
        }));
    }

    static void printTextReport(
        const Ecosystem &ecosystem, const QList<DoctorResult> &results, qint64 elapsedMs, bool blocked)
    {
        int counts[4] = {};
        for (const DoctorResult &result : results)
            ++counts[int(result.verdict)];
        const QStringList header { tr("VERDICT"), tr("MS"), tr("COMPONENT"), tr("CHECK"), tr("DETAIL") };
        QList<QStringList> rows;
        for (const DoctorResult &result : results) {
            QString verdict = DoctorResult::verdictName(result.verdict);
            if (result.verdict == DoctorResult::Verdict::Broken && !result.neededForDelivery)
                verdict += QLatin1Char('*');
            rows.append({ verdict, QString::number(result.latencyMs), result.component, result.check, result.detail });
        }
        QList<qsizetype> widths(header.size() - 1);
        for (qsizetype c = 0; c < widths.size(); ++c) {
            widths[c] = header[c].size();
            for (const QStringList &row : std::as_const(rows))
                widths[c] = std::max(widths[c], row[c].size());
        }
        // QString, not auto: with QStringBuilder, "text + …" would refer to the gone local.
        const auto line = [&](const QStringList &row) -> QString {
            QString text;
            for (qsizetype c = 0; c < widths.size(); ++c)
                text += c == 1 ? row[c].rightJustified(widths[c]) + QStringLiteral("   ")
                               : row[c].leftJustified(widths[c] + 3);
            return text + row.last();
        };
        const qsizetype indent = widths[0] + widths[1] + 6;
        out() << line(header) << '\n';
        for (qsizetype i = 0; i < rows.size(); ++i) {
            out() << line(rows[i]) << '\n';
            if (!results[i].remedy.isEmpty())
                out() << QString(indent, QLatin1Char(' ')) << QStringLiteral("→ ") << results[i].remedy << '\n';
        }
        out() << '\n'
              << tr("%1: %2 checks in %3 s: %4 ok, %5, %6 broken, %7 skipped.")
                     .arg(ecosystem.name)
                     .arg(results.size())
                     .arg(QString::number(double(elapsedMs) / 1000.0, 'f', 1))
                     .arg(counts[int(DoctorResult::Verdict::Ok)])
                     .arg(tr("%n warning(s)", nullptr, counts[int(DoctorResult::Verdict::Warning)]))
                     .arg(counts[int(DoctorResult::Verdict::Broken)])
                     .arg(counts[int(DoctorResult::Verdict::Skipped)])
              << ' '
              << (blocked ? tr("Deliveries would fail: fix what is broken first.")
                          : tr("Everything a delivery needs is ok."))
              << '\n';
        if (std::any_of(results.cbegin(), results.cend(), [](const DoctorResult &r) {
                return r.verdict == DoctorResult::Verdict::Broken && !r.neededForDelivery;
            }))
            out() << tr("* broken, but deliveries go on without it.") << '\n';
        out().flush();
    }
};

SHIPYARDCTL_REGISTER_COMMAND(DoctorCommand)

} // namespace Shipyard::Ctl
