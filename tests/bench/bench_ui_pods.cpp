// SPDX-License-Identifier: GPL-2.0-or-later
// Prints figures for the Cluster view on many pods; not a test.
//   bench_ui_pods [--pods 10000] [--context local] [--churn-seconds 180] [--keep]
// Run inside the dev root against the local cluster. It makes its own
// namespace with the pods (up to 2,000 through Deployments of demo/app:1.0,
// the rest as pods of their own bound to the kwok nodes, which is how 50,000
// are made in minutes on 2 cores; kwok makes them ready), feeds the
// ClusterTreeModel of a MainWindow's Cluster view (offscreen) while the pods
// change (a rollout restart, a scale down and up, an annotation on every
// pod), then deletes the namespace. In the same run it times the peers on
// the same pods: `shipyardctl get pods -o json` (the raw list the view is
// built from), `kubectl get pods -o json`, and k9s when it is on PATH
// (packaging/tools/tools peers builds it).
#include "cluster/ClusterTreeModel.h"
#include "cluster/ClusterView.h"
#include "shell/MainWindow.h"

#include "kube/ClusterAccess.h"
#include "kube/DeploymentRollout.h"
#include "kube/KubeClient.h"
#include "kube/KubePager.h"
#include "kube/Kubeconfig.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QStandardPaths>
#include <QTextStream>
#include <QThread>
#include <QTimer>
#include <QTreeView>

#include "LocalCluster.h"

#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <functional>

using namespace Shipyard;

namespace {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

qint64 statusKiB(const char *field)
{
    QFile file(QStringLiteral("/proc/self/status"));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (line.startsWith(field))
            return line.mid(qstrlen(field)).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

// Milliseconds since this process started (the kernel's clock ticks: 10 ms resolution).
double msSinceProcessStart()
{
    QFile stat(QStringLiteral("/proc/self/stat"));
    QFile uptime(QStringLiteral("/proc/uptime"));
    if (!stat.open(QIODevice::ReadOnly) || !uptime.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray line = stat.readAll();
    // Fields after the command name (which may hold spaces); starttime is field 22.
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    const double start = fields.value(19).toDouble() / double(sysconf(_SC_CLK_TCK));
    const double now = uptime.readAll().split(' ').first().toDouble();
    return (now - start) * 1000.0;
}

// Forgets the peak so far (VmHWM), so that the load's own peak is measured.
void resetPeakRss()
{
    QFile clearRefs(QStringLiteral("/proc/self/clear_refs"));
    if (clearRefs.open(QIODevice::WriteOnly))
        clearRefs.write("5");
}

// The best of RUNS wall times of a program listing the pods, its output thrown away.
double bestListMs(const QString &program, const QStringList &arguments, int runs)
{
    double best = 1e18;
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer timer;
        timer.start();
        QProcess list;
        list.setStandardOutputFile(QProcess::nullDevice());
        list.start(program, arguments);
        if (!list.waitForFinished(-1) || list.exitCode() != 0)
            return -1;
        best = std::min(best, timer.nsecsElapsed() / 1e6);
    }
    return best;
}

// Pods of their own, bound to the cluster's nodes (no scheduler, no
// controller), created with 64 requests in flight.
bool createBarePods(const KubeClient &client, const QString &ns, int count)
{
    QStringList nodes;
    const KubeListResult listed = KubePager::list(client, QStringLiteral("/api/v1/nodes")).result();
    for (const QJsonValue &node : listed.items)
        nodes.append(node[QLatin1String("metadata")][QLatin1String("name")].toString());
    if (nodes.isEmpty()) {
        out() << "no nodes: " << listed.error.message << Qt::endl;
        return false;
    }
    int next = 0;
    int done = 0;
    int failed = 0;
    QString firstError;
    std::function<void()> pump = [&] {
        if (next >= count)
            return;
        const int i = next++;
        const QJsonObject pod {
            { QStringLiteral("apiVersion"), QStringLiteral("v1") },
            { QStringLiteral("kind"), QStringLiteral("Pod") },
            { QStringLiteral("metadata"),
                QJsonObject { { QStringLiteral("name"), QStringLiteral("solo-%1").arg(i, 5, 10, QLatin1Char('0')) },
                    { QStringLiteral("labels"), QJsonObject { { QStringLiteral("app"), QStringLiteral("solo") } } } } },
            { QStringLiteral("spec"),
                QJsonObject { { QStringLiteral("nodeName"), nodes.at(i % nodes.size()) },
                    { QStringLiteral("containers"),
                        QJsonArray { QJsonObject { { QStringLiteral("name"), QStringLiteral("app") },
                            { QStringLiteral("image"), QStringLiteral("demo/app:1.0") } } } } } },
        };
        client.create(QStringLiteral("/api/v1/namespaces/%1/pods").arg(ns), pod)
            .then(qApp, [&](const KubeResponse &response) {
                ++done;
                if (!response.ok() && !response.error.isConflict()) {
                    if (failed++ == 0)
                        firstError = response.error.message;
                }
                pump();
            });
    };
    for (int i = 0; i < 64; ++i)
        pump();
    QElapsedTimer progress;
    progress.start();
    QTimer tick;
    tick.start(50);
    while (done < count) {
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
        if (progress.elapsed() > 10000) {
            out() << "  " << done << "/" << count << " pods of their own created" << Qt::endl;
            progress.restart();
        }
    }
    if (failed > 0)
        out() << failed << " pods not created: " << firstError << Qt::endl;
    return failed == 0;
}

qint64 threadCpuMicroseconds()
{
    timespec now {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return qint64(now.tv_sec) * 1000000 + now.tv_nsec / 1000;
}

// The event loop's pulse: a 1 ms timer; the longest gap between two beats is
// the worst stall. The UI thread's own CPU time over that gap tells work
// (ours) from waiting to be scheduled (a loaded machine).
class Heartbeat : public QObject
{
public:
    Heartbeat()
    {
        m_timer.setInterval(1);
        m_timer.setTimerType(Qt::PreciseTimer);
        QObject::connect(&m_timer, &QTimer::timeout, this, [this] {
            const qint64 gap = m_clock.restart();
            const qint64 cpu = threadCpuMicroseconds();
            const qint64 busy = (cpu - m_lastCpu) / 1000;
            m_lastCpu = cpu;
            if (gap > m_longest) {
                m_longest = gap;
                m_longestBusy = busy;
            }
            m_longestWork = std::max(m_longestWork, busy);
            if (gap > 50)
                ++m_over50;
        });
    }
    void start()
    {
        m_longest = 0;
        m_longestBusy = 0;
        m_longestWork = 0;
        m_over50 = 0;
        m_lastCpu = threadCpuMicroseconds();
        m_clock.start();
        m_timer.start();
    }
    void stop() { m_timer.stop(); }
    // Not counted: the bench's own work between pause() and resume().
    void pause() { m_timer.stop(); }
    void resume()
    {
        m_lastCpu = threadCpuMicroseconds();
        m_clock.restart();
        m_timer.start();
    }
    qint64 longest() const { return m_longest; }
    // The UI thread's CPU time within the longest gap.
    qint64 longestBusy() const { return m_longestBusy; }
    // The most CPU time the UI thread spent between two beats: the longest stall our own work caused.
    qint64 longestWork() const { return m_longestWork; }
    int over50() const { return m_over50; }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_lastCpu = 0;
    qint64 m_longest = 0;
    qint64 m_longestBusy = 0;
    qint64 m_longestWork = 0;
    int m_over50 = 0;
};

// Sleeps between events: a loop that polls would take a core from the
// threads and servers being measured (on 2 cores, half the machine).
void waitUntil(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    QTimer tick;
    tick.start(10);
    while (!done() && timer.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("bench_ui_pods"));

    // Cold start: the window as `shipyard` makes it, shown and painted once.
    QElapsedTimer construct;
    construct.start();
    auto *window = new MainWindow;
    window->resize(1400, 900);
    window->show();
    QCoreApplication::processEvents();
    const double constructShowMs = construct.nsecsElapsed() / 1e6;
    const double startToShownMs = msSinceProcessStart();

    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption(
        { QStringLiteral("pods"), QStringLiteral("pods to create"), QStringLiteral("N"), QStringLiteral("10000") });
    parser.addOption({ QStringLiteral("context"), QStringLiteral("the local cluster's context"), QStringLiteral("NAME"),
        QStringLiteral("local") });
    parser.addOption({ QStringLiteral("churn-seconds"),
        QStringLiteral("longest wait for the churn to settle (default: 180, or a second per 100 pods)"),
        QStringLiteral("S") });
    parser.addOption({ QStringLiteral("keep"), QStringLiteral("keep the namespace and its pods for another run") });
    parser.addOption({ QStringLiteral("namespace"),
        QStringLiteral("use the pods a run with --keep left in NS (with the same --pods) instead of making them"),
        QStringLiteral("NS") });
    parser.process(app);
    const int pods = std::max(1, parser.value(QStringLiteral("pods")).toInt());
    const QString context = parser.value(QStringLiteral("context"));
    // Annotating every pod takes its time: some 300 patches a second.
    const int churnSeconds = parser.isSet(QStringLiteral("churn-seconds"))
        ? parser.value(QStringLiteral("churn-seconds")).toInt()
        : std::max(180, pods / 100);
    const QString ns = parser.value(QStringLiteral("namespace")).isEmpty()
        ? QStringLiteral("bench-ui-%1").arg(QCoreApplication::applicationPid())
        : parser.value(QStringLiteral("namespace"));

    out() << "bench_ui_pods: " << pods << " pods in namespace " << ns << " (context " << context << ")" << Qt::endl;
    out() << "cold start: process start → main window shown: " << qRound(startToShownMs)
          << " ms (MainWindow construction + show + first events: " << qRound(constructShowMs) << " ms)" << Qt::endl;

    QString error;
    const KubeClient client = ClusterAccess::load(LocalCluster::kubeconfigPath()).client(context, &error);
    if (!client.isValid()) {
        out() << "no client: " << error << Qt::endl;
        return 1;
    }

    // Up to 2,000 pods through Deployments of at most 1000 replicas (the
    // churn acts on them), the rest pods of their own.
    const int managed = std::min(pods, 2000);
    const int solo = pods - managed;
    const int deployments = (managed + 999) / 1000;
    QList<int> replicas;
    for (int i = 0; i < deployments; ++i)
        replicas.append(managed / deployments + (i < managed % deployments ? 1 : 0));
    const bool reuse = !parser.value(QStringLiteral("namespace")).isEmpty();
    const auto cleanup = qScopeGuard([&] {
        if (reuse || parser.isSet(QStringLiteral("keep"))) {
            out() << "namespace " << ns << " kept" << Qt::endl;
            return;
        }
        LocalCluster::kubectl(
            context, { QStringLiteral("delete"), QStringLiteral("namespace"), ns, QStringLiteral("--wait=false") });
        out() << "namespace " << ns << " deleted" << Qt::endl;
    });
    QElapsedTimer creating;
    creating.start();
    if (!reuse) {
        if (!LocalCluster::kubectl(context, { QStringLiteral("create"), QStringLiteral("namespace"), ns }))
            return 1;
        QByteArray manifests;
        for (int i = 0; i < deployments; ++i)
            manifests +=
                QStringLiteral("---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: load-%1, namespace: %2}\n"
                               "spec:\n  replicas: %3\n  selector: {matchLabels: {app: load-%1}}\n"
                               "  template:\n    metadata: {labels: {app: load-%1}}\n"
                               "    spec: {containers: [{name: app, image: 'demo/app:1.0'}]}\n")
                    .arg(i)
                    .arg(ns)
                    .arg(replicas[i])
                    .toUtf8();
        if (!LocalCluster::kubectl(
                context, { QStringLiteral("apply"), QStringLiteral("-f"), QStringLiteral("-") }, manifests))
            return 1;
        if (solo > 0 && !createBarePods(client, ns, solo))
            return 1;
        out() << pods << " pods created in " << creating.elapsed() / 1000 << " s" << Qt::endl;
    }
    const auto allReady = [&] {
        const KubeResponse listed =
            client.get(QStringLiteral("/apis/apps/v1/namespaces/%1/deployments").arg(ns)).result();
        if (!listed.ok())
            return false;
        int ready = 0;
        for (const QJsonValue &deployment : listed.json()[QLatin1String("items")].toArray())
            ready += deployment[QLatin1String("status")][QLatin1String("readyReplicas")].toInt();
        if (ready < managed)
            return false;
        // kwok makes a pod Running and Ready at once: is any pod of its own not running yet?
        const KubeResponse waiting =
            client
                .get(QStringLiteral("/api/v1/namespaces/%1/pods").arg(ns),
                    QUrlQuery { { QStringLiteral("labelSelector"), QStringLiteral("app=solo") },
                        { QStringLiteral("fieldSelector"), QStringLiteral("status.phase!=Running") },
                        { QStringLiteral("limit"), QStringLiteral("1") } })
                .result();
        return waiting.ok() && waiting.json()[QLatin1String("items")].toArray().isEmpty();
    };
    while (!allReady() && creating.elapsed() < 1800000)
        QThread::sleep(std::chrono::seconds(2));
    out() << "pods created and ready in " << creating.elapsed() / 1000 << " s" << Qt::endl;

    // The machine's own noise: the same window, idle, for 3 s (a loaded
    // machine deschedules the thread for tens of milliseconds by itself).
    Heartbeat heartbeat;
    heartbeat.start();
    waitUntil([] { return false; }, 3000);
    const qint64 idleStall = heartbeat.longest();
    out() << "idle baseline: longest event-loop stall " << idleStall << " ms in 3 s with nothing to do" << Qt::endl;

    // Initial load into the tree, under the heartbeat.
    ClusterTreeModel *model = window->clusterTreeModel();
    window->showView(QStringLiteral("cluster"));
    int inserts = 0;
    int removes = 0;
    int changes = 0;
    QObject::connect(model, &QAbstractItemModel::rowsInserted, [&] { ++inserts; });
    QObject::connect(model, &QAbstractItemModel::rowsRemoved, [&] { ++removes; });
    QObject::connect(model, &QAbstractItemModel::dataChanged, [&] { ++changes; });
    const qint64 rssBeforeLoad = statusKiB("VmRSS:") / 1024;
    resetPeakRss();
    heartbeat.start();
    QElapsedTimer loading;
    loading.start();
    double firstRowsMs = -1;
    model->addContext(context, client, { ns });
    waitUntil(
        [&] {
            const int shown = model->count(ClusterTreeModel::Kind::Pod);
            if (shown > 0 && firstRowsMs < 0)
                firstRowsMs = loading.nsecsElapsed() / 1e6;
            return shown >= pods && model->isIdle();
        },
        600000);
    const double loadMs = loading.nsecsElapsed() / 1e6;
    const qint64 loadPeakMb = statusKiB("VmHWM:") / 1024;
    const qint64 loadStall = heartbeat.longest();
    const int loadOver50 = heartbeat.over50();
    out() << "first pods in the tree " << qRound(firstRowsMs) << " ms after the context was added" << Qt::endl;
    out() << "initial load: " << model->count(ClusterTreeModel::Kind::Pod) << " pods in the tree after "
          << qRound(loadMs) << " ms; longest event-loop stall " << loadStall << " ms (UI thread busy "
          << heartbeat.longestBusy() << " ms of it; " << loadOver50
          << " stalls over 50 ms); longest UI-thread work between two beats " << heartbeat.longestWork() << " ms"
          << Qt::endl;
    out() << "memory: " << rssBeforeLoad << " MB before the load, peak " << loadPeakMb << " MB during it" << Qt::endl;
    const qint64 loadWork = heartbeat.longestWork();

    // Churn through the API (no kubectl forked from the measured thread): a
    // rollout restart, a scale down, an annotation on every pod, a scale up;
    // each step starts when the previous one is answered.
    heartbeat.start();
    inserts = removes = changes = 0;
    const QString kubeconfig = LocalCluster::kubeconfigPath();
    const int low = std::max(1, replicas.last() * 8 / 10);
    const QString last = QStringLiteral("load-%1").arg(deployments - 1);
    int step = 0;
    bool stepsDone = false;
    std::function<void()> next;
    const auto annotateAll = [&] {
        // The names from the tree itself, outside the measure: the walk
        // over every row is the bench's work, not the view's.
        heartbeat.pause();
        auto names = std::make_shared<QStringList>();
        const std::function<void(const QModelIndex &)> collect = [&](const QModelIndex &parent) {
            for (int row = 0; row < model->rowCount(parent); ++row) {
                const QModelIndex index = model->index(row, 0, parent);
                if (ClusterTreeModel::Kind(index.data(ClusterTreeModel::KindRole).toInt()) ==
                    ClusterTreeModel::Kind::Pod)
                    names->append(index.data().toString());
                else
                    collect(index);
            }
        };
        collect(model->findIndex(ClusterTreeModel::Kind::Namespace, context, ns));
        heartbeat.resume();
        auto left = std::make_shared<int>(int(names->size()));
        auto cursor = std::make_shared<int>(0);
        // At most 32 patches in flight. The pump holds itself weakly; the
        // patches in flight keep it alive.
        auto pump = std::make_shared<std::function<void()>>();
        *pump = [&, names, left, cursor, self = std::weak_ptr<std::function<void()>>(pump)] {
            if (*cursor >= names->size())
                return;
            const std::shared_ptr<std::function<void()>> again = self.lock();
            const QString name = names->at((*cursor)++);
            client
                .patch(QStringLiteral("/api/v1/namespaces/%1/pods/%2").arg(ns, name),
                    R"({"metadata":{"annotations":{"bench":"1"}}})", "application/merge-patch+json")
                .then(&app, [&, left, again](const KubeResponse &) {
                    if (--*left == 0)
                        next();
                    else
                        (*again)();
                });
        };
        if (names->isEmpty())
            next();
        for (int i = 0; i < 32; ++i)
            (*pump)();
    };
    next = [&] {
        switch (step++) {
        case 0:
            DeploymentRollout(client, ns, QStringLiteral("load-0")).restart().then(&app, [&](const RolloutResult &) {
                next();
            });
            break;
        case 1:
            DeploymentRollout(client, ns, last).scale(low).then(&app, [&](const RolloutResult &) { next(); });
            break;
        case 2:
            annotateAll();
            break;
        case 3:
            DeploymentRollout(client, ns, last).scale(replicas.last()).then(&app, [&](const RolloutResult &) {
                next();
            });
            break;
        default:
            stepsDone = true;
        }
    };
    QElapsedTimer churn;
    churn.start();
    next();
    // Settled: every step ran, every rollout is complete as kubectl would say,
    // the tree holds exactly the pods, all ready, and nothing is queued.
    const auto settled = [&] {
        if (!stepsDone || !model->isIdle() || model->count(ClusterTreeModel::Kind::Pod) != pods)
            return false;
        for (int i = 0; i < deployments; ++i) {
            const QModelIndex deployment =
                model->findIndex(ClusterTreeModel::Kind::Deployment, context, ns, QStringLiteral("load-%1").arg(i));
            if (!DeploymentRollout::evaluateStatus(model->object(deployment)).done ||
                deployment.siblingAtColumn(ClusterTreeModel::ReadyColumn).data().toString() !=
                    QStringLiteral("%1/%1").arg(replicas[i]))
                return false;
        }
        return true;
    };
    waitUntil(settled, churnSeconds * 1000);
    heartbeat.stop();
    out() << "churn (rollout restart of " << replicas.first() << " pods, scale " << replicas.last() << "→" << low << "→"
          << replicas.last() << ", annotate all): " << (settled() ? "settled" : "NOT settled") << " after "
          << churn.elapsed() / 1000 << " s; " << inserts << " insertions, " << removes << " removals, " << changes
          << " dataChanged" << Qt::endl;
    out() << "churn: longest event-loop stall " << heartbeat.longest() << " ms (UI thread busy "
          << heartbeat.longestBusy() << " ms of it; " << heartbeat.over50()
          << " stalls over 50 ms); longest UI-thread work between two beats " << heartbeat.longestWork() << " ms"
          << Qt::endl;

    // Peers on the same pods, after the churn has settled. shipyardctl's
    // raw list is the one the view is built from: the view's load should
    // cost little more than fetching.
    const QString kubeconfigArg = QStringLiteral("--kubeconfig");
    const QStringList common { QStringLiteral("get"), QStringLiteral("pods"), QStringLiteral("-n"), ns,
        QStringLiteral("-o"), QStringLiteral("json"), kubeconfigArg, kubeconfig, QStringLiteral("--context"), context };
    // Best of three; of one from 20,000 pods on, where kubectl alone takes a minute.
    const int runs = pods >= 20000 ? 1 : 3;
    const double shipyardctlMs =
        bestListMs(QCoreApplication::applicationDirPath() + QStringLiteral("/shipyardctl"), common, runs);
    const double kubectlMs = bestListMs(QStringLiteral("kubectl"), common, runs);
    out() << "shipyardctl get pods -o json: " << qRound(shipyardctlMs)
          << " ms; kubectl get pods -o json: " << qRound(kubectlMs) << " ms (best of " << runs << ")" << Qt::endl;

    // On PATH, or where packaging/tools/tools peers put it.
    QString k9s = QStandardPaths::findExecutable(QStringLiteral("k9s"));
    if (k9s.isEmpty()) {
        const QDir peers(
            QFileInfo(LocalCluster::kubeconfigPath()).absolutePath() + QStringLiteral("/../../tools/peers"));
        for (const QString &dir : peers.entryList({ QStringLiteral("k9s-*") }, QDir::Dirs, QDir::Name | QDir::Reversed))
            if (k9s.isEmpty())
                k9s = QStandardPaths::findExecutable(
                    QStringLiteral("k9s"), { peers.filePath(dir + QStringLiteral("/bin")) });
    }
    double k9sMs = -1;
    qint64 k9sRssMb = -1;
    if (k9s.isEmpty()) {
        out() << "k9s: not on PATH nor built (packaging/tools/tools peers builds it)" << Qt::endl;
    } else {
        // k9s sorts by name: the first pod it shows is the first in that order.
        const QString first = deployments > 0 ? QStringLiteral("load-0-") : QStringLiteral("solo-00000");
        QProcess peer;
        peer.start(QStringLiteral("python3"),
            { QStringLiteral(SHIPYARD_SOURCE_DIR "/tests/bench/k9s-time-to-pods.py"), k9s, kubeconfig, context, ns,
                first, QString::number(600) });
        peer.waitForFinished(-1);
        const QString answer = QString::fromUtf8(peer.readAllStandardOutput()).trimmed();
        const QRegularExpressionMatch match =
            QRegularExpression(QStringLiteral("k9s_ms=(-?\\d+) k9s_peak_rss_mb=(-?\\d+)")).match(answer);
        if (match.hasMatch()) {
            k9sMs = match.captured(1).toDouble();
            k9sRssMb = match.captured(2).toLongLong();
        }
        out() << "k9s (" << k9s << "): pods shown after " << qRound(k9sMs) << " ms, peak RSS " << k9sRssMb << " MB"
              << Qt::endl;
    }

    const qint64 peakMb = statusKiB("VmHWM:") / 1024;
    out() << "peak RSS (VmHWM) since the load began: " << peakMb << " MB" << Qt::endl;
    const auto ratio = [](double a, double b) { return b > 0 ? QString::number(a / b, 'f', 2) : QStringLiteral("-"); };
    const auto verdict = [](bool met) { return met ? "met" : "MISSED"; };
    out() << "targets: peak <= 400 MB " << verdict(peakMb <= 400) << "; UI-thread work <= 50 ms during load "
          << verdict(loadWork <= 50) << " and churn " << verdict(heartbeat.longestWork() <= 50)
          << "; first pods <= 1000 ms " << verdict(firstRowsMs >= 0 && firstRowsMs <= 1000)
          << "; all pods <= 1.1x shipyardctl's list " << verdict(shipyardctlMs > 0 && loadMs <= 1.1 * shipyardctlMs)
          << "; <= 0.5x k9s " << (k9sMs > 0 ? verdict(loadMs <= 0.5 * k9sMs) : "not measured") << Qt::endl;

    out() << "SUMMARY pods=" << pods << " idle_stall_ms=" << idleStall
          << " start_to_shown_ms=" << qRound(startToShownMs)
          << " mainwindow_construct_show_ms=" << qRound(constructShowMs) << " first_rows_ms=" << qRound(firstRowsMs)
          << " initial_load_ms=" << qRound(loadMs) << " load_stall_ms=" << loadStall << " load_work_ms=" << loadWork
          << " churn_stall_ms=" << heartbeat.longest() << " churn_work_ms=" << heartbeat.longestWork()
          << " load_peak_rss_mb=" << loadPeakMb << " peak_rss_mb=" << peakMb
          << " shipyardctl_list_ms=" << qRound(shipyardctlMs) << " kubectl_list_ms=" << qRound(kubectlMs)
          << " k9s_ms=" << qRound(k9sMs) << " k9s_peak_rss_mb=" << k9sRssMb
          << " load_vs_shipyardctl=" << ratio(loadMs, shipyardctlMs) << " load_vs_kubectl=" << ratio(loadMs, kubectlMs)
          << " load_vs_k9s=" << ratio(loadMs, k9sMs) << Qt::endl;
    delete window;
    return 0;
}
