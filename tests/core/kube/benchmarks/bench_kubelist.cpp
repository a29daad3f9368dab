// SPDX-License-Identifier: GPL-2.0-or-later
// Prints figures for a large pod list (issue 4, section 7); not a test.
//   bench_kubelist [--context local] [--skip-kubectl] [--watch-events N]
// Run inside the dev root against a cluster scaled with
//   packaging/localcluster/cluster scale --deployments 1000 --replicas 10
#include "kube/ClusterAccess.h"
#include "kube/KubeClient.h"
#include "kube/KubeInformer.h"
#include "kube/KubePager.h"
#include "kube/Kubeconfig.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTextStream>

#ifdef SHIPYARD_HAVE_SIMDJSON
#include <simdjson.h>
#endif

#include <cstdio>

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

template<typename T> T await(QFuture<T> future)
{
    while (!future.isFinished())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    return future.result();
}

double best(int runs, const std::function<void()> &function)
{
    double fastest = 1e18;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        function();
        fastest = std::min(fastest, timer.nsecsElapsed() / 1e6);
    }
    return fastest;
}

// Wall time of a command with stdout to /dev/null; the best of `runs`.
double commandMs(const QString &program, const QStringList &arguments, int runs, const QString &keepOutput = {})
{
    return best(runs, [&] {
        QProcess process;
        process.setStandardOutputFile(keepOutput.isEmpty() ? QProcess::nullDevice() : keepOutput);
        process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        process.start(program, arguments);
        process.waitForFinished(-1);
        if (process.exitCode() != 0)
            out() << "  ! " << program << " exited with " << process.exitCode() << Qt::endl;
    });
}

QSet<QString> podNames(const QString &file)
{
    QFile f(file);
    f.open(QIODevice::ReadOnly);
    QSet<QString> names;
    for (const QJsonValue &item : QJsonDocument::fromJson(f.readAll())[QLatin1String("items")].toArray())
        names.insert(item[QLatin1String("metadata")][QLatin1String("namespace")].toString() + QLatin1Char('/') +
            item[QLatin1String("metadata")][QLatin1String("name")].toString());
    return names;
}

#ifdef SHIPYARD_HAVE_SIMDJSON
QJsonValue toQt(simdjson::dom::element element)
{
    switch (element.type()) {
    case simdjson::dom::element_type::OBJECT: {
        QJsonObject object;
        for (auto field : simdjson::dom::object(element))
            object.insert(QString::fromUtf8(field.key.data(), qsizetype(field.key.size())), toQt(field.value));
        return object;
    }
    case simdjson::dom::element_type::ARRAY: {
        QJsonArray array;
        for (auto item : simdjson::dom::array(element))
            array.append(toQt(item));
        return array;
    }
    case simdjson::dom::element_type::STRING: {
        std::string_view text = element.get_string().value_unsafe();
        return QString::fromUtf8(text.data(), qsizetype(text.size()));
    }
    case simdjson::dom::element_type::INT64:
        return qint64(element.get_int64().value_unsafe());
    case simdjson::dom::element_type::UINT64:
        return double(element.get_uint64().value_unsafe());
    case simdjson::dom::element_type::DOUBLE:
        return element.get_double().value_unsafe();
    case simdjson::dom::element_type::BOOL:
        return element.get_bool().value_unsafe();
    default:
        return QJsonValue::Null;
    }
}
#endif

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption(
        { QStringLiteral("context"), QStringLiteral("context"), QStringLiteral("C"), QStringLiteral("local") });
    parser.addOption({ QStringLiteral("kubeconfig"), QStringLiteral("kubeconfig"), QStringLiteral("FILE") });
    parser.addOption(
        { QStringLiteral("runs"), QStringLiteral("repetitions"), QStringLiteral("N"), QStringLiteral("3") });
    parser.addOption({ QStringLiteral("watch-events"), QStringLiteral("objects to create for the watch figure"),
        QStringLiteral("N"), QStringLiteral("2000") });
    parser.addOption({ QStringLiteral("skip-kubectl"), QStringLiteral("do not run kubectl") });
    parser.addOption({ QStringLiteral("cache-only"), QStringLiteral("only the informer cache figures") });
    parser.process(app);
    const int runs = parser.value(QStringLiteral("runs")).toInt();

    QString kubeconfigPath = parser.value(QStringLiteral("kubeconfig"));
    if (kubeconfigPath.isEmpty()) {
        QString cache = qEnvironmentVariable("SHIPYARD_CACHE", QDir::homePath() + QStringLiteral("/.cache/shipyard"));
        kubeconfigPath = cache + QStringLiteral("/run/cluster/kubeconfig");
    }
    const QString context = parser.value(QStringLiteral("context"));
    QString error;
    const KubeClient client = ClusterAccess::load(kubeconfigPath).client(context, &error);
    if (!client.isValid()) {
        out() << "no cluster: " << error << Qt::endl;
        return 1;
    }
    const QString podsPath = QStringLiteral("/api/v1/pods");
    out() << "Shipyard kube benchmark against " << client.connection().cluster.server << " (" << context << ")\n";

    // 1. A live cache of every pod, first, so RSS is not inflated by the steps after it.
    const qint64 rssBefore = statusKiB("VmRSS:");
    KubeInformer informer(
        client, KubeResourceType::make({}, QStringLiteral("v1"), QStringLiteral("pods"), QStringLiteral("Pod")), {});
    QElapsedTimer cacheTimer;
    cacheTimer.start();
    bool synced = false;
    QObject::connect(&informer, &KubeInformer::synced, [&] { synced = true; });
    informer.start();
    while (!synced)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    const double cacheMs = cacheTimer.nsecsElapsed() / 1e6;
    QCoreApplication::processEvents();
    out() << QStringLiteral("informer cache of %1 pods built in:        %2 ms\n")
                 .arg(informer.count())
                 .arg(cacheMs, 0, 'f', 0);
    out() << QStringLiteral("  RSS of the process: %1 MB (was %2 MB before the cache; peak %3 MB)\n")
                 .arg(statusKiB("VmRSS:") / 1024.0, 0, 'f', 0)
                 .arg(rssBefore / 1024.0, 0, 'f', 0)
                 .arg(statusKiB("VmHWM:") / 1024.0, 0, 'f', 0);

    if (parser.isSet(QStringLiteral("cache-only")))
        return 0;

    // 2. Transfer, and the parser choice on the very same bytes.
    QByteArray body;
    const double fetchMs = best(runs, [&] {
        KubeResponse response = await(client.get(podsPath));
        body = response.body;
    });
    const qsizetype pods = QJsonDocument::fromJson(body)[QLatin1String("items")].toArray().size();
    out() << QStringLiteral("pods: %1, one unpaged list: %2 MB in %3 ms (HTTP transfer only)\n")
                 .arg(pods)
                 .arg(body.size() / 1e6, 0, 'f', 1)
                 .arg(fetchMs, 0, 'f', 0);
    const double qtParseMs = best(runs, [&] { (void)QJsonDocument::fromJson(body); });
    out() << QStringLiteral("  parse with QJsonDocument:                 %1 ms\n").arg(qtParseMs, 0, 'f', 0);
#ifdef SHIPYARD_HAVE_SIMDJSON
    simdjson::dom::parser simdParser;
    const double simdParseMs = best(runs, [&] { (void)simdParser.parse(body.constData(), size_t(body.size())); });
    const double simdToQtMs = best(runs, [&] {
        auto document = simdParser.parse(body.constData(), size_t(body.size()));
        (void)toQt(document.value_unsafe());
    });
    out() << QStringLiteral("  parse with simdjson (DOM only):           %1 ms\n").arg(simdParseMs, 0, 'f', 0);
    out() << QStringLiteral("  parse with simdjson + build Qt JSON tree: %1 ms\n").arg(simdToQtMs, 0, 'f', 0);
#else
    out() << "  simdjson not found at build time\n";
#endif
    const double serializeMs = best(runs, [&] { (void)QJsonDocument::fromJson(body).toJson(QJsonDocument::Indented); });
    out() << QStringLiteral("  parse + indent with QJsonDocument:        %1 ms\n").arg(serializeMs, 0, 'f', 0);

    // 3. Paged list + decode (what the informer and `get` do).
    const double pagedMs = best(runs, [&] { (void)await(KubePager::list(client, podsPath)); });
    out() << QStringLiteral("paged list (500/page) + decode:            %1 ms\n").arg(pagedMs, 0, 'f', 0);

    // 4. CLI against kubectl, same output.
    const QString ctl = QCoreApplication::applicationDirPath() + QStringLiteral("/shipyardctl");
    const QStringList common { QStringLiteral("--kubeconfig"), kubeconfigPath, QStringLiteral("--context"), context };
    const QStringList getArgs = QStringList { QStringLiteral("get"), QStringLiteral("pods"), QStringLiteral("-A"),
        QStringLiteral("-o"), QStringLiteral("json") };
    const double ctlMs = commandMs(ctl, getArgs + common, runs);
    out() << QStringLiteral("shipyardctl get pods -A -o json:           %1 ms\n").arg(ctlMs, 0, 'f', 0);
    if (!parser.isSet(QStringLiteral("skip-kubectl"))) {
        const double kubectlMs = commandMs(QStringLiteral("kubectl"), getArgs + common, runs);
        out() << QStringLiteral("kubectl get pods -A -o json:               %1 ms\n").arg(kubectlMs, 0, 'f', 0);
        out() << QStringLiteral("  ratio shipyardctl / kubectl:             %1 (target <= 0.5)\n")
                     .arg(ctlMs / kubectlMs, 0, 'f', 2);
        const QString a = QDir::temp().filePath(QStringLiteral("bench-shipyardctl.json"));
        const QString b = QDir::temp().filePath(QStringLiteral("bench-kubectl.json"));
        commandMs(ctl, getArgs + common, 1, a);
        commandMs(QStringLiteral("kubectl"), getArgs + common, 1, b);
        const QSet<QString> ours = podNames(a);
        const QSet<QString> theirs = podNames(b);
        out() << QStringLiteral("  same pods in both outputs: %1 (%2 vs %3)\n")
                     .arg(ours == theirs ? QStringLiteral("yes") : QStringLiteral("NO"))
                     .arg(ours.size())
                     .arg(theirs.size());
        QFile::remove(a);
        QFile::remove(b);
    }

    // 5. Watch throughput: configmaps created as fast as the server takes them.
    const int events = parser.value(QStringLiteral("watch-events")).toInt();
    if (events > 0) {
        const QString ns = QStringLiteral("shipyard-bench-%1").arg(QRandomGenerator::global()->bounded(100000));
        await(client.create(QStringLiteral("/api/v1/namespaces"),
            QJsonObject { { QStringLiteral("metadata"), QJsonObject { { QStringLiteral("name"), ns } } } }));
        const KubeResourceType configMaps =
            KubeResourceType::make({}, QStringLiteral("v1"), QStringLiteral("configmaps"), QStringLiteral("ConfigMap"));
        KubeInformer watcher(client, configMaps, ns);
        bool watcherSynced = false;
        QObject::connect(&watcher, &KubeInformer::synced, [&] { watcherSynced = true; });
        watcher.start();
        while (!watcherSynced)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
        const int start = watcher.count();
        int batches = 0;
        QObject::connect(&watcher, &KubeInformer::batchApplied, [&] { ++batches; });
        QElapsedTimer timer;
        timer.start();
        QList<QFuture<KubeResponse>> pending;
        for (int i = 0; i < events; ++i) {
            pending.append(client.create(configMaps.path(ns),
                QJsonObject { { QStringLiteral("metadata"),
                    QJsonObject { { QStringLiteral("name"), QStringLiteral("b-%1").arg(i) } } } }));
            if (pending.size() >= 64) {
                await(pending.takeFirst());
            }
        }
        for (auto &future : pending)
            await(future);
        const double writesMs = timer.nsecsElapsed() / 1e6;
        while (watcher.count() < start + events && timer.elapsed() < 120000)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
        const double seenMs = timer.nsecsElapsed() / 1e6;
        out() << QStringLiteral("watch: %1 ADDED events seen in %2 ms = %3 events/s in %4 batches "
                                "(the server took the writes in %5 ms; the watch is bounded by the writer)\n")
                     .arg(watcher.count() - start)
                     .arg(seenMs, 0, 'f', 0)
                     .arg((watcher.count() - start) / (seenMs / 1000), 0, 'f', 0)
                     .arg(batches)
                     .arg(writesMs, 0, 'f', 0);
        await(client.remove(QStringLiteral("/api/v1/namespaces/") + ns));
    }
    return 0;
}
