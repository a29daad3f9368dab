// SPDX-License-Identifier: GPL-2.0-or-later
// Prints a delivery's own overhead beside kubectl doing the same change; not a test.
//   bench_delivery [--rounds 5] [--context local]
// Run inside the dev root against the local cluster, which must be up
// (packaging/localcluster/cluster up, or while a ctest fixture holds it):
//   packaging/dev/shipyard-dev exec build/bin/bench_delivery --rounds 5
// It makes a namespace of its own with the three demo systems
// (DeliveryTestWorld's ecosystem: given images, no build, a `local`
// environment, so no merge and no monitoring). Each round flips every image
// between demo/<system>:v1 and :v2 (kwok makes both Ready) twice: once with a
// Shipyard delivery, once by hand with `kubectl set image` and `kubectl
// rollout status`, in alternating order. The namespace is deleted at the end.
// The delivery runs the world's test (`true`) and smoke (`test -n`) commands,
// as `shipyardctl deliver` would: their processes count as overhead.
//
// Overhead is wall time minus the wait for the rollouts, which are the
// cluster's (kwok's pod ready delay), not ours. Shipyard's wait is read from
// the delivery's own signals, stamped in its thread: from the last object
// applied to the deploy step's end. kubectl's is its `rollout status`
// commands. The target: Shipyard's median overhead per system ≤ 0.5 s; the
// exit status is 0 when it is met, 2 when not, 1 when nothing was measured.
#include "DeliveryTestWorld.h"
#include "LocalCluster.h"

#include "pipeline/Delivery.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QStandardPaths>
#include <QTextStream>
#include <QThread>

#include <algorithm>
#include <mutex>
#include <optional>
#include <vector>

using namespace Shipyard;
using namespace Shipyard::TestSupport;

namespace {

constexpr double targetPerSystemS = 0.5;

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QString loadAverage()
{
    QFile file(QStringLiteral("/proc/loadavg"));
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("?");
    return QString::fromLatin1(file.readAll()).section(QLatin1Char(' '), 0, 2);
}

QString seconds(double ms)
{
    return QString::number(ms / 1000.0, 'f', 2) + QStringLiteral(" s");
}

struct Spread
{
    double min = 0;
    double median = 0;
    double max = 0;
};

Spread spread(std::vector<double> values)
{
    if (values.empty())
        return {};
    std::sort(values.begin(), values.end());
    const size_t n = values.size();
    const double median = n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    return { values.front(), median, values.back() };
}

// One change of the three images, by either side.
struct Run
{
    double totalMs = 0;
    double rolloutMs = 0; // waiting for the rollouts: the cluster's time
    double overheadMs() const { return totalMs - rolloutMs; }
};

// Where a delivery's time went, in its order; the labels name what runs there.
using Phases = QList<std::pair<QString, double>>;

struct DeliveryRun
{
    Run run;
    Phases phases;
    QString failure; // empty: the delivery succeeded and its timeline is complete
};

// What a delivery reported, with when it did.
struct Event
{
    double ms = 0; // since the Delivery was about to be made
    bool isLog = false;
    Delivery::Step step = Delivery::Step::Lock;
    Delivery::State state = Delivery::State::Pending;
    QString line;
};

DeliveryRun deliver(const Ecosystem &ecosystem, const Delivery::Options &options, const QString &tag)
{
    std::mutex mutex;
    std::vector<Event> events;
    QElapsedTimer clock;
    clock.start();
    const auto now = [&clock] { return double(clock.nsecsElapsed()) / 1e6; };
    Delivery delivery(ecosystem, QStringLiteral("test"), DeliveryTestWorld::images(tag), options);
    // Direct connections: stamped in the delivery's thread as it goes, not
    // when an event loop gets round to them.
    QObject::connect(
        &delivery, &Delivery::stepStateChanged, &delivery,
        [&](Delivery::Step step, const QString &, Delivery::State state, const QString &) {
            const double at = now();
            std::lock_guard lock(mutex);
            events.push_back({ at, false, step, state, {} });
        },
        Qt::DirectConnection);
    QObject::connect(
        &delivery, &Delivery::logLine, &delivery,
        [&](const QString &line) {
            const double at = now();
            std::lock_guard lock(mutex);
            events.push_back({ at, true, {}, {}, line });
        },
        Qt::DirectConnection);
    delivery.start();
    DeliveryRun result;
    if (!delivery.wait(std::chrono::minutes(5))) {
        delivery.cancel();
        result.failure = QStringLiteral("the delivery did not end within 5 minutes");
        return result;
    }
    result.run.totalMs = now();
    if (!delivery.result().succeeded()) {
        result.failure = delivery.result().reason + QLatin1Char('\n') + delivery.log();
        return result;
    }

    std::lock_guard lock(mutex);
    const auto first = [&](const auto &matches) -> std::optional<double> {
        for (const Event &event : events) {
            if (matches(event))
                return event.ms;
        }
        return std::nullopt;
    };
    const auto last = [&](const auto &matches) -> std::optional<double> {
        std::optional<double> found;
        for (const Event &event : events) {
            if (matches(event))
                found = event.ms;
        }
        return found;
    };
    const auto of = [](Delivery::Step step) {
        return [step](const Event &event) { return !event.isLog && event.step == step; };
    };
    const auto deployEnded = [](const Event &event) {
        return !event.isLog && event.step == Delivery::Step::Deploy && event.state != Delivery::State::Running;
    };
    const std::optional<double> deployStarted = first(of(Delivery::Step::Deploy));
    const std::optional<double> deployDone = last(deployEnded);
    // ReleaseApplier's line for each object it applied; the rollout wait
    // starts once the last one is in (DeployStep applies, then waits).
    static const QRegularExpression appliedLine(QStringLiteral("^\\S+/\\S+ applied in "));
    const std::optional<double> applied = last([&](const Event &event) {
        return event.isLog && deployStarted && deployDone && event.ms >= *deployStarted && event.ms <= *deployDone &&
            appliedLine.match(event.line).hasMatch();
    });
    const std::optional<double> lockHeld = first([](const Event &event) {
        return !event.isLog && event.step == Delivery::Step::Lock && event.state == Delivery::State::Succeeded;
    });
    const std::optional<double> done = last(
        [](const Event &event) { return event.isLog && event.line.startsWith(QLatin1String("delivery succeeded")); });
    // Each boundary and what runs up to it from the previous one.
    const QList<std::pair<QString, std::optional<double>>> marks {
        { QStringLiteral("lock: client, Lease acquired"), lockHeld },
        { QStringLiteral("audit of the start (journal, Event)"), first(of(Delivery::Step::Update)) },
        { QStringLiteral("update, build (both skipped)"), first(of(Delivery::Step::Test)) },
        { QStringLiteral("test (`true` per system)"), last(of(Delivery::Step::Test)) },
        { QStringLiteral("verify (skipped: no registry)"), last(of(Delivery::Step::Verify)) },
        { QStringLiteral("deploy: render, read records, write one"), deployStarted },
        { QStringLiteral("apply, server-side (3 systems)"), applied },
        { QStringLiteral("ROLLOUT WAIT"), deployDone },
        { QStringLiteral("records after deploy and canary (skipped)"), first(of(Delivery::Step::Smoke)) },
        { QStringLiteral("smoke (`test -n` per system)"), last(of(Delivery::Step::Smoke)) },
        { QStringLiteral("record; monitor (skipped)"), last(of(Delivery::Step::Monitor)) },
        { QStringLiteral("record; merge (skipped)"), last(of(Delivery::Step::Merge)) },
        { QStringLiteral("record x2, prune, audit, unlock"), done },
        { QStringLiteral("thread end, wait() returns"), result.run.totalMs },
    };
    double previous = 0;
    for (const auto &[label, at] : marks) {
        if (!at) {
            result.failure = QStringLiteral("the delivery's timeline lacks the mark ending \"%1\"").arg(label);
            return result;
        }
        result.phases.append({ label, *at - previous });
        previous = *at;
    }
    result.run.rolloutMs = *deployDone - *applied;
    return result;
}

// What a person types for the same change: the three images set, then
// each rollout watched to its end.
std::optional<Run> byHand(const QString &context, const QString &ns, const QString &tag)
{
    Run run;
    QElapsedTimer clock;
    clock.start();
    for (const QString &name : DeliveryTestWorld::systemNames()) {
        if (!LocalCluster::kubectl(context,
                { QStringLiteral("-n"), ns, QStringLiteral("set"), QStringLiteral("image"),
                    QStringLiteral("deployment/") + name, QStringLiteral("%1=demo/%1:%2").arg(name, tag) }))
            return std::nullopt;
    }
    for (const QString &name : DeliveryTestWorld::systemNames()) {
        QElapsedTimer waiting;
        waiting.start();
        if (!LocalCluster::kubectl(context,
                { QStringLiteral("-n"), ns, QStringLiteral("rollout"), QStringLiteral("status"),
                    QStringLiteral("deployment/") + name, QStringLiteral("--timeout=50s") }))
            return std::nullopt;
        run.rolloutMs += double(waiting.nsecsElapsed()) / 1e6;
    }
    run.totalMs = double(clock.nsecsElapsed()) / 1e6;
    return run;
}

QString flipped(const QString &tag)
{
    return tag == QLatin1String("v1") ? QStringLiteral("v2") : QStringLiteral("v1");
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("bench_delivery"));
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption(
        { QStringLiteral("rounds"), QStringLiteral("rounds, each one change by Shipyard and one by kubectl"),
            QStringLiteral("N"), QStringLiteral("5") });
    parser.addOption({ QStringLiteral("context"), QStringLiteral("the local cluster's context"), QStringLiteral("NAME"),
        QStringLiteral("local") });
    parser.process(app);
    const int rounds = std::max(1, parser.value(QStringLiteral("rounds")).toInt());
    const QString context = parser.value(QStringLiteral("context"));
    const int systems = int(DeliveryTestWorld::systemNames().size());

    if (!QFile::exists(LocalCluster::kubeconfigPath())) {
        out() << "the local cluster is not up: packaging/localcluster/cluster up" << Qt::endl;
        return 1;
    }
    if (QStandardPaths::findExecutable(QStringLiteral("kubectl")).isEmpty()) {
        out() << "kubectl is needed: run inside packaging/dev/shipyard-dev exec" << Qt::endl;
        return 1;
    }

    DeliveryTestWorld world(context);
    if (!world.isValid())
        return 1;
    const QString ns = QStringLiteral("bench-delivery-%1").arg(QCoreApplication::applicationPid());
    if (!LocalCluster::kubectl(context, { QStringLiteral("create"), QStringLiteral("namespace"), ns }))
        return 1;
    const auto cleanup = qScopeGuard([&] {
        LocalCluster::kubectl(
            context, { QStringLiteral("delete"), QStringLiteral("namespace"), ns, QStringLiteral("--wait=false") });
        out() << "namespace " << ns << " deleted" << Qt::endl;
    });
    // Pods are refused until the namespace's default service account exists.
    for (int i = 0; i < 100; ++i) {
        int code = 1;
        kubectl(context,
            { QStringLiteral("-n"), ns, QStringLiteral("get"), QStringLiteral("serviceaccount"),
                QStringLiteral("default") },
            &code);
        if (code == 0)
            break;
        QThread::msleep(200);
    }
    const Ecosystem ecosystem = world.ecosystemFor(ns);
    const Delivery::Options options = world.options();

    out() << "bench_delivery: " << systems << " systems ("
          << DeliveryTestWorld::systemNames().join(QStringLiteral(", ")) << "), " << rounds << " rounds, namespace "
          << ns << " (context " << context << ")" << Qt::endl;
    out() << "started " << QDateTime::currentDateTime().toString(Qt::ISODate) << " on " << QThread::idealThreadCount()
          << " CPUs, load average " << loadAverage() << Qt::endl;

    // Not counted: the first delivery creates the Deployments and records the
    // state before it, and the first kubectl fills its discovery cache.
    QString tag = QStringLiteral("v1");
    const DeliveryRun creation = deliver(ecosystem, options, tag);
    if (!creation.failure.isEmpty()) {
        out() << "the first delivery failed: " << creation.failure << Qt::endl;
        return 1;
    }
    tag = flipped(tag);
    const std::optional<Run> firstByHand = byHand(context, ns, tag);
    if (!firstByHand)
        return 1;
    out() << "warm-up, not counted: first delivery (creates the Deployments) " << seconds(creation.run.totalMs)
          << ", first kubectl change " << seconds(firstByHand->totalMs) << Qt::endl
          << Qt::endl;

    std::vector<DeliveryRun> deliveries;
    std::vector<Run> manual;
    out() << "round  first     | Shipyard: total  rollouts  overhead | kubectl: total  rollouts  overhead | ratio"
          << Qt::endl;
    for (int round = 1; round <= rounds; ++round) {
        // Alternating who goes first, so that neither always follows the other's rollout.
        const bool shipyardFirst = round % 2 == 1;
        std::optional<DeliveryRun> delivered;
        std::optional<Run> typed;
        QString shipyardTag;
        QString kubectlTag;
        for (int side = 0; side < 2; ++side) {
            tag = flipped(tag);
            if ((side == 0) == shipyardFirst) {
                shipyardTag = tag;
                delivered = deliver(ecosystem, options, tag);
                if (!delivered->failure.isEmpty()) {
                    out() << "round " << round << ": the delivery failed: " << delivered->failure << Qt::endl;
                    return 1;
                }
            } else {
                kubectlTag = tag;
                typed = byHand(context, ns, tag);
                if (!typed)
                    return 1;
            }
        }
        out() << QString::asprintf("%5d  %-8s  | %15s  %8s  %8s | %14s  %8s  %8s | %5.2f", round,
                     shipyardFirst ? "Shipyard" : "kubectl", qPrintable(seconds(delivered->run.totalMs)),
                     qPrintable(seconds(delivered->run.rolloutMs)), qPrintable(seconds(delivered->run.overheadMs())),
                     qPrintable(seconds(typed->totalMs)), qPrintable(seconds(typed->rolloutMs)),
                     qPrintable(seconds(typed->overheadMs())), delivered->run.totalMs / typed->totalMs)
              << "   (Shipyard → " << shipyardTag << ", kubectl → " << kubectlTag << ")" << Qt::endl;
        deliveries.push_back(*delivered);
        manual.push_back(*typed);
    }

    std::vector<double> shipyardPerSystem;
    std::vector<double> kubectlPerSystem;
    std::vector<double> ratios;
    std::vector<double> shipyardTotals;
    std::vector<double> kubectlTotals;
    for (size_t i = 0; i < deliveries.size(); ++i) {
        shipyardPerSystem.push_back(deliveries[i].run.overheadMs() / systems);
        kubectlPerSystem.push_back(manual[i].overheadMs() / systems);
        ratios.push_back(deliveries[i].run.totalMs / manual[i].totalMs);
        shipyardTotals.push_back(deliveries[i].run.totalMs);
        kubectlTotals.push_back(manual[i].totalMs);
    }
    const Spread shipyard = spread(shipyardPerSystem);
    const Spread kubectlSpread = spread(kubectlPerSystem);
    const Spread ratio = spread(ratios);
    out() << Qt::endl << "                                  min     median  max" << Qt::endl;
    const auto row = [](const char *label, const Spread &values, bool asRatio = false) {
        const auto cell = [asRatio](double value) { return asRatio ? QString::number(value, 'f', 2) : seconds(value); };
        out() << QString::asprintf("%-32s  %-6s  %-6s  %s", label, qPrintable(cell(values.min)),
                     qPrintable(cell(values.median)), qPrintable(cell(values.max)))
              << Qt::endl;
    };
    row("total, Shipyard", spread(shipyardTotals));
    row("total, kubectl", spread(kubectlTotals));
    row("total, Shipyard / kubectl", ratio, true);
    row("overhead per system, Shipyard", shipyard);
    row("overhead per system, kubectl", kubectlSpread);

    // The median of each phase over the rounds: where the overhead goes.
    out() << Qt::endl << "where a delivery's time goes (median over the rounds):" << Qt::endl;
    for (qsizetype phase = 0; phase < deliveries.front().phases.size(); ++phase) {
        std::vector<double> values;
        for (const DeliveryRun &delivered : deliveries)
            values.push_back(delivered.phases[phase].second);
        out() << QString::asprintf(
                     "  %-42s %7.0f ms", qPrintable(deliveries.front().phases[phase].first), spread(values).median)
              << Qt::endl;
    }
    out() << "load average at the end " << loadAverage() << Qt::endl << Qt::endl;

    const bool met = shipyard.median <= targetPerSystemS * 1000;
    out() << "TARGET overhead per system ≤ " << QString::number(targetPerSystemS, 'f', 1)
          << " s (Shipyard's median): " << (met ? "MET" : "NOT MET") << " — " << seconds(shipyard.median)
          << " per system (min " << seconds(shipyard.min) << ", max " << seconds(shipyard.max) << "; kubectl "
          << seconds(kubectlSpread.median) << ")" << Qt::endl;
    return met ? 0 : 2;
}
