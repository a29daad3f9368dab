// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "kube/KubeClient.h"
#include "live/LogLine.h"
#include "live/LogMerger.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <chrono>
#include <deque>
#include <map>
#include <memory>
#include <optional>

namespace Shipyard {

class KubeInformer;

// The log of a whole system: every pod of a Deployment (or of a label
// selector), each of their containers, merged by time and followed, as
// stern or k9s show it. Pods that appear (a rollout, a scale) join; pods
// that go stop being followed. A container that restarted also gives its
// previous run's log, once.
//
// Each container's log is read with timestamps=true; lines are merged by
// that time (LogMerger: a reorder window for streams that lag a little) and
// tagged with pod and container. A stream that fails is read again with
// backoff from its last line's time (sinceTime), its lines already seen
// skipped, so nothing comes twice.
//
// Bounded: the newest maximumLines lines are kept (older ones fall off and
// are counted as dropped); each stream holds at most streamBuffer bytes
// between two batches (a stream that outruns it loses its oldest text,
// counted too). Text arrives in the HTTP worker thread and is taken over
// in batches every batchInterval, so a chatty system never floods the event
// loop: one linesAppended() per batch. Lives in one thread (its owner's).
class SystemLogStream : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        // Keep reading (and watch for pods); otherwise read what is there and finish().
        bool follow = true;
        // Per container, on its first read: only the last N lines.
        std::optional<int> tailLines;
        // Only lines of the last N seconds (first reads).
        std::optional<int> sinceSeconds;
        // 0: none kept, each batch only handed over.
        int maximumLines = 20000;
        // Following: how long a line waits for older ones of slower streams.
        // Not following, lines wait until every stream has ended.
        std::chrono::milliseconds reorderWindow { 1500 };
        std::chrono::milliseconds batchInterval { 100 };
        qsizetype streamBuffer = 1024 * 1024;
        // The previous container's log of a container that restarted.
        bool previousLogs = true;
        // A failed stream is read again after 1 s, doubling up to this.
        std::chrono::milliseconds maximumBackoff { 30000 };
    };

    SystemLogStream(KubeClient client, QString ns, QObject *parent = nullptr);
    ~SystemLogStream() override;

    void setOptions(const Options &options) { m_options = options; }
    const Options &options() const { return m_options; }
    // The pods of this Deployment (its spec.selector, read at start()).
    void setDeployment(const QString &name);
    // Or the pods of this label selector ("app=web,tier in (a,b)").
    void setLabelSelector(const QString &selector);
    const QString &deployment() const { return m_deployment; }
    const QString &labelSelector() const { return m_selector; }
    const QString &ns() const { return m_ns; }

    void start();
    void stop();
    bool isRunning() const { return m_running; }

    // The lines kept, oldest first.
    int lineCount() const { return int(m_lines.size()); }
    const LogLine &line(int index) const { return m_lines.at(size_t(index)); }
    // Lines that fell off the front past maximumLines, plus those a stream's
    // buffer had to let go of.
    qint64 droppedCount() const { return m_dropped; }
    qint64 receivedCount() const { return m_received; }
    // Lines that arrived too late to be put in their place (still shown).
    qint64 lateCount() const { return m_merger.lateCount(); }
    // The pods followed now, by name.
    QStringList pods() const;
    // Streams open now (a container's log, its previous log).
    int openStreamCount() const;
    // How often streams were read again after failing, for tests.
    int retryCount() const { return m_retries; }

    // Cuts POD's streams as a network failure would, so they are read again
    // (from their last line's time). For tests.
    void simulateDisconnect(const QString &pod);

Q_SIGNALS:
    // A batch of lines appended at the end, in time order; DROPPED older
    // lines fell off the front before them (lines are kept until then).
    void linesAppended(const QList<Shipyard::LogLine> &lines, int dropped);
    void podsChanged();
    // A stream failed (it is retried) or the deployment could not be read (not retried).
    void errorOccurred(const QString &message);
    // Not following: every stream ended and every line was given out.
    void finished();

public:
    struct Pipe; // shared with the HTTP worker thread

private:
    struct Follower;
    void watchPods();
    void reconcile();
    void follow(Follower &follower);
    void drain();
    void drainOne(Follower &follower);
    void deliver(Follower &follower, QByteArrayView chunk);
    void append(QList<LogLine> lines);
    void checkFinished();
    qint64 now() const;

    KubeClient m_client;
    QString m_ns;
    QString m_deployment;
    QString m_selector;
    Options m_options;
    bool m_running = false;
    bool m_finished = false;
    bool m_synced = false;
    quint64 m_generation = 0;
    std::unique_ptr<KubeInformer> m_informer;
    std::map<QString, std::unique_ptr<Follower>> m_followers; // "pod/container" or "pod/container/previous"
    QSet<QString> m_previousRead; // "pod/container" whose previous log was read
    QStringList m_pods;
    LogMerger m_merger;
    std::deque<LogLine> m_lines;
    qint64 m_dropped = 0;
    qint64 m_received = 0;
    int m_retries = 0;
    QTimer m_drainTimer;
    QElapsedTimer m_clock;
};

} // namespace Shipyard
