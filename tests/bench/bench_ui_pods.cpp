// SPDX-License-Identifier: GPL-2.0-or-later
// Prints figures for the Cluster view on many pods; not a test.
//   bench_ui_pods [--pods 10000] [--context local] [--churn-seconds 120]
// Run inside the dev root against the local cluster. It makes its own
// namespace with the pods (Deployments of demo/app:1.0, kwok makes them
// ready), feeds the ClusterTreeModel of a MainWindow's Cluster view
// (offscreen) while the pods change (a rollout restart, a scale down and
// up, an annotation on every pod), then deletes the namespace.
#include "cluster/ClusterTreeModel.h"
#include "cluster/ClusterView.h"
#include "shell/MainWindow.h"

#include "kube/ClusterAccess.h"
#include "kube/DeploymentRollout.h"
#include "kube/KubeClient.h"
#include "kube/Kubeconfig.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QScopeGuard>
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

QString kubectlOutput(const QString &context, const QStringList &arguments)
{
    QProcess process;
    process.start(QStringLiteral("kubectl"),
        QStringList {
            QStringLiteral("--kubeconfig"), LocalCluster::kubeconfigPath(), QStringLiteral("--context"), context } +
            arguments);
    process.waitForFinished(120000);
    return QString::fromUtf8(process.readAllStandardOutput()).trimmed();
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

void waitUntil(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!done() && timer.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
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
    parser.addOption({ QStringLiteral("churn-seconds"), QStringLiteral("longest wait for the churn to settle"),
        QStringLiteral("S"), QStringLiteral("180") });
    parser.process(app);
    const int pods = std::max(1, parser.value(QStringLiteral("pods")).toInt());
    const QString context = parser.value(QStringLiteral("context"));
    const int churnSeconds = parser.value(QStringLiteral("churn-seconds")).toInt();
    const QString ns = QStringLiteral("bench-ui-%1").arg(QCoreApplication::applicationPid());

    out() << "bench_ui_pods: " << pods << " pods in namespace " << ns << " (context " << context << ")" << Qt::endl;
    out() << "cold start: process start → main window shown: " << qRound(startToShownMs)
          << " ms (MainWindow construction + show + first events: " << qRound(constructShowMs) << " ms)" << Qt::endl;

    // Pods through Deployments of at most 1000 replicas.
    const int deployments = (pods + 999) / 1000;
    QList<int> replicas;
    for (int i = 0; i < deployments; ++i)
        replicas.append(pods / deployments + (i < pods % deployments ? 1 : 0));
    if (!LocalCluster::kubectl(context, { QStringLiteral("create"), QStringLiteral("namespace"), ns }))
        return 1;
    const auto cleanup = qScopeGuard([&] {
        LocalCluster::kubectl(
            context, { QStringLiteral("delete"), QStringLiteral("namespace"), ns, QStringLiteral("--wait=false") });
        out() << "namespace " << ns << " deleted" << Qt::endl;
    });
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
    QElapsedTimer creating;
    creating.start();
    const auto readyPods = [&] {
        int ready = 0;
        const QString answer = kubectlOutput(context,
            { QStringLiteral("get"), QStringLiteral("deployments"), QStringLiteral("-n"), ns, QStringLiteral("-o"),
                QStringLiteral("jsonpath={.items[*].status.readyReplicas}") });
        for (const QString &count : answer.split(QLatin1Char(' '), Qt::SkipEmptyParts))
            ready += count.toInt();
        return ready;
    };
    while (readyPods() < pods && creating.elapsed() < 900000)
        QThread::sleep(std::chrono::seconds(2));
    out() << "pods created and ready in " << creating.elapsed() / 1000 << " s" << Qt::endl;

    QString error;
    const KubeClient client = ClusterAccess::load(LocalCluster::kubeconfigPath()).client(context, &error);
    if (!client.isValid()) {
        out() << "no client: " << error << Qt::endl;
        return 1;
    }

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
    heartbeat.start();
    QElapsedTimer loading;
    loading.start();
    model->addContext(context, client, { ns });
    waitUntil([&] { return model->count(ClusterTreeModel::Kind::Pod) >= pods && model->isIdle(); }, 300000);
    const double loadMs = loading.nsecsElapsed() / 1e6;
    const qint64 loadStall = heartbeat.longest();
    const int loadOver50 = heartbeat.over50();
    out() << "initial load: " << model->count(ClusterTreeModel::Kind::Pod) << " pods in the tree after "
          << qRound(loadMs) << " ms; longest event-loop stall " << loadStall << " ms (UI thread busy "
          << heartbeat.longestBusy() << " ms of it; " << loadOver50
          << " stalls over 50 ms); longest UI-thread work between two beats " << heartbeat.longestWork() << " ms"
          << Qt::endl;
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
        // The names from the tree itself: parsing a pod list here would stall the loop being measured.
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
        auto left = std::make_shared<int>(int(names->size()));
        auto cursor = std::make_shared<int>(0);
        // At most 32 patches in flight.
        auto pump = std::make_shared<std::function<void()>>();
        *pump = [&, names, left, cursor, pump] {
            if (*cursor >= names->size())
                return;
            const QString name = names->at((*cursor)++);
            client
                .patch(QStringLiteral("/api/v1/namespaces/%1/pods/%2").arg(ns, name),
                    R"({"metadata":{"annotations":{"bench":"1"}}})", "application/merge-patch+json")
                .then(&app, [&, left, pump](const KubeResponse &) {
                    if (--*left == 0)
                        next();
                    else
                        (*pump)();
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

    // Peer: kubectl listing the same pods.
    double kubectlMs = 1e18;
    for (int run = 0; run < 3; ++run) {
        QElapsedTimer timer;
        timer.start();
        QProcess list;
        list.setStandardOutputFile(QProcess::nullDevice());
        list.start(QStringLiteral("kubectl"),
            { QStringLiteral("--kubeconfig"), kubeconfig, QStringLiteral("--context"), context, QStringLiteral("get"),
                QStringLiteral("pods"), QStringLiteral("-n"), ns, QStringLiteral("-o"), QStringLiteral("json") });
        list.waitForFinished(-1);
        kubectlMs = std::min(kubectlMs, timer.nsecsElapsed() / 1e6);
    }
    out() << "kubectl get pods -o json: " << qRound(kubectlMs)
          << " ms (best of 3); tree's initial load / kubectl = " << QString::number(loadMs / kubectlMs, 'f', 2)
          << Qt::endl;
    out() << "peak RSS (VmHWM): " << statusKiB("VmHWM:") / 1024 << " MB" << Qt::endl;

    out() << "SUMMARY pods=" << pods << " idle_stall_ms=" << idleStall
          << " start_to_shown_ms=" << qRound(startToShownMs)
          << " mainwindow_construct_show_ms=" << qRound(constructShowMs) << " initial_load_ms=" << qRound(loadMs)
          << " load_stall_ms=" << loadStall << " load_work_ms=" << loadWork << " churn_stall_ms=" << heartbeat.longest()
          << " churn_work_ms=" << heartbeat.longestWork() << " peak_rss_mb=" << statusKiB("VmHWM:") / 1024
          << " kubectl_list_ms=" << qRound(kubectlMs)
          << " load_vs_kubectl=" << QString::number(loadMs / kubectlMs, 'f', 2) << Qt::endl;
    delete window;
    return 0;
}
