// SPDX-License-Identifier: GPL-2.0-or-later
#include "live/SystemLogStream.h"

#include "kube/DeploymentRollout.h"
#include "kube/KubeInformer.h"
#include "kube/KubeResourceType.h"
#include "kube/PodLogs.h"

#include <QJsonArray>
#include <QMutex>

#include <limits>

namespace Shipyard {

namespace {
constexpr qint64 noTime = std::numeric_limits<qint64>::min();
} // namespace

// Filled by the HTTP worker thread, emptied by drain().
struct SystemLogStream::Pipe
{
    QMutex mutex;
    QByteArray pending;
    qint64 droppedLines = 0;
    bool ended = false;
    KubeError error;
};

// One container's log (or its previous run's) of one pod.
struct SystemLogStream::Follower
{
    QString pod;
    QString container;
    bool previous = false;
    QString containerId; // a new one (a restart) is a new log
    bool running = false; // as last seen: a followed stream that ends early is read again
    std::shared_ptr<Pipe> pipe;
    std::optional<KubeStream> stream;
    bool read = false; // tailLines and sinceSeconds apply to the first read only
    qint64 lastTime = noTime; // of the last line given out
    int countAtLast = 0; // lines given out with exactly that time
    // After a retry from sinceTime (whole seconds): what was given out already.
    qint64 skipUpTo = noTime;
    int skipAtLast = 0;
    int failures = 0;
    std::optional<qint64> retryAt;
    bool done = false; // ended and not to be read again

    void cancel()
    {
        if (stream)
            stream->cancel();
        stream.reset();
    }
};

SystemLogStream::SystemLogStream(KubeClient client, QString ns, QObject *parent)
    : QObject(parent), m_client(std::move(client)), m_ns(std::move(ns))
{
    m_clock.start();
    connect(&m_drainTimer, &QTimer::timeout, this, &SystemLogStream::drain);
}

SystemLogStream::~SystemLogStream()
{
    stop();
}

void SystemLogStream::setDeployment(const QString &name)
{
    m_deployment = name;
    m_selector.clear();
}

void SystemLogStream::setLabelSelector(const QString &selector)
{
    m_selector = selector;
    m_deployment.clear();
}

qint64 SystemLogStream::now() const
{
    return m_clock.nsecsElapsed();
}

QStringList SystemLogStream::pods() const
{
    return m_pods;
}

int SystemLogStream::openStreamCount() const
{
    int count = 0;
    for (const auto &[key, follower] : m_followers)
        count += follower->stream ? 1 : 0;
    return count;
}

void SystemLogStream::start()
{
    stop();
    m_running = true;
    m_finished = false;
    m_synced = false;
    const quint64 generation = ++m_generation;
    // A read that ends is merged whole (within the merger's bound): every
    // line in its place, however the streams were paced.
    m_merger.setWindow(
        m_options.follow ? qint64(m_options.reorderWindow.count()) * 1000000 : std::numeric_limits<qint64>::max() / 4);
    m_drainTimer.start(m_options.batchInterval);
    if (m_deployment.isEmpty()) {
        watchPods();
        return;
    }
    // The Deployment's own selector: its ReplicaSets' pods, old and new, during a rollout too.
    const KubeResourceType deployments = KubeResourceType::make(
        QStringLiteral("apps"), QStringLiteral("v1"), QStringLiteral("deployments"), QStringLiteral("Deployment"));
    m_client.get(deployments.path(m_ns, m_deployment)).then(this, [this, generation](const KubeResponse &response) {
        if (generation != m_generation)
            return;
        const QJsonObject selector = response.json()[QLatin1String("spec")][QLatin1String("selector")].toObject();
        if (!response.ok() || selector.isEmpty()) {
            Q_EMIT errorOccurred(response.ok()
                    ? tr("Deployment %1 in %2 has no selector").arg(m_deployment, m_ns)
                    : tr("Cannot read deployment %1 in %2: %3").arg(m_deployment, m_ns, response.error.message));
            stop();
            Q_EMIT finished();
            return;
        }
        m_selector = DeploymentRollout::labelSelector(selector);
        watchPods();
    });
}

void SystemLogStream::stop()
{
    ++m_generation;
    m_running = false;
    m_drainTimer.stop();
    m_informer.reset();
    for (auto &[key, follower] : m_followers)
        follower->cancel();
    m_followers.clear();
    m_previousRead.clear();
}

void SystemLogStream::watchPods()
{
    const KubeResourceType pods =
        KubeResourceType::make(QString(), QStringLiteral("v1"), QStringLiteral("pods"), QStringLiteral("Pod"));
    m_informer = std::make_unique<KubeInformer>(m_client, pods, m_ns);
    m_informer->setLabelSelector(m_selector);
    connect(m_informer.get(), &KubeInformer::synced, this, &SystemLogStream::reconcile);
    connect(m_informer.get(), &KubeInformer::batchApplied, this, &SystemLogStream::reconcile);
    connect(m_informer.get(), &KubeInformer::errorOccurred, this, [this](const KubeError &error) {
        Q_EMIT errorOccurred(tr("Cannot watch the pods of %1: %2").arg(m_selector, error.message));
        if (!m_options.follow && !m_synced) {
            stop();
            Q_EMIT finished();
        }
    });
    m_informer->start();
}

void SystemLogStream::reconcile()
{
    if (!m_informer || !m_informer->hasSynced())
        return;
    // Read once, the pods there were, when not following.
    if (!m_options.follow && m_synced)
        return;
    m_synced = true;
    QStringList pods;
    QSet<QString> alive;
    for (int row = 0; row < m_informer->count(); ++row) {
        const QJsonObject pod = m_informer->item(row);
        const QString name = pod[QLatin1String("metadata")][QLatin1String("name")].toString();
        pods.append(name);
        const QJsonObject status = pod.value(QLatin1String("status")).toObject();
        QJsonArray statuses = status.value(QLatin1String("initContainerStatuses")).toArray();
        for (const QJsonValue &value : status.value(QLatin1String("containerStatuses")).toArray())
            statuses.append(value);
        for (const QJsonValue &value : std::as_const(statuses)) {
            const QString container = value[QLatin1String("name")].toString();
            const QString id = value[QLatin1String("containerID")].toString();
            const QJsonObject state = value[QLatin1String("state")].toObject();
            const bool running = state.contains(QLatin1String("running"));
            const bool hasLog = running || state.contains(QLatin1String("terminated"));
            const QString key = name + QLatin1Char('/') + container;
            auto it = m_followers.find(key);
            if (hasLog && !id.isEmpty()) {
                if (it == m_followers.end()) {
                    auto follower = std::make_unique<Follower>();
                    follower->pod = name;
                    follower->container = container;
                    it = m_followers.emplace(key, std::move(follower)).first;
                }
                Follower &follower = *it->second;
                follower.running = running;
                if (follower.containerId != id) {
                    // A new container (the first, or a restart): a log of its own, read from its start.
                    follower.cancel();
                    const QString podName = follower.pod;
                    follower = Follower();
                    follower.pod = podName;
                    follower.container = container;
                    follower.containerId = id;
                    follower.running = running;
                    follow(follower);
                }
            }
            if (it != m_followers.end())
                alive.insert(key);
            const QString previousKey = key + QStringLiteral("/previous");
            if (m_options.previousLogs && value[QLatin1String("restartCount")].toInt() > 0 &&
                !m_previousRead.contains(key)) {
                m_previousRead.insert(key);
                auto follower = std::make_unique<Follower>();
                follower->pod = name;
                follower->container = container;
                follower->previous = true;
                follow(*follower);
                m_followers.emplace(previousKey, std::move(follower));
            }
            if (m_followers.count(previousKey))
                alive.insert(previousKey);
        }
    }
    // Gone pods: what they sent is kept, their streams end.
    for (auto it = m_followers.begin(); it != m_followers.end();) {
        if (alive.contains(it->first)) {
            ++it;
            continue;
        }
        drainOne(*it->second);
        it->second->cancel();
        it = m_followers.erase(it);
    }
    for (auto it = m_previousRead.begin(); it != m_previousRead.end();) {
        if (pods.contains(it->section(QLatin1Char('/'), 0, 0)))
            ++it;
        else
            it = m_previousRead.erase(it);
    }
    if (pods != m_pods) {
        m_pods = pods;
        Q_EMIT podsChanged();
    }
    checkFinished();
}

void SystemLogStream::follow(Follower &follower)
{
    follower.cancel();
    follower.retryAt.reset();
    follower.done = false;
    auto pipe = std::make_shared<Pipe>();
    follower.pipe = pipe;
    PodLogs::Options options;
    options.container = follower.container;
    options.timestamps = true;
    options.previous = follower.previous;
    options.follow = m_options.follow && !follower.previous;
    if (!follower.read || follower.lastTime == noTime) {
        options.tailLines = m_options.tailLines;
        options.sinceSeconds = m_options.sinceSeconds;
    } else if (follower.lastTime != noTime) {
        // Again from the last line's second; what was given out of it is skipped.
        options.sinceTime = LogLine::toDateTime(follower.lastTime);
        follower.skipUpTo = follower.lastTime;
        follower.skipAtLast = follower.countAtLast;
    }
    follower.read = true;
    const qsizetype limit = m_options.streamBuffer;
    follower.stream = PodLogs::stream(
        m_client, m_ns, follower.pod, options,
        [pipe, limit](QByteArrayView chunk) {
            QMutexLocker lock(&pipe->mutex);
            if (pipe->ended)
                return false;
            pipe->pending.append(chunk);
            if (pipe->pending.size() > limit) {
                // Whole lines go, oldest first, and are counted.
                qsizetype cut = pipe->pending.indexOf('\n', pipe->pending.size() - limit);
                cut = cut < 0 ? pipe->pending.size() : cut + 1;
                pipe->droppedLines += QByteArrayView(pipe->pending).first(cut).count('\n');
                pipe->pending.remove(0, cut);
            }
            return true;
        },
        [pipe](const KubeResponse &response) {
            QMutexLocker lock(&pipe->mutex);
            if (pipe->ended)
                return;
            pipe->ended = true;
            pipe->error = response.error;
        });
}

void SystemLogStream::simulateDisconnect(const QString &pod)
{
    for (auto &[key, follower] : m_followers) {
        if (follower->pod != pod || !follower->stream)
            continue;
        {
            QMutexLocker lock(&follower->pipe->mutex);
            follower->pipe->ended = true;
            follower->pipe->error =
                KubeError::make(KubeError::Kind::Network, QStringLiteral("disconnected for a test"));
        }
        follower->stream->cancel();
    }
}

void SystemLogStream::drainOne(Follower &follower)
{
    if (!follower.pipe)
        return;
    QByteArray text;
    bool ended = false;
    KubeError error;
    {
        QMutexLocker lock(&follower.pipe->mutex);
        const qsizetype end =
            follower.pipe->ended ? follower.pipe->pending.size() : follower.pipe->pending.lastIndexOf('\n') + 1;
        text = follower.pipe->pending.first(end);
        follower.pipe->pending.remove(0, end);
        m_dropped += std::exchange(follower.pipe->droppedLines, 0);
        ended = follower.pipe->ended;
        error = follower.pipe->error;
    }
    qsizetype start = 0;
    while (start < text.size()) {
        qsizetype end = text.indexOf('\n', start);
        if (end < 0)
            end = text.size();
        deliver(follower, QByteArrayView(text).sliced(start, end - start));
        start = end + 1;
    }
    if (!ended || !follower.stream)
        return;
    follower.stream.reset();
    follower.pipe.reset();
    const bool failed = error.isError() && error.kind != KubeError::Kind::Cancelled;
    if (failed)
        Q_EMIT errorOccurred(tr("The log of %1/%2: %3").arg(follower.pod, follower.container, error.message));
    // A followed log that ends while its container runs was cut (an
    // apiserver restart, a proxy's timeout): read it again.
    const bool again = failed ? (m_options.follow || follower.failures < 3)
                              : (m_options.follow && !follower.previous && follower.running);
    if (!again) {
        follower.done = true;
        return;
    }
    const qint64 backoff =
        qMin<qint64>(qint64(m_options.maximumBackoff.count()), 1000LL << qMin(follower.failures, 16));
    ++follower.failures;
    follower.retryAt = now() + backoff * 1000000;
}

void SystemLogStream::deliver(Follower &follower, QByteArrayView raw)
{
    if (raw.endsWith('\r'))
        raw.chop(1);
    QByteArrayView text = raw;
    const std::optional<qint64> stamp = LogLine::parseTimestamp(raw, &text);
    // A line without a time (a server that ignored timestamps) goes with the one before it.
    const qint64 time = stamp         ? *stamp
        : follower.lastTime != noTime ? follower.lastTime
                                      : QDateTime::currentMSecsSinceEpoch() * 1000000;
    if (follower.skipUpTo != noTime) {
        if (time < follower.skipUpTo)
            return;
        if (time == follower.skipUpTo && follower.skipAtLast > 0) {
            --follower.skipAtLast;
            return;
        }
        follower.skipUpTo = noTime;
    }
    if (time == follower.lastTime) {
        ++follower.countAtLast;
    } else {
        follower.lastTime = time;
        follower.countAtLast = 1;
    }
    follower.failures = 0;
    ++m_received;
    m_merger.add(LogLine { time, follower.pod, follower.container, QString::fromUtf8(text), follower.previous }, now());
}

void SystemLogStream::drain()
{
    for (auto &[key, follower] : m_followers) {
        drainOne(*follower);
        if (follower->retryAt && *follower->retryAt <= now()) {
            ++m_retries;
            follow(*follower);
        }
    }
    bool allDone = !m_options.follow && m_synced;
    for (const auto &[key, follower] : m_followers)
        allDone = allDone && follower->done;
    append(allDone ? m_merger.takeAll() : m_merger.take(now()));
    checkFinished();
}

void SystemLogStream::append(QList<LogLine> lines)
{
    if (lines.isEmpty())
        return;
    if (m_options.maximumLines <= 0) {
        // Nothing kept: each batch is only handed over (shipyardctl prints it).
        Q_EMIT linesAppended(lines, 0);
        return;
    }
    const qsizetype maximum = m_options.maximumLines;
    if (lines.size() > maximum) {
        // More than can be kept came at once: the oldest of them never show.
        m_dropped += lines.size() - maximum;
        lines.remove(0, lines.size() - maximum);
    }
    int dropped = 0;
    for (const LogLine &line : std::as_const(lines))
        m_lines.push_back(line);
    while (qsizetype(m_lines.size()) > maximum) {
        m_lines.pop_front();
        ++dropped;
    }
    m_dropped += dropped;
    Q_EMIT linesAppended(lines, dropped);
}

void SystemLogStream::checkFinished()
{
    if (m_options.follow || !m_synced || m_finished || m_merger.heldCount() > 0)
        return;
    for (const auto &[key, follower] : m_followers)
        if (!follower->done)
            return;
    m_finished = true;
    m_drainTimer.stop();
    Q_EMIT finished();
}

} // namespace Shipyard
